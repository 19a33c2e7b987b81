-- Create the setting table from placeholders and the session
--
-- Revision ID: 7a8b9c0d1e2f
-- Revises:
-- Create Date: 2026-12-06 18:00:00

-- migrate:upgrade
CREATE TABLE setting (k VARCHAR(40) PRIMARY KEY, v VARCHAR(100));
INSERT INTO setting VALUES ('owner', '${owner}');
INSERT INTO setting VALUES ('engine', '${migrate:engine}');
INSERT INTO setting VALUES ('literal', '\${owner}');
INSERT INTO setting VALUES ('init', @init_value);

-- migrate:downgrade
DROP TABLE setting;
