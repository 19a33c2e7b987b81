package dev.migrate.core.script;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;

/**
 * One SHA-256 over every script's revision id and checksum, in id order, then every repeatable script's name and
 * checksum: equal digests mean the same revisions and repeatable scripts with the same contents, whatever the
 * files are called (an edited repeatable script changes it, so the next upgrade re-applies the script). The build-time index stores it and the database keeps
 * the digest of the scripts it last validated, so a boot that finds both equal knows validation would pass
 * without reading a script or a history row.
 */
final class ScriptsDigest {

	private ScriptsDigest() {
	}

	/**
	 * @param scripts the scripts, sorted by revision id
	 * @param repeatables the repeatable scripts, sorted by name
	 * @return the digest as 64 lowercase hex digits
	 */
	static String of(Collection<? extends MigrationScript> scripts, Collection<RepeatableScript> repeatables) {
		MessageDigest digest = sha256();
		for (MigrationScript script : scripts) {
			add(digest, script.revision().id(), script.checksum());
		}
		for (RepeatableScript script : repeatables) {
			add(digest, "repeatable " + script.name(), script.checksum());
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static void add(MessageDigest digest, String id, String checksum) {
		digest.update((id + "\t" + ((checksum != null) ? checksum : "-") + "\n").getBytes(StandardCharsets.UTF_8));
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
