INSERT INTO cb_log (n, event) SELECT COUNT(*) + 1, 'afterEachRevision' FROM cb_log;
