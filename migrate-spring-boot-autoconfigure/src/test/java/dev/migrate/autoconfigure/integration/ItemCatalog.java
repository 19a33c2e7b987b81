package dev.migrate.autoconfigure.integration;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A database user that reads the schema in its constructor: it only starts if the schema is at heads,
 * since {@code item.price} arrives with the second revision.
 */
@Component
class ItemCatalog {

	private final int pricedItems;

	ItemCatalog(JdbcTemplate jdbc) {
		this.pricedItems = jdbc.queryForObject("SELECT COUNT(price) FROM item", Integer.class);
	}

	int pricedItemsAtStartup() {
		return this.pricedItems;
	}

}
