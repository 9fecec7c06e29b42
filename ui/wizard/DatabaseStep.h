#pragma once

#include "backend/DatabaseDraft.h"
#include "backend/WorkspaceSummary.h"

#include <QList>
#include <QObject>
#include <QSet>

namespace ReleaseDeck {

class ConnectionBackend;

// The database page's state: this computer, or a shared server that must answer
// "Test connection" before the wizard goes on.
class DatabaseStep : public QObject
{
    Q_OBJECT

public:
    enum class TestState
    {
        NotTested,
        Testing,
        Succeeded,
        Failed
    };
    Q_ENUM(TestState)

    explicit DatabaseStep(ConnectionBackend& backend, QObject* parent = nullptr);

    DatabaseDraft draft() const { return m_draft; }
    void setShared(bool shared);
    void setHost(const QString& host);
    void setPort(int port);
    void setDatabase(const QString& database);
    void setUser(const QString& user);
    void setPassword(const QString& password);
    void setTls(bool tls);

    // Keys: host, port, database, user.
    QString fieldError(const QString& key) const;
    bool fieldsValid() const;

    TestState testState() const { return m_testState; }
    QString testMessage() const { return m_testMessage; }
    bool busy() const { return m_testState == TestState::Testing; }
    void test();

    // The workspaces the shared server already holds, known after a successful test.
    QList<WorkspaceSummary> workspaces() const { return m_workspaces; }
    qint64 chosenWorkspace() const { return m_chosenWorkspace; }
    void chooseWorkspace(qint64 id);

    // joining: the person wants an existing workspace, so a shared server is required.
    bool isComplete(bool joining) const;
    void discard();

signals:
    void changed();
    void testFinished(bool succeeded);

private:
    QString error(const QString& key) const;
    void edited(const QString& key);

    ConnectionBackend& m_backend;
    DatabaseDraft m_draft;
    QSet<QString> m_touched;
    TestState m_testState = TestState::NotTested;
    QString m_testMessage;
    QList<WorkspaceSummary> m_workspaces;
    qint64 m_chosenWorkspace = 0;
    int m_generation = 0;
};

} // namespace ReleaseDeck
