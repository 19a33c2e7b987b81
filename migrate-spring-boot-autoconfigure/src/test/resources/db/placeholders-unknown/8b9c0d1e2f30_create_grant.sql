-- A script whose placeholder has no value
--
-- Revision ID: 8b9c0d1e2f30
-- Revises:
-- Create Date: 2026-12-06 18:05:00

-- migrate:upgrade
CREATE TABLE report_grant (grantee VARCHAR(40));
INSERT INTO report_grant VALUES ('${reader}');
