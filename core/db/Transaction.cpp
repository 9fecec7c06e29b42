#include "Transaction.h"

#include "Database.h"

#include <QHash>

namespace ReleaseDeck {

namespace {

// Per thread and database: how deep the open transactions go, and whether an inner one
// gave up.
struct Nesting
{
    int depth = 0;
    bool innerFailed = false;
};

Nesting& nestingOf(const Database& database)
{
    thread_local QHash<const Database*, Nesting> nesting;
    return nesting[&database];
}

} // namespace

Transaction::Transaction(Database& database)
    : m_database(database)
{
    Nesting& nesting = nestingOf(m_database);
    if (nesting.depth > 0) {
        m_nested = true;
        m_open = true;
        ++nesting.depth;
        return;
    }
    Result<QSqlQuery> begin = m_database.run(m_database.dialect() == Dialect::Sqlite
                                                 ? QStringLiteral("BEGIN IMMEDIATE")
                                                 : QStringLiteral("START TRANSACTION"));
    if (!begin) {
        m_begun = begin.error();
        return;
    }
    m_open = true;
    nesting = {1, false};
}

bool Transaction::isOpen(const Database& database)
{
    return nestingOf(database).depth > 0;
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
    Nesting& nesting = nestingOf(m_database);
    if (m_nested) {
        m_open = false;
        --nesting.depth;
        return {};
    }
    if (nesting.innerFailed) {
        rollback();
        return Error::internal(
            QStringLiteral("Part of the change failed, so none of it was saved."));
    }
    Result<QSqlQuery> done = m_database.run(QStringLiteral("COMMIT"));
    if (!done) {
        rollback();
        return done.error();
    }
    m_open = false;
    nesting = {};
    return {};
}

void Transaction::rollback()
{
    if (!m_open)
        return;
    m_open = false;
    Nesting& nesting = nestingOf(m_database);
    if (m_nested) {
        --nesting.depth;
        nesting.innerFailed = true;
        return;
    }
    nesting = {};
    // A failed ROLLBACK means the connection is gone, which ends the transaction too.
    (void)m_database.run(QStringLiteral("ROLLBACK"));
}

} // namespace ReleaseDeck
