-- The next schema: a sku column and a supplier table that no revision creates yet.
CREATE TABLE item (
    id INTEGER PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    price INTEGER,
    sku VARCHAR(20)
);

CREATE TABLE supplier (
    id INTEGER PRIMARY KEY,
    name VARCHAR(100) NOT NULL
);
