#pragma once

#include "Result.h"

#include <QJsonObject>
#include <QString>
#include <QUrl>

namespace ReleaseDeck {

// Checks of a connection's config shared by every provider; each failure is one plain
// sentence naming the field (Error kind Usage).
class ProviderConfig
{
public:
    // A non-empty string value.
    static Result<QString> requiredText(const QJsonObject& config, const QString& key,
                                        const QString& label);
    // An absolute http(s) URL; plain http only to this machine. An absent optional key
    // yields fallback.
    static Result<QUrl> baseUrl(const QJsonObject& config, const QString& key, const QString& label,
                                const QUrl& fallback = {});
    // A GitHub/Bitbucket style owner or repository name: letters, digits, '.', '-', '_'.
    static Status repositoryPart(const QString& value, const QString& label);
    // A non-empty object of name → non-empty text, e.g. purpose → workflow file.
    static Result<QJsonObject> nameMap(const QJsonObject& config, const QString& key,
                                       const QString& label);
    // Not chosen yet: absent, an empty string or an empty object.
    static bool isUnset(const QJsonObject& config, const QString& key);
    // Whether the host is this machine (localhost, 127.0.0.0/8, ::1).
    static bool isLocalHost(const QString& host);
};

} // namespace ReleaseDeck
