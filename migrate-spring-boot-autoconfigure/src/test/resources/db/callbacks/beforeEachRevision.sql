INSERT INTO cb_log (n, event) SELECT COUNT(*) + 1, 'beforeEachRevision' FROM cb_log;
