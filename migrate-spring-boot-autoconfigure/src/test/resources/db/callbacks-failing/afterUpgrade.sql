-- fails on purpose: the table does not exist
INSERT INTO no_such_table VALUES (1);
