#include "MariaDbClient.h"
#include "TeamFixture.h"
#include "model/ConnectionEnums.h"

#include <QTest>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

// Roles are enforced by the server: Olga (OWNER), Ed (EDITOR) and Vic (VIEWER) of Acme, each
// added through 'member add', try every kind of write on every table with the plain mariadb
// client, in Acme and in Globex (where none of them is a member). Exactly the writes the
// matrix in docs/ARCHITECTURE.md allows succeed; each attempt runs in a transaction that is
// rolled back, so attempts never change what the next one finds. The table of attempts and
// outcomes is printed.
class TestServerRoles : public QObject
{
    Q_OBJECT

    // The rows each workspace holds for updates and deletes to aim at.
    struct Rows
    {
        qint64 config = 0, release = 0, cycle = 0, slot = 0, task = 0, build = 0, announcement = 0,
               environment = 0, deployment = 0, connection = 0, event = 0;
    };

    struct Attempt
    {
        QString table;
        QString operation;
        QString sql;
        bool global = false; // not about one workspace
    };

    static qint64 insert(Database& admin, const QString& sql, const QVariantList& values)
    {
        Result<QSqlQuery> done = admin.run(sql, values);
        if (!done)
            qFatal("seeding failed: %s\n%s", qPrintable(done.error().message), qPrintable(sql));
        return done->lastInsertId().toLongLong();
    }

    // What the administrator puts in a workspace before the attempts.
    Rows seed(Database& admin, qint64 workspace, const QString& tag)
    {
        Rows rows;
        const qint64 by = m_team.adminAccountId;
        rows.config = insert(
            admin,
            QStringLiteral("INSERT INTO release_configs (workspace_id, name, platforms, targets, "
                           "base_branch, branch_pattern, tag_pattern, regression_slots, "
                           "optional_tasks, created_by) VALUES (?, 'Train', 'ANDROID', 'PLAY', "
                           "'main', 'release/{version}', 'v{version}', '[]', '[]', ?)"),
            {workspace, by});
        rows.release = insert(
            admin,
            QStringLiteral("INSERT INTO releases (workspace_id, version, base_branch, status, "
                           "pause_reason, created_by) VALUES (?, ?, 'main', 'PAUSED', "
                           "'AWAITING_STAGE_TRIGGER', ?)"),
            {workspace, QString(QStringLiteral("1.0.0-") + tag), by});
        rows.cycle = insert(admin,
                            QStringLiteral("INSERT INTO regression_cycles (workspace_id, "
                                           "release_id, cycle_number) VALUES (?, ?, 1)"),
                            {workspace, rows.release});
        rows.slot = insert(admin,
                           QStringLiteral("INSERT INTO regression_slots (workspace_id, release_id, "
                                          "slot_at) VALUES (?, ?, '2030-01-01 10:00:00')"),
                           {workspace, rows.release});
        rows.task = insert(admin,
                           QStringLiteral("INSERT INTO tasks (workspace_id, release_id, stage, "
                                          "task_type) VALUES (?, ?, 'KICKOFF', 'FORK_BRANCH')"),
                           {workspace, rows.release});
        rows.build = insert(admin,
                            QStringLiteral("INSERT INTO builds (workspace_id, release_id, "
                                           "task_id, platform) VALUES (?, ?, ?, 'ANDROID')"),
                            {workspace, rows.release, rows.task});
        rows.announcement =
            insert(admin,
                   QStringLiteral("INSERT INTO announcements (workspace_id, release_id, "
                                  "dedupe_key, kind, body) VALUES (?, ?, 'kickoff', 'kickoff', "
                                  "'Kickoff')"),
                   {workspace, rows.release});
        rows.environment = insert(admin,
                                  QStringLiteral("INSERT INTO preview_environments (workspace_id, "
                                                 "pull_request, name) VALUES (?, 7, 'pr-7')"),
                                  {workspace});
        rows.deployment = insert(admin,
                                 QStringLiteral("INSERT INTO deployments (workspace_id, "
                                                "environment_id, external_id) VALUES (?, ?, 'd1')"),
                                 {workspace, rows.environment});
        rows.connection =
            insert(admin,
                   QStringLiteral("INSERT INTO connections (workspace_id, category, provider, "
                                  "display_name, config, created_by) VALUES (?, 'SCM', 'github', "
                                  "'acme/app', '{}', ?)"),
                   {workspace, by});
        // Adding the team already numbered some of Acme's events.
        insert(admin,
               QStringLiteral("INSERT INTO event_sequences (workspace_id, last_seq) VALUES (?, "
                              "1000) ON DUPLICATE KEY UPDATE last_seq = 1000"),
               {workspace});
        rows.event = insert(admin,
                            QStringLiteral("INSERT INTO events (workspace_id, seq, account_id, "
                                           "actor, kind, message) VALUES (?, 1000, ?, ?, "
                                           "'seeded', 'seeded')"),
                            {workspace, by, m_team.server.user});
        insert(admin,
               QStringLiteral("INSERT INTO orchestrator_leases (workspace_id, holder, acquired_at, "
                              "heartbeat_at, expires_at) VALUES (?, 'orchestrator@elsewhere/1', "
                              "UTC_TIMESTAMP(3), UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))"),
               {workspace});
        insert(admin,
               QStringLiteral("INSERT INTO memberships (workspace_id, account_id, role) VALUES "
                              "(?, ?, 'VIEWER')"),
               {workspace, m_zed});
        return rows;
    }

    // Every kind of write on every table, aimed at workspace w and its rows; the member's own
    // account is who the rows claim to be by.
    QList<Attempt> attempts(qint64 w, const Rows& r, const TeamMember& me) const
    {
        const QString W = QString::number(w);
        auto id = [](qint64 value) {
            return QString::number(value);
        };
        const QString self = id(me.accountId);
        QList<Attempt> list = {
            {QStringLiteral("release_configs"), QStringLiteral("INSERT"),
             QStringLiteral("INSERT INTO release_configs (workspace_id, name, platforms, targets, "
                            "base_branch, branch_pattern, tag_pattern, regression_slots, "
                            "optional_tasks, created_by) VALUES (%1, 'Probe', 'WEB', 'WEB', "
                            "'main', 'r/{version}', 'v{version}', '[]', '[]', %2)")
                 .arg(W, self)},
            {QStringLiteral("release_configs"), QStringLiteral("UPDATE"),
             QStringLiteral("UPDATE release_configs SET base_branch = 'develop' WHERE id = %1")
                 .arg(id(r.config))},
            {QStringLiteral("release_configs"), QStringLiteral("DELETE"),
             QStringLiteral("DELETE FROM release_configs WHERE id = %1").arg(id(r.config))},
            {QStringLiteral("releases"), QStringLiteral("INSERT"),
             QStringLiteral("INSERT INTO releases (workspace_id, version, base_branch, "
                            "created_by) VALUES (%1, '9.9.9', 'main', %2)")
                 .arg(W, self)},
            {QStringLiteral("releases"), QStringLiteral("UPDATE"),
             QStringLiteral("UPDATE releases SET status = 'IN_PROGRESS', pause_reason = 'NONE', "
                            "row_version = row_version + 1 WHERE id = %1")
                 .arg(id(r.release))},
            {QStringLiteral("releases"), QStringLiteral("DELETE"),
             QStringLiteral("DELETE FROM releases WHERE id = %1").arg(id(r.release))},
            {QStringLiteral("regression_cycles"), QStringLiteral("INSERT"),
             QStringLiteral("INSERT INTO regression_cycles (workspace_id, release_id, "
                            "cycle_number) VALUES (%1, %2, 2)")
                 .arg(W, id(r.release))},
            {QStringLiteral("regression_cycles"), QStringLiteral("UPDATE"),
             QStringLiteral("UPDATE regression_cycles SET status = 'DONE' WHERE id = %1")
                 .arg(id(r.cycle))},
            {QStringLiteral("regression_cycles"), QStringLiteral("DELETE"),
             QStringLiteral("DELETE FROM regression_cycles WHERE id = %1").arg(id(r.cycle))},
            {QStringLiteral("regression_slots"), QStringLiteral("INSERT"),
             QStringLiteral("INSERT INTO regression_slots (workspace_id, release_id, slot_at) "
                            "VALUES (%1, %2, '2030-02-01 10:00:00')")
                 .arg(W, id(r.release))},
            {QStringLiteral("regression_slots"), QStringLiteral("UPDATE"),
             QStringLiteral("UPDATE regression_slots SET run_build = 0 WHERE id = %1")
                 .arg(id(r.slot))},
            {QStringLiteral("regression_slots"), QStringLiteral("DELETE"),
             QStringLiteral("DELETE FROM regression_slots WHERE id = %1").arg(id(r.slot))},
            {QStringLiteral("tasks"), QStringLiteral("INSERT"),
             QStringLiteral("INSERT INTO tasks (workspace_id, release_id, stage, task_type) "
                            "VALUES (%1, %2, 'KICKOFF', 'CREATE_PROJECT_MANAGEMENT_TICKET')")
                 .arg(W, id(r.release))},
            {QStringLiteral("tasks"), QStringLiteral("UPDATE"),
             QStringLiteral("UPDATE tasks SET status = 'COMPLETED' WHERE id = %1").arg(id(r.task))},
            {QStringLiteral("tasks"), QStringLiteral("DELETE"),
             QStringLiteral("DELETE FROM tasks WHERE id = %1").arg(id(r.task))},
            {QStringLiteral("builds"), QStringLiteral("INSERT"),
             QStringLiteral("INSERT INTO builds (workspace_id, release_id, task_id, platform) "
                            "VALUES (%1, %2, %3, 'WEB')")
                 .arg(W, id(r.release), id(r.task))},
            {QStringLiteral("builds"), QStringLiteral("UPDATE"),
             QStringLiteral("UPDATE builds SET status = 'SUCCEEDED' WHERE id = %1")
                 .arg(id(r.build))},
            {QStringLiteral("builds"), QStringLiteral("DELETE"),
             QStringLiteral("DELETE FROM builds WHERE id = %1").arg(id(r.build))},
            {QStringLiteral("announcements"), QStringLiteral("INSERT"),
             QStringLiteral("INSERT INTO announcements (workspace_id, release_id, dedupe_key, "
                            "kind, body) VALUES (%1, %2, 'probe', 'probe', 'Probe')")
                 .arg(W, id(r.release))},
            {QStringLiteral("announcements"), QStringLiteral("UPDATE"),
             QStringLiteral("UPDATE announcements SET status = 'SENT' WHERE id = %1")
                 .arg(id(r.announcement))},
            {QStringLiteral("announcements"), QStringLiteral("DELETE"),
             QStringLiteral("DELETE FROM announcements WHERE id = %1").arg(id(r.announcement))},
            {QStringLiteral("preview_environments"), QStringLiteral("INSERT"),
             QStringLiteral("INSERT INTO preview_environments (workspace_id, pull_request, name) "
                            "VALUES (%1, 8, 'pr-8')")
                 .arg(W)},
            {QStringLiteral("preview_environments"), QStringLiteral("UPDATE"),
             QStringLiteral("UPDATE preview_environments SET status = 'READY' WHERE id = %1")
                 .arg(id(r.environment))},
            {QStringLiteral("preview_environments"), QStringLiteral("DELETE"),
             QStringLiteral("DELETE FROM preview_environments WHERE id = %1")
                 .arg(id(r.environment))},
            {QStringLiteral("deployments"), QStringLiteral("INSERT"),
             QStringLiteral("INSERT INTO deployments (workspace_id, environment_id, external_id) "
                            "VALUES (%1, %2, 'd2')")
                 .arg(W, id(r.environment))},
            {QStringLiteral("deployments"), QStringLiteral("UPDATE"),
             QStringLiteral("UPDATE deployments SET status = 'SUCCESS' WHERE id = %1")
                 .arg(id(r.deployment))},
            {QStringLiteral("deployments"), QStringLiteral("DELETE"),
             QStringLiteral("DELETE FROM deployments WHERE id = %1").arg(id(r.deployment))},
            {QStringLiteral("events"), QStringLiteral("INSERT"),
             QStringLiteral("INSERT INTO events (workspace_id, seq, account_id, actor, kind, "
                            "message) VALUES (%1, 99, %2, '%3', 'probe', 'probe')")
                 .arg(W, self, me.user)},
            {QStringLiteral("events"), QStringLiteral("INSERT as another"),
             QStringLiteral("INSERT INTO events (workspace_id, seq, account_id, actor, kind, "
                            "message) VALUES (%1, 98, %2, '%3', 'probe', 'forged')")
                 .arg(W, id(m_team.adminAccountId), m_team.server.user)},
            {QStringLiteral("events"), QStringLiteral("UPDATE"),
             QStringLiteral("UPDATE events SET message = 'rewritten' WHERE id = %1")
                 .arg(id(r.event))},
            {QStringLiteral("events"), QStringLiteral("DELETE"),
             QStringLiteral("DELETE FROM events WHERE id = %1").arg(id(r.event))},
            {QStringLiteral("event_sequences"), QStringLiteral("INSERT"),
             QStringLiteral("INSERT INTO event_sequences (workspace_id, last_seq) VALUES (%1, 1) "
                            "ON DUPLICATE KEY UPDATE last_seq = last_seq + 1")
                 .arg(W)},
            {QStringLiteral("event_sequences"), QStringLiteral("UPDATE"),
             QStringLiteral("UPDATE event_sequences SET last_seq = last_seq + 1 WHERE "
                            "workspace_id = %1")
                 .arg(W)},
            {QStringLiteral("event_sequences"), QStringLiteral("DELETE"),
             QStringLiteral("DELETE FROM event_sequences WHERE workspace_id = %1").arg(W)},
            {QStringLiteral("orchestrator_leases"), QStringLiteral("INSERT"),
             QStringLiteral("INSERT INTO orchestrator_leases (workspace_id, holder, acquired_at, "
                            "heartbeat_at, expires_at) VALUES (%1, 'orchestrator@probe/1', "
                            "UTC_TIMESTAMP(3), UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)) ON DUPLICATE "
                            "KEY UPDATE holder = VALUES(holder)")
                 .arg(W)},
            {QStringLiteral("orchestrator_leases"), QStringLiteral("UPDATE"),
             QStringLiteral("UPDATE orchestrator_leases SET heartbeat_at = UTC_TIMESTAMP(3) "
                            "WHERE workspace_id = %1")
                 .arg(W)},
            {QStringLiteral("orchestrator_leases"), QStringLiteral("DELETE"),
             QStringLiteral("DELETE FROM orchestrator_leases WHERE workspace_id = %1").arg(W)},
            {QStringLiteral("connections"), QStringLiteral("INSERT"),
             QStringLiteral("INSERT INTO connections (workspace_id, category, provider, "
                            "display_name, config, created_by) VALUES (%1, 'CHAT', 'slack', "
                            "'#releases', '{}', %2)")
                 .arg(W, self)},
            {QStringLiteral("connections"), QStringLiteral("UPDATE verification"),
             QStringLiteral("UPDATE connections SET verification_status = 'VALID', "
                            "last_verified_at = UTC_TIMESTAMP(3), verification_error = NULL, "
                            "updated_at = UTC_TIMESTAMP(3) WHERE id = %1")
                 .arg(id(r.connection))},
            {QStringLiteral("connections"), QStringLiteral("UPDATE settings"),
             QStringLiteral("UPDATE connections SET config = '{\"owner\":\"evil\"}' WHERE id = %1")
                 .arg(id(r.connection))},
            {QStringLiteral("connections"), QStringLiteral("DELETE"),
             QStringLiteral("DELETE FROM connections WHERE id = %1").arg(id(r.connection))},
            {QStringLiteral("memberships"), QStringLiteral("INSERT"),
             QStringLiteral("INSERT INTO memberships (workspace_id, account_id, role) VALUES "
                            "(%1, %2, 'VIEWER')")
                 .arg(W, id(m_newcomer))},
            {QStringLiteral("memberships"), QStringLiteral("INSERT self as OWNER"),
             QStringLiteral("INSERT INTO memberships (workspace_id, account_id, role) VALUES "
                            "(%1, %2, 'OWNER') ON DUPLICATE KEY UPDATE role = 'OWNER'")
                 .arg(W, self)},
            {QStringLiteral("memberships"), QStringLiteral("UPDATE"),
             QStringLiteral("UPDATE memberships SET role = 'EDITOR' WHERE workspace_id = %1 AND "
                            "account_id = %2")
                 .arg(W, id(m_zed))},
            {QStringLiteral("memberships"), QStringLiteral("DELETE"),
             QStringLiteral("DELETE FROM memberships WHERE workspace_id = %1 AND account_id = %2")
                 .arg(W, id(m_zed))},
            {QStringLiteral("workspaces"), QStringLiteral("UPDATE"),
             QStringLiteral("UPDATE workspaces SET name = CONCAT(name, ' renamed') WHERE id = %1")
                 .arg(W)},
            {QStringLiteral("workspaces"), QStringLiteral("DELETE"),
             QStringLiteral("DELETE FROM workspaces WHERE id = %1").arg(W)},
        };
        // Not about one workspace.
        list += {
            {QStringLiteral("workspaces"), QStringLiteral("INSERT"),
             QStringLiteral("INSERT INTO workspaces (name, created_by) VALUES ('Probe %1', %2)")
                 .arg(me.user, self),
             true},
            {QStringLiteral("accounts"), QStringLiteral("INSERT"),
             QStringLiteral("INSERT INTO accounts (login, display_name) VALUES ('probe_%1', "
                            "'Probe')")
                 .arg(me.user),
             true},
            {QStringLiteral("accounts"), QStringLiteral("UPDATE"),
             QStringLiteral("UPDATE accounts SET login = 'hijacked' WHERE id = %1").arg(self),
             true},
            {QStringLiteral("accounts"), QStringLiteral("DELETE"),
             QStringLiteral("DELETE FROM accounts WHERE id = %1").arg(id(m_newcomer)), true},
            {QStringLiteral("schema_admins"), QStringLiteral("INSERT"),
             QStringLiteral("INSERT INTO schema_admins (user_name) VALUES ('%1')").arg(me.user),
             true},
            {QStringLiteral("role_privileges"), QStringLiteral("UPDATE"),
             QStringLiteral("UPDATE role_privileges SET privileges = 'SELECT, INSERT, UPDATE, "
                            "DELETE' WHERE role = 'VIEWER'"),
             true},
            {QStringLiteral("schema_migrations"), QStringLiteral("DELETE"),
             QStringLiteral("DELETE FROM schema_migrations WHERE number = 1"), true},
        };
        return list;
    }

    // The matrix of docs/ARCHITECTURE.md ("Roles enforced by the server"), for a member of
    // Acme only: nothing in another workspace; in its own, what its role allows.
    static bool allowed(Role role, const Attempt& attempt, bool ownWorkspace)
    {
        const QString& t = attempt.table;
        const QString& op = attempt.operation;
        const bool owner = role == Role::Owner;
        const bool editor = role == Role::Editor || owner;
        if (attempt.global)
            return owner && ((t == u"workspaces" || t == u"accounts") && op == u"INSERT");
        if (!ownWorkspace)
            return false;
        static const QStringList releaseWork = {QStringLiteral("release_configs"),
                                                QStringLiteral("regression_cycles"),
                                                QStringLiteral("regression_slots"),
                                                QStringLiteral("tasks"),
                                                QStringLiteral("builds"),
                                                QStringLiteral("announcements"),
                                                QStringLiteral("preview_environments"),
                                                QStringLiteral("deployments")};
        if (releaseWork.contains(t))
            return op == u"DELETE" ? owner : editor;
        if (t == u"releases" || t == u"event_sequences")
            return op != u"DELETE" && editor;
        if (t == u"orchestrator_leases")
            return editor;
        if (t == u"events")
            return op == u"INSERT" && editor;
        if (t == u"connections")
            return op == u"UPDATE verification" ? editor : owner;
        if (t == u"memberships")
            return owner;
        if (t == u"workspaces")
            return op == u"UPDATE" && owner;
        return false;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!MariaDbClient::program().isEmpty(), "the mariadb client is not installed");
        QString error;
        QVERIFY2(m_team.setUp(QStringLiteral("roles"), &error), qPrintable(error));
        std::unique_ptr<Database> admin = m_team.database(nullptr);
        m_zed = insert(*admin,
                       QStringLiteral("INSERT INTO accounts (login, display_name) VALUES "
                                      "('zed_without_login', 'Zed')"),
                       QVariantList());
        m_newcomer = insert(*admin,
                            QStringLiteral("INSERT INTO accounts (login, display_name) VALUES "
                                           "('newcomer_without_login', 'Newcomer')"),
                            QVariantList());
        m_rows.insert(m_team.acme, seed(*admin, m_team.acme, QStringLiteral("acme")));
        m_rows.insert(m_team.globex, seed(*admin, m_team.globex, QStringLiteral("globex")));
    }

    void cleanupTestCase() { m_team.tearDown(); }

    void exactlyTheAllowedWritesSucceed()
    {
        struct Who
        {
            const TeamMember* member;
            Role role;
        };
        const QList<Who> team = {{&m_team.owner, Role::Owner},
                                 {&m_team.editor, Role::Editor},
                                 {&m_team.viewer, Role::Viewer}};
        // table/operation → outcome per (role, workspace), printed as one table.
        QMap<QString, QStringList> outcomes;
        QStringList order;
        QStringList wrong;
        int count = 0;
        for (const Who& who : team) {
            const MariaDbClient client = m_team.client(*who.member);
            for (const qint64 workspace : {m_team.acme, m_team.globex}) {
                const bool own = workspace == m_team.acme;
                for (const Attempt& attempt :
                     attempts(workspace, m_rows.value(workspace), *who.member)) {
                    if (attempt.global && !own)
                        continue;
                    const QString key = attempt.table + QLatin1Char(' ') + attempt.operation;
                    if (!order.contains(key))
                        order.append(key);
                    const MariaDbClient::Outcome outcome = client.run(
                        QStringLiteral("START TRANSACTION;\n%1;\nROLLBACK;").arg(attempt.sql));
                    ++count;
                    const bool expected = allowed(who.role, attempt, own);
                    const QString mark = outcome.ok ? QStringLiteral("✓") : QStringLiteral("✗");
                    const QString cell = attempt.global ? mark + QStringLiteral(" (any)") : mark;
                    outcomes[key].append(cell);
                    if (outcome.ok != expected)
                        wrong.append(QStringLiteral("%1 in %2: %3 — expected %4, got %5\n    %6")
                                         .arg(toText(who.role),
                                              own ? QStringLiteral("own") : QStringLiteral("other"),
                                              key,
                                              expected ? QStringLiteral("allowed")
                                                       : QStringLiteral("refused"),
                                              outcome.ok ? QStringLiteral("allowed")
                                                         : QStringLiteral("refused"),
                                              outcome.output.left(300)));
                }
            }
        }
        QString table = QStringLiteral("\n%1  OWNER own  OWNER other  EDITOR own  EDITOR other  "
                                       "VIEWER own  VIEWER other\n")
                            .arg(QStringLiteral("table / write").leftJustified(40));
        for (const QString& key : std::as_const(order)) {
            const QStringList cells = outcomes.value(key);
            QString line = key.leftJustified(40);
            if (cells.size() == 3) {
                // Global: one attempt per role, not per workspace.
                for (const QString& cell : cells)
                    line += QLatin1String("  ") + cell.leftJustified(23);
            } else {
                for (const QString& cell : cells)
                    line += QLatin1String("  ") + cell.leftJustified(10);
            }
            table += line.trimmed() + QLatin1Char('\n');
        }
        qInfo().noquote()
            << table
            << QStringLiteral("%1 attempts; ✓ the server allowed it, ✗ it refused").arg(count);
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1Char('\n'))));
        QVERIFY(count > 250);
    }

    // The server's refusals are sentences: a trigger names the workspace (and, for a member,
    // the role: tst_member_access).
    void refusalsSpeakPlainly()
    {
        // Ed may change releases in general (his grants), so Globex's trigger answers.
        const MariaDbClient::Outcome other =
            m_team.client(m_team.editor)
                .run(QStringLiteral("UPDATE releases SET status = 'CANCELLED' WHERE id = %1")
                         .arg(m_rows.value(m_team.globex).release));
        QVERIFY(!other.ok);
        QVERIFY2(other.output.contains(QLatin1String(
                     "You are not a member of Globex, so you cannot change releases there")),
                 qPrintable(other.output));
        // Olga owns Acme: her grants allow changing connections, Globex's trigger refuses.
        const MariaDbClient::Outcome connection =
            m_team.client(m_team.owner)
                .run(QStringLiteral("UPDATE connections SET display_name = 'x' WHERE id = %1")
                         .arg(m_rows.value(m_team.globex).connection));
        QVERIFY(!connection.ok);
        QVERIFY2(connection.output.contains(QLatin1String(
                     "You are not a member of Globex, so you cannot change connections there; "
                     "ask one of its owners to add you.")),
                 qPrintable(connection.output));
        // A grant refusal names the command and the table.
        const MariaDbClient::Outcome viewer =
            m_team.client(m_team.viewer)
                .run(QStringLiteral("UPDATE releases SET status = 'CANCELLED' WHERE id = %1")
                         .arg(m_rows.value(m_team.acme).release));
        QVERIFY(!viewer.ok);
        QVERIFY2(viewer.output.contains(QLatin1String("UPDATE command denied")),
                 qPrintable(viewer.output));
    }

private:
    TeamFixture m_team;
    QHash<qint64, Rows> m_rows;
    qint64 m_zed = 0;
    qint64 m_newcomer = 0;
};

QTEST_GUILESS_MAIN(TestServerRoles)
#include "tst_server_roles.moc"
