package dev.migrate.it.catalogue;

public enum Genre {
	FICTION, HISTORY, SCIENCE
}
