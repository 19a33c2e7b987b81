/**
 * What differs between database engines: identifier quoting, whether DDL is transactional, the version and
 * history table DDL, schema handling and offline SQL punctuation. {@link dev.migrate.core.dialect.Dialect} is
 * the SPI; {@link dev.migrate.core.dialect.DialectResolver} picks one from a connection or a name.
 */
package dev.migrate.core.dialect;
