#include "MemberDraft.h"

#include <QRegularExpression>

namespace ReleaseDeck {

bool MemberDraft::isUserName(const QString& name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,31}$"));
    return pattern.match(name).hasMatch();
}

bool MemberDraft::isHost(const QString& host)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9%_.:-]{1,60}$"));
    return pattern.match(host).hasMatch();
}

QString MemberDraft::fieldError(const QString& key) const
{
    if (key == u"email") {
        static const QRegularExpression pattern(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
        if (email.trimmed().isEmpty())
            return QStringLiteral("Enter the person's e-mail address.");
        if (!pattern.match(email.trimmed()).hasMatch() || email.trimmed().size() > 255)
            return QStringLiteral("Enter an e-mail address such as ana@example.com.");
        return {};
    }
    if (key == u"displayName") {
        if (displayName.trimmed().isEmpty())
            return QStringLiteral("Enter the person's name, as teammates see it.");
        if (displayName.trimmed().size() > 100)
            return QStringLiteral("A name has at most 100 characters.");
        return {};
    }
    if (key == u"dbUser") {
        if (dbUser.trimmed().isEmpty())
            return QStringLiteral("Enter the database user name the person signs in with.");
        if (!isUserName(dbUser.trimmed()))
            return QStringLiteral("A database user name has 1 to 32 letters, digits, dots, "
                                  "dashes or underscores, and starts with a letter, digit or "
                                  "underscore.");
        return {};
    }
    if (key == u"dbHost") {
        if (!isHost(dbHost.trimmed()))
            return QStringLiteral("Enter the host the person connects from, such as % (any), "
                                  "10.0.0.% or laptop.example.com.");
        return {};
    }
    return {};
}

Status MemberDraft::validate() const
{
    for (const QString& key : {QStringLiteral("email"), QStringLiteral("displayName"),
                               QStringLiteral("dbUser"), QStringLiteral("dbHost")}) {
        if (const QString message = fieldError(key); !message.isEmpty())
            return Error::usage(message);
    }
    return {};
}

} // namespace ReleaseDeck
