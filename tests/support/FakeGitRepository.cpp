#include "FakeGitRepository.h"

#include <QCryptographicHash>

#include <algorithm>

namespace ReleaseDeck::Test {

namespace {

QJsonObject refJson(const QString& ref, const QString& sha, const QString& type)
{
    return {{QStringLiteral("ref"), QString(QStringLiteral("refs/") + ref)},
            {QStringLiteral("object"),
             QJsonObject{{QStringLiteral("sha"), sha}, {QStringLiteral("type"), type}}}};
}

QString objectSha(const QJsonObject& ref)
{
    return ref.value(QStringLiteral("object")).toObject().value(QStringLiteral("sha")).toString();
}

} // namespace

QString FakeGitRepository::commit(const QString& branch, const QString& message,
                                  const QString& author)
{
    const QString parent = resolve(branch).value_or(QString());
    const QString sha = QString::fromLatin1(
        QCryptographicHash::hash((parent + message + QString::number(++m_serial)).toUtf8(),
                                 QCryptographicHash::Sha1)
            .toHex());
    m_commits.insert(sha, {sha, parent, message, author});
    setBranch(branch, sha);
    return sha;
}

void FakeGitRepository::addAlias(const QString& name, const QString& sha)
{
    m_aliases.insert(name, sha);
    m_aliases.insert(sha, sha);
}

void FakeGitRepository::setBranch(const QString& name, const QString& sha)
{
    m_aliases.insert(sha, sha);
    m_refs.insert(QStringLiteral("heads/") + name,
                  refJson(QStringLiteral("heads/") + name, sha, QStringLiteral("commit")));
}

std::optional<QString> FakeGitRepository::resolve(const QString& ref) const
{
    if (m_commits.contains(ref))
        return ref;
    for (const QString& kind : {QStringLiteral("heads/"), QStringLiteral("tags/")}) {
        if (!m_refs.contains(kind + ref))
            continue;
        const QString sha = objectSha(m_refs.value(kind + ref));
        if (m_tags.contains(sha))
            return objectSha(m_tags.value(sha));
        return sha;
    }
    if (m_aliases.contains(ref))
        return m_aliases.value(ref);
    return std::nullopt;
}

std::optional<QJsonObject> FakeGitRepository::ref(const QString& ref) const
{
    if (!m_refs.contains(ref))
        return std::nullopt;
    return m_refs.value(ref);
}

QList<QJsonObject> FakeGitRepository::refs(const QString& kind) const
{
    QStringList names;
    for (auto it = m_refs.cbegin(); it != m_refs.cend(); ++it) {
        if (it.key().startsWith(kind + QLatin1Char('/')))
            names << it.key();
    }
    names.sort();
    QList<QJsonObject> result;
    for (const QString& name : std::as_const(names))
        result << m_refs.value(name);
    return result;
}

bool FakeGitRepository::knowsObject(const QString& sha) const
{
    return m_commits.contains(sha) || m_tags.contains(sha) || m_aliases.contains(sha);
}

bool FakeGitRepository::createRef(const QString& ref, const QString& sha)
{
    if (m_refs.contains(ref))
        return false;
    const QString type = m_tags.contains(sha) ? QStringLiteral("tag") : QStringLiteral("commit");
    m_refs.insert(ref, refJson(ref, sha, type));
    return true;
}

QJsonObject FakeGitRepository::createTagObject(const QString& tag, const QString& message,
                                               const QString& sha)
{
    const QString tagSha = QString::fromLatin1(
        QCryptographicHash::hash((tag + message + sha + QString::number(++m_serial)).toUtf8(),
                                 QCryptographicHash::Sha1)
            .toHex());
    const QJsonObject object{{QStringLiteral("sha"), tagSha},
                             {QStringLiteral("tag"), tag},
                             {QStringLiteral("message"), message},
                             {QStringLiteral("object"),
                              QJsonObject{{QStringLiteral("sha"), sha},
                                          {QStringLiteral("type"), QStringLiteral("commit")}}}};
    m_tags.insert(tagSha, object);
    return object;
}

std::optional<QJsonObject> FakeGitRepository::tagObject(const QString& sha) const
{
    if (!m_tags.contains(sha))
        return std::nullopt;
    return m_tags.value(sha);
}

QList<QString> FakeGitRepository::ancestry(const QString& sha) const
{
    QList<QString> line;
    for (QString at = sha; !at.isEmpty() && !line.contains(at); at = m_commits.value(at).parent) {
        line << at;
        if (!m_commits.contains(at))
            break;
    }
    return line;
}

QList<FakeGitRepository::Commit> FakeGitRepository::commitsBetween(const QString& baseSha,
                                                                   const QString& headSha) const
{
    const QList<QString> excluded = baseSha.isEmpty() ? QList<QString>() : ancestry(baseSha);
    QList<Commit> commits;
    for (const QString& sha : ancestry(headSha)) {
        if (excluded.contains(sha))
            continue;
        commits << m_commits.value(sha, Commit{sha, {}, {}, {}});
    }
    std::reverse(commits.begin(), commits.end());
    return commits;
}

} // namespace ReleaseDeck::Test
