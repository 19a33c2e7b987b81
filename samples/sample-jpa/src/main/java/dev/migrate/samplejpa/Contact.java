package dev.migrate.samplejpa;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/**
 * How to reach an author: columns of the author's table.
 */
@Embeddable
public class Contact {

	@Column(length = 200)
	private @Nullable String email;

	@Column(length = 30)
	private @Nullable String phone;

	protected Contact() {
	}

	public Contact(@Nullable String email, @Nullable String phone) {
		this.email = email;
		this.phone = phone;
	}

	public @Nullable String getEmail() {
		return this.email;
	}

	public @Nullable String getPhone() {
		return this.phone;
	}

}
