package dev.migrate.core.runtime;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * SQLite has no session locks, so the lock is an operating-system lock on a file next to the database,
 * {@code <database file>-migrate.lock}: held through the runner's process, released by the operating system
 * when that process dies, and readable by waiters to name the holder. Threads of one process take turns on a
 * fair in-process lock first; in-memory databases take only an in-process lock.
 */
final class SqliteLock extends MigrationLock {

	private static final Map<String, Semaphore> IN_PROCESS = new ConcurrentHashMap<>();

	private static final long POLL_MILLIS = 50;

	private Semaphore inProcess;

	private FileChannel channel;

	private FileLock fileLock;

	private Path lockFile;

	SqliteLock(String name) {
		super(name);
	}

	@Override
	boolean tryAcquire(Connection connection, Duration timeout) throws SQLException {
		long deadline = System.nanoTime() + timeout.toNanos();
		String database = databaseFile(connection);
		Path file = (database != null && !database.isEmpty()) ? Path.of(database).toAbsolutePath().normalize() : null;
		// In-memory databases (shared-cache ones can have several connections) share one in-process lock.
		String key = (file != null) ? file.toString() : "in-memory";
		Path path = (file != null) ? file.resolveSibling(file.getFileName() + "-migrate.lock") : null;
		this.lockFile = path;
		Semaphore semaphore = IN_PROCESS.computeIfAbsent(key, (k) -> new Semaphore(1, true));
		try {
			if (!semaphore.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
				return false;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		if (path == null) {
			this.inProcess = semaphore;
			return true;
		}
		FileChannel opened = null;
		try {
			opened = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
					StandardOpenOption.WRITE);
			while (true) {
				FileLock lock = opened.tryLock();
				if (lock != null) {
					opened.truncate(0);
					opened.write(ByteBuffer.wrap(("process " + ProcessHandle.current().pid() + " on " + hostName()
							+ ", since " + Instant.now()).getBytes(StandardCharsets.UTF_8)), 0);
					this.inProcess = semaphore;
					this.channel = opened;
					this.fileLock = lock;
					return true;
				}
				if (System.nanoTime() >= deadline) {
					break;
				}
				Thread.sleep(POLL_MILLIS);
			}
		}
		catch (IOException ex) {
			throw new SQLException("Could not lock " + path + " for the migration: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			if (this.channel == null) {
				closeQuietly(opened);
				semaphore.release();
			}
		}
		return false;
	}

	@Override
	void release(Connection connection) {
		try {
			if (this.fileLock != null) {
				this.fileLock.release();
			}
		}
		catch (IOException ex) {
			// Closing the channel releases it too.
		}
		finally {
			closeQuietly(this.channel);
			this.fileLock = null;
			this.channel = null;
			if (this.inProcess != null) {
				this.inProcess.release();
				this.inProcess = null;
			}
		}
	}

	@Override
	String holder(Connection connection) {
		try {
			if (this.lockFile != null && Files.exists(this.lockFile)) {
				String text = Files.readString(this.lockFile, StandardCharsets.UTF_8).strip();
				return text.isEmpty() ? null : text + " (lock file " + this.lockFile + ")";
			}
		}
		catch (IOException ex) {
			// Naming the holder is a courtesy.
		}
		return null;
	}

	@Override
	String describe() {
		return "the lock file next to the SQLite database";
	}

	private static String databaseFile(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("PRAGMA database_list")) {
			while (result.next()) {
				if ("main".equals(result.getString("name"))) {
					return result.getString("file");
				}
			}
		}
		return null;
	}

	private static void closeQuietly(FileChannel channel) {
		if (channel != null) {
			try {
				channel.close();
			}
			catch (IOException ex) {
				// nothing left to do
			}
		}
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (IOException ex) {
			return "unknown host";
		}
	}

}
