package dev.migrate.core;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.migrate.core.graph.TargetException;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A malformed target fails at the facade, before any connection: the database here refuses every connection,
 * so reaching it would fail with another exception.
 */
class MigratorTargetParsingTests {

	@TempDir
	Path scripts;

	static Stream<Arguments> commands() {
		return Stream.of(Arguments.of("upgrade", (Consumer<Migrator>) (m) -> m.upgrade("he ad")),
				Arguments.of("downgrade", (Consumer<Migrator>) (m) -> m.downgrade("he ad")),
				Arguments.of("stamp", (Consumer<Migrator>) (m) -> m.stamp("he ad", false)),
				Arguments.of("pending", (Consumer<Migrator>) (m) -> m.pending("he ad")),
				Arguments.of("show", (Consumer<Migrator>) (m) -> m.show("he ad")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("commands")
	void aMalformedTargetFailsBeforeConnecting(String command, Consumer<Migrator> call) {
		ScriptFiles files = new ScriptFiles(this.scripts);
		files.table("a000", null, null, null);
		// Port 1 on the loopback interface: nothing listens, so a connection attempt fails at once.
		Migrator migrator = Migrator.create(MigrateConfig.builder()
			.url("jdbc:postgresql://127.0.0.1:1/nothing")
			.user("nobody")
			.locations(files.location())
			.build());
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> call.accept(migrator))
			.withMessage("Target 'he ad' is not valid; use 'head', 'heads', 'base', a revision id or prefix, "
					+ "'<label>@head', '<label>@<rev>', or a relative target such as '+1', '-1', 'head-2' or "
					+ "'<rev>+1'");
	}

}
