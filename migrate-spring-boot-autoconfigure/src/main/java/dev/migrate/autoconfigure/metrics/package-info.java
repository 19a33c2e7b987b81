/**
 * Micrometer metrics for migrate: a timer per applied revision, a failure counter and a pending-revisions
 * gauge.
 */
@NullMarked
package dev.migrate.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
