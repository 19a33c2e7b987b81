package dev.migrate.core.runtime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import dev.migrate.core.runtime.PlannedStep.StepStatement;

/**
 * The checksum of a script's first statements, recorded as progress so a resumed run can tell whether the
 * statements that already ran are still the ones in the file.
 */
final class StatementChecksum {

	private StatementChecksum() {
	}

	static String of(List<StepStatement> statements, int count) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (StepStatement statement : statements.subList(0, count)) {
				digest.update(statement.sql().strip().getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
