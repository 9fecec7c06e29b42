-- The dashboard reads every release's task counts, and the live feed the counts, cycles
-- and slots of a few releases by id: indexes that lead with (workspace_id, release_id)
-- let both find their rows without scanning the workspace's tasks, and the task counts
-- come grouped in index order.
-- Each statement ends with ';' at the end of a line (see docs/ARCHITECTURE.md, Storage).

CREATE INDEX IF NOT EXISTS ix_tasks_board ON tasks (workspace_id, release_id, stage, cycle_number, status);

CREATE INDEX IF NOT EXISTS ix_regression_cycles_release ON regression_cycles (workspace_id, release_id);
