DROP INDEX IF EXISTS ix_regression_cycles_release;

DROP INDEX IF EXISTS ix_tasks_board;
