INSERT INTO cb_log (n, event) SELECT COUNT(*) + 1, 'afterUpgrade' FROM cb_log;
