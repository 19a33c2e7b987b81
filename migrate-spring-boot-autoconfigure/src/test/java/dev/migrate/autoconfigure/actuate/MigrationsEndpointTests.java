package dev.migrate.autoconfigure.actuate;

import java.util.Map;

import dev.migrate.autoconfigure.MigrateAutoConfiguration;
import dev.migrate.autoconfigure.actuate.MigrationsEndpoint.ContextMigratorsDescriptor;
import dev.migrate.autoconfigure.actuate.MigrationsEndpoint.MigratorDescriptor;
import dev.migrate.autoconfigure.actuate.MigrationsEndpoint.RevisionDescriptor;
import dev.migrate.autoconfigure.actuate.MigrationsEndpoint.RevisionMatchesDescriptor;
import dev.migrate.core.RevisionState;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrationsEndpoint} on a real (H2) database.
 */
class MigrationsEndpointTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class,
				MigrationsEndpointAutoConfiguration.class))
		.withPropertyValues("spring.datasource.generate-unique-name=true", "migrate.locations=classpath:db/app",
				"management.endpoints.web.exposure.include=migrations");

	@Test
	void reportsAppliedRevisionsAndHistory() {
		this.contextRunner.run((context) -> {
			Map<String, ContextMigratorsDescriptor> contexts = context.getBean(MigrationsEndpoint.class)
				.migrations(null, null)
				.getContexts();
			assertThat(contexts).containsOnlyKeys(context.getId());
			assertThat(contexts.get(context.getId()).getParentId()).isNull();
			MigratorDescriptor migrator = contexts.get(context.getId()).getMigrateBeans().get("migrator");
			assertThat(migrator.getCurrent()).containsExactly("2b3c4d5e6f70");
			assertThat(migrator.getHeads()).containsExactly("2b3c4d5e6f70");
			assertThat(migrator.getPending()).isEmpty();
			assertThat(migrator.getRevisions()).extracting(RevisionDescriptor::getId)
				.containsExactly("2b3c4d5e6f70", "1a2b3c4d5e6f");
			RevisionDescriptor head = migrator.getRevisions().get(0);
			assertThat(head.getState()).isEqualTo(RevisionState.APPLIED);
			assertThat(head.getRevises()).containsExactly("1a2b3c4d5e6f");
			assertThat(head.getMessage()).isEqualTo("Add the item price");
			assertThat(head.getAppliedAt()).isNotNull();
			assertThat(head.getAppliedBy()).isNotBlank();
			assertThat(head.getExecutionTime()).isNotNull();
			assertThat(head.getChecksum()).isNotBlank();
			assertThat(migrator.getRecentHistory()).hasSize(2)
				.allSatisfy((row) -> assertThat(row.isSuccess()).isTrue());
			assertThat(migrator.getRecentHistory().get(0).getRevision()).isEqualTo("2b3c4d5e6f70");
		});
	}

	@Test
	void reportsPendingRevisions() {
		this.contextRunner.withPropertyValues("migrate.on-startup=none").run((context) -> {
			MigratorDescriptor migrator = context.getBean(MigrationsEndpoint.class)
				.migrations(null, null)
				.getContexts()
				.get(context.getId())
				.getMigrateBeans()
				.get("migrator");
			assertThat(migrator.getCurrent()).isEmpty();
			assertThat(migrator.getPending()).containsExactly("1a2b3c4d5e6f", "2b3c4d5e6f70");
			assertThat(migrator.getRevisions()).extracting(RevisionDescriptor::getState)
				.containsOnly(RevisionState.PENDING);
			assertThat(migrator.getRevisions()).allSatisfy((revision) -> assertThat(revision.getAppliedAt()).isNull());
		});
	}

	@Test
	void selectsOneRevisionByIdOrPrefix() {
		this.contextRunner.run((context) -> {
			MigrationsEndpoint endpoint = context.getBean(MigrationsEndpoint.class);
			RevisionMatchesDescriptor matches = endpoint.revision("2b3c");
			assertThat(matches).isNotNull();
			RevisionDescriptor revision = matches.getContexts().get(context.getId()).getMigrateBeans().get("migrator");
			assertThat(revision.getId()).isEqualTo("2b3c4d5e6f70");
			assertThat(revision.getState()).isEqualTo(RevisionState.APPLIED);
			assertThat(endpoint.revision("ffffffffffff")).isNull();
		});
	}

	@Test
	void walksTheContextHierarchy() {
		this.contextRunner.run((parent) -> new ApplicationContextRunner().withParent(parent)
			.withConfiguration(AutoConfigurations.of(MigrationsEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=migrations")
			.withBean(MigrationsEndpoint.class, () -> new MigrationsEndpoint(parent))
			.run((child) -> {
				Map<String, ContextMigratorsDescriptor> contexts = new MigrationsEndpoint(child).migrations(null, null)
					.getContexts();
				assertThat(contexts).containsOnlyKeys(child.getId(), parent.getId());
				assertThat(contexts.get(child.getId()).getParentId()).isEqualTo(parent.getId());
				assertThat(contexts.get(child.getId()).getMigrateBeans()).isEmpty();
				assertThat(contexts.get(parent.getId()).getMigrateBeans()).containsOnlyKeys("migrator");
			}));
	}

}
