-- Running downgrade m003 -> c002 (m003: Merge billing and catalog)

BEGIN;

DROP INDEX ix_product_sku;

UPDATE "migrate_version" SET "version_num" = 'c002' WHERE "version_num" = 'm003';

COMMIT;

-- Running downgrade c002 -> b001 (c002: Add products)

BEGIN;

DROP TABLE product;

UPDATE "migrate_version" SET "version_num" = 'b001' WHERE "version_num" = 'c002';

COMMIT;

-- Running downgrade b001 -> a000 (b001: Add invoices)

BEGIN;

DELETE FROM account WHERE id = 1;

DROP TABLE invoice;

UPDATE "migrate_version" SET "version_num" = 'a000' WHERE "version_num" = 'b001';

COMMIT;

-- Running downgrade a000 ->  (a000: Create accounts)

BEGIN;

DROP TABLE account;

DELETE FROM "migrate_version" WHERE "version_num" = 'a000';

COMMIT;

