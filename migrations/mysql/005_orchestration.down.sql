-- Undoes 005_orchestration.up.sql.

DROP TABLE IF EXISTS deployments;
DROP TABLE IF EXISTS preview_environments;
DROP TABLE IF EXISTS orchestrator_leases;
