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
		List<String> statements = new ArrayList<>();
		StringBuilder current = new StringBuilder();
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
					current.append(text, i, end);
					i = end;
					continue;
				}
			}
			if (c == ';') {
				add(statements, current);
				i++;
				continue;
			}
			if (engine.equals("sqlserver") && (i == 0 || text.charAt(i - 1) == '\n')) {
				int end = text.indexOf('\n', i);
				String line = text.substring(i, (end < 0) ? length : end).trim();
				if (line.equalsIgnoreCase("GO")) {
					add(statements, current);
					i = (end < 0) ? length : end;
					continue;
				}
			}
			current.append(c);
			i++;
		}
		add(statements, current);
		return statements;
	}

	private static void add(List<String> statements, StringBuilder current) {
		String statement = current.toString().trim();
		if (!statement.isEmpty()) {
			statements.add(statement);
		}
		current.setLength(0);
	}

}
