-- Index book titles and ISBNs, and authors by sort name
--
-- Revision ID: c47a91e03d5b
-- Revises: 8b5d02c4e6f1
-- Create Date: 2026-11-09 11:02:47

-- migrate:upgrade
CREATE UNIQUE INDEX ux_book_isbn ON book (isbn);
CREATE INDEX ix_book_title ON book (title);
CREATE INDEX ix_author_sort_name ON author (sort_name);

-- migrate:downgrade
-- MySQL, MariaDB and SQL Server name the table an index is dropped from (sections below).
DROP INDEX ix_author_sort_name;
DROP INDEX ix_book_title;
DROP INDEX ux_book_isbn;

-- migrate:downgrade mysql
DROP INDEX ix_author_sort_name ON author;
DROP INDEX ix_book_title ON book;
DROP INDEX ux_book_isbn ON book;

-- migrate:downgrade sqlserver
DROP INDEX ix_author_sort_name ON author;
DROP INDEX ix_book_title ON book;
DROP INDEX ux_book_isbn ON book;
