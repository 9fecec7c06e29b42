#pragma once

#include <QJsonObject>
#include <QString>
#include <QUrl>

namespace ReleaseDeck {

// Reading a connection's config once its fields passed their checks (ProviderField).
class ProviderConfig
{
public:
    // The URL under key without a trailing slash, query or fragment; fallback when absent.
    static QUrl url(const QJsonObject& config, const QString& key, const QUrl& fallback = {});
    // Trimmed text under key; empty when absent.
    static QString text(const QJsonObject& config, const QString& key);
    // Not chosen yet: absent, an empty string or an empty object.
    static bool isUnset(const QJsonObject& config, const QString& key);
    // Whether the host is this machine (localhost, 127.0.0.0/8, ::1): the one rule for
    // where plain http:// may go.
    static bool isLocalHost(const QString& host);
};

} // namespace ReleaseDeck
