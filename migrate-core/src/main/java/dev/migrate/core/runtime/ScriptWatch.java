package dev.migrate.core.runtime;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file-system watch on the directories of {@code filesystem:} script locations, so that reports (the health
 * check, the Actuator endpoint) can take the cached scripts without looking at every file: every directory of each
 * location is registered, new subdirectories too, and any event (or a lost one, {@code OVERFLOW}) moves the
 * {@link #generation() generation} on. A report compares the generation with the one its cached scripts were
 * checked at, so an edited, added or removed file is seen by the first report after its event is delivered.
 *
 * <p>{@link #start} gives no watch where one would not see every change, and the caller then checks the files
 * itself: a classpath location, a location that does not exist, a symbolic link inside a location (its target's
 * changes are not events of the watched directory), a file system without a fileKey, or a polling watch service
 * (which looks every few seconds, later than checking the files). A location's directory that is replaced,
 * renamed or deleted (also through a symbolic link above it) ends the watch: {@link #generation()} then answers
 * {@link #BROKEN}. Events are taken by one daemon thread, stopped by {@link #close()}.
 */
final class ScriptWatch implements AutoCloseable {

	/** What {@link #generation()} answers once the watch can no longer be trusted. */
	static final long BROKEN = -1;

	private static final Logger logger = LoggerFactory.getLogger(ScriptWatch.class);

	private final WatchService service;

	// Each location's directory, as configured, with the file key it had when the watch began.
	private final Map<Path, Object> roots;

	// The same directories as registered: without the symbolic links on the way to them.
	private final Set<Path> registeredRoots = ConcurrentHashMap.newKeySet();

	private final Map<WatchKey, Path> directories = new ConcurrentHashMap<>();

	private final Object changed = new Object();

	private final Thread thread;

	private volatile long generation;

	private volatile boolean broken;

	private ScriptWatch(WatchService service, Map<Path, Object> roots) {
		this.service = service;
		this.roots = roots;
		this.thread = new Thread(this::take, "migrate-script-watch");
		this.thread.setDaemon(true);
	}

	/**
	 * Registers every directory of the locations and starts the thread that takes the events.
	 * @param locations the configured locations
	 * @return the watch, or {@code null} when the locations cannot be watched (see the class description)
	 */
	static ScriptWatch start(List<String> locations) {
		Map<Path, Object> roots = new java.util.LinkedHashMap<>();
		for (String text : locations) {
			Path root = filesystemPath(text);
			if (root == null) {
				return null;
			}
			Object key = fileKey(root);
			if (key == null) {
				return null;
			}
			roots.put(root, key);
		}
		WatchService service;
		try {
			service = FileSystems.getDefault().newWatchService();
		}
		catch (IOException | UnsupportedOperationException ex) {
			return null;
		}
		// The JDK's fallback where the system has no notifications looks every few seconds.
		if (service.getClass().getName().contains("Polling")) {
			closeQuietly(service);
			return null;
		}
		ScriptWatch watch = new ScriptWatch(service, Map.copyOf(roots));
		try {
			for (Path root : roots.keySet()) {
				Path real = root.toRealPath();
				watch.registeredRoots.add(real);
				if (!watch.registerTree(real)) {
					closeQuietly(service);
					return null;
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Not watching the script locations {}: {}", locations, ex.toString());
			closeQuietly(service);
			return null;
		}
		watch.thread.start();
		return watch;
	}

	/**
	 * The number of event batches taken so far; it only grows while the watch stands. A report whose scripts were
	 * checked at the current generation (read before that check began) can skip the files. Costs one file-system
	 * call per location, which finds a location's directory replaced.
	 * @return the generation, or {@link #BROKEN}
	 */
	long generation() {
		long current = this.generation;
		if (this.broken) {
			return BROKEN;
		}
		for (Map.Entry<Path, Object> root : this.roots.entrySet()) {
			if (!root.getValue().equals(fileKey(root.getKey()))) {
				this.broken = true;
				return BROKEN;
			}
		}
		return current;
	}

	/**
	 * Waits until the generation is no longer {@code seen} (for tests: an event was delivered).
	 * @param seen the generation read before the change
	 * @param timeout the longest wait
	 * @return whether it moved on (or the watch broke) in time
	 * @throws InterruptedException if interrupted while waiting
	 */
	boolean awaitChange(long seen, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.changed) {
			while (this.generation == seen && !this.broken) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					return false;
				}
				this.changed.wait(Math.max(1, left / 1_000_000));
			}
			return true;
		}
	}

	/**
	 * @return whether the thread that takes the events is still running
	 */
	boolean isRunning() {
		return this.thread.isAlive();
	}

	/**
	 * Stops the thread and releases the watch; {@link #generation()} answers {@link #BROKEN} from then on.
	 */
	@Override
	public void close() {
		this.broken = true;
		closeQuietly(this.service);
		signal();
	}

	/**
	 * Waits for the thread to end, for tests.
	 * @param timeout the longest wait
	 * @throws InterruptedException if interrupted while waiting
	 */
	void join(Duration timeout) throws InterruptedException {
		this.thread.join(Math.max(1, timeout.toMillis()));
	}

	private void take() {
		try {
			while (true) {
				WatchKey key = this.service.take();
				Path directory = this.directories.get(key);
				for (WatchEvent<?> event : key.pollEvents()) {
					if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && directory != null
							&& event.context() instanceof Path name) {
						Path created = directory.resolve(name);
						// A new subdirectory is registered before the generation moves on, so that a report
						// that sees the new generation also gets the events of the files written into it.
						if (Files.isSymbolicLink(created)
								|| (Files.isDirectory(created, LinkOption.NOFOLLOW_LINKS) && !registerTree(created))) {
							this.broken = true;
						}
					}
				}
				if (!key.reset()) {
					this.directories.remove(key);
					if (directory != null && this.registeredRoots.contains(directory)) {
						this.broken = true;
					}
				}
				this.generation++;
				signal();
			}
		}
		catch (ClosedWatchServiceException ex) {
			// closed
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("The watch of the script locations ended: {}", ex.toString());
		}
		finally {
			this.broken = true;
			closeQuietly(this.service);
			signal();
		}
	}

	private void signal() {
		synchronized (this.changed) {
			this.changed.notifyAll();
		}
	}

	/**
	 * Registers a directory and every directory below it.
	 * @return {@code false} when the tree holds a symbolic link, whose target's changes would not be seen
	 */
	private boolean registerTree(Path top) throws IOException {
		boolean[] linked = { false };
		Files.walkFileTree(top, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) throws IOException {
				WatchKey key = directory.register(ScriptWatch.this.service, StandardWatchEventKinds.ENTRY_CREATE,
						StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
				ScriptWatch.this.directories.put(key, directory);
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
				if (attributes.isSymbolicLink()) {
					linked[0] = true;
					return FileVisitResult.TERMINATE;
				}
				return FileVisitResult.CONTINUE;
			}

		});
		return !linked[0];
	}

	private static Path filesystemPath(String text) {
		String trimmed = text.trim();
		if (!trimmed.regionMatches(true, 0, "filesystem:", 0, "filesystem:".length())) {
			return null;
		}
		Path path = Path.of(trimmed.substring("filesystem:".length()));
		return Files.isDirectory(path) ? path : null;
	}

	// The directory's identity through any symbolic link above it, or null when the system has none.
	private static Object fileKey(Path directory) {
		try {
			return Objects.requireNonNull(Files.readAttributes(directory, BasicFileAttributes.class).fileKey());
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	private static void closeQuietly(WatchService service) {
		try {
			service.close();
		}
		catch (IOException ex) {
			// nothing to do
		}
	}

}
