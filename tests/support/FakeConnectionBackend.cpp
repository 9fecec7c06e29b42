#include "FakeConnectionBackend.h"

#include <QTimer>

#include <algorithm>

namespace ReleaseDeck::Test {

FakeConnectionBackend::FakeConnectionBackend(QObject* parent)
    : QObject(parent)
    , m_health([this] {
        ++probeCalls;
        return later<BackendStatus>([this] { return currentStatus; });
    })
{
    workspaceList = {{1, QStringLiteral("Acme Mobile"), Role::Owner}};
}

template<typename T>
QFuture<T> FakeConnectionBackend::later(std::function<T()> answer)
{
    auto promise = std::make_shared<QPromise<T>>();
    promise->start();
    QFuture<T> future = promise->future();
    QTimer::singleShot(delayMs, this, [promise, answer = std::move(answer)] {
        promise->addResult(answer());
        promise->finish();
    });
    return future;
}

namespace {

VerificationOutcome valid(const QJsonObject& details = {})
{
    VerificationOutcome outcome;
    outcome.status = VerificationStatus::Valid;
    outcome.conclusive = true;
    outcome.lastVerifiedAt = QDateTime::currentDateTimeUtc();
    outcome.details = details;
    return outcome;
}

VerificationOutcome refused(VerificationStatus status, const QString& error)
{
    VerificationOutcome outcome;
    outcome.status = status;
    outcome.conclusive = true;
    outcome.lastVerifiedAt = QDateTime::currentDateTimeUtc();
    outcome.error = error;
    return outcome;
}

VerificationOutcome unreachable(const QString& error)
{
    VerificationOutcome outcome;
    outcome.error = error;
    outcome.errorKind = ErrorKind::Transient;
    return outcome;
}

} // namespace

QFuture<VerificationOutcome> FakeConnectionBackend::verifyDraft(const ConnectionDraft& draft)
{
    verifiedDrafts.append(draft);
    const QString token = draft.token;
    const ConnectionCategory category = draft.category;
    return later<VerificationOutcome>([token, category] {
        if (token.contains(QStringLiteral("invalid")))
            return refused(VerificationStatus::Invalid,
                           QStringLiteral("The provider refused the token: "
                                          "Bad credentials."));
        if (token.contains(QStringLiteral("expired")))
            return refused(VerificationStatus::Expired,
                           QStringLiteral("The token expired on 1 March."));
        if (token.contains(QStringLiteral("unreachable")))
            return unreachable(
                QStringLiteral("Could not reach the provider: the connection timed out."));
        if (category == ConnectionCategory::Chat)
            return valid({{QStringLiteral("bot"), QStringLiteral("release-bot")}});
        if (category == ConnectionCategory::Scm)
            return valid({{QStringLiteral("defaultBranch"), QStringLiteral("main")}});
        return valid();
    });
}

QFuture<Result<ChoicePage>> FakeConnectionBackend::listBranches(const ConnectionDraft&)
{
    return later<Result<ChoicePage>>([] {
        ChoicePage page;
        for (const QString& name :
             {QStringLiteral("main"), QStringLiteral("develop"), QStringLiteral("release/1.4")})
            page.items.append({name, name});
        return page;
    });
}

QFuture<Result<ChoicePage>> FakeConnectionBackend::listChannels(const ConnectionDraft&,
                                                                const QString& search,
                                                                const QString& cursor)
{
    const int count = channelCount;
    return later<Result<ChoicePage>>([search, cursor, count] {
        QList<ChoicePage::Choice> all;
        for (int i = 0; i < count; ++i) {
            const QString name = i == 0 ? QStringLiteral("releases")
                                        : QStringLiteral("team-%1").arg(i, 3, 10, QLatin1Char('0'));
            if (name.contains(search))
                all.append({QStringLiteral("C%1").arg(1000 + i), name});
        }
        const int start = cursor.isEmpty() ? 0 : cursor.toInt();
        ChoicePage page;
        page.items = all.mid(start, 50);
        if (start + 50 < all.size())
            page.nextCursor = QString::number(start + 50);
        return page;
    });
}

QFuture<Result<ChoicePage>> FakeConnectionBackend::listWorkflows(const ConnectionDraft&)
{
    return later<Result<ChoicePage>>([] {
        ChoicePage page;
        page.items = {
            {QStringLiteral("build.yml"), QStringLiteral("Build (build.yml)")},
            {QStringLiteral("regression.yml"), QStringLiteral("Regression (regression.yml)")},
            {QStringLiteral("e2e.yml"), QStringLiteral("End-to-end tests (e2e.yml)")}};
        return page;
    });
}

QFuture<Result<QList<WorkspaceSummary>>>
FakeConnectionBackend::testDatabase(const DatabaseDraft& draft)
{
    databaseTests.append(draft);
    const QList<WorkspaceSummary> found = serverWorkspaces;
    const bool refused = draft.password.contains(QStringLiteral("wrong"));
    const QString user = draft.user;
    return later<Result<QList<WorkspaceSummary>>>([found, refused,
                                                   user]() -> Result<QList<WorkspaceSummary>> {
        if (refused)
            return Error{ErrorKind::Unauthorized,
                         QStringLiteral("The server refused user %1: wrong password.").arg(user),
                         {}};
        return found;
    });
}

QFuture<Status> FakeConnectionBackend::finish(const WizardResult& result)
{
    finishCalls.append(result);
    const std::optional<Error> error = finishError;
    return later<Status>([error]() -> Status {
        if (error)
            return *error;
        return {};
    });
}

QFuture<Result<QList<ConnectionRow>>> FakeConnectionBackend::listConnections(qint64 workspaceId)
{
    listConnectionsCalls.append(workspaceId);
    return later<Result<QList<ConnectionRow>>>([this] { return rows; });
}

QFuture<Result<ConnectionRow>> FakeConnectionBackend::verify(qint64, qint64 connectionId)
{
    verifyCalls.append(connectionId);
    if (m_hold) {
        auto promise = std::make_shared<QPromise<Result<ConnectionRow>>>();
        promise->start();
        m_held.insert(connectionId, promise);
        return promise->future();
    }
    return later<Result<ConnectionRow>>([this, connectionId]() -> Result<ConnectionRow> {
        for (ConnectionRow& row : rows) {
            if (row.connection.id == connectionId) {
                row.connection.status = VerificationStatus::Valid;
                row.connection.lastVerifiedAt = QDateTime::currentDateTimeUtc();
                row.connection.verificationError.clear();
                return row;
            }
        }
        return Error::notFound(QStringLiteral("That connection no longer exists."));
    });
}

QFuture<Result<ConnectionRow>> FakeConnectionBackend::verifyAll(qint64 workspaceId)
{
    verifyAllCalls.append(workspaceId);
    auto promise = std::make_shared<QPromise<Result<ConnectionRow>>>();
    promise->start();
    QFuture<Result<ConnectionRow>> future = promise->future();
    if (m_hold) {
        m_heldAll = promise;
        for (const ConnectionRow& row : std::as_const(rows))
            m_held.insert(row.connection.id, promise);
        return future;
    }
    QTimer::singleShot(delayMs, this, [this, promise] {
        for (ConnectionRow& row : rows) {
            row.connection.status = VerificationStatus::Valid;
            row.connection.lastVerifiedAt = QDateTime::currentDateTimeUtc();
            row.connection.verificationError.clear();
            promise->addResult(row);
        }
        promise->finish();
    });
    return future;
}

void FakeConnectionBackend::releaseVerification(qint64 connectionId, VerificationStatus status,
                                                const QString& error)
{
    const SharedPromise promise = m_held.take(connectionId);
    if (!promise)
        return;
    for (ConnectionRow& row : rows) {
        if (row.connection.id == connectionId) {
            row.connection.status = status;
            row.connection.lastVerifiedAt = QDateTime::currentDateTimeUtc();
            row.connection.verificationError = error;
            promise->addResult(row);
        }
    }
    // A verify() answer ends with its row; verifyAll()'s once every row is in.
    if (promise != m_heldAll ||
        !std::any_of(m_held.cbegin(), m_held.cend(),
                     [&](const SharedPromise& held) { return held == promise; }))
        promise->finish();
}

QFuture<Result<ConnectionRow>> FakeConnectionBackend::saveConnection(qint64 workspaceId,
                                                                     const ConnectionDraft& draft)
{
    savedDrafts.append(draft);
    return later<Result<ConnectionRow>>([this, workspaceId, draft] {
        ConnectionRow saved;
        saved.connection.id = 100 + savedDrafts.size();
        saved.connection.workspaceId = workspaceId;
        saved.connection.category = draft.category;
        saved.connection.provider = draft.provider;
        saved.connection.displayName = draft.displayName;
        saved.connection.config = draft.config;
        saved.connection.status = VerificationStatus::Valid;
        saved.connection.lastVerifiedAt = QDateTime::currentDateTimeUtc();
        saved.tokenOnThisMachine = true;
        rows.removeIf(
            [&](const ConnectionRow& row) { return row.connection.category == draft.category; });
        rows.append(saved);
        return saved;
    });
}

QFuture<Status> FakeConnectionBackend::disconnect(qint64, qint64 connectionId)
{
    disconnectCalls.append(connectionId);
    return later<Status>([this, connectionId]() -> Status {
        rows.removeIf([&](const ConnectionRow& row) { return row.connection.id == connectionId; });
        return {};
    });
}

QFuture<Result<QList<MemberRow>>> FakeConnectionBackend::listMembers(qint64)
{
    return later<Result<QList<MemberRow>>>([this] { return memberRows; });
}

QFuture<Result<MemberAdded>> FakeConnectionBackend::addMember(qint64, const MemberDraft& draft)
{
    return later<Result<MemberAdded>>([this, draft]() -> Result<MemberAdded> {
        if (Status valid = draft.validate(); !valid)
            return valid.error();
        MemberAdded added;
        added.member = {qint64(memberRows.size()) + 100,
                        draft.dbUser,
                        draft.displayName,
                        draft.email,
                        draft.role,
                        QDateTime::currentDateTimeUtc()};
        memberRows.append({added.member, false});
        return added;
    });
}

QFuture<Result<Member>> FakeConnectionBackend::setMemberRole(qint64, qint64 accountId, Role role)
{
    return later<Result<Member>>([this, accountId, role]() -> Result<Member> {
        for (MemberRow& row : memberRows) {
            if (row.member.accountId == accountId) {
                row.member.role = role;
                return row.member;
            }
        }
        return Error::notFound(QStringLiteral("That account is not a member of this workspace."));
    });
}

QFuture<Status> FakeConnectionBackend::removeMember(qint64, qint64 accountId)
{
    return later<Status>([this, accountId]() -> Status {
        memberRows.removeIf(
            [&](const MemberRow& row) { return row.member.accountId == accountId; });
        return {};
    });
}

QFuture<Result<QList<WorkspaceSummary>>> FakeConnectionBackend::workspaces()
{
    return later<Result<QList<WorkspaceSummary>>>([this] { return workspaceList; });
}

QFuture<Result<QList<ActivityEvent>>> FakeConnectionBackend::events(qint64 workspaceId,
                                                                    qint64 afterSeq)
{
    eventsCalls.append({workspaceId, afterSeq});
    return later<Result<QList<ActivityEvent>>>([this, afterSeq] {
        QList<ActivityEvent> newer;
        for (const ActivityEvent& event : std::as_const(eventList)) {
            if (event.seq > afterSeq)
                newer.append(event);
        }
        std::sort(newer.begin(), newer.end(),
                  [](const ActivityEvent& a, const ActivityEvent& b) { return a.seq > b.seq; });
        return newer;
    });
}

} // namespace ReleaseDeck::Test
