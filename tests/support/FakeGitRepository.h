#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace ReleaseDeck::Test {

// The git data behind FakeGitHub: commits with one parent each, refs (heads/NAME,
// tags/NAME) and annotated tag objects. Plain data, not locked: FakeGitHub guards it.
class FakeGitRepository
{
public:
    struct Commit
    {
        QString sha;
        QString parent; // empty for a root commit
        QString message;
        QString author;
    };

    // A new commit on top of branch (created when absent), which then points at it.
    QString commit(const QString& branch, const QString& message, const QString& author);
    // A name (branch, tag or anything) that resolves to sha, a commit without history.
    void addAlias(const QString& name, const QString& sha);
    void setBranch(const QString& name, const QString& sha);

    // The commit a SHA, branch, tag or alias names (tags peeled).
    std::optional<QString> resolve(const QString& ref) const;
    // refs/<ref> as GitHub shows it ({ref, object{sha, type}}); ref is "heads/main".
    std::optional<QJsonObject> ref(const QString& ref) const;
    QList<QJsonObject> refs(const QString& kind) const; // "heads" or "tags"
    bool knowsObject(const QString& sha) const;
    // Creates refs/<ref> → sha; false when it exists.
    bool createRef(const QString& ref, const QString& sha);
    QJsonObject createTagObject(const QString& tag, const QString& message, const QString& sha);
    std::optional<QJsonObject> tagObject(const QString& sha) const;

    // The commits reachable from head and not from base, oldest first (base empty: all).
    QList<Commit> commitsBetween(const QString& baseSha, const QString& headSha) const;

private:
    QList<QString> ancestry(const QString& sha) const; // sha, its parent, … newest first

    QHash<QString, Commit> m_commits;   // sha → commit
    QHash<QString, QString> m_aliases;  // name → sha
    QHash<QString, QJsonObject> m_refs; // "heads/main" → {ref, object{sha,type}}
    QHash<QString, QJsonObject> m_tags; // tag object sha → {sha, tag, message, object}
    int m_serial = 0;                   // makes every new SHA distinct
};

} // namespace ReleaseDeck::Test
