#include "SandboxScmClient.h"

#include <QCryptographicHash>

namespace ReleaseDeck {

namespace {

constexpr qsizetype ShaLength = 40;

QString sha(const QString& seed)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(seed.toUtf8(), QCryptographicHash::Sha1).toHex());
}

// The simulated changes between two refs, the same every time they are asked for.
QList<ScmCommit> changes(const QString& base, const QString& head)
{
    const QStringList titles{QStringLiteral("Faster start-up on older phones"),
                             QStringLiteral("Fix a crash when signing out offline"),
                             QStringLiteral("Translate the settings screen")};
    QList<ScmCommit> commits;
    for (const QString& title : titles)
        commits.append({sha(base + head + title), title, QStringLiteral("sandbox-developer")});
    return commits;
}

} // namespace

SandboxScmClient::SandboxScmClient(const Connection& connection, Database* database)
    : m_connection(connection)
    , m_database(database)
{}

ProviderInfo SandboxScmClient::provider()
{
    ProviderInfo info;
    info.id = QStringLiteral("sandbox-scm");
    info.category = ConnectionCategory::Scm;
    info.displayName =
        QString::fromUtf8(QT_TRANSLATE_NOOP("ProviderRegistry", "Simulated source control"));
    info.needsToken = false;
    info.simulated = true;
    info.createScm = [](const Connection& connection, const QString&, const HttpClient&,
                        Database* database) -> std::unique_ptr<ScmClient> {
        return std::make_unique<SandboxScmClient>(connection, database);
    };
    return info;
}

QString SandboxScmClient::firstCommit(qint64 workspaceId)
{
    return sha(QStringLiteral("sandbox-%1-main").arg(workspaceId));
}

Result<VerificationReport> SandboxScmClient::verify()
{
    return VerificationReport{
        QStringLiteral("Simulated source control: nothing leaves this computer."), {}};
}

Result<ScmRepository> SandboxScmClient::repository()
{
    ScmRepository repository;
    repository.fullName = QStringLiteral("sandbox/app");
    repository.defaultBranch = QStringLiteral("main");
    repository.canPush = true;
    return repository;
}

Result<QList<ScmBranch>> SandboxScmClient::listBranches()
{
    if (!m_database)
        return SandboxStore::withoutDatabase();
    return SandboxStore(*m_database).branches(m_connection.workspaceId);
}

Result<std::optional<QString>> SandboxScmClient::resolve(const QString& ref)
{
    SandboxStore store(*m_database);
    for (const auto kind : {SandboxStore::RefKind::Branch, SandboxStore::RefKind::Tag}) {
        Result<std::optional<QString>> commit =
            store.refCommit(m_connection.workspaceId, kind, ref);
        if (!commit || commit->has_value())
            return commit;
    }
    if (ref.size() == ShaLength)
        return std::optional<QString>(ref);
    return std::optional<QString>();
}

Result<bool> SandboxScmClient::branchExists(const QString& name)
{
    if (!m_database)
        return SandboxStore::withoutDatabase();
    return exists(SandboxStore(*m_database)
                      .refCommit(m_connection.workspaceId, SandboxStore::RefKind::Branch, name));
}

Result<ScmBranch> SandboxScmClient::createBranch(const QString& name, const QString& fromRef)
{
    Result<QString> commit = createRef(SandboxStore::RefKind::Branch, name, fromRef);
    if (!commit)
        return commit.error();
    return ScmBranch{name, *commit};
}

Result<bool> SandboxScmClient::tagExists(const QString& name)
{
    if (!m_database)
        return SandboxStore::withoutDatabase();
    return exists(SandboxStore(*m_database)
                      .refCommit(m_connection.workspaceId, SandboxStore::RefKind::Tag, name));
}

Result<ScmTag> SandboxScmClient::createTag(const QString& name, const QString& ref, const QString&)
{
    Result<QString> commit = createRef(SandboxStore::RefKind::Tag, name, ref);
    if (!commit)
        return commit.error();
    return ScmTag{name, *commit};
}

Result<QString> SandboxScmClient::createRef(SandboxStore::RefKind kind, const QString& name,
                                            const QString& fromRef)
{
    if (!m_database)
        return SandboxStore::withoutDatabase();
    Result<std::optional<QString>> from = resolve(fromRef);
    if (!from)
        return from.error();
    if (!from->has_value())
        return Error::notFound(
            QStringLiteral("The sandbox repository has no branch or tag %1.").arg(fromRef));
    SandboxStore store(*m_database);
    const qint64 workspace = m_connection.workspaceId;
    RefCreation ref;
    ref.what =
        kind == SandboxStore::RefKind::Branch ? QStringLiteral("branch") : QStringLiteral("tag");
    ref.name = name;
    ref.commitSha = **from;
    ref.fromRef = fromRef;
    ref.look = [&] {
        return store.refCommit(workspace, kind, name);
    };
    ref.create = [&] {
        return store.addRef(workspace, kind, name, **from);
    };
    ref.mayExistNow = [](const Error& error) {
        return error.kind == ErrorKind::Conflict;
    };
    if (Status created = createUnlessSame(ref); !created)
        return created.error();
    return **from;
}

Result<QString> SandboxScmClient::generateReleaseNotes(const QString& fromTag, const QString& toTag)
{
    QStringList lines{
        fromTag.isEmpty()
            ? QStringLiteral("Changes in %1 (simulated):").arg(toTag)
            : QStringLiteral("Changes from %1 to %2 (simulated):").arg(fromTag, toTag)};
    for (const ScmCommit& commit : changes(fromTag, toTag))
        lines.append(QStringLiteral("- ") + commit.title);
    return lines.join(QLatin1Char('\n'));
}

Result<ScmRelease> SandboxScmClient::createRelease(const QString& tag, const QString& name,
                                                   const QString& notes)
{
    if (!m_database)
        return SandboxStore::withoutDatabase();
    SandboxStore store(*m_database);
    const qint64 workspace = m_connection.workspaceId;
    Result<std::optional<ScmRelease>> existing = store.release(workspace, tag);
    if (!existing)
        return existing.error();
    if (existing->has_value())
        return **existing;
    Result<bool> tagged = tagExists(tag);
    if (!tagged)
        return tagged.error();
    if (!*tagged)
        return Error{ErrorKind::Validation,
                     QStringLiteral("The sandbox repository has no tag %1 to release.").arg(tag),
                     {}};
    ScmRelease release;
    release.tag = tag;
    release.name = name;
    if (Status added = store.addRelease(workspace, release, notes);
        !added && added.error().kind != ErrorKind::Conflict)
        return added.error();
    Result<std::optional<ScmRelease>> made = store.release(workspace, tag);
    if (!made)
        return made.error();
    if (!made->has_value())
        return Error::internal(QStringLiteral("The simulated release was not kept."));
    return **made;
}

Result<ScmComparison> SandboxScmClient::compare(const QString& base, const QString& head)
{
    if (!m_database)
        return SandboxStore::withoutDatabase();
    for (const QString& ref : {base, head}) {
        Result<std::optional<QString>> commit = resolve(ref);
        if (!commit)
            return commit.error();
        if (!commit->has_value())
            return Error::notFound(
                QStringLiteral("The sandbox repository has no branch or tag %1.").arg(ref));
    }
    ScmComparison comparison;
    comparison.base = base;
    comparison.head = head;
    comparison.commits = changes(base, head);
    comparison.aheadBy = int(comparison.commits.size());
    return comparison;
}

} // namespace ReleaseDeck
