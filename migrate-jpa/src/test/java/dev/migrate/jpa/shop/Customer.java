package dev.migrate.jpa.shop;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(indexes = @Index(name = "ix_customer_last_name", columnList = "lastName"))
public class Customer {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	Long id;

	@Column(nullable = false, length = 80)
	String lastName;

	@Column(unique = true)
	String email;

	@Enumerated(EnumType.STRING)
	Status status;

	@Enumerated
	Status previousStatus;

	@Lob
	String notes;

	@Embedded
	Address address;

	@Version
	int version;

	BigDecimal credit;

	@Column(precision = 12, scale = 2)
	BigDecimal balance;

	boolean vip;

	LocalDate birthday;

	Instant createdAt;

	double score;

	@Column(columnDefinition = "varchar(32) default 'web'")
	String channel;

	@ElementCollection
	Set<String> tags = new HashSet<>();

}
