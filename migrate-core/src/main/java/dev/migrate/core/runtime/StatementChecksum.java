package dev.migrate.core.runtime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import dev.migrate.core.runtime.PlannedStep.StepStatement;

/**
 * Checksums of a script's first statements, recorded as progress so a resumed run can tell whether the
 * statements that already ran are still the ones in the file.
 */
final class StatementChecksum {

	private StatementChecksum() {
	}

	/**
	 * @param statements the statements
	 * @return element {@code k} is the checksum of the first {@code k} statements (SHA-256, hex)
	 */
	static String[] prefixes(List<StepStatement> statements) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			String[] prefixes = new String[statements.size() + 1];
			prefixes[0] = HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest());
			for (int i = 0; i < statements.size(); i++) {
				digest.update(statements.get(i).sql().strip().getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
				prefixes[i + 1] = HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest());
			}
			return prefixes;
		}
		catch (NoSuchAlgorithmException | CloneNotSupportedException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
