-- Undoes 002_connections.up.sql.

DROP TABLE IF EXISTS connections;
