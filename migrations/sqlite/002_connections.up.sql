-- Integrations; one active connection per workspace and category.
-- Each statement ends with ';' at the end of a line (see docs/ARCHITECTURE.md, Storage).

CREATE TABLE IF NOT EXISTS connections (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    workspace_id INTEGER NOT NULL,
    category TEXT NOT NULL CHECK (category IN ('SCM', 'CHAT', 'ISSUES', 'CI', 'TESTS', 'STORE')),
    provider TEXT NOT NULL,
    display_name TEXT NOT NULL,
    config TEXT NOT NULL,
    secret_ref TEXT,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    active_category TEXT GENERATED ALWAYS AS (CASE WHEN active = 1 THEN category ELSE NULL END) STORED,
    verification_status TEXT NOT NULL DEFAULT 'PENDING' CHECK (verification_status IN ('PENDING', 'VALID', 'INVALID', 'EXPIRED')),
    last_verified_at TEXT,
    verification_error TEXT,
    created_by INTEGER NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f','now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f','now')),
    UNIQUE (workspace_id, active_category),
    FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE,
    FOREIGN KEY (created_by) REFERENCES accounts (id) ON DELETE RESTRICT
);

CREATE INDEX IF NOT EXISTS ix_connections_category ON connections (workspace_id, category);
