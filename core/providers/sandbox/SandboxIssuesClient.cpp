#include "SandboxIssuesClient.h"

#include "SandboxStore.h"

namespace ReleaseDeck {

namespace {

const QString ReadyTransition = QStringLiteral("31");

Issue issueOf(const SandboxTicket& ticket)
{
    Issue issue;
    issue.id = QString::number(ticket.id);
    issue.key = ticket.key;
    issue.summary = ticket.summary;
    issue.status = ticket.status;
    issue.labels = ticket.labels;
    return issue;
}

} // namespace

SandboxIssuesClient::SandboxIssuesClient(const Connection& connection, Database* database)
    : m_connection(connection)
    , m_database(database)
{}

ProviderInfo SandboxIssuesClient::provider()
{
    ProviderInfo info;
    info.id = QStringLiteral("sandbox-issues");
    info.category = ConnectionCategory::Issues;
    info.displayName =
        QString::fromUtf8(QT_TRANSLATE_NOOP("ProviderRegistry", "Simulated issue tracker"));
    info.needsToken = false;
    info.simulated = true;
    info.createIssues = [](const Connection& connection, const QString&, const HttpClient&,
                           Database* database) -> std::unique_ptr<IssuesClient> {
        return std::make_unique<SandboxIssuesClient>(connection, database);
    };
    return info;
}

Result<VerificationReport> SandboxIssuesClient::verify()
{
    return VerificationReport{
        QStringLiteral("Simulated issue tracker: tickets are kept in the sandbox."), {}};
}

Result<IssuesUser> SandboxIssuesClient::myself()
{
    return IssuesUser{QStringLiteral("sandbox"), QStringLiteral("Release Deck (sandbox)"), {}};
}

Result<bool> SandboxIssuesClient::projectExists(const QString& projectKey)
{
    const QJsonObject keys = m_connection.config.value(QStringLiteral("projectKeys")).toObject();
    for (auto it = keys.begin(); it != keys.end(); ++it) {
        if (it.value().toString() == projectKey)
            return true;
    }
    return false;
}

Result<Issue> SandboxIssuesClient::createIssue(const QString& projectKey, const QString& summary,
                                               const QString&, const QStringList& labels)
{
    if (!m_database)
        return SandboxStore::withoutDatabase();
    SandboxStore store(*m_database);
    Result<int> readyIn = store.scaled(m_connection.workspaceId, ReadyAfterSeconds);
    if (!readyIn)
        return readyIn.error();
    Result<SandboxTicket> ticket =
        store.addTicket(m_connection.workspaceId, projectKey, summary, labels, *readyIn);
    if (!ticket)
        return ticket.error();
    return issueOf(*ticket);
}

Result<std::optional<Issue>> SandboxIssuesClient::findReleaseIssue(const QString& projectKey,
                                                                   const QString& releaseLabel)
{
    if (!m_database)
        return SandboxStore::withoutDatabase();
    Result<std::optional<SandboxTicket>> found =
        SandboxStore(*m_database).findTicket(m_connection.workspaceId, projectKey, releaseLabel);
    if (!found)
        return found.error();
    if (!found->has_value())
        return std::optional<Issue>();
    return std::optional<Issue>(issueOf(**found));
}

Result<QString> SandboxIssuesClient::issueStatus(const QString& issueKey)
{
    if (!m_database)
        return SandboxStore::withoutDatabase();
    Result<std::optional<SandboxTicket>> found =
        SandboxStore(*m_database).ticket(m_connection.workspaceId, issueKey);
    if (!found)
        return found.error();
    if (!found->has_value())
        return Error::notFound(
            QStringLiteral("The simulated issue tracker has no ticket %1.").arg(issueKey));
    return (*found)->status;
}

Result<QList<IssueTransition>> SandboxIssuesClient::transitions(const QString&)
{
    return QList<IssueTransition>{
        {ReadyTransition, SandboxStore::readyState(), SandboxStore::readyState()}};
}

Status SandboxIssuesClient::transition(const QString& issueKey, const QString& transitionId)
{
    if (!m_database)
        return SandboxStore::withoutDatabase();
    if (transitionId != ReadyTransition)
        return Error{
            ErrorKind::Validation,
            QStringLiteral("The simulated issue tracker has no transition %1.").arg(transitionId),
            {}};
    return SandboxStore(*m_database).makeReady(m_connection.workspaceId, issueKey);
}

} // namespace ReleaseDeck
