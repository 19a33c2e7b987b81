-- Create the item table
--
-- Revision ID: 1a2b3c4d5e6f
-- Revises:
-- Create Date: 2026-11-24 06:00:00

-- migrate:upgrade
CREATE TABLE item (
    id INTEGER PRIMARY KEY,
    name VARCHAR(200) NOT NULL
);

-- migrate:downgrade
DROP TABLE item;
