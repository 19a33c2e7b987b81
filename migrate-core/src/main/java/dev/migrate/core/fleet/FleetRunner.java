package dev.migrate.core.fleet;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import dev.migrate.core.ConfigurationException;
import dev.migrate.core.JdbcUrls;
import dev.migrate.core.MigrateConfig;
import dev.migrate.core.MigrateException;
import dev.migrate.core.MigrationResult;
import dev.migrate.core.Migrator;
import dev.migrate.core.dialect.Dialect;
import dev.migrate.core.dialect.DialectResolver;

/**
 * Runs a {@link Migrator} command for every tenant of this process's shard, at most
 * {@link FleetConfig#parallelism()} tenants (and so connections) at a time. Each tenant has its own migrator,
 * hence its own lock and its own result, and every tenant of a run shares the scripts and graph that the run read
 * and parsed once; a failed tenant does not stop the others unless
 * {@link FleetConfig#failFast()} is set. Rerunning a command touches only the tenants not at its target: the
 * others take their lock, find nothing to do and report {@link TenantState#UP_TO_DATE}.
 *
 * <p>Log lines of a tenant's run carry its name in the SLF4J MDC key {@value #MDC_KEY}.
 */
public final class FleetRunner {

	/** The MDC key that holds the tenant's name while its command runs. */
	public static final String MDC_KEY = "migrate.tenant";

	private static final Logger logger = LoggerFactory.getLogger(FleetRunner.class);

	private final FleetConfig config;

	private volatile List<Tenant> tenants;

	// The migrator whose scripts the latest run's tenants shared: tests count its script loads.
	private volatile Migrator lastRun;

	private FleetRunner(FleetConfig config) {
		this.config = config;
	}

	/**
	 * Creates a runner. Nothing connects and no tenant is read until a command runs.
	 * @param config the configuration
	 * @return the runner
	 */
	public static FleetRunner create(FleetConfig config) {
		return new FleetRunner(config);
	}

	/**
	 * @return the configuration this runner was created with
	 */
	public FleetConfig config() {
		return this.config;
	}

	/**
	 * The tenants of this process's shard, read from the source on the first call (a query runs then).
	 * @return the tenants, in the source's order
	 * @throws ConfigurationException (setting {@code tenants}) when a name is bad or listed twice
	 */
	public List<Tenant> tenants() {
		List<Tenant> loaded = this.tenants;
		if (loaded == null) {
			List<Tenant> all = this.config.tenants().load(this.config.main());
			Set<Tenant> seen = new HashSet<>();
			for (Tenant tenant : all) {
				if (!seen.add(tenant)) {
					throw new ConfigurationException("tenants",
							"Tenant '" + tenant + "' is listed twice; name each tenant once");
				}
			}
			loaded = all.stream().filter(this.config.shard()::includes).toList();
			this.tenants = loaded;
		}
		return loaded;
	}

	/**
	 * A migrator for one tenant, as the fleet's commands use: for a report on it (the actuator's tenant detail),
	 * which costs its connection and not a reading of every script. It runs the scripts of the latest run, as
	 * that run read them; before any run it reads them itself.
	 * @param tenant a tenant
	 * @return a migrator for the tenant alone
	 */
	public Migrator migrator(Tenant tenant) {
		Migrator run = this.lastRun;
		return (run != null) ? run.sharingScripts(configOf(tenant)) : Migrator.create(configOf(tenant));
	}

	/**
	 * @return how many times the latest run read its scripts: once, however many tenants it had (or again for
	 * each tenant while the scripts fail to load); 0 before the first run
	 */
	long scriptLoadsOfLastRun() {
		Migrator run = this.lastRun;
		return (run != null) ? run.scriptLoads() : 0;
	}

	/**
	 * Upgrades every tenant to the target.
	 * @param target the target, usually {@code heads}
	 * @return each tenant's result
	 */
	public FleetResult upgrade(String target) {
		return run("upgrade", (migrator) -> changed(migrator.upgrade(target)));
	}

	/**
	 * Downgrades every tenant to the target.
	 * @param target the target, such as {@code -1} or {@code base}
	 * @return each tenant's result
	 */
	public FleetResult downgrade(String target) {
		return run("downgrade", (migrator) -> changed(migrator.downgrade(target)));
	}

	/**
	 * Stamps every tenant's version table with the target, running no script.
	 * @param target the target
	 * @param purge whether to empty each version table first
	 * @return each tenant's result
	 */
	public FleetResult stamp(String target, boolean purge) {
		return run("stamp", (migrator) -> changed(migrator.stamp(target, purge)));
	}

	/**
	 * Reads every tenant's state as its health check does ({@link Migrator#health()}), changing nothing.
	 * @return each tenant's result, as {@link TenantOutcome#of(dev.migrate.core.MigrationHealth)} words it
	 */
	public FleetResult status() {
		return run("current", (migrator) -> TenantOutcome.of(migrator.health()));
	}

	/**
	 * Runs an action for every tenant of the shard, at most {@link FleetConfig#parallelism()} at a time.
	 * @param command the command's name, for the summary
	 * @param action what to run with each tenant's migrator
	 * @return each tenant's result, in the fleet's order
	 */
	public FleetResult run(String command, TenantAction action) {
		long start = System.nanoTime();
		List<Tenant> fleet = tenants();
		if (fleet.isEmpty()) {
			return new FleetResult(command, List.of(), 0);
		}
		int threads = Math.min(parallelism(), fleet.size());
		// The scripts are read and parsed once per run, by the first tenant that needs them; each tenant then
		// costs its connection, its lock and its version-table reads (and what it applies).
		Migrator scripts = Migrator.create(this.config.main());
		this.lastRun = scripts;
		AtomicBoolean stopped = new AtomicBoolean();
		ExecutorService executor = Executors.newFixedThreadPool(threads, threadFactory());
		try {
			List<Future<TenantResult>> futures = new ArrayList<>();
			for (Tenant tenant : fleet) {
				futures.add(executor.submit(() -> runOne(scripts, tenant, action, stopped)));
			}
			List<TenantResult> results = new ArrayList<>();
			for (Future<TenantResult> future : futures) {
				results.add(await(future));
			}
			FleetResult result = new FleetResult(command, results, (System.nanoTime() - start) / 1_000_000);
			logger.info("{}{}", capitalize(result.summary()),
					this.config.shard().equals(Shard.ALL) ? "" : " (shard " + this.config.shard() + ")");
			return result;
		}
		finally {
			executor.shutdownNow();
		}
	}

	// FleetConfig lowers the parallelism of an H2 fleet it knows by URL; a DataSource's engine shows on a connection.
	private int parallelism() {
		int parallelism = this.config.parallelism();
		DataSource dataSource = this.config.main().dataSource();
		if (parallelism == 1 || this.config.mode() != TenantMode.SCHEMA || dataSource == null) {
			return parallelism;
		}
		try (Connection connection = dataSource.getConnection()) {
			Dialect dialect = DialectResolver.detect(connection.getMetaData());
			if (!dialect.concurrentSchemaChanges()) {
				logger.warn("{} changes one schema at a time (its catalog lock is database-wide): parallelism {} "
						+ "lowered to 1", dialect.displayName(), parallelism);
				return 1;
			}
		}
		catch (SQLException | RuntimeException ex) {
			logger.debug("Could not tell the DataSource's engine ({}); parallelism stays {}", ex.getMessage(),
					parallelism);
		}
		return parallelism;
	}

	private TenantResult runOne(Migrator scripts, Tenant tenant, TenantAction action, AtomicBoolean stopped) {
		if (stopped.get()) {
			return new TenantResult(tenant, TenantState.SKIPPED, "", null, 0);
		}
		long start = System.nanoTime();
		MDC.put(MDC_KEY, tenant.name());
		try {
			TenantOutcome outcome = action.run(scripts.sharingScripts(configOf(tenant)));
			return new TenantResult(tenant, outcome.state(), outcome.detail(), null, millisSince(start));
		}
		catch (RuntimeException ex) {
			if (this.config.failFast()) {
				stopped.set(true);
			}
			String error = firstLine(ex);
			logger.warn("Tenant {} failed: {}", tenant, error);
			logger.debug("Tenant {} failed", tenant, ex);
			return new TenantResult(tenant, TenantState.FAILED, "", error, millisSince(start));
		}
		finally {
			MDC.remove(MDC_KEY);
		}
	}

	private MigrateConfig configOf(Tenant tenant) {
		MigrateConfig.Builder builder = this.config.main().toBuilder();
		switch (this.config.mode()) {
			case SCHEMA -> builder.schema(tenant.name()).schemaAsDefault(true);
			case DATABASE -> builder.dataSource(null).url(this.config.urlOf(tenant));
		}
		return builder.build();
	}

	// An upgrade that ran only repeatable scripts changed the tenant too: it is not reported up to date.
	private static TenantOutcome changed(MigrationResult result) {
		String before = rows(result.versionRowsBefore());
		String after = rows(result.versionRowsAfter());
		String repeatables = result.repeatables().isEmpty() ? ""
				: ", applied " + TenantOutcome.names(result.repeatables(), "repeatable script", "repeatable scripts");
		if (result.steps().isEmpty() && before.equals(after)) {
			return repeatables.isEmpty() ? new TenantOutcome(TenantState.UP_TO_DATE, "at " + after)
					: new TenantOutcome(TenantState.SUCCEEDED, "at " + after + repeatables);
		}
		return new TenantOutcome(TenantState.SUCCEEDED, before + " -> " + after + " ("
				+ TenantOutcome.count(result.steps().size(), "revision") + ")" + repeatables);
	}

	static String rows(List<String> rows) {
		return rows.isEmpty() ? "base" : String.join(",", rows);
	}

	private static TenantResult await(Future<TenantResult> future) {
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MigrateException("Interrupted while the tenants were migrating", ex);
		}
		catch (ExecutionException ex) {
			// runOne catches what a command throws; what is left is a bug or an Error, and stops the fleet.
			Throwable cause = ex.getCause();
			if (cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (cause instanceof Error error) {
				throw error;
			}
			throw new MigrateException(String.valueOf(cause), cause);
		}
	}

	private static String firstLine(Exception ex) {
		String message = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
		int newline = message.indexOf('\n');
		return JdbcUrls.mask((newline >= 0) ? message.substring(0, newline).strip() : message);
	}

	private static ThreadFactory threadFactory() {
		AtomicInteger count = new AtomicInteger();
		return (task) -> {
			Thread thread = new Thread(task, "migrate-tenant-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	private static long millisSince(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}

	private static String capitalize(String text) {
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
