-- Insert into a table that does not exist
--
-- Revision ID: 3c4d5e6f7081
-- Revises: 1a2b3c4d5e6f
-- Create Date: 2026-11-24 06:10:00

-- migrate:upgrade
INSERT INTO no_such_table (id) VALUES (1);

-- migrate:downgrade
DELETE FROM no_such_table;
