package dev.migrate.autoconfigure;

import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.DelegatingDataSource;
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

	@Test
	void describesHikariByItsJdbcUrlWithoutStartingThePool() {
		try (HikariDataSource dataSource = new HikariDataSource()) {
			dataSource.setJdbcUrl("jdbc:postgresql://app:s3cret@127.0.0.1:9/app");
			assertThat(DataSourceUrls.describe(dataSource)).isEqualTo("jdbc:postgresql://app:***@127.0.0.1:9/app");
			assertThat(dataSource.isRunning()).isFalse();
		}
	}

	@Test
	void describesADataSourceWithoutAUrlPropertyFromAConnection() {
		String url = "jdbc:h2:mem:" + UUID.randomUUID();
		DataSource wrapped = new DelegatingDataSource(new SimpleDriverDataSource(new org.h2.Driver(), url));
		assertThat(DataSourceUrls.describe(wrapped)).isEqualTo(url);
	}

}
