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
import dev.migrate.core.MigrationInfoPage;
import dev.migrate.core.Migrator;
import dev.migrate.core.RepeatableState;
import dev.migrate.core.RepeatableStatus;
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
 * revisions, heads, pending revisions, one page of its revisions with their states ({@code ?page=&size=}, 100 by
 * default, at most 1,000), recent history ({@code ?history=}, the 20 newest rows by default, at most 1,000) and,
 * for an engine with a model ({@code migrate.model}), how the database differs from it; with tenants
 * ({@code migrate.tenants.*}), a summary of them (the same parameters page the failed and pending ones) and each
 * one's detail at {@code /actuator/migrations/tenants/{name}}. Each request
 * costs the same however many revisions there are (see {@link Migrator#info(int, int)}). Read-only.
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
	 * @param page the page of the revision and tenant lists, from 0 ({@code null}: the first)
	 * @param size the most entries per page, from 1 to 1,000 ({@code null}: 100)
	 * @param history the most recent history rows per engine, from 0 to 1,000 ({@code null}: 20)
	 * @return every engine's state, by context id and bean name
	 */
	@ReadOperation
	public MigrationsDescriptor migrations(@Nullable Integer page, @Nullable Integer size,
			@Nullable Integer history) {
		Paging paging = Paging.of(page, size);
		RecentHistory recent = RecentHistory.of(history);
		MigrateFleet fleet = this.context.getBeanProvider(MigrateFleet.class).getIfAvailable();
		Map<@Nullable String, ContextMigratorsDescriptor> contexts = new LinkedHashMap<>();
		ApplicationContext target = this.context;
		while (target != null) {
			Map<String, MigratorDescriptor> migrators = new LinkedHashMap<>();
			Collection<MigrateInitializer> initializers = target.getBeansOfType(MigrateInitializer.class).values();
			reported(target, fleet).forEach((name, migrator) -> migrators.put(name,
					new MigratorDescriptor(migrator.info(paging.page(), paging.size(), recent.rows()),
							modelDifferences(migrator, initializers))));
			ApplicationContext parent = target.getParent();
			contexts.put(target.getId(),
					new ContextMigratorsDescriptor(migrators, (parent != null) ? parent.getId() : null));
			target = parent;
		}
		TenantsDescriptor tenants = (fleet != null) ? new TenantsDescriptor(fleet.latest(), paging) : null;
		return new MigrationsDescriptor(contexts, tenants);
	}

	/**
	 * Reports one tenant: its state in the latest run and its database against the scripts, read now.
	 * @param kind {@code tenants}
	 * @param name the tenant's name
	 * @param page the page of its revision list, from 0 ({@code null}: the first)
	 * @param size the most revisions per page, from 1 to 1,000 ({@code null}: 100)
	 * @param history the most recent history rows, from 0 to 1,000 ({@code null}: 20)
	 * @return the tenant, or {@code null} (404) for another kind or a tenant this instance does not migrate
	 */
	@ReadOperation
	public @Nullable TenantDetailDescriptor tenant(@Selector String kind, @Selector String name,
			@Nullable Integer page, @Nullable Integer size, @Nullable Integer history) {
		Paging paging = Paging.of(page, size);
		RecentHistory recent = RecentHistory.of(history);
		MigrateFleet fleet = this.context.getBeanProvider(MigrateFleet.class).getIfAvailable();
		if (fleet == null || !"tenants".equals(kind)) {
			return null;
		}
		for (TenantResult result : fleet.latest().tenants()) {
			if (result.tenant().name().equals(name)) {
				try (Migrator migrator = fleet.getRunner().migrator(result.tenant())) {
					return new TenantDetailDescriptor(new TenantsDescriptor.TenantDescriptor(result),
							new MigratorDescriptor(migrator.info(paging.page(), paging.size(), recent.rows()), null));
				}
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
		MigrateFleet fleet = this.context.getBeanProvider(MigrateFleet.class).getIfAvailable();
		Map<@Nullable String, ContextRevisionDescriptor> contexts = new LinkedHashMap<>();
		boolean found = false;
		ApplicationContext target = this.context;
		while (target != null) {
			Map<String, RevisionDescriptor> matches = new HashMap<>();
			reported(target, fleet).forEach((name, migrator) -> {
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

	// A context's migrators, without the DataSource's one when tenants are migrated instead of it (its database
	// holds or lists them: every revision would show as pending there).
	private static Map<String, Migrator> reported(ApplicationContext context, @Nullable MigrateFleet fleet) {
		Map<String, Migrator> migrators = new LinkedHashMap<>(context.getBeansOfType(Migrator.class));
		if (fleet != null) {
			migrators.values().removeIf(fleet::replaces);
		}
		return migrators;
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
		return migrator.status(id).orElse(null);
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
	 * One engine's database against its scripts, with one page of its revisions.
	 */
	public static final class MigratorDescriptor {

		private final List<String> current;

		private final List<String> heads;

		private final List<String> pending;

		private final List<RevisionDescriptor> revisions;

		private final int page;

		private final int size;

		private final int pages;

		private final int total;

		private final List<HistoryDescriptor> recentHistory;

		private final List<RepeatableDescriptor> repeatables;

		private final @Nullable List<String> modelDifferences;

		private MigratorDescriptor(MigrationInfoPage info, @Nullable List<String> modelDifferences) {
			this.modelDifferences = modelDifferences;
			this.current = info.current();
			this.heads = info.heads();
			this.pending = info.pending();
			this.revisions = info.revisions().stream().map(RevisionDescriptor::new).toList();
			this.page = info.page();
			this.size = info.size();
			this.pages = info.pages();
			this.total = info.total();
			this.recentHistory = info.recentHistory().stream().map(HistoryDescriptor::new).toList();
			this.repeatables = info.repeatables().stream().map(RepeatableDescriptor::new).toList();
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

		/**
		 * @return this page of the revisions: every revision newest first, then the orphaned ones
		 */
		public List<RevisionDescriptor> getRevisions() {
			return this.revisions;
		}

		/** @return the page of {@link #getRevisions()}, from 0 */
		public int getPage() {
			return this.page;
		}

		/** @return the most revisions per page */
		public int getSize() {
			return this.size;
		}

		/** @return how many pages the revisions fill */
		public int getPages() {
			return this.pages;
		}

		/** @return how many revisions there are in all (the scripts' and the orphaned ones) */
		public int getTotal() {
			return this.total;
		}

		/**
		 * @return the newest history rows, newest first: as many as {@code ?history=} asks for (20 by default),
		 * fewer when the history holds fewer; the same on every page
		 */
		public List<HistoryDescriptor> getRecentHistory() {
			return this.recentHistory;
		}

		/**
		 * @return the repeatable scripts (views, functions, ...) with their state, by name
		 */
		public List<RepeatableDescriptor> getRepeatables() {
			return this.repeatables;
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
	 * A repeatable script and where it stands against the database.
	 */
	public static final class RepeatableDescriptor {

		private final String name;

		private final String script;

		private final List<String> dependsOn;

		private final RepeatableState state;

		private final String checksum;

		private final @Nullable String appliedChecksum;

		private final @Nullable Instant appliedAt;

		private final List<String> waitingFor;

		private RepeatableDescriptor(RepeatableStatus status) {
			this.name = status.repeatable().name();
			this.script = status.repeatable().script();
			this.dependsOn = status.repeatable().dependsOn();
			this.state = status.state();
			this.checksum = status.repeatable().checksum();
			this.appliedChecksum = status.appliedChecksum();
			this.appliedAt = status.appliedAt();
			this.waitingFor = status.waitingFor();
		}

		public String getName() {
			return this.name;
		}

		public String getScript() {
			return this.script;
		}

		public List<String> getDependsOn() {
			return this.dependsOn;
		}

		public RepeatableState getState() {
			return this.state;
		}

		/**
		 * @return the file's current checksum
		 */
		public String getChecksum() {
			return this.checksum;
		}

		/**
		 * @return the checksum it was last applied with, or {@code null} when it has to run (again)
		 */
		public @Nullable String getAppliedChecksum() {
			return this.appliedChecksum;
		}

		public @Nullable Instant getAppliedAt() {
			return this.appliedAt;
		}

		/**
		 * @return the revisions it waits for, empty unless its state is {@code WAITING}
		 */
		public List<String> getWaitingFor() {
			return this.waitingFor;
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
