package dev.migrate.cli;

import dev.migrate.core.MigrateConfig;
import picocli.CommandLine.Option;

/**
 * How the commands that run revisions ({@code upgrade}, {@code downgrade}) group them into transactions.
 */
final class TransactionOptions {

	@Option(names = "--one-transaction",
			description = { "Run all the revisions in one transaction, as Alembic's generated env.py does, where the"
					+ " engine's DDL is transactional: a failure then rolls back every one of them (default: one"
					+ " transaction per revision, so those before a failure stay applied)." })
	boolean oneTransaction;

	void applyTo(MigrateConfig.Builder builder) {
		if (this.oneTransaction) {
			builder.transactionPerMigration(false);
		}
	}

}
