#include "Transaction.h"

#include "Database.h"

namespace ReleaseDeck {

Transaction::Transaction(Database& database)
    : m_database(database)
{
    Result<QSqlQuery> begin = m_database.run(m_database.dialect() == Dialect::Sqlite
                                                 ? QStringLiteral("BEGIN IMMEDIATE")
                                                 : QStringLiteral("START TRANSACTION"));
    if (begin)
        m_open = true;
    else
        m_begun = begin.error();
}

Transaction::~Transaction()
{
    rollback();
}

Status Transaction::commit()
{
    if (!m_open)
        return m_begun.ok()
                   ? Status(Error::internal(QStringLiteral("The transaction is already over.")))
                   : m_begun;
    Result<QSqlQuery> done = m_database.run(QStringLiteral("COMMIT"));
    if (!done) {
        rollback();
        return done.error();
    }
    m_open = false;
    return {};
}

void Transaction::rollback()
{
    if (!m_open)
        return;
    m_open = false;
    // A failed ROLLBACK means the connection is gone, which ends the transaction too.
    (void)m_database.run(QStringLiteral("ROLLBACK"));
}

} // namespace ReleaseDeck
