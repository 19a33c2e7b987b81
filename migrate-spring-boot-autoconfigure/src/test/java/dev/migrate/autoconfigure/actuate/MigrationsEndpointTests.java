package dev.migrate.autoconfigure.actuate;

import java.util.Map;

import dev.migrate.autoconfigure.MigrateAutoConfiguration;
import dev.migrate.autoconfigure.actuate.MigrationsEndpoint.ContextMigratorsDescriptor;
import dev.migrate.autoconfigure.actuate.MigrationsEndpoint.HistoryDescriptor;
import dev.migrate.autoconfigure.actuate.MigrationsEndpoint.MigrationsDescriptor;
import dev.migrate.autoconfigure.actuate.MigrationsEndpoint.MigratorDescriptor;
import dev.migrate.autoconfigure.actuate.MigrationsEndpoint.RevisionDescriptor;
import dev.migrate.autoconfigure.actuate.MigrationsEndpoint.RevisionMatchesDescriptor;
import dev.migrate.core.RevisionState;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

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
				.migrations(null, null, null)
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
	void pagesTheRevisionsWithTheSummaryOnEveryPage() {
		this.contextRunner.run((context) -> {
			MigrationsEndpoint endpoint = context.getBean(MigrationsEndpoint.class);
			MigratorDescriptor first = migrator(context, endpoint.migrations(0, 1, null));
			assertThat(first.getRevisions()).extracting(RevisionDescriptor::getId).containsExactly("2b3c4d5e6f70");
			assertThat(first.getPage()).isZero();
			assertThat(first.getSize()).isOne();
			assertThat(first.getPages()).isEqualTo(2);
			assertThat(first.getTotal()).isEqualTo(2);
			MigratorDescriptor second = migrator(context, endpoint.migrations(1, 1, null));
			assertThat(second.getRevisions()).extracting(RevisionDescriptor::getId).containsExactly("1a2b3c4d5e6f");
			assertThat(second.getRevisions().get(0).getAppliedAt()).isNotNull();
			assertThat(second.getCurrent()).containsExactly("2b3c4d5e6f70");
			assertThat(second.getRecentHistory()).hasSize(2);
			MigratorDescriptor past = migrator(context, endpoint.migrations(2, 1, null));
			assertThat(past.getRevisions()).isEmpty();
			assertThat(past.getPages()).isEqualTo(2);
			MigratorDescriptor defaults = migrator(context, endpoint.migrations(null, null, null));
			assertThat(defaults.getPage()).isZero();
			assertThat(defaults.getSize()).isEqualTo(100);
			assertThat(defaults.getPages()).isOne();
		});
	}

	@Test
	void recentHistoryHasItsOwnLengthOnEveryPage() {
		this.contextRunner.run((context) -> {
			MigrationsEndpoint endpoint = context.getBean(MigrationsEndpoint.class);
			MigratorDescriptor newest = migrator(context, endpoint.migrations(null, null, 1));
			assertThat(newest.getRevisions()).hasSize(2);
			assertThat(newest.getRecentHistory()).extracting(HistoryDescriptor::getRevision).containsExactly("2b3c4d5e6f70");
			MigratorDescriptor secondPage = migrator(context, endpoint.migrations(1, 1, 1));
			assertThat(secondPage.getRevisions()).extracting(RevisionDescriptor::getId).containsExactly("1a2b3c4d5e6f");
			assertThat(secondPage.getRecentHistory()).extracting(HistoryDescriptor::getRevision)
				.containsExactly("2b3c4d5e6f70");
			MigratorDescriptor none = migrator(context, endpoint.migrations(0, 1, 0));
			assertThat(none.getRecentHistory()).isEmpty();
			assertThat(none.getRevisions()).extracting(RevisionDescriptor::getId).containsExactly("2b3c4d5e6f70");
			assertThat(migrator(context, endpoint.migrations(0, 1, 1000)).getRecentHistory())
				.extracting(HistoryDescriptor::getRevision)
				.containsExactly("2b3c4d5e6f70", "1a2b3c4d5e6f");
		});
	}

	@Test
	void rejectsAPageSizeOrHistoryOutOfRangeNamingTheParameter() {
		this.contextRunner.run((context) -> {
			MigrationsEndpoint endpoint = context.getBean(MigrationsEndpoint.class);
			assertThatExceptionOfType(InvalidEndpointRequestException.class).isThrownBy(() -> endpoint.migrations(0, 0, null))
				.withMessage("Parameter 'size' must be between 1 and 1000, was 0");
			assertThatExceptionOfType(InvalidEndpointRequestException.class)
				.isThrownBy(() -> endpoint.migrations(null, 1001, null))
				.withMessage("Parameter 'size' must be between 1 and 1000, was 1001");
			assertThatExceptionOfType(InvalidEndpointRequestException.class)
				.isThrownBy(() -> endpoint.migrations(-1, null, null))
				.withMessage("Parameter 'page' must be 0 or more (the first page is 0), was -1");
			assertThatExceptionOfType(InvalidEndpointRequestException.class)
				.isThrownBy(() -> endpoint.migrations(null, null, -1))
				.withMessage("Parameter 'history' must be between 0 and 1000, was -1");
			assertThatExceptionOfType(InvalidEndpointRequestException.class)
				.isThrownBy(() -> endpoint.migrations(null, null, 1001))
				.withMessage("Parameter 'history' must be between 0 and 1000, was 1001");
		});
	}

	private static MigratorDescriptor migrator(ApplicationContext context, MigrationsDescriptor migrations) {
		return migrations.getContexts().get(context.getId()).getMigrateBeans().get("migrator");
	}

	@Test
	void reportsPendingRevisions() {
		this.contextRunner.withPropertyValues("migrate.on-startup=none").run((context) -> {
			MigratorDescriptor migrator = context.getBean(MigrationsEndpoint.class)
				.migrations(null, null, null)
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
				Map<String, ContextMigratorsDescriptor> contexts = new MigrationsEndpoint(child).migrations(null, null, null)
					.getContexts();
				assertThat(contexts).containsOnlyKeys(child.getId(), parent.getId());
				assertThat(contexts.get(child.getId()).getParentId()).isEqualTo(parent.getId());
				assertThat(contexts.get(child.getId()).getMigrateBeans()).isEmpty();
				assertThat(contexts.get(parent.getId()).getMigrateBeans()).containsOnlyKeys("migrator");
			}));
	}

}
