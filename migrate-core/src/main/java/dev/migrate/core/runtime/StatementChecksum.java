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

	// Looked up once and cloned per step (as Checksum does): the provider lookup costs more than hashing a statement.
	private static final MessageDigest PROTOTYPE = sha256();

	private static final HexFormat HEX = HexFormat.of();

	private StatementChecksum() {
	}

	/**
	 * @param statements the statements
	 * @return element {@code k} is the checksum of the first {@code k} statements (SHA-256, hex)
	 */
	static String[] prefixes(List<StepStatement> statements) {
		try {
			MessageDigest digest = (MessageDigest) PROTOTYPE.clone();
			String[] prefixes = new String[statements.size() + 1];
			prefixes[0] = HEX.formatHex(((MessageDigest) digest.clone()).digest());
			for (int i = 0; i < statements.size(); i++) {
				digest.update(statements.get(i).sql().strip().getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
				prefixes[i + 1] = HEX.formatHex(((MessageDigest) digest.clone()).digest());
			}
			return prefixes;
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
