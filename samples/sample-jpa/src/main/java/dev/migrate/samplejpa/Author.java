package dev.migrate.samplejpa;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.jspecify.annotations.Nullable;

/**
 * An author, with an embedded contact.
 */
@Entity
public class Author {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(nullable = false, length = 120)
	private String name = "";

	@Embedded
	private @Nullable Contact contact;

	protected Author() {
	}

	public Author(String name, @Nullable Contact contact) {
		this.name = name;
		this.contact = contact;
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public @Nullable Contact getContact() {
		return this.contact;
	}

}
