-- Name every item
--
-- Revision ID: 2d3e4f5a6b7c
-- Revises: 1c2d3e4f5a6b
-- Create Date: 2026-12-06 04:05:00

-- migrate:upgrade
UPDATE item SET name = 'unnamed';

-- migrate:downgrade
