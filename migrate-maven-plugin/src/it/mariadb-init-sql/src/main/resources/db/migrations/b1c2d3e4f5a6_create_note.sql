-- Revision ID: b1c2d3e4f5a6
-- Revises:
-- Create Date: 2026-12-07 00:00:00

-- migrate:upgrade
CREATE TABLE note (id INT PRIMARY KEY);

-- migrate:downgrade
DROP TABLE note;
