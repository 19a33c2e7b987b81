package dev.migrate.sample;

import java.util.Map;

import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.jdbc.support.KeyHolder;

/**
 * Reads the generated {@code id} from a {@link KeyHolder}, whatever name and type the driver reports it
 * under (PostgreSQL {@code id}, SQL Server {@code GENERATED_KEYS}, SQLite {@code last_insert_rowid()},
 * MariaDB {@code insert_id}).
 */
final class GeneratedKeys {

	private GeneratedKeys() {
	}

	static long id(KeyHolder keys) {
		Map<String, Object> row = keys.getKeys();
		if (row != null && !row.isEmpty()) {
			Object id = row.getOrDefault("id", row.getOrDefault("ID", row.values().iterator().next()));
			if (id instanceof Number number) {
				return number.longValue();
			}
		}
		throw new DataRetrievalFailureException("The driver returned no generated id: " + keys.getKeyList());
	}

}
