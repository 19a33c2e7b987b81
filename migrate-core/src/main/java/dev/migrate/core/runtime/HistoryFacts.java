package dev.migrate.core.runtime;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.migrate.core.CommandKind;

/**
 * Where in the history table a status report finds each revision's and each repeatable script's facts: the id
 * of the newest successful upgrade row of every revision, and of the newest successful {@code repeatable} row of
 * every repeatable script. Finding them reads the whole table; {@link StatusCache} keeps them while the version
 * rows and the newest history row stay the same, so a page of statuses reads only its own rows, by id.
 *
 * @param upgrades the id of each revision's newest successful upgrade row, by revision id
 * @param repeatables the id of each repeatable script's newest successful row, by name
 */
record HistoryFacts(Map<String, Long> upgrades, Map<String, Long> repeatables) {

	HistoryFacts {
		upgrades = Map.copyOf(upgrades);
		repeatables = Map.copyOf(repeatables);
	}

	/**
	 * @param history every history row, newest first
	 * @return where each revision's and repeatable script's facts are
	 */
	static HistoryFacts of(List<HistoryRow> history) {
		Map<String, Long> upgrades = new HashMap<>();
		Map<String, Long> repeatables = new HashMap<>();
		for (HistoryRow row : history) {
			if (row.succeededUpgrade()) {
				upgrades.putIfAbsent(row.revision(), row.id());
			}
			else if (row.success() && row.direction() == CommandKind.REPEATABLE) {
				repeatables.putIfAbsent(row.revision(), row.id());
			}
		}
		return new HistoryFacts(upgrades, repeatables);
	}

}
