package dev.migrate.autoconfigure;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DataSourceUrls}. The masking rules themselves are tested with {@code dev.migrate.core.JdbcUrls}.
 */
class DataSourceUrlsTests {

	@Test
	void describesDataSourceByItsUrlPropertyWithoutConnecting() {
		String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";PASSWORD=hidden";
		SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(), url);
		assertThat(DataSourceUrls.describe(dataSource)).endsWith(";PASSWORD=***").doesNotContain("hidden");
	}

}
