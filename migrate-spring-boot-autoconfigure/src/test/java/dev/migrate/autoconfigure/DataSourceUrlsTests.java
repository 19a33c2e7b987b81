package dev.migrate.autoconfigure;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DataSourceUrls}.
 */
class DataSourceUrlsTests {

	@Test
	void masksPasswordParameters() {
		assertThat(DataSourceUrls.mask("jdbc:postgresql://db:5432/app?user=app&password=s3cret&ssl=true"))
			.isEqualTo("jdbc:postgresql://db:5432/app?user=app&password=****&ssl=true");
		assertThat(DataSourceUrls.mask("jdbc:sqlserver://db:1433;databaseName=app;user=sa;Password=s3cret;"))
			.isEqualTo("jdbc:sqlserver://db:1433;databaseName=app;user=sa;Password=****;");
	}

	@Test
	void masksPasswordInUserInfo() {
		assertThat(DataSourceUrls.mask("jdbc:mariadb://app:s3cret@db:3306/app"))
			.isEqualTo("jdbc:mariadb://app:****@db:3306/app");
	}

	@Test
	void leavesUrlsWithoutPasswordAlone() {
		assertThat(DataSourceUrls.mask("jdbc:sqlite:/tmp/app.db")).isEqualTo("jdbc:sqlite:/tmp/app.db");
		assertThat(DataSourceUrls.mask("jdbc:postgresql://db:5432/app")).isEqualTo("jdbc:postgresql://db:5432/app");
	}

	@Test
	void describesDataSourceByItsUrlPropertyWithoutConnecting() {
		String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";PASSWORD=hidden";
		SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(), url);
		assertThat(DataSourceUrls.describe(dataSource)).endsWith(";PASSWORD=****").doesNotContain("hidden");
	}

}
