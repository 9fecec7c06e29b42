#include "ProviderConfig.h"

#include <QHostAddress>
#include <QRegularExpression>

namespace ReleaseDeck {

Result<QString> ProviderConfig::requiredText(const QJsonObject& config, const QString& key,
                                             const QString& label)
{
    const QString value = config.value(key).toString().trimmed();
    if (value.isEmpty())
        return Error::usage(QStringLiteral("The %1 is missing.").arg(label));
    return value;
}

bool ProviderConfig::isLocalHost(const QString& host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

Result<QUrl> ProviderConfig::baseUrl(const QJsonObject& config, const QString& key,
                                     const QString& label, const QUrl& fallback)
{
    const QString text = config.value(key).toString().trimmed();
    if (text.isEmpty()) {
        if (fallback.isValid())
            return fallback;
        return Error::usage(QStringLiteral("The %1 is missing.").arg(label));
    }
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() ||
        (scheme != QLatin1String("https") && scheme != QLatin1String("http")))
        return Error::usage(
            QStringLiteral("The %1 \"%2\" is not a valid URL; use e.g. https://host/path.")
                .arg(label, text));
    if (!url.userInfo().isEmpty())
        return Error::usage(
            QStringLiteral("The %1 must not contain a user name or password.").arg(label));
    if (scheme == QLatin1String("http") && !isLocalHost(url.host()))
        return Error::usage(QStringLiteral("The %1 must use https:// (plain http:// is only "
                                           "allowed for this machine).")
                                .arg(label));
    QUrl clean = url.adjusted(QUrl::StripTrailingSlash | QUrl::RemoveQuery | QUrl::RemoveFragment);
    return clean;
}

Status ProviderConfig::repositoryPart(const QString& value, const QString& label)
{
    static const QRegularExpression allowed(QStringLiteral("^[A-Za-z0-9._-]+$"));
    if (value.trimmed().isEmpty())
        return Error::usage(QStringLiteral("The %1 is missing.").arg(label));
    if (value.contains(QLatin1Char(' ')))
        return Error::usage(
            QStringLiteral("The %1 \"%2\" contains spaces; use the name as it appears in the URL.")
                .arg(label, value));
    if (!allowed.match(value).hasMatch())
        return Error::usage(QStringLiteral("The %1 \"%2\" may only contain letters, digits, '.', "
                                           "'-' and '_'.")
                                .arg(label, value));
    return {};
}

Result<QJsonObject> ProviderConfig::nameMap(const QJsonObject& config, const QString& key,
                                            const QString& label)
{
    const QJsonObject map = config.value(key).toObject();
    if (map.isEmpty())
        return Error::usage(QStringLiteral("At least one %1 is required.").arg(label));
    for (auto it = map.begin(); it != map.end(); ++it) {
        if (it.key().trimmed().isEmpty() || it.value().toString().trimmed().isEmpty())
            return Error::usage(
                QStringLiteral("Each %1 needs a name and a value, like build=release.yml.")
                    .arg(label));
    }
    return map;
}

bool ProviderConfig::isUnset(const QJsonObject& config, const QString& key)
{
    const QJsonValue value = config.value(key);
    return value.isUndefined() || value.isNull() ||
           (value.isString() && value.toString().trimmed().isEmpty()) ||
           (value.isObject() && value.toObject().isEmpty());
}

} // namespace ReleaseDeck
