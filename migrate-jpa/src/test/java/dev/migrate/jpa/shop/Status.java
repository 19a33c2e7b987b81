package dev.migrate.jpa.shop;

public enum Status {

	ACTIVE, SUSPENDED, CLOSED

}
