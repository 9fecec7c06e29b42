-- Identity is the database login, and the server enforces roles.
-- Each person signs in with their own database account; the account whose accounts.login is
-- the connected user name (the part of USER() before the host) is who acts. Grants per table
-- give each login what its highest role needs (role_privileges, applied by rd_apply_grants);
-- BEFORE triggers on every table check the connected user's membership of the row's
-- workspace, because grants cannot tell workspaces apart. Inside a trigger or a definer-rights
-- routine CURRENT_USER() is the definer; only USER() names the connected account.
-- Schema administrators (schema_admins: whoever runs 'db migrate') pass every trigger.
-- See docs/ARCHITECTURE.md, "Roles enforced by the server".
-- Statements end with ';' at the end of a line; a routine's or trigger's body runs from a line
-- ending in BEGIN to a line that is exactly 'END;' (see docs/ARCHITECTURE.md, Storage).

CREATE TABLE IF NOT EXISTS schema_admins (
    user_name VARCHAR(80) NOT NULL PRIMARY KEY,
    added_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS server_logins (
    user_name VARCHAR(80) NOT NULL PRIMARY KEY,
    host VARCHAR(255) NOT NULL,
    created_here BOOLEAN NOT NULL DEFAULT 0 CHECK (created_here IN (0, 1)),
    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS role_privileges (
    role VARCHAR(40) NOT NULL CHECK (role IN ('OWNER', 'EDITOR', 'VIEWER')),
    object_name VARCHAR(128) NOT NULL,
    privileges VARCHAR(255) NOT NULL,
    PRIMARY KEY (role, object_name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What each role's login may do, cumulative (an EDITOR also gets the VIEWER's rows, an
-- OWNER both). Tables not listed for a role are not granted to it.
INSERT INTO role_privileges (role, object_name, privileges) VALUES
    ('VIEWER', 'accounts', 'SELECT'),
    ('VIEWER', 'workspaces', 'SELECT'),
    ('VIEWER', 'memberships', 'SELECT'),
    ('VIEWER', 'connections', 'SELECT'),
    ('VIEWER', 'release_configs', 'SELECT'),
    ('VIEWER', 'releases', 'SELECT'),
    ('VIEWER', 'regression_cycles', 'SELECT'),
    ('VIEWER', 'regression_slots', 'SELECT'),
    ('VIEWER', 'tasks', 'SELECT'),
    ('VIEWER', 'builds', 'SELECT'),
    ('VIEWER', 'events', 'SELECT'),
    ('VIEWER', 'event_sequences', 'SELECT'),
    ('VIEWER', 'orchestrator_leases', 'SELECT'),
    ('VIEWER', 'preview_environments', 'SELECT'),
    ('VIEWER', 'deployments', 'SELECT'),
    ('VIEWER', 'announcements', 'SELECT'),
    ('VIEWER', 'schema_migrations', 'SELECT'),
    ('EDITOR', 'release_configs', 'INSERT, UPDATE'),
    ('EDITOR', 'releases', 'INSERT, UPDATE'),
    ('EDITOR', 'regression_cycles', 'INSERT, UPDATE'),
    ('EDITOR', 'regression_slots', 'INSERT, UPDATE'),
    ('EDITOR', 'tasks', 'INSERT, UPDATE'),
    ('EDITOR', 'builds', 'INSERT, UPDATE'),
    ('EDITOR', 'announcements', 'INSERT, UPDATE'),
    ('EDITOR', 'preview_environments', 'INSERT, UPDATE'),
    ('EDITOR', 'deployments', 'INSERT, UPDATE'),
    ('EDITOR', 'event_sequences', 'INSERT, UPDATE'),
    ('EDITOR', 'orchestrator_leases', 'INSERT, UPDATE, DELETE'),
    ('EDITOR', 'events', 'INSERT'),
    ('EDITOR', 'connections', 'UPDATE (verification_status, last_verified_at, verification_error, updated_at)'),
    ('OWNER', 'release_configs', 'DELETE'),
    ('OWNER', 'regression_cycles', 'DELETE'),
    ('OWNER', 'regression_slots', 'DELETE'),
    ('OWNER', 'tasks', 'DELETE'),
    ('OWNER', 'builds', 'DELETE'),
    ('OWNER', 'announcements', 'DELETE'),
    ('OWNER', 'preview_environments', 'DELETE'),
    ('OWNER', 'deployments', 'DELETE'),
    ('OWNER', 'connections', 'INSERT, UPDATE, DELETE'),
    ('OWNER', 'memberships', 'INSERT, UPDATE, DELETE'),
    ('OWNER', 'accounts', 'INSERT'),
    ('OWNER', 'workspaces', 'INSERT, UPDATE'),
    ('OWNER', 'PROCEDURE rd_member_login', 'EXECUTE'),
    ('OWNER', 'PROCEDURE rd_sync_login', 'EXECUTE')
    ON DUPLICATE KEY UPDATE privileges = VALUES(privileges);

-- The connected user's name: USER() is 'name@client-host'; the host never contains '@'.
CREATE OR REPLACE FUNCTION rd_connected_user() RETURNS VARCHAR(80) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci
    NO SQL SQL SECURITY DEFINER
    RETURN SUBSTRING(USER(), 1, CHAR_LENGTH(USER()) - CHAR_LENGTH(SUBSTRING_INDEX(USER(), '@', -1)) - 1);

CREATE OR REPLACE FUNCTION rd_is_admin() RETURNS BOOLEAN
    READS SQL DATA SQL SECURITY DEFINER
    RETURN EXISTS (SELECT 1 FROM schema_admins WHERE user_name = rd_connected_user());

CREATE OR REPLACE FUNCTION rd_account_id() RETURNS BIGINT
    READS SQL DATA SQL SECURITY DEFINER
    RETURN (SELECT id FROM accounts WHERE login = rd_connected_user());

CREATE OR REPLACE FUNCTION rd_role_in(p_workspace BIGINT) RETURNS VARCHAR(40) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci
    READS SQL DATA SQL SECURITY DEFINER
    RETURN (SELECT m.role FROM memberships m JOIN accounts a ON a.id = m.account_id WHERE m.workspace_id = p_workspace AND a.login = rd_connected_user());

CREATE OR REPLACE FUNCTION rd_owns_any() RETURNS BOOLEAN
    READS SQL DATA SQL SECURITY DEFINER
    RETURN EXISTS (SELECT 1 FROM memberships m JOIN accounts a ON a.id = m.account_id WHERE a.login = rd_connected_user() AND m.role = 'OWNER');

-- Refuses, in a sentence for people, unless the connected user's role in the workspace is
-- p_need ('EDITOR': an EDITOR or OWNER; 'OWNER') or it is a schema administrator.
CREATE OR REPLACE PROCEDURE rd_require(IN p_workspace BIGINT, IN p_need VARCHAR(40), IN p_action VARCHAR(200))
    READS SQL DATA SQL SECURITY DEFINER
BEGIN
    DECLARE v_role VARCHAR(40);
    DECLARE v_name VARCHAR(160);
    DECLARE v_message VARCHAR(512);
    IF NOT rd_is_admin() THEN
        SET v_role = rd_role_in(p_workspace);
        IF v_role IS NULL OR v_role = 'VIEWER' OR (p_need = 'OWNER' AND v_role <> 'OWNER') THEN
            SET v_name = COALESCE((SELECT name FROM workspaces WHERE id = p_workspace), CONCAT('workspace ', p_workspace));
            IF v_role IS NULL THEN
                SET v_message = CONCAT('You are not a member of ', v_name, ', so you cannot ', p_action, ' there; ask one of its owners to add you.');
            ELSE
                SET v_message = CONCAT('Your role in ', v_name, ' is ', UPPER(LEFT(v_role, 1)), LOWER(SUBSTRING(v_role, 2)), ', which cannot ', p_action, '; ask an owner to make you ', IF(p_need = 'OWNER', 'an owner.', 'an editor.'));
            END IF;
            SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = v_message;
        END IF;
    END IF;
END;

-- An update checks the row's workspace before and after: rows never move to a workspace
-- where the user lacks the role.
CREATE OR REPLACE PROCEDURE rd_require_both(IN p_old BIGINT, IN p_new BIGINT, IN p_need VARCHAR(40), IN p_action VARCHAR(200))
    READS SQL DATA SQL SECURITY DEFINER
BEGIN
    CALL rd_require(p_old, p_need, p_action);
    IF NOT (p_new <=> p_old) THEN
        CALL rd_require(p_new, p_need, p_action);
    END IF;
END;

CREATE OR REPLACE PROCEDURE rd_refuse_unless_admin(IN p_message VARCHAR(400))
    READS SQL DATA SQL SECURITY DEFINER
BEGIN
    IF NOT rd_is_admin() THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = p_message;
    END IF;
END;

-- An event is recorded by an EDITOR or OWNER, as itself: its account is the connected one and
-- its actor that account's login, or orchestrator@HOST acting for it.
CREATE OR REPLACE PROCEDURE rd_require_event(IN p_workspace BIGINT, IN p_account BIGINT, IN p_actor VARCHAR(255))
    READS SQL DATA SQL SECURITY DEFINER
BEGIN
    CALL rd_require(p_workspace, 'EDITOR', 'record activity');
    IF NOT rd_is_admin() THEN
        IF NOT (p_account <=> rd_account_id()) OR NOT (p_actor = rd_connected_user() OR p_actor LIKE 'orchestrator@%') THEN
            SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'An event must name the signed-in account as its actor.';
        END IF;
    END IF;
END;

-- The creator of a new workspace becomes its first owner; after that only owners add members.
CREATE OR REPLACE PROCEDURE rd_require_new_member(IN p_workspace BIGINT, IN p_account BIGINT, IN p_role VARCHAR(40))
    READS SQL DATA SQL SECURITY DEFINER
BEGIN
    IF NOT rd_is_admin() THEN
        IF NOT (p_role = 'OWNER' AND p_account <=> rd_account_id()
                AND EXISTS (SELECT 1 FROM workspaces WHERE id = p_workspace AND created_by = p_account)
                AND NOT EXISTS (SELECT 1 FROM memberships WHERE workspace_id = p_workspace)) THEN
            CALL rd_require(p_workspace, 'OWNER', 'add members');
        END IF;
    END IF;
END;

-- The last owner of a workspace is never removed or demoted (by anyone).
CREATE OR REPLACE PROCEDURE rd_keep_an_owner(IN p_workspace BIGINT, IN p_account BIGINT, IN p_old_role VARCHAR(40), IN p_new_role VARCHAR(40))
    READS SQL DATA SQL SECURITY DEFINER
BEGIN
    DECLARE v_others INT;
    DECLARE v_locked BIGINT;
    DECLARE CONTINUE HANDLER FOR NOT FOUND SET v_locked = NULL;
    IF p_old_role = 'OWNER' AND NOT (p_new_role <=> 'OWNER') THEN
        -- One owner change per workspace at a time (its row is the lock: a trigger may not lock
        -- its own table), so two owners demoting each other cannot leave none.
        SELECT id INTO v_locked FROM workspaces WHERE id = p_workspace FOR UPDATE;
        SELECT COUNT(*) INTO v_others FROM memberships WHERE workspace_id = p_workspace AND role = 'OWNER' AND account_id <> p_account;
        IF v_others = 0 THEN
            SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'A workspace needs at least one owner; make someone else an owner first.';
        END IF;
    END IF;
END;

CREATE OR REPLACE PROCEDURE rd_require_creator(IN p_created_by BIGINT)
    READS SQL DATA SQL SECURITY DEFINER
BEGIN
    IF NOT rd_is_admin() AND NOT (p_created_by <=> rd_account_id()) THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'A workspace is created by the signed-in account, which becomes its owner.';
    END IF;
END;

CREATE OR REPLACE PROCEDURE rd_require_account_owner()
    READS SQL DATA SQL SECURITY DEFINER
BEGIN
    IF NOT rd_is_admin() AND NOT rd_owns_any() THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'Only an owner of a workspace can add accounts.';
    END IF;
END;

-- Ends every session of a user but the caller's own: dropping an account or revoking its
-- grants does not end sessions already open.
CREATE OR REPLACE PROCEDURE rd_end_sessions(IN p_user VARCHAR(80))
    MODIFIES SQL DATA SQL SECURITY DEFINER
BEGIN
    DECLARE v_done INT DEFAULT 0;
    DECLARE v_id BIGINT;
    DECLARE c_sessions CURSOR FOR SELECT ID FROM information_schema.PROCESSLIST WHERE USER = p_user AND ID <> CONNECTION_ID();
    DECLARE CONTINUE HANDLER FOR NOT FOUND SET v_done = 1;
    OPEN c_sessions;
    sessions: LOOP
        FETCH c_sessions INTO v_id;
        IF v_done THEN
            LEAVE sessions;
        END IF;
        BEGIN
            -- A session that ended by itself meanwhile is fine.
            DECLARE CONTINUE HANDLER FOR 1094 BEGIN END;
            KILL CONNECTION v_id;
        END;
    END LOOP;
    CLOSE c_sessions;
END;

-- Makes a login's grants on this schema match its highest role over all memberships: every
-- grant on this schema's tables and routines is revoked, then role_privileges is granted.
CREATE OR REPLACE PROCEDURE rd_apply_grants(IN p_user VARCHAR(80), IN p_host VARCHAR(255))
    MODIFIES SQL DATA SQL SECURITY DEFINER
BEGIN
    DECLARE v_done INT DEFAULT 0;
    DECLARE v_object VARCHAR(128);
    DECLARE v_privileges VARCHAR(255);
    DECLARE v_rank INT;
    DECLARE v_schema VARCHAR(200) DEFAULT CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`');
    DECLARE v_login VARCHAR(400) DEFAULT CONCAT(QUOTE(p_user), '@', QUOTE(p_host));
    DECLARE v_depth INT DEFAULT @@max_sp_recursion_depth;
    DECLARE c_tables CURSOR FOR SELECT Table_name FROM mysql.tables_priv WHERE User = p_user AND Host = p_host AND Db = DATABASE();
    DECLARE c_routines CURSOR FOR SELECT Routine_name FROM mysql.procs_priv WHERE User = p_user AND Host = p_host AND Db = DATABASE() AND Routine_type = 'PROCEDURE';
    DECLARE c_grants CURSOR FOR SELECT object_name, privileges FROM role_privileges WHERE (CASE role WHEN 'VIEWER' THEN 1 WHEN 'EDITOR' THEN 2 ELSE 3 END) <= v_rank ORDER BY object_name;
    DECLARE CONTINUE HANDLER FOR NOT FOUND SET v_done = 1;
    -- Granting or revoking EXECUTE on a routine looks it up, which counts as calling it again
    -- when it is the one running (rd_member_login, rd_sync_login): allow that one level.
    SET SESSION max_sp_recursion_depth = GREATEST(v_depth, 1);
    OPEN c_tables;
    tables: LOOP
        FETCH c_tables INTO v_object;
        IF v_done THEN
            LEAVE tables;
        END IF;
        EXECUTE IMMEDIATE CONCAT('REVOKE ALL PRIVILEGES ON ', v_schema, '.`', REPLACE(v_object, '`', '``'), '` FROM ', v_login);
    END LOOP;
    CLOSE c_tables;
    SET v_done = 0;
    OPEN c_routines;
    routines: LOOP
        FETCH c_routines INTO v_object;
        IF v_done THEN
            LEAVE routines;
        END IF;
        EXECUTE IMMEDIATE CONCAT('REVOKE ALL PRIVILEGES ON PROCEDURE ', v_schema, '.`', REPLACE(v_object, '`', '``'), '` FROM ', v_login);
    END LOOP;
    CLOSE c_routines;
    SELECT MAX(CASE m.role WHEN 'VIEWER' THEN 1 WHEN 'EDITOR' THEN 2 ELSE 3 END) INTO v_rank
        FROM memberships m JOIN accounts a ON a.id = m.account_id WHERE a.login = p_user;
    IF v_rank IS NOT NULL THEN
        SET v_done = 0;
        OPEN c_grants;
        grants: LOOP
            FETCH c_grants INTO v_object, v_privileges;
            IF v_done THEN
                LEAVE grants;
            END IF;
            IF v_object LIKE 'PROCEDURE %' THEN
                EXECUTE IMMEDIATE CONCAT('GRANT ', v_privileges, ' ON PROCEDURE ', v_schema, '.`', SUBSTRING(v_object, 11), '` TO ', v_login);
            ELSE
                EXECUTE IMMEDIATE CONCAT('GRANT ', v_privileges, ' ON ', v_schema, '.`', v_object, '` TO ', v_login);
            END IF;
        END LOOP;
        CLOSE c_grants;
    END IF;
    SET SESSION max_sp_recursion_depth = v_depth;
END;

-- Sets up the database login of a member an owner just added: created with the password when
-- the server has no such user@host, linked when it has; then granted what its role needs.
-- p_outcome: CREATED, LINKED, or ADMIN (a schema administrator, whose grants are left alone).
CREATE OR REPLACE PROCEDURE rd_member_login(IN p_user VARCHAR(80), IN p_host VARCHAR(255), IN p_password VARCHAR(512), OUT p_outcome VARCHAR(16))
    MODIFIES SQL DATA SQL SECURITY DEFINER
BEGIN
    DECLARE v_host VARCHAR(255);
    IF p_user IS NULL OR p_user NOT REGEXP '^[A-Za-z0-9_][A-Za-z0-9_.-]{0,31}$' THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'A database user name has 1 to 32 letters, digits, dots, dashes or underscores.';
    END IF;
    IF p_host IS NULL OR p_host NOT REGEXP '^[A-Za-z0-9%_.:-]{1,60}$' THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'A database host is a name, an address or a pattern such as %, of letters, digits and . % _ : -.';
    END IF;
    IF NOT rd_is_admin() AND NOT EXISTS (SELECT 1 FROM memberships m JOIN accounts a ON a.id = m.account_id WHERE a.login = p_user AND rd_role_in(m.workspace_id) = 'OWNER') THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'Only an owner of a workspace this person belongs to can set up their database account.';
    END IF;
    IF EXISTS (SELECT 1 FROM schema_admins WHERE user_name = p_user) THEN
        SET p_outcome = 'ADMIN';
    ELSE
        SET v_host = (SELECT host FROM server_logins WHERE user_name = p_user);
        IF v_host IS NOT NULL AND v_host <> p_host THEN
            SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'That database user is already set up for another host.';
        END IF;
        IF v_host IS NOT NULL THEN
            SET p_outcome = 'LINKED';
        ELSEIF EXISTS (SELECT 1 FROM mysql.user WHERE User = p_user AND Host = p_host) THEN
            INSERT INTO server_logins (user_name, host, created_here) VALUES (p_user, p_host, 0);
            SET p_outcome = 'LINKED';
        ELSE
            IF p_password IS NULL OR p_password = '' THEN
                SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'A new database account needs a password.';
            END IF;
            EXECUTE IMMEDIATE CONCAT('CREATE USER ', QUOTE(p_user), '@', QUOTE(p_host), ' IDENTIFIED BY PASSWORD ', QUOTE(PASSWORD(p_password)));
            INSERT INTO server_logins (user_name, host, created_here) VALUES (p_user, p_host, 1);
            SET p_outcome = 'CREATED';
        END IF;
        CALL rd_apply_grants(p_user, p_host);
    END IF;
END;

-- Brings a member's login in line with its memberships after a role change or a removal: with
-- none left, its grants go, its sessions end and, if Release Deck created it, it is dropped.
CREATE OR REPLACE PROCEDURE rd_sync_login(IN p_user VARCHAR(80))
    MODIFIES SQL DATA SQL SECURITY DEFINER
BEGIN
    DECLARE v_host VARCHAR(255);
    DECLARE v_created BOOLEAN;
    IF NOT rd_is_admin() AND NOT rd_owns_any() THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'Only an owner of a workspace can change database accounts.';
    END IF;
    SET v_host = (SELECT host FROM server_logins WHERE user_name = p_user);
    SET v_created = (SELECT created_here FROM server_logins WHERE user_name = p_user);
    IF v_host IS NOT NULL AND NOT EXISTS (SELECT 1 FROM schema_admins WHERE user_name = p_user) THEN
        CALL rd_apply_grants(p_user, v_host);
        IF NOT EXISTS (SELECT 1 FROM memberships m JOIN accounts a ON a.id = m.account_id WHERE a.login = p_user) THEN
            IF v_created THEN
                EXECUTE IMMEDIATE CONCAT('DROP USER IF EXISTS ', QUOTE(p_user), '@', QUOTE(v_host));
            END IF;
            DELETE FROM server_logins WHERE user_name = p_user;
            CALL rd_end_sessions(p_user);
        END IF;
    END IF;
END;

-- Every write to a workspace's rows is checked against the connected user's role there.

CREATE OR REPLACE TRIGGER rd_release_configs_insert BEFORE INSERT ON release_configs FOR EACH ROW
    CALL rd_require(NEW.workspace_id, 'EDITOR', 'change release trains');

CREATE OR REPLACE TRIGGER rd_release_configs_update BEFORE UPDATE ON release_configs FOR EACH ROW
    CALL rd_require_both(OLD.workspace_id, NEW.workspace_id, 'EDITOR', 'change release trains');

CREATE OR REPLACE TRIGGER rd_release_configs_delete BEFORE DELETE ON release_configs FOR EACH ROW
    CALL rd_require(OLD.workspace_id, 'OWNER', 'delete release trains');

CREATE OR REPLACE TRIGGER rd_regression_cycles_insert BEFORE INSERT ON regression_cycles FOR EACH ROW
    CALL rd_require(NEW.workspace_id, 'EDITOR', 'change regression cycles');

CREATE OR REPLACE TRIGGER rd_regression_cycles_update BEFORE UPDATE ON regression_cycles FOR EACH ROW
    CALL rd_require_both(OLD.workspace_id, NEW.workspace_id, 'EDITOR', 'change regression cycles');

CREATE OR REPLACE TRIGGER rd_regression_cycles_delete BEFORE DELETE ON regression_cycles FOR EACH ROW
    CALL rd_require(OLD.workspace_id, 'OWNER', 'delete regression cycles');

CREATE OR REPLACE TRIGGER rd_regression_slots_insert BEFORE INSERT ON regression_slots FOR EACH ROW
    CALL rd_require(NEW.workspace_id, 'EDITOR', 'change regression slots');

CREATE OR REPLACE TRIGGER rd_regression_slots_update BEFORE UPDATE ON regression_slots FOR EACH ROW
    CALL rd_require_both(OLD.workspace_id, NEW.workspace_id, 'EDITOR', 'change regression slots');

CREATE OR REPLACE TRIGGER rd_regression_slots_delete BEFORE DELETE ON regression_slots FOR EACH ROW
    CALL rd_require(OLD.workspace_id, 'OWNER', 'delete regression slots');

CREATE OR REPLACE TRIGGER rd_tasks_insert BEFORE INSERT ON tasks FOR EACH ROW
    CALL rd_require(NEW.workspace_id, 'EDITOR', 'change tasks');

CREATE OR REPLACE TRIGGER rd_tasks_update BEFORE UPDATE ON tasks FOR EACH ROW
    CALL rd_require_both(OLD.workspace_id, NEW.workspace_id, 'EDITOR', 'change tasks');

CREATE OR REPLACE TRIGGER rd_tasks_delete BEFORE DELETE ON tasks FOR EACH ROW
    CALL rd_require(OLD.workspace_id, 'OWNER', 'delete tasks');

CREATE OR REPLACE TRIGGER rd_builds_insert BEFORE INSERT ON builds FOR EACH ROW
    CALL rd_require(NEW.workspace_id, 'EDITOR', 'change builds');

CREATE OR REPLACE TRIGGER rd_builds_update BEFORE UPDATE ON builds FOR EACH ROW
    CALL rd_require_both(OLD.workspace_id, NEW.workspace_id, 'EDITOR', 'change builds');

CREATE OR REPLACE TRIGGER rd_builds_delete BEFORE DELETE ON builds FOR EACH ROW
    CALL rd_require(OLD.workspace_id, 'OWNER', 'delete builds');

CREATE OR REPLACE TRIGGER rd_announcements_insert BEFORE INSERT ON announcements FOR EACH ROW
    CALL rd_require(NEW.workspace_id, 'EDITOR', 'change announcements');

CREATE OR REPLACE TRIGGER rd_announcements_update BEFORE UPDATE ON announcements FOR EACH ROW
    CALL rd_require_both(OLD.workspace_id, NEW.workspace_id, 'EDITOR', 'change announcements');

CREATE OR REPLACE TRIGGER rd_announcements_delete BEFORE DELETE ON announcements FOR EACH ROW
    CALL rd_require(OLD.workspace_id, 'OWNER', 'delete announcements');

CREATE OR REPLACE TRIGGER rd_preview_environments_insert BEFORE INSERT ON preview_environments FOR EACH ROW
    CALL rd_require(NEW.workspace_id, 'EDITOR', 'change preview environments');

CREATE OR REPLACE TRIGGER rd_preview_environments_update BEFORE UPDATE ON preview_environments FOR EACH ROW
    CALL rd_require_both(OLD.workspace_id, NEW.workspace_id, 'EDITOR', 'change preview environments');

CREATE OR REPLACE TRIGGER rd_preview_environments_delete BEFORE DELETE ON preview_environments FOR EACH ROW
    CALL rd_require(OLD.workspace_id, 'OWNER', 'delete preview environments');

CREATE OR REPLACE TRIGGER rd_deployments_insert BEFORE INSERT ON deployments FOR EACH ROW
    CALL rd_require(NEW.workspace_id, 'EDITOR', 'change deployments');

CREATE OR REPLACE TRIGGER rd_deployments_update BEFORE UPDATE ON deployments FOR EACH ROW
    CALL rd_require_both(OLD.workspace_id, NEW.workspace_id, 'EDITOR', 'change deployments');

CREATE OR REPLACE TRIGGER rd_deployments_delete BEFORE DELETE ON deployments FOR EACH ROW
    CALL rd_require(OLD.workspace_id, 'OWNER', 'delete deployments');

CREATE OR REPLACE TRIGGER rd_releases_insert BEFORE INSERT ON releases FOR EACH ROW
    CALL rd_require(NEW.workspace_id, 'EDITOR', 'change releases');

CREATE OR REPLACE TRIGGER rd_releases_update BEFORE UPDATE ON releases FOR EACH ROW
    CALL rd_require_both(OLD.workspace_id, NEW.workspace_id, 'EDITOR', 'change releases');

CREATE OR REPLACE TRIGGER rd_releases_delete BEFORE DELETE ON releases FOR EACH ROW
    CALL rd_refuse_unless_admin('Releases are cancelled or archived, never deleted: their events would change.');

CREATE OR REPLACE TRIGGER rd_event_sequences_insert BEFORE INSERT ON event_sequences FOR EACH ROW
    CALL rd_require(NEW.workspace_id, 'EDITOR', 'record activity');

CREATE OR REPLACE TRIGGER rd_event_sequences_update BEFORE UPDATE ON event_sequences FOR EACH ROW
    CALL rd_require_both(OLD.workspace_id, NEW.workspace_id, 'EDITOR', 'record activity');

CREATE OR REPLACE TRIGGER rd_event_sequences_delete BEFORE DELETE ON event_sequences FOR EACH ROW
    CALL rd_refuse_unless_admin('The event sequence of a workspace is never deleted.');

CREATE OR REPLACE TRIGGER rd_orchestrator_leases_insert BEFORE INSERT ON orchestrator_leases FOR EACH ROW
    CALL rd_require(NEW.workspace_id, 'EDITOR', 'orchestrate');

CREATE OR REPLACE TRIGGER rd_orchestrator_leases_update BEFORE UPDATE ON orchestrator_leases FOR EACH ROW
    CALL rd_require_both(OLD.workspace_id, NEW.workspace_id, 'EDITOR', 'orchestrate');

CREATE OR REPLACE TRIGGER rd_orchestrator_leases_delete BEFORE DELETE ON orchestrator_leases FOR EACH ROW
    CALL rd_require(OLD.workspace_id, 'EDITOR', 'orchestrate');

CREATE OR REPLACE TRIGGER rd_events_insert BEFORE INSERT ON events FOR EACH ROW
    CALL rd_require_event(NEW.workspace_id, NEW.account_id, NEW.actor);

CREATE OR REPLACE TRIGGER rd_events_update BEFORE UPDATE ON events FOR EACH ROW
    CALL rd_refuse_unless_admin('Events are the audit trail: they are never changed.');

CREATE OR REPLACE TRIGGER rd_events_delete BEFORE DELETE ON events FOR EACH ROW
    CALL rd_refuse_unless_admin('Events are the audit trail: they are never deleted.');

CREATE OR REPLACE TRIGGER rd_connections_insert BEFORE INSERT ON connections FOR EACH ROW
    CALL rd_require(NEW.workspace_id, 'OWNER', 'add connections');

CREATE OR REPLACE TRIGGER rd_connections_update BEFORE UPDATE ON connections FOR EACH ROW
    CALL rd_require_both(OLD.workspace_id, NEW.workspace_id,
        IF(NEW.category <=> OLD.category AND NEW.provider <=> OLD.provider AND NEW.display_name <=> OLD.display_name
           AND NEW.config <=> OLD.config AND NEW.secret_ref <=> OLD.secret_ref AND NEW.active <=> OLD.active
           AND NEW.created_by <=> OLD.created_by AND NEW.created_at <=> OLD.created_at, 'EDITOR', 'OWNER'),
        'change connections');

CREATE OR REPLACE TRIGGER rd_connections_delete BEFORE DELETE ON connections FOR EACH ROW
    CALL rd_require(OLD.workspace_id, 'OWNER', 'delete connections');

CREATE OR REPLACE TRIGGER rd_memberships_insert BEFORE INSERT ON memberships FOR EACH ROW
    CALL rd_require_new_member(NEW.workspace_id, NEW.account_id, NEW.role);

CREATE OR REPLACE TRIGGER rd_memberships_update BEFORE UPDATE ON memberships FOR EACH ROW BEGIN
    CALL rd_require_both(OLD.workspace_id, NEW.workspace_id, 'OWNER', 'change roles');
    CALL rd_keep_an_owner(OLD.workspace_id, OLD.account_id, OLD.role, IF(NEW.workspace_id <=> OLD.workspace_id AND NEW.account_id <=> OLD.account_id, NEW.role, NULL));
END;

CREATE OR REPLACE TRIGGER rd_memberships_delete BEFORE DELETE ON memberships FOR EACH ROW BEGIN
    CALL rd_require(OLD.workspace_id, 'OWNER', 'remove members');
    CALL rd_keep_an_owner(OLD.workspace_id, OLD.account_id, OLD.role, NULL);
END;

CREATE OR REPLACE TRIGGER rd_workspaces_insert BEFORE INSERT ON workspaces FOR EACH ROW
    CALL rd_require_creator(NEW.created_by);

CREATE OR REPLACE TRIGGER rd_workspaces_update BEFORE UPDATE ON workspaces FOR EACH ROW BEGIN
    CALL rd_require_both(OLD.id, NEW.id, 'OWNER', 'change the workspace');
    IF NOT (NEW.created_by <=> OLD.created_by) THEN
        CALL rd_refuse_unless_admin('A workspace keeps the account that created it.');
    END IF;
END;

CREATE OR REPLACE TRIGGER rd_workspaces_delete BEFORE DELETE ON workspaces FOR EACH ROW
    CALL rd_refuse_unless_admin('Only a database administrator deletes a workspace: its audit trail goes with it.');

CREATE OR REPLACE TRIGGER rd_accounts_insert BEFORE INSERT ON accounts FOR EACH ROW
    CALL rd_require_account_owner();

CREATE OR REPLACE TRIGGER rd_accounts_update BEFORE UPDATE ON accounts FOR EACH ROW
    CALL rd_refuse_unless_admin('Accounts are changed only by a database administrator.');

CREATE OR REPLACE TRIGGER rd_accounts_delete BEFORE DELETE ON accounts FOR EACH ROW
    CALL rd_refuse_unless_admin('Accounts are deleted only by a database administrator.');
