package dev.migrate.jpa.shop;

import jakarta.persistence.Entity;

@Entity
public class Truck extends Vehicle {

	int axles;

}
