package dev.migrate.sample;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * Loans over {@link JdbcClient}: the {@code loan} table of the {@code loans} branch (revisions
 * {@code a9c3e5f7b102} and {@code d26b8f4c0e93}).
 */
@Component
final class LoanRepository {

	private static final String SELECT = """
			SELECT l.id, l.book_id, b.title, l.borrower, l.loaned_at, l.returned_at
			FROM loan l
			JOIN book b ON b.id = l.book_id
			""";

	private final JdbcClient jdbc;

	LoanRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Loan> findAll(boolean openOnly) {
		String where = openOnly ? "WHERE l.returned_at IS NULL " : "";
		return this.jdbc.sql(SELECT + where + "ORDER BY l.id").query(LoanRepository::loan).list();
	}

	Optional<Loan> findById(long id) {
		return this.jdbc.sql(SELECT + "WHERE l.id = ?").param(id).query(LoanRepository::loan).optional();
	}

	long create(long bookId, String borrower, Instant loanedAt) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO loan (book_id, borrower, loaned_at) VALUES (?, ?, ?)")
			.params(bookId, borrower, Timestamp.from(loanedAt))
			.update(keys, "id");
		return GeneratedKeys.id(keys);
	}

	boolean markReturned(long id, Instant returnedAt) {
		return this.jdbc.sql("UPDATE loan SET returned_at = ? WHERE id = ? AND returned_at IS NULL")
			.params(Timestamp.from(returnedAt), id)
			.update() == 1;
	}

	private static Loan loan(ResultSet rs, int row) throws SQLException {
		return new Loan(rs.getLong("id"), rs.getLong("book_id"), rs.getString("title"), rs.getString("borrower"),
				instant(rs.getTimestamp("loaned_at")), instant(rs.getTimestamp("returned_at")));
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
