package dev.migrate.cli;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Masking and dialect detection of JDBC URLs.
 */
class JdbcUrlsTests {

	static Stream<Arguments> urls() {
		return Stream.of(Arguments.of("jdbc:postgresql://db:5432/app", "jdbc:postgresql://db:5432/app"),
				Arguments.of("jdbc:postgresql://db/app?user=u&password=p4ss&ssl=true",
						"jdbc:postgresql://db/app?user=u&password=***&ssl=true"),
				Arguments.of("jdbc:mysql://admin:s3cret@db:3306/app", "jdbc:mysql://admin:***@db:3306/app"),
				Arguments.of("jdbc:sqlserver://db;user=sa;password=Str0ng!;encrypt=false",
						"jdbc:sqlserver://db;user=sa;password=***;encrypt=false"),
				Arguments.of("jdbc:postgresql://db/app?sslpassword=k&PWD=x", "jdbc:postgresql://db/app?sslpassword=***&PWD=***"),
				Arguments.of("failed for jdbc:mariadb://db/app?password=x (refused)",
						"failed for jdbc:mariadb://db/app?password=*** (refused)"),
				Arguments.of("jdbc:sqlite:/tmp/app.db", "jdbc:sqlite:/tmp/app.db"));
	}

	@ParameterizedTest
	@MethodSource("urls")
	void masksPasswordsAndKeepsEverythingElse(String url, String masked) {
		assertThat(JdbcUrls.mask(url)).isEqualTo(masked);
	}

	static Stream<Arguments> dialects() {
		return Stream.of(Arguments.of("jdbc:postgresql://db/app", "postgresql"), Arguments.of("jdbc:mysql://db/app", "mysql"),
				Arguments.of("jdbc:mariadb://db/app", "mariadb"), Arguments.of("jdbc:sqlite:app.db", "sqlite"),
				Arguments.of("JDBC:SQLSERVER://db", "sqlserver"), Arguments.of("jdbc:h2:mem:x", "h2"),
				Arguments.of("jdbc:oracle:thin:@db", null), Arguments.of(null, null));
	}

	@ParameterizedTest
	@MethodSource("dialects")
	void derivesTheDialectFromTheUrlPrefix(String url, String dialect) {
		assertThat(JdbcUrls.dialectOf(url)).isEqualTo(dialect);
	}

}
