package dev.migrate.core.runtime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcUrlsTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"jdbc:postgresql://db:5432/app?user=app&password=s3cret&ssl=true|jdbc:postgresql://db:5432/app?user=app&password=****&ssl=true",
			"jdbc:sqlserver://db;databaseName=app;password=s3cret;encrypt=true|jdbc:sqlserver://db;databaseName=app;password=****;encrypt=true",
			"jdbc:mariadb://app:s3cret@db:3306/app|jdbc:mariadb://app:****@db:3306/app",
			"jdbc:postgresql://db/app?sslpassword=s3cret|jdbc:postgresql://db/app?sslpassword=****",
			"jdbc:mysql://db/app?PWD=s3cret|jdbc:mysql://db/app?PWD=****", "jdbc:h2:mem:test|jdbc:h2:mem:test" })
	void masksPasswordsInEveryUrlStyle(String url, String masked) {
		assertThat(JdbcUrls.mask(url)).isEqualTo(masked).doesNotContain("s3cret");
	}

}
