package dev.migrate.autoconfigure;

import javax.sql.DataSource;

import dev.migrate.core.Migrator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;

/**
 * Reports a DataSource as {@link SchemaManagement#MANAGED} when a {@link Migrator} bean migrates it, so
 * Hibernate's {@code ddl-auto} defaults to {@code none} on an embedded database.
 */
final class MigrateSchemaManagementProvider implements SchemaManagementProvider {

	private final ObjectProvider<Migrator> migrators;

	MigrateSchemaManagementProvider(ObjectProvider<Migrator> migrators) {
		this.migrators = migrators;
	}

	@Override
	public SchemaManagement getSchemaManagement(DataSource dataSource) {
		return this.migrators.stream()
			.map((migrator) -> migrator.config().dataSource())
			.anyMatch(dataSource::equals) ? SchemaManagement.MANAGED : SchemaManagement.UNMANAGED;
	}

}
