-- The sandbox's simulated services keep their state here, per workspace: the repository's
-- branches and tags, its releases, the chat messages, the tickets and the CI runs, and the
-- rehearsals people ask for (the next CI run fails, chat answers invalid_auth).
-- See docs/ARCHITECTURE.md, "Sandbox".

CREATE TABLE IF NOT EXISTS sandbox_states (
    workspace_id BIGINT NOT NULL PRIMARY KEY,
    time_scale INT NOT NULL DEFAULT 1 CHECK (time_scale >= 1),
    fail_next_ci BOOLEAN NOT NULL DEFAULT 0 CHECK (fail_next_ci IN (0, 1)),
    chat_invalid_auth BOOLEAN NOT NULL DEFAULT 0 CHECK (chat_invalid_auth IN (0, 1)),
    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS sandbox_refs (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    workspace_id BIGINT NOT NULL,
    kind VARCHAR(40) NOT NULL CHECK (kind IN ('BRANCH', 'TAG')),
    name VARCHAR(255) NOT NULL,
    commit_sha VARCHAR(64) NOT NULL,
    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    UNIQUE (workspace_id, kind, name),
    FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS sandbox_releases (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    workspace_id BIGINT NOT NULL,
    tag VARCHAR(255) NOT NULL,
    name VARCHAR(255) NOT NULL,
    notes TEXT NOT NULL,
    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    UNIQUE (workspace_id, tag),
    FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS sandbox_messages (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    workspace_id BIGINT NOT NULL,
    channel_id VARCHAR(255) NOT NULL,
    body TEXT NOT NULL,
    marker VARCHAR(255),
    posted_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS sandbox_tickets (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    workspace_id BIGINT NOT NULL,
    ticket_key VARCHAR(64) NOT NULL,
    project_key VARCHAR(64) NOT NULL,
    summary VARCHAR(255) NOT NULL,
    labels TEXT NOT NULL,
    status VARCHAR(64) NOT NULL,
    ready_at DATETIME(3) NOT NULL,
    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    UNIQUE (workspace_id, ticket_key),
    FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS sandbox_runs (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    workspace_id BIGINT NOT NULL,
    workflow VARCHAR(255) NOT NULL,
    ref VARCHAR(255) NOT NULL,
    marker VARCHAR(255),
    fails BOOLEAN NOT NULL DEFAULT 0 CHECK (fails IN (0, 1)),
    log TEXT NOT NULL,
    finishes_at DATETIME(3) NOT NULL,
    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- On a shared server every role reads the simulation and EDITORs run it, as with tasks.
INSERT INTO role_privileges (role, object_name, privileges) VALUES
    ('VIEWER', 'sandbox_states', 'SELECT'),
    ('VIEWER', 'sandbox_refs', 'SELECT'),
    ('VIEWER', 'sandbox_releases', 'SELECT'),
    ('VIEWER', 'sandbox_messages', 'SELECT'),
    ('VIEWER', 'sandbox_tickets', 'SELECT'),
    ('VIEWER', 'sandbox_runs', 'SELECT'),
    ('EDITOR', 'sandbox_states', 'INSERT, UPDATE'),
    ('EDITOR', 'sandbox_refs', 'INSERT, UPDATE'),
    ('EDITOR', 'sandbox_releases', 'INSERT, UPDATE'),
    ('EDITOR', 'sandbox_messages', 'INSERT, UPDATE'),
    ('EDITOR', 'sandbox_tickets', 'INSERT, UPDATE'),
    ('EDITOR', 'sandbox_runs', 'INSERT, UPDATE'),
    ('OWNER', 'sandbox_states', 'DELETE'),
    ('OWNER', 'sandbox_refs', 'DELETE'),
    ('OWNER', 'sandbox_releases', 'DELETE'),
    ('OWNER', 'sandbox_messages', 'DELETE'),
    ('OWNER', 'sandbox_tickets', 'DELETE'),
    ('OWNER', 'sandbox_runs', 'DELETE')
    ON DUPLICATE KEY UPDATE privileges = VALUES(privileges);

CREATE OR REPLACE TRIGGER rd_sandbox_states_insert BEFORE INSERT ON sandbox_states FOR EACH ROW
    CALL rd_require(NEW.workspace_id, 'EDITOR', 'run the sandbox');

CREATE OR REPLACE TRIGGER rd_sandbox_states_update BEFORE UPDATE ON sandbox_states FOR EACH ROW
    CALL rd_require_both(OLD.workspace_id, NEW.workspace_id, 'EDITOR', 'run the sandbox');

CREATE OR REPLACE TRIGGER rd_sandbox_states_delete BEFORE DELETE ON sandbox_states FOR EACH ROW
    CALL rd_require(OLD.workspace_id, 'OWNER', 'reset the sandbox');

CREATE OR REPLACE TRIGGER rd_sandbox_refs_insert BEFORE INSERT ON sandbox_refs FOR EACH ROW
    CALL rd_require(NEW.workspace_id, 'EDITOR', 'run the sandbox');

CREATE OR REPLACE TRIGGER rd_sandbox_refs_update BEFORE UPDATE ON sandbox_refs FOR EACH ROW
    CALL rd_require_both(OLD.workspace_id, NEW.workspace_id, 'EDITOR', 'run the sandbox');

CREATE OR REPLACE TRIGGER rd_sandbox_refs_delete BEFORE DELETE ON sandbox_refs FOR EACH ROW
    CALL rd_require(OLD.workspace_id, 'OWNER', 'reset the sandbox');

CREATE OR REPLACE TRIGGER rd_sandbox_releases_insert BEFORE INSERT ON sandbox_releases FOR EACH ROW
    CALL rd_require(NEW.workspace_id, 'EDITOR', 'run the sandbox');

CREATE OR REPLACE TRIGGER rd_sandbox_releases_update BEFORE UPDATE ON sandbox_releases FOR EACH ROW
    CALL rd_require_both(OLD.workspace_id, NEW.workspace_id, 'EDITOR', 'run the sandbox');

CREATE OR REPLACE TRIGGER rd_sandbox_releases_delete BEFORE DELETE ON sandbox_releases FOR EACH ROW
    CALL rd_require(OLD.workspace_id, 'OWNER', 'reset the sandbox');

CREATE OR REPLACE TRIGGER rd_sandbox_messages_insert BEFORE INSERT ON sandbox_messages FOR EACH ROW
    CALL rd_require(NEW.workspace_id, 'EDITOR', 'run the sandbox');

CREATE OR REPLACE TRIGGER rd_sandbox_messages_update BEFORE UPDATE ON sandbox_messages FOR EACH ROW
    CALL rd_require_both(OLD.workspace_id, NEW.workspace_id, 'EDITOR', 'run the sandbox');

CREATE OR REPLACE TRIGGER rd_sandbox_messages_delete BEFORE DELETE ON sandbox_messages FOR EACH ROW
    CALL rd_require(OLD.workspace_id, 'OWNER', 'reset the sandbox');

CREATE OR REPLACE TRIGGER rd_sandbox_tickets_insert BEFORE INSERT ON sandbox_tickets FOR EACH ROW
    CALL rd_require(NEW.workspace_id, 'EDITOR', 'run the sandbox');

CREATE OR REPLACE TRIGGER rd_sandbox_tickets_update BEFORE UPDATE ON sandbox_tickets FOR EACH ROW
    CALL rd_require_both(OLD.workspace_id, NEW.workspace_id, 'EDITOR', 'run the sandbox');

CREATE OR REPLACE TRIGGER rd_sandbox_tickets_delete BEFORE DELETE ON sandbox_tickets FOR EACH ROW
    CALL rd_require(OLD.workspace_id, 'OWNER', 'reset the sandbox');

CREATE OR REPLACE TRIGGER rd_sandbox_runs_insert BEFORE INSERT ON sandbox_runs FOR EACH ROW
    CALL rd_require(NEW.workspace_id, 'EDITOR', 'run the sandbox');

CREATE OR REPLACE TRIGGER rd_sandbox_runs_update BEFORE UPDATE ON sandbox_runs FOR EACH ROW
    CALL rd_require_both(OLD.workspace_id, NEW.workspace_id, 'EDITOR', 'run the sandbox');

CREATE OR REPLACE TRIGGER rd_sandbox_runs_delete BEFORE DELETE ON sandbox_runs FOR EACH ROW
    CALL rd_require(OLD.workspace_id, 'OWNER', 'reset the sandbox');
