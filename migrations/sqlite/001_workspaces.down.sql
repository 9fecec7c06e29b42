-- Undoes 001_workspaces.up.sql.

DROP TABLE IF EXISTS memberships;
DROP TABLE IF EXISTS workspaces;
DROP TABLE IF EXISTS accounts;
