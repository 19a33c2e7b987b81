package dev.migrate.core.fleet;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

import dev.migrate.core.ConfigurationException;

/**
 * The part {@code index} of {@code count} of a fleet: the tenants whose CRC-32 of the UTF-8 name, modulo
 * {@code count}, is {@code index}. The hash depends on the name alone, so {@code count} processes started with
 * {@code 0/count} to {@code count-1/count} (a Kubernetes Indexed Job, CI jobs) cover every tenant exactly once
 * without talking to each other, whatever order each reads the tenants in.
 *
 * @param index this part, from 0
 * @param count how many parts
 */
public record Shard(int index, int count) {

	/** The whole fleet: part 0 of 1. */
	public static final Shard ALL = new Shard(0, 1);

	private static final Pattern FORMAT = Pattern.compile("\\s*(\\d{1,9})\\s*/\\s*(\\d{1,9})\\s*");

	/**
	 * @throws ConfigurationException (setting {@code shard}) unless {@code 0 <= index < count}
	 */
	public Shard {
		if (count < 1 || index < 0 || index >= count) {
			throw new ConfigurationException("shard", "Shard " + index + "/" + count
					+ " does not exist: use i/n with 0 <= i < n, e.g. 0/3, 1/3 and 2/3 for three processes");
		}
	}

	/**
	 * @param text {@code i/n}, such as {@code 0/3}
	 * @return the shard
	 * @throws ConfigurationException (setting {@code shard}) when the text is not {@code i/n} with {@code i < n}
	 */
	public static Shard parse(String text) {
		Matcher matcher = FORMAT.matcher(String.valueOf(text));
		if (!matcher.matches()) {
			throw new ConfigurationException("shard",
					"Shard '" + text + "' is not i/n: use e.g. 0/3, 1/3 and 2/3 for three processes");
		}
		return new Shard(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
	}

	/**
	 * @param tenant a tenant
	 * @return whether the tenant belongs to this shard
	 */
	public boolean includes(Tenant tenant) {
		CRC32 crc = new CRC32();
		crc.update(tenant.name().getBytes(StandardCharsets.UTF_8));
		return crc.getValue() % this.count == this.index;
	}

	@Override
	public String toString() {
		return this.index + "/" + this.count;
	}

}
