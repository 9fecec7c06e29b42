#include "AccountStore.h"

#include "db/Database.h"
#include "db/SqlTime.h"
#include "db/SqlValue.h"

namespace ReleaseDeck {

AccountStore::AccountStore(Database& database)
    : m_database(database)
{}

Result<std::optional<Account>> AccountStore::findOne(const QString& where, const QVariant& value)
{
    Result<QSqlQuery> query = m_database.run(
        QStringLiteral("SELECT id, login, display_name, email, created_at FROM accounts WHERE ") +
            where,
        {value});
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<Account>();
    return std::optional<Account>(Account{query->value(0).toLongLong(), query->value(1).toString(),
                                          query->value(2).toString(), query->value(3).toString(),
                                          SqlTime::fromColumn(query->value(4))});
}

Result<std::optional<Account>> AccountStore::findByLogin(const QString& login)
{
    return findOne(QStringLiteral("login = ?"), login);
}

Result<std::optional<Account>> AccountStore::findById(qint64 id)
{
    return findOne(QStringLiteral("id = ?"), id);
}

Result<Account> AccountStore::ensure(const QString& login, const QString& displayName,
                                     const QString& email)
{
    if (login.trimmed().isEmpty())
        return Error::usage(QStringLiteral("An account needs a login name."));
    Result<std::optional<Account>> existing = findByLogin(login);
    if (!existing)
        return existing.error();
    if (*existing)
        return **existing;
    Result<QSqlQuery> inserted = m_database.run(
        QStringLiteral("INSERT INTO accounts (login, display_name, email) VALUES (?, ?, ?)"),
        {login, displayName.isEmpty() ? login : displayName, SqlValue::text(email)});
    // Another instance may have created it a moment ago: read what is there.
    if (!inserted && inserted.error().kind != ErrorKind::Conflict)
        return inserted.error();
    Result<std::optional<Account>> created = findByLogin(login);
    if (!created)
        return created.error();
    if (!*created)
        return Error::internal(
            QStringLiteral("The account %1 vanished right after it was created.").arg(login));
    return **created;
}

} // namespace ReleaseDeck
