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

	// Looked up once and cloned per use: the provider lookup costs more than hashing a small script.
	private static final MessageDigest PROTOTYPE = sha256();

	private static final HexFormat HEX = HexFormat.of();

	private Checksum() {
	}

	static String of(String normalizedContent) {
		MessageDigest digest;
		try {
			digest = (MessageDigest) PROTOTYPE.clone();
		}
		catch (CloneNotSupportedException ex) {
			digest = sha256();
		}
		return HEX.formatHex(digest.digest(normalizedContent.getBytes(StandardCharsets.UTF_8)));
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
