package dev.migrate.jpa.models;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;

/**
 * Versions of a small shop's entities, for round trips from one model to the next. Each model takes one version
 * of an entity: the versions share the entity name and table, as an entity edited in place would.
 */
public final class Models {

	private Models() {
	}

	public enum Status {

		ACTIVE, SUSPENDED, CLOSED

	}

	@MappedSuperclass
	public abstract static class Base {

		@Id
		@GeneratedValue(strategy = GenerationType.IDENTITY)
		Long id;

	}

	@Embeddable
	public static class Address {

		@Column(length = 120)
		String street;

		@Column(length = 60)
		String city;

	}

	@Entity(name = "Customer")
	public static class CustomerV1 extends Base {

		@Column(length = 100)
		String name;

	}

	@Entity(name = "Customer")
	public static class CustomerWithPhone extends Base {

		@Column(length = 100)
		String name;

		@Column(length = 30)
		String phone;

	}

	@Entity(name = "Customer")
	public static class CustomerWithMobile extends Base {

		@Column(length = 100)
		String name;

		@Column(length = 30)
		String mobile;

	}

	@Entity(name = "Customer")
	public static class CustomerLongName extends Base {

		@Column(length = 200)
		String name;

	}

	@Entity(name = "Customer")
	public static class CustomerRequiredName extends Base {

		@Column(length = 100, nullable = false)
		String name;

	}

	@Entity(name = "Customer")
	@Table(indexes = @Index(name = "ix_customer_name", columnList = "name"))
	public static class CustomerIndexed extends Base {

		@Column(length = 100)
		String name;

	}

	@Entity(name = "Customer")
	@Table(uniqueConstraints = @UniqueConstraint(name = "uq_customer_name", columnNames = "name"))
	public static class CustomerUniqueName extends Base {

		@Column(length = 100)
		String name;

	}

	@Entity(name = "Customer")
	public static class CustomerUniqueEmail extends Base {

		@Column(length = 100)
		String name;

		@Column(unique = true)
		String email;

	}

	@Entity(name = "Customer")
	public static class CustomerWithAddress extends Base {

		@Column(length = 100)
		String name;

		@Embedded
		Address address;

	}

	@Entity(name = "Customer")
	public static class CustomerWithTags extends Base {

		@Column(length = 100)
		String name;

		@ElementCollection
		Set<String> tags = new HashSet<>();

	}

	@Entity(name = "Customer")
	public static class CustomerVersioned extends Base {

		@Column(length = 100)
		String name;

		@Version
		int version;

	}

	@Entity(name = "Customer")
	public static class CustomerWithNotes extends Base {

		@Column(length = 100)
		String name;

		@Lob
		String notes;

	}

	@Entity(name = "Customer")
	public static class CustomerWithStatus extends Base {

		@Column(length = 100)
		String name;

		@Enumerated(EnumType.STRING)
		Status status;

		@Enumerated
		Status previousStatus;

	}

	@Entity(name = "Customer")
	public static class CustomerWithChannel extends Base {

		@Column(length = 100)
		String name;

		@Column(columnDefinition = "varchar(32) default 'web'")
		String channel;

	}

	@Entity(name = "Customer")
	public static class CustomerIntPoints extends Base {

		@Column(length = 100)
		String name;

		int points;

	}

	@Entity(name = "Customer")
	public static class CustomerLongPoints extends Base {

		@Column(length = 100)
		String name;

		long points;

	}

	@Entity(name = "Product")
	public static class Product extends Base {

		@Column(length = 80, nullable = false)
		String title;

		@Column(precision = 10, scale = 2)
		BigDecimal price;

	}

	@Entity(name = "Product")
	public static class SequencedProduct {

		@Id
		@GeneratedValue
		Long id;

		@Column(length = 80)
		String title;

	}

	@Entity(name = "Product")
	public static class SequencedProductBy10 {

		@Id
		@SequenceGenerator(name = "product_seq", sequenceName = "product_seq", allocationSize = 10)
		@GeneratedValue(generator = "product_seq")
		Long id;

		@Column(length = 80)
		String title;

	}

	@Entity(name = "PurchaseOrder")
	public static class OrderV1 extends Base {

		@Column(precision = 12, scale = 2)
		BigDecimal total;

	}

	@Entity(name = "PurchaseOrder")
	public static class OrderWithCustomer extends Base {

		@Column(precision = 12, scale = 2)
		BigDecimal total;

		@ManyToOne(optional = false)
		CustomerV1 customer;

	}

	@Entity(name = "PurchaseOrder")
	public static class OrderWithProducts extends Base {

		@Column(precision = 12, scale = 2)
		BigDecimal total;

		@ManyToMany
		Set<Product> products = new HashSet<>();

	}

	@Entity(name = "Payment")
	@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
	public static class PaymentSingle extends Base {

		long amountCents;

	}

	@Entity(name = "CardPayment")
	public static class CardPaymentSingle extends PaymentSingle {

		@Column(length = 4)
		String cardLast4;

	}

	@Entity(name = "Payment")
	@Inheritance(strategy = InheritanceType.JOINED)
	public static class PaymentJoined extends Base {

		long amountCents;

	}

	@Entity(name = "CardPayment")
	public static class CardPaymentJoined extends PaymentJoined {

		@Column(length = 4)
		String cardLast4;

	}

	// TABLE_PER_CLASS cannot use identity ids (a row's id must be unique across the hierarchy's tables)
	@Entity(name = "Payment")
	@Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
	public static class PaymentPerClass {

		@Id
		Long id;

		long amountCents;

	}

	@Entity(name = "CardPayment")
	public static class CardPaymentPerClass extends PaymentPerClass {

		@Column(length = 4)
		String cardLast4;

	}

	@Entity(name = "Voucher")
	public static class UuidVoucher {

		@Id
		@GeneratedValue(strategy = GenerationType.UUID)
		java.util.UUID id;

		@Column(length = 20, nullable = false)
		String code;

	}

}
