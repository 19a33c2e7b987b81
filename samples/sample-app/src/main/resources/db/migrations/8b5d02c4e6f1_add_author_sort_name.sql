-- Add author.sort_name for case-insensitive ordering, backfilled from name
--
-- Revision ID: 8b5d02c4e6f1
-- Revises: 3e1f7a9c2b40
-- Create Date: 2026-11-05 16:40:22

-- migrate:upgrade
-- The column stays nullable: SQLite cannot add a NOT NULL constraint to an existing column, and the
-- application writes it on every insert from now on.
ALTER TABLE author ADD COLUMN sort_name VARCHAR(200);
UPDATE author SET sort_name = LOWER(name);

-- migrate:upgrade sqlserver
ALTER TABLE author ADD sort_name NVARCHAR(200);
UPDATE author SET sort_name = LOWER(name);

-- migrate:downgrade
ALTER TABLE author DROP COLUMN sort_name;
