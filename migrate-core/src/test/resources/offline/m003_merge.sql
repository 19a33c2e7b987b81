-- Merge billing and catalog
--
-- Revision ID: m003
-- Revises: b001, c002
-- Create Date: 2026-11-24 10:03:00

-- migrate:upgrade
CREATE INDEX ix_product_sku ON product (sku);

-- migrate:downgrade
DROP INDEX ix_product_sku;

-- migrate:downgrade mysql
DROP INDEX ix_product_sku ON product;

-- migrate:downgrade sqlserver
DROP INDEX ix_product_sku ON product;
