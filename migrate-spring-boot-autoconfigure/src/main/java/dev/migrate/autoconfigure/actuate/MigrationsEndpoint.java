package dev.migrate.autoconfigure.actuate;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migrate.autoconfigure.MigrateFleet;
import dev.migrate.autoconfigure.MigrateInitializer;
import dev.migrate.core.HistoryEntry;
import dev.migrate.core.MigrateException;
import dev.migrate.core.MigrationInfo;
import dev.migrate.core.Migrator;
import dev.migrate.core.RevisionInfo;
import dev.migrate.core.RevisionState;
import dev.migrate.core.RevisionStatus;
import dev.migrate.core.fleet.TenantResult;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.context.ApplicationContext;

/**
 * {@link Endpoint @Endpoint} reporting, for every {@link Migrator} bean in the context hierarchy, the current
 * revisions, heads, pending revisions, every revision with its state, recent history and, for an engine with a
 * model ({@code migrate.model}), how the database differs from it; with tenants ({@code migrate.tenants.*}), a
 * summary of them ({@code ?page=&size=} pages the failed and pending ones) and each one's detail at
 * {@code /actuator/migrations/tenants/{name}}. Read-only.
 */
@Endpoint(id = "migrations")
public class MigrationsEndpoint {

	private final ApplicationContext context;

	/**
	 * @param context the context whose hierarchy to report
	 */
	public MigrationsEndpoint(ApplicationContext context) {
		this.context = context;
	}

	/**
	 * @return every engine's state, by context id and bean name
	 */
	@ReadOperation
	public MigrationsDescriptor migrations(@Nullable Integer page, @Nullable Integer size) {
		Map<@Nullable String, ContextMigratorsDescriptor> contexts = new LinkedHashMap<>();
		ApplicationContext target = this.context;
		while (target != null) {
			Map<String, MigratorDescriptor> migrators = new LinkedHashMap<>();
			Collection<MigrateInitializer> initializers = target.getBeansOfType(MigrateInitializer.class).values();
			target.getBeansOfType(Migrator.class)
				.forEach((name, migrator) -> migrators.put(name,
						new MigratorDescriptor(migrator.info(), modelDifferences(migrator, initializers))));
			ApplicationContext parent = target.getParent();
			contexts.put(target.getId(),
					new ContextMigratorsDescriptor(migrators, (parent != null) ? parent.getId() : null));
			target = parent;
		}
		MigrateFleet fleet = this.context.getBeanProvider(MigrateFleet.class).getIfAvailable();
		TenantsDescriptor tenants = (fleet != null) ? new TenantsDescriptor(fleet.latest(),
				Math.max(0, (page != null) ? page : 0),
				Math.max(1, (size != null) ? size : TenantsDescriptor.DEFAULT_PAGE_SIZE)) : null;
		return new MigrationsDescriptor(contexts, tenants);
	}

	/**
	 * Reports one tenant: its state in the latest run and its database against the scripts, read now.
	 * @param kind {@code tenants}
	 * @param name the tenant's name
	 * @return the tenant, or {@code null} (404) for another kind or a tenant this instance does not migrate
	 */
	@ReadOperation
	public @Nullable TenantDetailDescriptor tenant(@Selector String kind, @Selector String name) {
		MigrateFleet fleet = this.context.getBeanProvider(MigrateFleet.class).getIfAvailable();
		if (fleet == null || !"tenants".equals(kind)) {
			return null;
		}
		for (TenantResult result : fleet.latest().tenants()) {
			if (result.tenant().name().equals(name)) {
				Migrator migrator = fleet.getRunner().migrator(result.tenant());
				return new TenantDetailDescriptor(new TenantsDescriptor.TenantDescriptor(result),
						new MigratorDescriptor(migrator.info(), null));
			}
		}
		return null;
	}

	/**
	 * Reports one revision as each engine that knows it sees it.
	 * @param revision a revision id or unique prefix
	 * @return the revision by context id and bean name, or {@code null} (404) when no engine knows it
	 */
	@ReadOperation
	public @Nullable RevisionMatchesDescriptor revision(@Selector String revision) {
		Map<@Nullable String, ContextRevisionDescriptor> contexts = new LinkedHashMap<>();
		boolean found = false;
		ApplicationContext target = this.context;
		while (target != null) {
			Map<String, RevisionDescriptor> matches = new HashMap<>();
			target.getBeansOfType(Migrator.class).forEach((name, migrator) -> {
				RevisionStatus status = find(migrator, revision);
				if (status != null) {
					matches.put(name, new RevisionDescriptor(status));
				}
			});
			found |= !matches.isEmpty();
			ApplicationContext parent = target.getParent();
			contexts.put(target.getId(),
					new ContextRevisionDescriptor(matches, (parent != null) ? parent.getId() : null));
			target = parent;
		}
		return found ? new RevisionMatchesDescriptor(contexts) : null;
	}

	private static @Nullable List<String> modelDifferences(Migrator migrator,
			Collection<MigrateInitializer> initializers) {
		for (MigrateInitializer initializer : initializers) {
			if (initializer.getMigrator() == migrator && initializer.getModel() != null) {
				return initializer.modelDifferences();
			}
		}
		return null;
	}

	private static @Nullable RevisionStatus find(Migrator migrator, String revision) {
		String id;
		try {
			id = migrator.show(revision).id();
		}
		catch (MigrateException ex) {
			// Unknown to the scripts: it may still be an orphan, applied but without a script.
			id = revision;
		}
		for (RevisionStatus status : migrator.info().revisions()) {
			if (status.revision().id().equals(id)) {
				return status;
			}
		}
		return null;
	}

	/**
	 * Every {@link Migrator} bean of an application, by context id.
	 */
	public static final class MigrationsDescriptor implements OperationResponseBody {

		private final Map<@Nullable String, ContextMigratorsDescriptor> contexts;

		private final @Nullable TenantsDescriptor tenants;

		private MigrationsDescriptor(Map<@Nullable String, ContextMigratorsDescriptor> contexts,
				@Nullable TenantsDescriptor tenants) {
			this.contexts = contexts;
			this.tenants = tenants;
		}

		public Map<@Nullable String, ContextMigratorsDescriptor> getContexts() {
			return this.contexts;
		}

		/**
		 * @return the tenants' summary, or {@code null} without {@code migrate.tenants}
		 */
		public @Nullable TenantsDescriptor getTenants() {
			return this.tenants;
		}

	}

	/**
	 * One tenant: its state in the latest run and its database against the scripts.
	 */
	public static final class TenantDetailDescriptor implements OperationResponseBody {

		private final TenantsDescriptor.TenantDescriptor tenant;

		private final MigratorDescriptor database;

		private TenantDetailDescriptor(TenantsDescriptor.TenantDescriptor tenant, MigratorDescriptor database) {
			this.tenant = tenant;
			this.database = database;
		}

		public TenantsDescriptor.TenantDescriptor getTenant() {
			return this.tenant;
		}

		public MigratorDescriptor getDatabase() {
			return this.database;
		}

	}

	/**
	 * The {@link Migrator} beans of one application context.
	 */
	public static final class ContextMigratorsDescriptor {

		private final Map<String, MigratorDescriptor> migrateBeans;

		private final @Nullable String parentId;

		private ContextMigratorsDescriptor(Map<String, MigratorDescriptor> migrateBeans, @Nullable String parentId) {
			this.migrateBeans = migrateBeans;
			this.parentId = parentId;
		}

		public Map<String, MigratorDescriptor> getMigrateBeans() {
			return this.migrateBeans;
		}

		public @Nullable String getParentId() {
			return this.parentId;
		}

	}

	/**
	 * One engine's database against its scripts.
	 */
	public static final class MigratorDescriptor {

		private final List<String> current;

		private final List<String> heads;

		private final List<String> pending;

		private final List<RevisionDescriptor> revisions;

		private final List<HistoryDescriptor> recentHistory;

		private final @Nullable List<String> modelDifferences;

		private MigratorDescriptor(MigrationInfo info, @Nullable List<String> modelDifferences) {
			this.modelDifferences = modelDifferences;
			this.current = info.current();
			this.heads = info.heads();
			this.pending = info.pending();
			this.revisions = info.revisions().stream().map(RevisionDescriptor::new).toList();
			this.recentHistory = info.recentHistory().stream().map(HistoryDescriptor::new).toList();
		}

		public List<String> getCurrent() {
			return this.current;
		}

		public List<String> getHeads() {
			return this.heads;
		}

		public List<String> getPending() {
			return this.pending;
		}

		public List<RevisionDescriptor> getRevisions() {
			return this.revisions;
		}

		public List<HistoryDescriptor> getRecentHistory() {
			return this.recentHistory;
		}

		/**
		 * @return how the database differs from the engine's model ({@code model} property), empty when it
		 * matches, or {@code null} when the engine has no model
		 */
		public @Nullable List<String> getModelDifferences() {
			return this.modelDifferences;
		}

	}

	/**
	 * A revision and where it stands against the database.
	 */
	public static final class RevisionDescriptor {

		private final String id;

		private final List<String> revises;

		private final @Nullable String message;

		private final List<String> labels;

		private final List<String> dependsOn;

		private final @Nullable String source;

		private final RevisionState state;

		private final @Nullable Instant appliedAt;

		private final @Nullable String appliedBy;

		private final @Nullable Long executionTime;

		private final @Nullable String checksum;

		private RevisionDescriptor(RevisionStatus status) {
			RevisionInfo revision = status.revision();
			this.id = revision.id();
			this.revises = revision.revises();
			this.message = revision.message();
			this.labels = revision.branchLabels().stream().sorted().toList();
			this.dependsOn = revision.dependsOn();
			this.source = revision.source();
			this.state = status.state();
			this.appliedAt = status.appliedAt();
			this.appliedBy = status.appliedBy();
			this.executionTime = status.executionMillis();
			this.checksum = status.checksum();
		}

		public String getId() {
			return this.id;
		}

		public List<String> getRevises() {
			return this.revises;
		}

		public @Nullable String getMessage() {
			return this.message;
		}

		public List<String> getLabels() {
			return this.labels;
		}

		public List<String> getDependsOn() {
			return this.dependsOn;
		}

		public @Nullable String getSource() {
			return this.source;
		}

		public RevisionState getState() {
			return this.state;
		}

		public @Nullable Instant getAppliedAt() {
			return this.appliedAt;
		}

		public @Nullable String getAppliedBy() {
			return this.appliedBy;
		}

		/**
		 * @return how long the upgrade took, in milliseconds, or {@code null} when not applied
		 */
		public @Nullable Long getExecutionTime() {
			return this.executionTime;
		}

		public @Nullable String getChecksum() {
			return this.checksum;
		}

	}

	/**
	 * One row of the history table.
	 */
	public static final class HistoryDescriptor {

		private final long id;

		private final String revision;

		private final String direction;

		private final List<String> versionBefore;

		private final List<String> versionAfter;

		private final @Nullable String message;

		private final @Nullable String checksum;

		private final @Nullable Instant startedAt;

		private final long executionTime;

		private final @Nullable String installedBy;

		private final boolean success;

		private final @Nullable String error;

		private final @Nullable Integer failedStatement;

		private HistoryDescriptor(HistoryEntry entry) {
			this.id = entry.id();
			this.revision = entry.revision();
			this.direction = entry.direction().verb();
			this.versionBefore = entry.versionBefore();
			this.versionAfter = entry.versionAfter();
			this.message = entry.message();
			this.checksum = entry.checksum();
			this.startedAt = entry.startedAt();
			this.executionTime = entry.executionMillis();
			this.installedBy = entry.installedBy();
			this.success = entry.success();
			this.error = entry.error();
			this.failedStatement = entry.failedStatement();
		}

		public long getId() {
			return this.id;
		}

		public String getRevision() {
			return this.revision;
		}

		public String getDirection() {
			return this.direction;
		}

		public List<String> getVersionBefore() {
			return this.versionBefore;
		}

		public List<String> getVersionAfter() {
			return this.versionAfter;
		}

		public @Nullable String getMessage() {
			return this.message;
		}

		public @Nullable String getChecksum() {
			return this.checksum;
		}

		public @Nullable Instant getStartedAt() {
			return this.startedAt;
		}

		/**
		 * @return how long the step took, in milliseconds
		 */
		public long getExecutionTime() {
			return this.executionTime;
		}

		public @Nullable String getInstalledBy() {
			return this.installedBy;
		}

		public boolean isSuccess() {
			return this.success;
		}

		public @Nullable String getError() {
			return this.error;
		}

		public @Nullable Integer getFailedStatement() {
			return this.failedStatement;
		}

	}

	/**
	 * One revision as every engine that knows it sees it, by context id.
	 */
	public static final class RevisionMatchesDescriptor implements OperationResponseBody {

		private final Map<@Nullable String, ContextRevisionDescriptor> contexts;

		private RevisionMatchesDescriptor(Map<@Nullable String, ContextRevisionDescriptor> contexts) {
			this.contexts = contexts;
		}

		public Map<@Nullable String, ContextRevisionDescriptor> getContexts() {
			return this.contexts;
		}

	}

	/**
	 * One revision in the {@link Migrator} beans of one application context.
	 */
	public static final class ContextRevisionDescriptor {

		private final Map<String, RevisionDescriptor> migrateBeans;

		private final @Nullable String parentId;

		private ContextRevisionDescriptor(Map<String, RevisionDescriptor> migrateBeans, @Nullable String parentId) {
			this.migrateBeans = migrateBeans;
			this.parentId = parentId;
		}

		public Map<String, RevisionDescriptor> getMigrateBeans() {
			return this.migrateBeans;
		}

		public @Nullable String getParentId() {
			return this.parentId;
		}

	}

}
