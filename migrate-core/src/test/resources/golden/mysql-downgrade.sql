-- Running downgrade m003 -> c002 (m003: Merge billing and catalog)

DROP INDEX ix_product_sku ON product;

UPDATE `migrate_version` SET `version_num` = 'c002' WHERE `version_num` = 'm003';

-- Running downgrade c002 -> b001 (c002: Add products)

DROP TABLE product;

UPDATE `migrate_version` SET `version_num` = 'b001' WHERE `version_num` = 'c002';

-- Running downgrade b001 -> a000 (b001: Add invoices)

DELETE FROM account WHERE id = 1;

DROP TABLE invoice;

UPDATE `migrate_version` SET `version_num` = 'a000' WHERE `version_num` = 'b001';

-- Running downgrade a000 ->  (a000: Create accounts)

DROP TABLE account;

DELETE FROM `migrate_version` WHERE `version_num` = 'a000';

