-- Create accounts
--
-- Revision ID: a000
-- Revises:
-- Create Date: 2026-11-24 10:00:00

-- migrate:upgrade
CREATE TABLE account (
    id INT NOT NULL PRIMARY KEY,
    name VARCHAR(100) NOT NULL
);

-- migrate:downgrade
DROP TABLE account;
