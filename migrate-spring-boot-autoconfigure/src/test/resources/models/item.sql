-- The schema db/app migrates to.
CREATE TABLE item (
    id INTEGER PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    price INTEGER
);
