package dev.migrate.samplejpa;

import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * A book: written by an author, tagged, of a genre, with optimistic locking.
 */
@Entity
public class Book {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(nullable = false, length = 200)
	private String title = "";

	@ManyToOne(optional = false)
	private @Nullable Author author;

	@Column(length = 17, unique = true)
	private @Nullable String isbn;

	private @Nullable Integer pages;

	@Enumerated(EnumType.STRING)
	@Column(length = 20)
	private @Nullable Genre genre;

	@ManyToMany
	@JoinTable(name = "book_tag", joinColumns = @JoinColumn(name = "book_id"),
			inverseJoinColumns = @JoinColumn(name = "tag_id"))
	private Set<Tag> tags = new HashSet<>();

	@Version
	private int version;

	protected Book() {
	}

	public Book(String title, Author author, Genre genre) {
		this.title = title;
		this.author = author;
		this.genre = genre;
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

	public @Nullable Author getAuthor() {
		return this.author;
	}

	public @Nullable String getIsbn() {
		return this.isbn;
	}

	public void setIsbn(@Nullable String isbn) {
		this.isbn = isbn;
	}

	public @Nullable Integer getPages() {
		return this.pages;
	}

	public void setPages(@Nullable Integer pages) {
		this.pages = pages;
	}

	public @Nullable Genre getGenre() {
		return this.genre;
	}

	public Set<Tag> getTags() {
		return this.tags;
	}

	public int getVersion() {
		return this.version;
	}

}
