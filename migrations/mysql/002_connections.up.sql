-- Integrations; one active connection per workspace and category.
-- Each statement ends with ';' at the end of a line (see docs/ARCHITECTURE.md, Storage).

CREATE TABLE IF NOT EXISTS connections (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    workspace_id BIGINT NOT NULL,
    category VARCHAR(40) NOT NULL CHECK (category IN ('SCM', 'CHAT', 'ISSUES', 'CI', 'TESTS', 'STORE')),
    provider VARCHAR(64) NOT NULL,
    display_name VARCHAR(255) NOT NULL,
    config TEXT NOT NULL,
    secret_ref VARCHAR(255),
    active BOOLEAN NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    active_category VARCHAR(40) AS (CASE WHEN active = 1 THEN category ELSE NULL END) STORED,
    verification_status VARCHAR(40) NOT NULL DEFAULT 'PENDING' CHECK (verification_status IN ('PENDING', 'VALID', 'INVALID', 'EXPIRED')),
    last_verified_at DATETIME(3),
    verification_error TEXT,
    created_by BIGINT NOT NULL,
    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    UNIQUE (workspace_id, active_category),
    FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE,
    FOREIGN KEY (created_by) REFERENCES accounts (id) ON DELETE RESTRICT,
    INDEX ix_connections_category (workspace_id, category)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
