package dev.migrate.jpa.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class Address {

	@Column(length = 120)
	String street;

	@Column(length = 60)
	String city;

	String postalCode;

}
