-- Record when a loan is returned
--
-- Revision ID: d26b8f4c0e93
-- Revises: a9c3e5f7b102
-- Create Date: 2026-11-13 09:48:31

-- migrate:upgrade
-- An open loan has no returned_at.
ALTER TABLE loan ADD COLUMN returned_at TIMESTAMP;

-- migrate:upgrade mysql
ALTER TABLE loan ADD COLUMN returned_at DATETIME(6) NULL;

-- migrate:upgrade sqlserver
ALTER TABLE loan ADD returned_at DATETIME2 NULL;

-- migrate:downgrade
ALTER TABLE loan DROP COLUMN returned_at;
