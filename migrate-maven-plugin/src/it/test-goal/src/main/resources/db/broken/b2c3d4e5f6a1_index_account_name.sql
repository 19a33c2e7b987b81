-- index account name
--
-- Revision ID: b2c3d4e5f6a1
-- Revises: a1b2c3d4e5f6
-- Create Date: 2026-12-01 09:10:00

-- migrate:upgrade
CREATE INDEX ix_account_name ON account (name);

-- migrate:downgrade
