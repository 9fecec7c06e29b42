#include "ProviderConfig.h"

#include <QHostAddress>

namespace ReleaseDeck {

QUrl ProviderConfig::url(const QJsonObject& config, const QString& key, const QUrl& fallback)
{
    const QString text = ProviderConfig::text(config, key);
    if (text.isEmpty())
        return fallback;
    return QUrl(text, QUrl::StrictMode)
        .adjusted(QUrl::StripTrailingSlash | QUrl::RemoveQuery | QUrl::RemoveFragment);
}

QString ProviderConfig::text(const QJsonObject& config, const QString& key)
{
    return config.value(key).toString().trimmed();
}

bool ProviderConfig::isUnset(const QJsonObject& config, const QString& key)
{
    const QJsonValue value = config.value(key);
    return value.isUndefined() || value.isNull() ||
           (value.isString() && value.toString().trimmed().isEmpty()) ||
           (value.isObject() && value.toObject().isEmpty());
}

bool ProviderConfig::isLocalHost(const QString& host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

} // namespace ReleaseDeck
