-- Running downgrade m003 -> c002 (m003: Merge billing and catalog)

BEGIN TRANSACTION;

GO

DROP INDEX ix_product_sku ON product;

GO

UPDATE [migrate_version] SET [version_num] = 'c002' WHERE [version_num] = 'm003';

GO

COMMIT;

GO

-- Running downgrade c002 -> b001 (c002: Add products)

BEGIN TRANSACTION;

GO

DROP TABLE product;

GO

UPDATE [migrate_version] SET [version_num] = 'b001' WHERE [version_num] = 'c002';

GO

COMMIT;

GO

-- Running downgrade b001 -> a000 (b001: Add invoices)

BEGIN TRANSACTION;

GO

DELETE FROM account WHERE id = 1;

GO

DROP TABLE invoice;

GO

UPDATE [migrate_version] SET [version_num] = 'a000' WHERE [version_num] = 'b001';

GO

COMMIT;

GO

-- Running downgrade a000 ->  (a000: Create accounts)

BEGIN TRANSACTION;

GO

DROP TABLE account;

GO

DELETE FROM [migrate_version] WHERE [version_num] = 'a000';

GO

COMMIT;

GO

