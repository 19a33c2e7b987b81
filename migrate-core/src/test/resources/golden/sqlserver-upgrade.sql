IF OBJECT_ID(N'[migrate_version]', N'U') IS NULL CREATE TABLE [migrate_version] ([version_num] VARCHAR(32) NOT NULL, CONSTRAINT [migrate_version_pkc] PRIMARY KEY ([version_num]));

GO

-- Running upgrade  -> a000 (a000: Create accounts)

BEGIN TRANSACTION;

GO

CREATE TABLE account (
    id INT NOT NULL PRIMARY KEY,
    name VARCHAR(100) NOT NULL
);

GO

INSERT INTO [migrate_version] ([version_num]) VALUES ('a000');

GO

COMMIT;

GO

-- Running upgrade a000 -> b001 (b001: Add invoices)

BEGIN TRANSACTION;

GO

CREATE TABLE invoice (
    id INT NOT NULL PRIMARY KEY,
    account_id INT NOT NULL REFERENCES account (id)
);

GO

INSERT INTO account (id, name) VALUES (1, 'it''s billing');

GO

UPDATE [migrate_version] SET [version_num] = 'b001' WHERE [version_num] = 'a000';

GO

COMMIT;

GO

-- Running upgrade b001 -> c002 (c002: Add products)

BEGIN TRANSACTION;

GO

CREATE TABLE product (id INT NOT NULL PRIMARY KEY, sku NVARCHAR(20) NOT NULL);

GO

UPDATE [migrate_version] SET [version_num] = 'c002' WHERE [version_num] = 'b001';

GO

COMMIT;

GO

-- Running upgrade c002 -> m003 (m003: Merge billing and catalog)

BEGIN TRANSACTION;

GO

CREATE INDEX ix_product_sku ON product (sku);

GO

UPDATE [migrate_version] SET [version_num] = 'm003' WHERE [version_num] = 'c002';

GO

COMMIT;

GO

