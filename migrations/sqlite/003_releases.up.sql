-- Release trains, releases, their cycles, slots, tasks and builds.
-- Each statement ends with ';' at the end of a line (see docs/ARCHITECTURE.md, Storage).

CREATE TABLE IF NOT EXISTS release_configs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    workspace_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    platforms TEXT NOT NULL,
    targets TEXT NOT NULL,
    base_branch TEXT NOT NULL,
    branch_pattern TEXT NOT NULL,
    tag_pattern TEXT NOT NULL,
    kickoff_weekday INTEGER CHECK (kickoff_weekday BETWEEN 1 AND 7),
    kickoff_time TEXT,
    repeat_weeks INTEGER NOT NULL DEFAULT 1 CHECK (repeat_weeks >= 1),
    regression_slots TEXT NOT NULL,
    optional_tasks TEXT NOT NULL,
    auto_regression INTEGER NOT NULL DEFAULT 1 CHECK (auto_regression IN (0, 1)),
    auto_pre_release INTEGER NOT NULL DEFAULT 0 CHECK (auto_pre_release IN (0, 1)),
    created_by INTEGER NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f','now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f','now')),
    UNIQUE (workspace_id, name),
    FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE,
    FOREIGN KEY (created_by) REFERENCES accounts (id) ON DELETE RESTRICT
);

CREATE TABLE IF NOT EXISTS releases (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    workspace_id INTEGER NOT NULL,
    config_id INTEGER,
    version TEXT NOT NULL,
    release_type TEXT NOT NULL DEFAULT 'PLANNED' CHECK (release_type IN ('PLANNED', 'HOTFIX')),
    base_branch TEXT NOT NULL,
    release_branch TEXT,
    base_release_id INTEGER,
    status TEXT NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'IN_PROGRESS', 'PAUSED', 'COMPLETED', 'CANCELLED', 'ARCHIVED')),
    pause_reason TEXT NOT NULL DEFAULT 'NONE' CHECK (pause_reason IN ('NONE', 'AWAITING_STAGE_TRIGGER', 'USER_REQUESTED', 'TASK_FAILURE')),
    stage TEXT NOT NULL DEFAULT 'KICKOFF' CHECK (stage IN ('KICKOFF', 'REGRESSION', 'PRE_RELEASE', 'DONE')),
    kickoff_reminder_at TEXT,
    kickoff_at TEXT,
    target_at TEXT,
    released_at TEXT,
    release_tag TEXT,
    created_by INTEGER NOT NULL,
    pilot_id INTEGER,
    row_version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f','now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f','now')),
    UNIQUE (workspace_id, version),
    FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE,
    FOREIGN KEY (config_id) REFERENCES release_configs (id) ON DELETE SET NULL,
    FOREIGN KEY (base_release_id) REFERENCES releases (id) ON DELETE SET NULL,
    FOREIGN KEY (created_by) REFERENCES accounts (id) ON DELETE RESTRICT,
    FOREIGN KEY (pilot_id) REFERENCES accounts (id) ON DELETE SET NULL
);

CREATE INDEX IF NOT EXISTS ix_releases_status ON releases (workspace_id, status);

CREATE INDEX IF NOT EXISTS ix_releases_stage ON releases (workspace_id, stage);

CREATE TABLE IF NOT EXISTS regression_cycles (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    workspace_id INTEGER NOT NULL,
    release_id INTEGER NOT NULL,
    cycle_number INTEGER NOT NULL CHECK (cycle_number >= 1),
    rc_tag TEXT,
    status TEXT NOT NULL DEFAULT 'NOT_STARTED' CHECK (status IN ('NOT_STARTED', 'IN_PROGRESS', 'DONE', 'ABANDONED')),
    is_latest INTEGER NOT NULL DEFAULT 0 CHECK (is_latest IN (0, 1)),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f','now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f','now')),
    UNIQUE (release_id, cycle_number),
    FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE,
    FOREIGN KEY (release_id) REFERENCES releases (id) ON DELETE CASCADE
);

CREATE INDEX IF NOT EXISTS ix_regression_cycles_workspace ON regression_cycles (workspace_id, status);

CREATE TABLE IF NOT EXISTS regression_slots (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    workspace_id INTEGER NOT NULL,
    release_id INTEGER NOT NULL,
    slot_at TEXT NOT NULL,
    run_build INTEGER NOT NULL DEFAULT 1 CHECK (run_build IN (0, 1)),
    run_automation INTEGER NOT NULL DEFAULT 1 CHECK (run_automation IN (0, 1)),
    cycle_id INTEGER,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f','now')),
    FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE,
    FOREIGN KEY (release_id) REFERENCES releases (id) ON DELETE CASCADE,
    FOREIGN KEY (cycle_id) REFERENCES regression_cycles (id) ON DELETE SET NULL
);

CREATE INDEX IF NOT EXISTS ix_regression_slots_due ON regression_slots (workspace_id, slot_at);

CREATE INDEX IF NOT EXISTS ix_regression_slots_release ON regression_slots (release_id, slot_at);

CREATE TABLE IF NOT EXISTS tasks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    workspace_id INTEGER NOT NULL,
    release_id INTEGER NOT NULL,
    stage TEXT NOT NULL CHECK (stage IN ('KICKOFF', 'REGRESSION', 'PRE_RELEASE', 'DONE')),
    task_type TEXT NOT NULL CHECK (task_type IN ('FORK_BRANCH', 'CREATE_PROJECT_MANAGEMENT_TICKET', 'CREATE_TEST_SUITE', 'TRIGGER_PRE_REGRESSION_BUILDS', 'RESET_TEST_SUITE', 'CREATE_RC_TAG', 'CREATE_RELEASE_NOTES', 'TRIGGER_REGRESSION_BUILDS', 'TRIGGER_AUTOMATION_RUNS', 'CREATE_RELEASE_TAG', 'CREATE_FINAL_RELEASE_NOTES', 'TRIGGER_TEST_FLIGHT_BUILD', 'CREATE_AAB_BUILD', 'CHECK_PROJECT_RELEASE_APPROVAL')),
    cycle_id INTEGER,
    cycle_number INTEGER NOT NULL DEFAULT 0 CHECK (cycle_number >= 0),
    status TEXT NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'IN_PROGRESS', 'AWAITING_EXTERNAL', 'COMPLETED', 'FAILED', 'SKIPPED')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    last_error TEXT,
    external_id TEXT,
    external_url TEXT,
    external_data TEXT,
    claim_owner TEXT,
    claim_expires_at TEXT,
    started_at TEXT,
    finished_at TEXT,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f','now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f','now')),
    UNIQUE (release_id, task_type, cycle_number),
    FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE,
    FOREIGN KEY (release_id) REFERENCES releases (id) ON DELETE CASCADE,
    FOREIGN KEY (cycle_id) REFERENCES regression_cycles (id) ON DELETE CASCADE
);

CREATE INDEX IF NOT EXISTS ix_tasks_due ON tasks (workspace_id, status, next_attempt_at);

CREATE INDEX IF NOT EXISTS ix_tasks_release ON tasks (release_id, stage, status);

CREATE INDEX IF NOT EXISTS ix_tasks_claim ON tasks (workspace_id, claim_expires_at);

CREATE TABLE IF NOT EXISTS builds (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    workspace_id INTEGER NOT NULL,
    release_id INTEGER NOT NULL,
    cycle_id INTEGER,
    task_id INTEGER NOT NULL,
    platform TEXT NOT NULL CHECK (platform IN ('ANDROID', 'IOS', 'WEB')),
    ci_run_id TEXT,
    ci_run_url TEXT,
    build_number TEXT,
    status TEXT NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f','now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f','now')),
    UNIQUE (task_id, platform),
    FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE,
    FOREIGN KEY (release_id) REFERENCES releases (id) ON DELETE CASCADE,
    FOREIGN KEY (cycle_id) REFERENCES regression_cycles (id) ON DELETE CASCADE,
    FOREIGN KEY (task_id) REFERENCES tasks (id) ON DELETE CASCADE
);

CREATE INDEX IF NOT EXISTS ix_builds_release ON builds (release_id, platform);
