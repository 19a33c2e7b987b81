package dev.migrate.autoconfigure.integration;

import dev.migrate.core.Migrator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @JdbcTest} slice migrates its embedded database through the
 * {@code AutoConfigureDataSourceInitialization} imports entry.
 */
@JdbcTest(properties = "migrate.locations=classpath:db/app")
class JdbcSliceTests {

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private Migrator migrator;

	@Test
	void migratesTheSliceDatabase() {
		assertThat(this.jdbc.queryForObject("SELECT COUNT(price) FROM item", Integer.class)).isZero();
		assertThat(this.migrator.current()).containsExactly("2b3c4d5e6f70");
	}

}
