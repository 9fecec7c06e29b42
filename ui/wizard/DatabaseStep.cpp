#include "wizard/DatabaseStep.h"

#include "backend/ConnectionBackend.h"
#include "backend/FutureReply.h"
#include "providers/FieldCheck.h"
#include "wizard/FieldRules.h"

namespace ReleaseDeck {

DatabaseStep::DatabaseStep(ConnectionBackend& backend, QObject* parent)
    : QObject(parent)
    , m_backend(backend)
{}

void DatabaseStep::setShared(bool shared)
{
    if (shared == m_draft.shared)
        return;
    m_draft.shared = shared;
    edited({});
}

void DatabaseStep::setHost(const QString& host)
{
    m_draft.host = host.trimmed();
    edited(QStringLiteral("host"));
}

void DatabaseStep::setPort(int port)
{
    m_draft.port = port;
    edited(QStringLiteral("port"));
}

void DatabaseStep::setDatabase(const QString& database)
{
    m_draft.database = database.trimmed();
    edited(QStringLiteral("database"));
}

void DatabaseStep::setUser(const QString& user)
{
    m_draft.user = user.trimmed();
    edited(QStringLiteral("user"));
}

void DatabaseStep::setPassword(const QString& password)
{
    m_draft.password = password;
    edited({});
}

void DatabaseStep::setTls(bool tls)
{
    m_draft.tls = tls;
    edited({});
}

QString DatabaseStep::fieldError(const QString& key) const
{
    return m_touched.contains(key) ? error(key) : QString();
}

bool DatabaseStep::fieldsValid() const
{
    if (!m_draft.shared)
        return true;
    for (const QString& key : {QStringLiteral("host"), QStringLiteral("port"),
                               QStringLiteral("database"), QStringLiteral("user")}) {
        if (!error(key).isEmpty())
            return false;
    }
    return true;
}

void DatabaseStep::test()
{
    m_touched = {QStringLiteral("host"), QStringLiteral("port"), QStringLiteral("database"),
                 QStringLiteral("user")};
    if (!m_draft.shared || !fieldsValid() || busy()) {
        emit changed();
        return;
    }
    const int generation = ++m_generation;
    m_testState = TestState::Testing;
    m_testMessage = tr("Connecting to %1…").arg(m_draft.host);
    emit changed();
    whenFinished(m_backend.testDatabase(m_draft), this,
                 [this, generation](const Result<QList<WorkspaceSummary>>& result) {
                     if (generation != m_generation)
                         return;
                     if (result) {
                         m_testState = TestState::Succeeded;
                         m_workspaces = result.value();
                         m_testMessage = tr("Connected to %1.").arg(m_draft.host);
                         if (m_chosenWorkspace == 0 && !m_workspaces.isEmpty())
                             m_chosenWorkspace = m_workspaces.first().id;
                     } else {
                         m_testState = TestState::Failed;
                         m_testMessage = result.error().message;
                     }
                     emit changed();
                     emit testFinished(m_testState == TestState::Succeeded);
                 });
}

void DatabaseStep::chooseWorkspace(qint64 id)
{
    m_chosenWorkspace = id;
    emit changed();
}

bool DatabaseStep::isComplete(bool joining) const
{
    if (!m_draft.shared)
        return !joining;
    if (!fieldsValid() || m_testState != TestState::Succeeded)
        return false;
    return !joining || m_chosenWorkspace != 0;
}

void DatabaseStep::discard()
{
    ++m_generation;
    m_draft.password.clear();
    if (m_testState == TestState::Testing)
        m_testState = TestState::NotTested;
    emit changed();
}

QString DatabaseStep::error(const QString& key) const
{
    if (key == u"host")
        return FieldRules::host(m_draft.host);
    if (key == u"port")
        return FieldRules::port(m_draft.port);
    if (key == u"database")
        return FieldCheck::text(m_draft.database, tr("the database name"), 64);
    if (key == u"user")
        return FieldCheck::text(m_draft.user, tr("the user name"), 80);
    return {};
}

void DatabaseStep::edited(const QString& key)
{
    if (!key.isEmpty())
        m_touched.insert(key);
    ++m_generation;
    m_testState = TestState::NotTested;
    m_testMessage.clear();
    m_workspaces.clear();
    m_chosenWorkspace = 0;
    emit changed();
}

} // namespace ReleaseDeck
