-- Undoes 003_releases.up.sql.

DROP TABLE IF EXISTS builds;
DROP TABLE IF EXISTS tasks;
DROP TABLE IF EXISTS regression_slots;
DROP TABLE IF EXISTS regression_cycles;
DROP TABLE IF EXISTS releases;
DROP TABLE IF EXISTS release_configs;
