#pragma once

#include "Result.h"

namespace ReleaseDeck {

class Database;

// A transaction on this thread's connection; rolled back unless commit() succeeded.
// SQLite takes the write lock at once (BEGIN IMMEDIATE) so writers queue instead of failing.
// Transactions nest: an inner one joins the outer, and an inner one that ends without
// commit makes the outer commit fail, so a caller can wrap several store calls in one.
class Transaction
{
public:
    explicit Transaction(Database& database);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    // Whether BEGIN worked; when not, the error says why.
    const Status& begun() const { return m_begun; }
    Status commit();
    void rollback();

    // Whether this thread has a transaction open on database.
    static bool isOpen(const Database& database);

private:
    Database& m_database;
    Status m_begun;
    bool m_open = false;
    bool m_nested = false;
};

} // namespace ReleaseDeck
