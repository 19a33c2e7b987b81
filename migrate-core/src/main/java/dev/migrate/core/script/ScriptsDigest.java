package dev.migrate.core.script;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;

/**
 * One SHA-256 over every script's revision id and checksum, in id order: equal digests mean the same revisions
 * with the same contents, whatever the files are called. The build-time index stores it and the database keeps
 * the digest of the scripts it last validated, so a boot that finds both equal knows validation would pass
 * without reading a script or a history row.
 */
final class ScriptsDigest {

	private ScriptsDigest() {
	}

	/**
	 * @param scripts the scripts, sorted by revision id
	 * @return the digest as 64 lowercase hex digits
	 */
	static String of(Collection<? extends MigrationScript> scripts) {
		MessageDigest digest = sha256();
		for (MigrationScript script : scripts) {
			add(digest, script.revision().id(), script.checksum());
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
