package dev.migrate.autoconfigure.testcontainers;

import dev.migrate.autoconfigure.MigrateConnectionDetails;
import org.testcontainers.containers.JdbcDatabaseContainer;

import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

/**
 * {@link ContainerConnectionDetailsFactory} creating {@link MigrateConnectionDetails} from a
 * {@link ServiceConnection @ServiceConnection}-annotated {@link JdbcDatabaseContainer}, so migrate connects to
 * the container.
 */
class MigrateContainerConnectionDetailsFactory
		extends ContainerConnectionDetailsFactory<JdbcDatabaseContainer<?>, MigrateConnectionDetails> {

	@Override
	protected MigrateConnectionDetails getContainerConnectionDetails(
			ContainerConnectionSource<JdbcDatabaseContainer<?>> source) {
		return new MigrateContainerConnectionDetails(source);
	}

	/**
	 * {@link MigrateConnectionDetails} backed by a {@link JdbcDatabaseContainer}.
	 */
	private static final class MigrateContainerConnectionDetails
			extends ContainerConnectionDetails<JdbcDatabaseContainer<?>> implements MigrateConnectionDetails {

		private MigrateContainerConnectionDetails(ContainerConnectionSource<JdbcDatabaseContainer<?>> source) {
			super(source);
		}

		@Override
		public String getUsername() {
			return getContainer().getUsername();
		}

		@Override
		public String getPassword() {
			return getContainer().getPassword();
		}

		@Override
		public String getJdbcUrl() {
			return getContainer().getJdbcUrl();
		}

		@Override
		public String getDriverClassName() {
			return getContainer().getDriverClassName();
		}

	}

}
