#pragma once

#include <QCoreApplication>
#include <QString>

namespace ReleaseDeck {

// The checks every form field gets as it is typed. Each returns the inline message to
// show under the field, or an empty string when the value is fine.
class FieldRules
{
    Q_DECLARE_TR_FUNCTIONS(FieldRules)

public:
    static constexpr int MaxNameLength = 100;
    static constexpr int MaxUrlLength = 2048;
    static constexpr int MaxTokenLength = 1024;

    // Non-empty after trimming and at most maxLength characters.
    static QString text(const QString& value, const QString& what, int maxLength = MaxNameLength);
    // An absolute http(s) address with a host; http:// only for this computer.
    static QString url(const QString& value, const QString& what);
    // A repository owner, name or workspace: letters, digits, '.', '-', '_'.
    static QString slug(const QString& value, const QString& what);
    // A GitLab project path: slugs separated by '/', e.g. group/sub/app.
    static QString projectPath(const QString& value);
    static QString token(const QString& value);
    static QString email(const QString& value);
    static QString host(const QString& value);
    static QString port(int value);
    // A Jira project key such as APP or MOB2; empty is allowed (that platform is unused).
    static QString jiraKey(const QString& value);

    static bool isLocalHost(const QString& host);
};

} // namespace ReleaseDeck
