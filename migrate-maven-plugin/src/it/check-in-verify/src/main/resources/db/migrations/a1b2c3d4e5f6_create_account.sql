-- create account
--
-- Revision ID: a1b2c3d4e5f6
-- Revises:
-- Create Date: 2026-12-01 09:00:00

-- migrate:upgrade
CREATE TABLE account (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL);

-- migrate:downgrade
DROP TABLE account;
