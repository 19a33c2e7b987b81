CREATE TABLE IF NOT EXISTS cb_log (n INT, event VARCHAR(40));
INSERT INTO cb_log (n, event) SELECT COUNT(*) + 1, 'beforeUpgrade' FROM cb_log;
