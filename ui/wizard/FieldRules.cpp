#include "wizard/FieldRules.h"

#include <QRegularExpression>
#include <QUrl>

namespace ReleaseDeck {

namespace {

bool hasSpace(const QString& value)
{
    for (const QChar c : value) {
        if (c.isSpace())
            return true;
    }
    return false;
}

} // namespace

QString FieldRules::text(const QString& value, const QString& what, int maxLength)
{
    if (value.trimmed().isEmpty())
        return tr("Enter %1.").arg(what);
    if (value.size() > maxLength)
        return tr("Shorten %1 to at most %2 characters.").arg(what).arg(maxLength);
    return {};
}

QString FieldRules::url(const QString& value, const QString& what)
{
    const QString trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return tr("Enter %1.").arg(what);
    if (trimmed.size() > MaxUrlLength)
        return tr("Shorten %1 to at most %2 characters.").arg(what).arg(MaxUrlLength);
    if (hasSpace(trimmed))
        return tr("%1 cannot contain spaces.").arg(what.left(1).toUpper() + what.mid(1));
    const QUrl url(trimmed, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() || (scheme != u"https" && scheme != u"http"))
        return tr("Enter %1 starting with https://, e.g. https://example.com.").arg(what);
    if (scheme == u"http" && !isLocalHost(url.host()))
        return tr("Use https:// — http:// is only allowed for this computer.");
    return {};
}

QString FieldRules::slug(const QString& value, const QString& what)
{
    if (value.isEmpty())
        return tr("Enter %1.").arg(what);
    if (hasSpace(value))
        return tr("%1 cannot contain spaces.").arg(what.left(1).toUpper() + what.mid(1));
    if (value.size() > MaxNameLength)
        return tr("Shorten %1 to at most %2 characters.").arg(what).arg(MaxNameLength);
    static const QRegularExpression allowed(QStringLiteral("^[A-Za-z0-9._-]+$"));
    if (!allowed.match(value).hasMatch())
        return tr("Use only letters, digits, '.', '-' and '_' in %1.").arg(what);
    return {};
}

QString FieldRules::projectPath(const QString& value)
{
    if (value.isEmpty())
        return tr("Enter the project path, e.g. group/app.");
    if (hasSpace(value))
        return tr("The project path cannot contain spaces.");
    if (value.size() > MaxNameLength * 2)
        return tr("Shorten the project path to at most %1 characters.").arg(MaxNameLength * 2);
    static const QRegularExpression allowed(QStringLiteral("^[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)+$"));
    if (!allowed.match(value).hasMatch())
        return tr("Enter the project path as group/app, with letters, digits, '.', '-', '_'.");
    return {};
}

QString FieldRules::token(const QString& value)
{
    if (value.trimmed().isEmpty())
        return tr("Paste the token.");
    if (hasSpace(value.trimmed()))
        return tr("The token contains spaces; paste it again without them.");
    if (value.trimmed().size() > MaxTokenLength)
        return tr("This is longer than any token (%1 characters at most).").arg(MaxTokenLength);
    return {};
}

QString FieldRules::email(const QString& value)
{
    const QString trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return tr("Enter your email address.");
    if (trimmed.size() > 254)
        return tr("Shorten the email address to at most 254 characters.");
    static const QRegularExpression shape(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    if (!shape.match(trimmed).hasMatch())
        return tr("Enter an email address like ana@example.com.");
    return {};
}

QString FieldRules::host(const QString& value)
{
    const QString trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return tr("Enter the server's host name.");
    if (hasSpace(trimmed) || trimmed.contains(u'/'))
        return tr("Enter only the host name, e.g. db.example.com, without spaces or slashes.");
    if (trimmed.size() > 253)
        return tr("Shorten the host name to at most 253 characters.");
    return {};
}

QString FieldRules::port(int value)
{
    if (value < 1 || value > 65535)
        return tr("Enter a port between 1 and 65535.");
    return {};
}

QString FieldRules::jiraKey(const QString& value)
{
    if (value.isEmpty())
        return {};
    static const QRegularExpression shape(QStringLiteral("^[A-Z][A-Z0-9_]{0,9}$"));
    if (!shape.match(value).hasMatch())
        return tr("A project key is 1–10 capital letters or digits, starting with a letter.");
    return {};
}

bool FieldRules::isLocalHost(const QString& host)
{
    const QString lower = host.toLower();
    return lower == u"localhost" || lower == u"127.0.0.1" || lower == u"::1" || lower == u"[::1]";
}

} // namespace ReleaseDeck
