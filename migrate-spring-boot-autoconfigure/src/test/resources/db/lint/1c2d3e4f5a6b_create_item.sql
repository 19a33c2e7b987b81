-- Create the item table
--
-- Revision ID: 1c2d3e4f5a6b
-- Revises:
-- Create Date: 2026-12-06 04:00:00

-- migrate:upgrade
CREATE TABLE item (
    id INTEGER PRIMARY KEY,
    name VARCHAR(100)
);

-- migrate:downgrade
DROP TABLE item;
