-- Merge the loans branch; add the book_availability view
--
-- Revision ID: e8f14a2c6b39
-- Revises: 5f0e6b8d1a27, d26b8f4c0e93
-- Create Date: 2026-11-16 15:07:12

-- migrate:upgrade
-- The view needs both parents, book.copies (main line) and loan.returned_at (loans branch).
CREATE VIEW book_availability AS
SELECT b.id AS book_id, b.copies - COUNT(l.id) AS available
FROM book b
LEFT JOIN loan l ON l.book_id = b.id AND l.returned_at IS NULL
GROUP BY b.id, b.copies;

-- migrate:downgrade
DROP VIEW book_availability;
