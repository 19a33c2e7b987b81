-- create account
--
-- Revision ID: a1b2c3d4e5f6
-- Revises:
-- Create Date: 2026-12-01 09:00:00

-- migrate:upgrade
CREATE TABLE ${table_name} (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL, region VARCHAR(10) NOT NULL);
INSERT INTO ${table_name} (id, name, region) SELECT 1, v, '${region}' FROM init_marker;

-- migrate:downgrade
DROP TABLE ${table_name};
