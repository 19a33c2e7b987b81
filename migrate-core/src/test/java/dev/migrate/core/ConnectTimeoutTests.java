package dev.migrate.core;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

/**
 * A URL that points at a port which accepts TCP but never answers (a wrong port, a firewall that swallows
 * packets, a half-dead server) fails with a connection error instead of hanging: every known driver gets a
 * connect/login bound. The {@code @Timeout}s only turn a hang into a failure; nothing is timed.
 */
class ConnectTimeoutTests {

	@TempDir
	Path scripts;

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "mariadb", "mysql" })
	@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	void aServerThatNeverAnswersIsAConnectionErrorNotAHang(String engine) throws Exception {
		try (MuteServer server = new MuteServer()) {
			Migrator migrator = Migrator.create(MigrateConfig.builder()
				.url("jdbc:" + engine + "://127.0.0.1:" + server.port() + "/app")
				.user("app")
				.locations(List.of("filesystem:" + this.scripts))
				.connectTimeout(Duration.ofSeconds(2))
				.build());
			assertThatExceptionOfType(DatabaseConnectionException.class).isThrownBy(migrator::current)
				.withMessageStartingWith("Could not connect to jdbc:" + engine + "://127.0.0.1:" + server.port()
						+ "/app after 1 attempt(s): ");
			assertThat(server.accepted()).isPositive();
		}
	}

	@Test
	void theDefaultBoundIsThirtySecondsAsEachDriverSpellsIt() {
		assertThat(MigrateConfig.builder().build().connectTimeout()).isEqualTo(Duration.ofSeconds(30));
		Duration timeout = MigrateConfig.DEFAULT_CONNECT_TIMEOUT;
		assertThat(JdbcUrls.timeoutProperties("jdbc:postgresql://db/app", timeout))
			.containsExactly(entry("connectTimeout", "30"), entry("loginTimeout", "30"));
		assertThat(JdbcUrls.timeoutProperties("jdbc:mariadb://db/app", timeout))
			.containsExactly(entry("connectTimeout", "30000"));
		assertThat(JdbcUrls.timeoutProperties("jdbc:mysql://db/app", timeout))
			.containsExactly(entry("connectTimeout", "30000"), entry("socketTimeout", "30000"));
		assertThat(JdbcUrls.timeoutProperties("jdbc:sqlserver://db;databaseName=app", timeout))
			.containsExactly(entry("loginTimeout", "30"));
		assertThat(JdbcUrls.timeoutProperties("jdbc:sqlite:app.db", timeout)).isEmpty();
	}

	@Test
	void aTimeoutTheUrlSetsWinsAndZeroLeavesTheDriversDefault() {
		assertThat(JdbcUrls.timeoutProperties("jdbc:postgresql://db/app?loginTimeout=5", Duration.ofSeconds(30)))
			.containsExactly(entry("connectTimeout", "30"));
		assertThat(JdbcUrls.timeoutProperties("jdbc:postgresql://db/app?ssl=false&LOGINTIMEOUT=5",
				Duration.ofSeconds(30)))
			.containsExactly(entry("connectTimeout", "30"));
		assertThat(JdbcUrls.timeoutProperties("jdbc:sqlserver://db;databaseName=app;loginTimeout=5",
				Duration.ofSeconds(30)))
			.isEmpty();
		// Only a parameter of that name counts, not one that ends with it.
		assertThat(JdbcUrls.timeoutProperties("jdbc:postgresql://db/app?myloginTimeout=5&xconnectTimeout=5",
				Duration.ofSeconds(30)))
			.containsExactly(entry("connectTimeout", "30"), entry("loginTimeout", "30"));
		assertThat(JdbcUrls.timeoutProperties("jdbc:postgresql://db/app", Duration.ZERO)).isEmpty();
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> MigrateConfig.builder().connectTimeout(Duration.ofSeconds(-1)).build())
			.withMessage("connectTimeout must be zero or positive, was PT-1S");
	}

	/**
	 * Accepts connections on 127.0.0.1 and never sends a byte.
	 */
	private static final class MuteServer implements AutoCloseable {

		private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());

		private final List<Socket> clients = new ArrayList<>();

		private final Thread acceptor = new Thread(this::accept, "mute-server");

		MuteServer() throws IOException {
			this.acceptor.setDaemon(true);
			this.acceptor.start();
		}

		int port() {
			return this.socket.getLocalPort();
		}

		synchronized int accepted() {
			return this.clients.size();
		}

		private void accept() {
			try {
				while (true) {
					Socket client = this.socket.accept();
					synchronized (this) {
						this.clients.add(client);
					}
				}
			}
			catch (IOException ex) {
				// closed
			}
		}

		@Override
		public synchronized void close() throws IOException {
			this.socket.close();
			for (Socket client : this.clients) {
				client.close();
			}
		}

	}

}
