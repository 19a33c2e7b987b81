/**
 * Autogenerate from JPA entities: the entities of a persistence unit, found by package scan or listed in a
 * {@code persistence.xml}, become the model through Hibernate ORM's own metadata and schema export for the
 * target database's Hibernate dialect. No database connection is needed to produce the model.
 */
package dev.migrate.jpa;
