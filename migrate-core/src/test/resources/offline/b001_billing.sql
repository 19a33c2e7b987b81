-- Add invoices
--
-- Revision ID: b001
-- Revises: a000
-- Create Date: 2026-11-24 10:01:00
-- Branch Labels: billing

-- migrate:upgrade
CREATE TABLE invoice (
    id INT NOT NULL PRIMARY KEY,
    account_id INT NOT NULL REFERENCES account (id)
);
INSERT INTO account (id, name) VALUES (1, 'it''s billing');

-- migrate:downgrade
DELETE FROM account WHERE id = 1;
DROP TABLE invoice;
