package dev.migrate.jpa.shop;

import jakarta.persistence.Entity;

@Entity
public class CardPayment extends Payment {

	String cardLast4;

}
