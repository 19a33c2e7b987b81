/**
 * The text migrate's tools print about revisions, in Alembic's shapes: history, heads, current and branch lines, full
 * headers, the progress line of each step, the summary of a run and what {@code check} finds. Shared by the command
 * line and the Maven plugin so both print the same lines.
 */
package dev.migrate.core.report;
