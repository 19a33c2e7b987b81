package dev.migrate.samplejpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.jspecify.annotations.Nullable;

/**
 * A label books share.
 */
@Entity
public class Tag {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(nullable = false, unique = true, length = 40)
	private String label = "";

	protected Tag() {
	}

	public Tag(String label) {
		this.label = label;
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public String getLabel() {
		return this.label;
	}

}
