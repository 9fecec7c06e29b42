#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace ReleaseDeck {

// What one value of a connection field must look like; FieldCheck has one check per kind.
enum class FieldKind
{
    Text,         // anything but blank
    Url,          // an absolute http(s) address; plain http only to this machine
    Slug,         // an owner, repository or workspace name as it appears in URLs
    ProjectPath,  // slugs separated by '/', like group/subgroup/app
    Email,        // ana@example.com
    UserName,     // a user name sent with Basic auth: no spaces, no ':'
    SlackChannel, // a channel ID like C0123ABCD, never its #name
    ProjectKey,   // a Jira project key like APP
    JobPath,      // a Jenkins job's full name like folder/job
    Choice        // one of a fixed list of words
};

// The check of each kind as a value is typed or given: one plain sentence naming the
// field by its noun ("the owner"), or an empty string when the value is fine. Shared by
// the wizard (as typed), the command line and every provider's config. The sentences are
// translated where the program installed a translation (the app), English elsewhere.
class FieldCheck
{
    Q_DECLARE_TR_FUNCTIONS(FieldCheck)

public:
    static constexpr int MaxNameLength = 100;
    static constexpr int MaxPathLength = 200;
    static constexpr int MaxUrlLength = 2048;
    static constexpr int MaxEmailLength = 254;

    static QString of(FieldKind kind, const QString& value, const QString& noun,
                      const QStringList& options = {});

    static QString text(const QString& value, const QString& noun, int maxLength = MaxNameLength);
    static QString url(const QString& value, const QString& noun);
    static QString slug(const QString& value, const QString& noun);
    static QString projectPath(const QString& value, const QString& noun);
    static QString email(const QString& value, const QString& noun);
    static QString userName(const QString& value, const QString& noun);
    static QString slackChannel(const QString& value, const QString& noun);
    static QString projectKey(const QString& value, const QString& noun);
    static QString jobPath(const QString& value, const QString& noun);
    static QString choice(const QString& value, const QString& noun, const QStringList& options);

    // "the owner" → "The owner", for a noun that starts a sentence.
    static QString capitalized(const QString& noun);
    // "a", "a or b", "a, b or c".
    static QString alternatives(const QStringList& words);
};

} // namespace ReleaseDeck
