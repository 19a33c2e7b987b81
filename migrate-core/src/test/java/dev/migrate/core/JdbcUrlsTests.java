package dev.migrate.core;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Masking and dialect detection of JDBC URLs: every form the runtime, the CLI and the Spring Boot
 * auto-configuration mask.
 */
class JdbcUrlsTests {

	static Stream<Arguments> urls() {
		return Stream.of(
				// password parameters after ? and &, in any case, with ssl prefix
				Arguments.of("jdbc:postgresql://db:5432/app?user=app&password=s3cret&ssl=true",
						"jdbc:postgresql://db:5432/app?user=app&password=***&ssl=true"),
				Arguments.of("jdbc:postgresql://db/app?sslpassword=s3cret", "jdbc:postgresql://db/app?sslpassword=***"),
				Arguments.of("jdbc:mysql://db/app?PWD=s3cret", "jdbc:mysql://db/app?PWD=***"),
				Arguments.of("jdbc:postgresql://db/app?sslpassword=s3cret&PWD=s3cret",
						"jdbc:postgresql://db/app?sslpassword=***&PWD=***"),
				Arguments.of("jdbc:mysql://db/app?user=app&passwd=s3cret", "jdbc:mysql://db/app?user=app&passwd=***"),
				// secret and token parameters
				Arguments.of("jdbc:postgresql://db/app?client_secret=s3cret&access.token=s3cret&ssl=true",
						"jdbc:postgresql://db/app?client_secret=***&access.token=***&ssl=true"),
				// ;-separated properties (SQL Server, H2), braced values, a trailing ;
				Arguments.of("jdbc:sqlserver://db;databaseName=app;password=s3cret;encrypt=true",
						"jdbc:sqlserver://db;databaseName=app;password=***;encrypt=true"),
				Arguments.of("jdbc:sqlserver://db;user=sa;password=Str0ng!s3cret;encrypt=false",
						"jdbc:sqlserver://db;user=sa;password=***;encrypt=false"),
				Arguments.of("jdbc:sqlserver://db:1433;databaseName=app;user=sa;Password=s3cret;",
						"jdbc:sqlserver://db:1433;databaseName=app;user=sa;Password=***;"),
				Arguments.of("jdbc:sqlserver://db;password={s3c;ret};encrypt=true",
						"jdbc:sqlserver://db;password=***;encrypt=true"),
				Arguments.of("jdbc:h2:mem:app;PASSWORD=s3cret", "jdbc:h2:mem:app;PASSWORD=***"),
				// a parameter that follows no ? & or ;
				Arguments.of("jdbc:db2://db:50000/app:password=s3cret;", "jdbc:db2://db:50000/app:password=***;"),
				// user info, with and without a user name
				Arguments.of("jdbc:mariadb://app:s3cret@db:3306/app", "jdbc:mariadb://app:***@db:3306/app"),
				Arguments.of("jdbc:mysql://admin:s3cret@db:3306/app", "jdbc:mysql://admin:***@db:3306/app"),
				Arguments.of("jdbc:postgresql://:s3cret@db/app", "jdbc:postgresql://:***@db/app"),
				// a URL inside a message: the rest of the message stays
				Arguments.of("failed for jdbc:mariadb://db/app?password=s3cret (refused)",
						"failed for jdbc:mariadb://db/app?password=*** (refused)"),
				// nothing to mask
				Arguments.of("jdbc:postgresql://db:5432/app", "jdbc:postgresql://db:5432/app"),
				Arguments.of("jdbc:sqlite:/tmp/app.db", "jdbc:sqlite:/tmp/app.db"),
				Arguments.of("jdbc:h2:mem:test", "jdbc:h2:mem:test"), Arguments.of(null, null));
	}

	@ParameterizedTest
	@MethodSource("urls")
	void masksPasswordsAndKeepsEverythingElse(String url, String masked) {
		assertThat(JdbcUrls.mask(url)).isEqualTo(masked);
		if (url != null) {
			assertThat(JdbcUrls.mask(url)).doesNotContain("s3c");
		}
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

	static Stream<Arguments> userInfo() {
		return Stream.of(
				Arguments.of("jdbc:postgresql://app:s3cret@127.0.0.1:5432/db", "jdbc:postgresql://127.0.0.1:5432/db", "app",
						"s3cret"),
				Arguments.of("jdbc:mariadb://root:pw@127.0.0.1/db?x=1", "jdbc:mariadb://127.0.0.1/db?x=1", "root", "pw"),
				Arguments.of("jdbc:mysql://:p%40ss+1@db/app", "jdbc:mysql://db/app", null, "p@ss+1"),
				Arguments.of("jdbc:postgresql://app@db/app", "jdbc:postgresql://db/app", "app", null),
				Arguments.of("jdbc:sqlserver://db;password=a@b", null, null, null),
				Arguments.of("jdbc:postgresql://db/app?user=a@b", null, null, null),
				Arguments.of("jdbc:sqlite:a@b.db", null, null, null));
	}

	@ParameterizedTest
	@MethodSource("userInfo")
	void takesUserInfoOutOfTheUrlSoNoDriverSeesIt(String url, String without, String user, String password) {
		JdbcUrls.Credentials credentials = JdbcUrls.extractCredentials(url);
		if (without == null) {
			assertThat(credentials).isNull();
			return;
		}
		assertThat(credentials).isEqualTo(new JdbcUrls.Credentials(without, user, password));
		assertThat(credentials.toString()).doesNotContain("s3cret");
	}

	@Test
	void theConfigurationMovesUrlCredentialsIntoUserAndPassword() {
		MigrateConfig config = MigrateConfig.builder().url("jdbc:postgresql://app:s3cret@127.0.0.1/db").build();
		assertThat(config.url()).isEqualTo("jdbc:postgresql://127.0.0.1/db");
		assertThat(config.user()).isEqualTo("app");
		assertThat(config.password()).isEqualTo("s3cret");
		assertThat(MigrateConfig.builder().url("jdbc:postgresql://app:s3cret@127.0.0.1/db").password("s3cret").build()
			.password()).isEqualTo("s3cret");
	}

	@Test
	void theConfigurationRefusesUrlCredentialsThatContradictTheSettings() {
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> MigrateConfig.builder().url("jdbc:mariadb://app:s3cret@127.0.0.1/db").user("other").build())
			.withMessage("the url jdbc:mariadb://app:***@127.0.0.1/db holds a user and password that differ from the"
					+ " user and password set separately; set them in one place")
			.withMessageNotContaining("s3cret");
	}

}
