-- The item names view
-- Repeatable: item_names
-- Depends On: 1a2b3c4d5e6f

-- migrate:upgrade
CREATE OR REPLACE VIEW item_names AS SELECT id, name FROM item;
