#include "Identity.h"

#include "db/Database.h"
#include "store/AccountStore.h"

#include <QSysInfo>

namespace ReleaseDeck {

QString Identity::localLogin()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("LOGNAME", QStringLiteral("user"));
    return user + QLatin1Char('@') + QSysInfo::machineHostName();
}

Result<QString> Identity::login(Database& database)
{
    if (!database.url().isShared())
        return localLogin();
    Result<QSqlQuery> query = database.run(QStringLiteral("SELECT USER()"));
    if (!query)
        return query.error();
    if (!query->next())
        return Error::internal(QStringLiteral("The server did not say who is connected."));
    // 'name@client-host': the host never contains '@', a user name might.
    const QString connected = query->value(0).toString();
    const qsizetype at = connected.lastIndexOf(QLatin1Char('@'));
    return at < 0 ? connected : connected.left(at);
}

Result<Account> Identity::signIn(Database& database, const QString& displayName,
                                 const QString& email)
{
    Result<QString> me = login(database);
    if (!me)
        return me.error();
    AccountStore accounts(database);
    if (!database.url().isShared())
        return accounts.ensure(*me, displayName.trimmed().isEmpty() ? *me : displayName.trimmed(),
                               email.trimmed());
    Result<std::optional<Account>> found = accounts.findByLogin(*me);
    if (!found)
        return found.error();
    if (*found)
        return **found;
    // Only a schema administrator may create its own account (the role triggers decide).
    Result<Account> created = accounts.ensure(*me, displayName.trimmed(), email.trimmed());
    if (!created && created.error().kind == ErrorKind::Forbidden)
        return Error::notFound(
            QStringLiteral("The database account '%1' is not a member of any workspace on %2 "
                           "yet; ask an owner to add you.")
                .arg(*me, database.url().where()));
    return created;
}

} // namespace ReleaseDeck
