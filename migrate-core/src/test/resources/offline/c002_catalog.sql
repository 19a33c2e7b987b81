-- Add products
--
-- Revision ID: c002
-- Revises: a000
-- Create Date: 2026-11-24 10:02:00
-- Branch Labels: catalog
-- Depends On: b001

-- migrate:upgrade
CREATE TABLE product (id INT NOT NULL PRIMARY KEY, sku VARCHAR(20) NOT NULL);

-- migrate:upgrade sqlserver
CREATE TABLE product (id INT NOT NULL PRIMARY KEY, sku NVARCHAR(20) NOT NULL);

-- migrate:downgrade
DROP TABLE product;
