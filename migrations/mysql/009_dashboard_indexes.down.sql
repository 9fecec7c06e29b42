DROP INDEX IF EXISTS ix_regression_cycles_release ON regression_cycles;

DROP INDEX IF EXISTS ix_tasks_board ON tasks;
