package dev.migrate.core.autogen;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a model DDL file into statements on {@code ;} outside strings, quoted identifiers, comments and
 * PostgreSQL dollar quotes; on SQL Server, also on {@code GO} lines.
 */
final class DdlSplitter {

	private DdlSplitter() {
	}

	static List<String> split(String text, String engine) {
		return statements(text, engine).stream().map(Statement::sql).toList();
	}

	/**
	 * The statements with the line each starts on (1-based).
	 */
	static List<Statement> statements(String text, String engine) {
		List<Statement> statements = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		int[] start = { -1 };
		int i = 0;
		int length = text.length();
		while (i < length) {
			char c = text.charAt(i);
			if (c == '-' && i + 1 < length && text.charAt(i + 1) == '-') {
				int end = text.indexOf('\n', i);
				i = (end < 0) ? length : end;
				continue;
			}
			if (c == '/' && i + 1 < length && text.charAt(i + 1) == '*') {
				int end = text.indexOf("*/", i + 2);
				i = (end < 0) ? length : end + 2;
				current.append(' ');
				continue;
			}
			if (c == '\'' || c == '"' || c == '`' || (c == '[' && engine.equals("sqlserver"))) {
				char close = (c == '[') ? ']' : c;
				int end = i + 1;
				while (end < length) {
					if (text.charAt(end) == close) {
						if (end + 1 < length && text.charAt(end + 1) == close) {
							end += 2;
							continue;
						}
						break;
					}
					if (text.charAt(end) == '\\' && c == '\'' && engine.startsWith("m")) {
						end++;
					}
					end++;
				}
				start[0] = (start[0] < 0) ? i : start[0];
				current.append(text, i, Math.min(end + 1, length));
				i = end + 1;
				continue;
			}
			if (c == '$' && engine.equals("postgresql")) {
				int tagEnd = text.indexOf('$', i + 1);
				if (tagEnd > 0 && text.substring(i + 1, tagEnd).matches("[A-Za-z_0-9]*")) {
					String tag = text.substring(i, tagEnd + 1);
					int end = text.indexOf(tag, tagEnd + 1);
					end = (end < 0) ? length : end + tag.length();
					start[0] = (start[0] < 0) ? i : start[0];
					current.append(text, i, end);
					i = end;
					continue;
				}
			}
			if (c == ';') {
				add(statements, current, text, start);
				i++;
				continue;
			}
			if (engine.equals("sqlserver") && (i == 0 || text.charAt(i - 1) == '\n')) {
				int end = text.indexOf('\n', i);
				String line = text.substring(i, (end < 0) ? length : end).trim();
				if (line.equalsIgnoreCase("GO")) {
					add(statements, current, text, start);
					i = (end < 0) ? length : end;
					continue;
				}
			}
			if (start[0] < 0 && !Character.isWhitespace(c)) {
				start[0] = i;
			}
			current.append(c);
			i++;
		}
		add(statements, current, text, start);
		return statements;
	}

	private static void add(List<Statement> statements, StringBuilder current, String text, int[] start) {
		String statement = current.toString().trim();
		if (!statement.isEmpty()) {
			int line = 1;
			for (int i = 0; i < start[0] && i < text.length(); i++) {
				if (text.charAt(i) == '\n') {
					line++;
				}
			}
			statements.add(new Statement(statement, line));
		}
		current.setLength(0);
		start[0] = -1;
	}

	/**
	 * One statement of a model file.
	 *
	 * @param sql the statement, without terminator
	 * @param line the line it starts on
	 */
	record Statement(String sql, int line) {

	}

}
