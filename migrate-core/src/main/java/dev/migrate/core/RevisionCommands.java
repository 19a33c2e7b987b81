package dev.migrate.core;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.migrate.core.graph.MultipleHeadsException;
import dev.migrate.core.graph.Revision;
import dev.migrate.core.graph.RevisionGraph;
import dev.migrate.core.script.ScriptDirectory;
import dev.migrate.core.script.ScriptWriter;

/**
 * {@code migrate revision} and {@code migrate merge}: load the scripts, resolve what the new revision revises
 * against the graph, and write the file from the template. No database is involved.
 */
final class RevisionCommands {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final MigrateConfig config;

	RevisionCommands(MigrateConfig config) {
		this.config = config;
	}

	Path revision(NewRevision request) {
		String message = requireMessage(request.message(), "migrate revision");
		RevisionGraph graph = graph();
		Set<String> revises = new LinkedHashSet<>();
		for (String head : request.head()) {
			revises.addAll(resolveHead(graph, head, request.splice()));
		}
		return write(graph, request, message, new ArrayList<>(revises));
	}

	Path merge(NewRevision request) {
		RevisionGraph graph = graph();
		List<String> arguments = request.head().equals(List.of("head")) ? List.of("heads") : request.head();
		Set<String> revises = new LinkedHashSet<>();
		for (String argument : arguments) {
			if (argument.equals("heads")) {
				graph.heads().forEach((head) -> revises.add(head.id()));
			}
			else {
				revises.add(graph.resolveOne(argument).id());
			}
		}
		if (revises.size() < 2) {
			throw new MigrateException("Nothing to merge: " + String.join(", ", arguments) + " names "
					+ ((revises.isEmpty()) ? "no revision" : "only '" + revises.iterator().next() + "'")
					+ "; name two or more revisions, or 'heads' when there are several heads");
		}
		for (String id : revises) {
			for (String other : revises) {
				if (!id.equals(other) && graph.ancestors(other).contains(id)) {
					throw new MigrateException("Cannot merge '" + id + "' with its descendant '" + other
							+ "'; merge revisions on different branches, e.g. 'heads'");
				}
			}
		}
		String message = (request.message() != null && !request.message().isBlank()) ? request.message().strip()
				: "merge " + String.join(", ", revises);
		requireMessage(message, "migrate merge");
		return write(graph, request, message, new ArrayList<>(revises));
	}

	private Path write(RevisionGraph graph, NewRevision request, String message, List<String> revises) {
		String id = (request.revisionId() != null) ? request.revisionId() : graph.newRevisionId(RANDOM);
		if (graph.get(id).isPresent()) {
			throw new MigrateException("Revision id '" + id + "' is already used by "
					+ graph.get(id).get().source() + "; choose another id or leave it out for a random one");
		}
		for (String label : request.branchLabels()) {
			// The graph refuses these when it loads, so a file written with one would break every later command.
			if (RevisionGraph.TARGET_KEYWORDS.contains(label)) {
				throw new MigrateException("Branch label '" + label + "' is a target keyword ("
						+ String.join(", ", RevisionGraph.TARGET_KEYWORDS) + "); choose another label");
			}
			if (label.equals(id) || graph.get(label).isPresent()) {
				throw new MigrateException("Branch label '" + label + "' equals the id of revision '" + label + "'"
						+ (label.equals(id) ? " (the new one)" : " (" + graph.get(label).get().source() + ")")
						+ ", so targets could not tell them apart; choose another label");
			}
			String owner = graph.branchLabels().get(label);
			if (owner != null) {
				throw new MigrateException("Branch label '" + label + "' is already used by revision '" + owner
						+ "'; choose another label");
			}
		}
		List<String> dependsOn = new ArrayList<>();
		for (String dependency : request.dependsOn()) {
			dependsOn.add(graph.resolveOne(dependency).id());
		}
		Path directory = directory(request);
		Revision revision;
		try {
			revision = new Revision(id, revises, new LinkedHashSet<>(request.branchLabels()), dependsOn, message,
					LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS),
					directory.resolve(ScriptWriter.fileName(id, message)).toString());
		}
		catch (IllegalArgumentException ex) {
			throw new MigrateException(ex.getMessage(), ex);
		}
		return ScriptWriter.write(directory, revision);
	}

	private static List<String> resolveHead(RevisionGraph graph, String head, boolean splice) {
		if (head.equals("base")) {
			return List.of();
		}
		if (head.equals("heads")) {
			return graph.heads().stream().map(Revision::id).toList();
		}
		if (head.equals("head") && graph.size() == 0) {
			return List.of();
		}
		Revision revision;
		try {
			revision = graph.resolveOne(head);
		}
		catch (MultipleHeadsException ex) {
			throw new MigrateException("'" + head + "' matches " + ex.getHeads().size() + " heads ("
					+ String.join(", ", ex.getHeads()) + "); revise one of them ('<label>@head' or its id), or run"
					+ " 'migrate merge heads' first", ex);
		}
		if (!splice && !graph.isHead(revision.id())) {
			throw new MigrateException("Revision '" + revision.id() + "' is not a head; pass --splice to start a new"
					+ " branch from it, or revise a head");
		}
		return List.of(revision.id());
	}

	private RevisionGraph graph() {
		ScriptDirectory scripts = ScriptDirectory.load(this.config.locations(), this.config.classLoader(),
				this.config.javaMigrations(), false);
		return RevisionGraph.of(scripts.revisions());
	}

	private Path directory(NewRevision request) {
		if (request.directory() != null) {
			return request.directory();
		}
		for (String location : this.config.locations()) {
			if (location.trim().regionMatches(true, 0, "filesystem:", 0, "filesystem:".length())) {
				return Path.of(location.trim().substring("filesystem:".length()));
			}
		}
		throw new ConfigurationException("locations", "There is no directory to write the new revision to: pass one"
				+ " (--directory) or add a 'filesystem:' location to 'locations' (now " + this.config.locations()
				+ ")");
	}

	private static String requireMessage(String message, String command) {
		if (message == null || message.isBlank()) {
			throw new MigrateException(command + " needs a message (-m \"what it does\")");
		}
		if (message.contains("\n") || message.contains("\r")) {
			throw new MigrateException("The message must be one line; put details in the script's comments");
		}
		return message.strip();
	}

}
