#include "wizard/FieldRules.h"

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

} // namespace ReleaseDeck
