package dev.migrate.core.script;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The checksum of a SQL script: SHA-256, as 64 lowercase hex digits, of the UTF-8 bytes of the whole file
 * (header included) after {@link SqlScriptParser#decode normalization}: a leading byte order mark removed and
 * every {@code \r\n} or lone {@code \r} turned into {@code \n}. Nothing else is changed, so an edit to any
 * statement, comment, header line or blank line changes it, while checking a file out with other line endings
 * does not.
 */
final class Checksum {

	private Checksum() {
	}

	static String of(String normalizedContent) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(normalizedContent.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
