-- Create the report table
--
-- Revision ID: 4d5e6f708192
-- Revises:
-- Create Date: 2026-11-24 06:15:00

-- migrate:upgrade
CREATE TABLE report (
    id INTEGER PRIMARY KEY,
    title VARCHAR(100) NOT NULL
);

-- migrate:downgrade
DROP TABLE report;
