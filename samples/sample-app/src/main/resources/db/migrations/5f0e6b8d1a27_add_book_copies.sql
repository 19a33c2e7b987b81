-- Track the number of copies the library owns of each book
--
-- Revision ID: 5f0e6b8d1a27
-- Revises: c47a91e03d5b
-- Create Date: 2026-11-12 14:25:10

-- migrate:upgrade
-- Existing books get one copy each through the default.
ALTER TABLE book ADD COLUMN copies INTEGER DEFAULT 1 NOT NULL;

-- migrate:upgrade sqlserver
ALTER TABLE book ADD copies INT NOT NULL CONSTRAINT df_book_copies DEFAULT 1;

-- migrate:downgrade
ALTER TABLE book DROP COLUMN copies;

-- migrate:downgrade sqlserver
ALTER TABLE book DROP CONSTRAINT df_book_copies;
ALTER TABLE book DROP COLUMN copies;
