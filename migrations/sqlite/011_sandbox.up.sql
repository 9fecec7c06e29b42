-- The sandbox's simulated services keep their state here, per workspace: the repository's
-- branches and tags, its releases, the chat messages, the tickets and the CI runs, and the
-- rehearsals people ask for (the next CI run fails, chat answers invalid_auth).
-- See docs/ARCHITECTURE.md, "Sandbox".

CREATE TABLE IF NOT EXISTS sandbox_states (
    workspace_id INTEGER NOT NULL PRIMARY KEY,
    time_scale INTEGER NOT NULL DEFAULT 1 CHECK (time_scale >= 1),
    fail_next_ci INTEGER NOT NULL DEFAULT 0 CHECK (fail_next_ci IN (0, 1)),
    chat_invalid_auth INTEGER NOT NULL DEFAULT 0 CHECK (chat_invalid_auth IN (0, 1)),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f','now')),
    FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
);

CREATE TABLE IF NOT EXISTS sandbox_refs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    workspace_id INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('BRANCH', 'TAG')),
    name TEXT NOT NULL,
    commit_sha TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f','now')),
    UNIQUE (workspace_id, kind, name),
    FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
);

CREATE TABLE IF NOT EXISTS sandbox_releases (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    workspace_id INTEGER NOT NULL,
    tag TEXT NOT NULL,
    name TEXT NOT NULL,
    notes TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f','now')),
    UNIQUE (workspace_id, tag),
    FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
);

CREATE TABLE IF NOT EXISTS sandbox_messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    workspace_id INTEGER NOT NULL,
    channel_id TEXT NOT NULL,
    body TEXT NOT NULL,
    marker TEXT,
    posted_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f','now')),
    FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
);

CREATE TABLE IF NOT EXISTS sandbox_tickets (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    workspace_id INTEGER NOT NULL,
    ticket_key TEXT NOT NULL,
    project_key TEXT NOT NULL,
    summary TEXT NOT NULL,
    labels TEXT NOT NULL,
    status TEXT NOT NULL,
    ready_at TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f','now')),
    UNIQUE (workspace_id, ticket_key),
    FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
);

CREATE TABLE IF NOT EXISTS sandbox_runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    workspace_id INTEGER NOT NULL,
    workflow TEXT NOT NULL,
    ref TEXT NOT NULL,
    marker TEXT,
    fails INTEGER NOT NULL DEFAULT 0 CHECK (fails IN (0, 1)),
    log TEXT NOT NULL,
    finishes_at TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f','now')),
    FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
);
