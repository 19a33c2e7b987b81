CREATE TABLE IF NOT EXISTS `migrate_version` (`version_num` VARCHAR(32) NOT NULL, CONSTRAINT `migrate_version_pkc` PRIMARY KEY (`version_num`));

-- Running upgrade  -> a000 (a000: Create accounts)

CREATE TABLE account (
    id INT NOT NULL PRIMARY KEY,
    name VARCHAR(100) NOT NULL
);

INSERT INTO `migrate_version` (`version_num`) VALUES ('a000');

-- Running upgrade a000 -> b001 (b001: Add invoices)

CREATE TABLE invoice (
    id INT NOT NULL PRIMARY KEY,
    account_id INT NOT NULL REFERENCES account (id)
);

INSERT INTO account (id, name) VALUES (1, 'it''s billing');

UPDATE `migrate_version` SET `version_num` = 'b001' WHERE `version_num` = 'a000';

-- Running upgrade b001 -> c002 (c002: Add products)

CREATE TABLE product (id INT NOT NULL PRIMARY KEY, sku VARCHAR(20) NOT NULL);

UPDATE `migrate_version` SET `version_num` = 'c002' WHERE `version_num` = 'b001';

-- Running upgrade c002 -> m003 (m003: Merge billing and catalog)

CREATE INDEX ix_product_sku ON product (sku);

UPDATE `migrate_version` SET `version_num` = 'm003' WHERE `version_num` = 'c002';

