#pragma once

#include "DatabaseUrl.h"
#include "Result.h"

#include <QMutex>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>
#include <QVariantList>

#include <atomic>
#include <functional>

class QSqlError;

namespace ReleaseDeck {

// The database settings and one named Qt SQL connection per thread (Qt SQL connections
// are thread-bound). Every store query goes through run()/exec() so failures become one
// plain sentence, dropped connections are reopened on next use, and queries are counted.
// Once any thread finds the server gone, every other thread reopens its connection before
// its next statement outside a transaction, so a restarted server costs one failed query.
class Database
{
public:
    // The password stays in memory only; the caller reads it from the keychain.
    explicit Database(DatabaseUrl url, QString password = {});
    // Closes this thread's connection; each other thread closes its own on its next use of
    // any Database or when it finishes (Qt forbids closing another thread's connection).
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    const DatabaseUrl& url() const { return m_url; }
    Dialect dialect() const { return m_url.dialect; }

    // This thread's connection, opened (or reopened) as needed.
    Result<QSqlDatabase> connection();
    // Opens this thread's connection now; the error names the host and what failed.
    Status open();

    // One round trip on this thread's connection (reopened once if the server dropped it):
    // whether the database answers now.
    Status ping();
    // Called on the failing thread whenever a connection is found lost or the server cannot
    // be reached. Set it before the Database is shared between threads.
    void setConnectionLostHandler(std::function<void()> handler);

    // Prepares sql on this thread's connection, binds values in order and executes it.
    Result<QSqlQuery> run(const QString& sql, const QVariantList& values = {});
    // Executes an already prepared query.
    Status exec(QSqlQuery& query);

    // SQL for the database clock in UTC, and that clock plus a bound number of seconds
    // (the expression takes one placeholder).
    QString nowSql() const;
    QString nowPlusSecondsSql() const;
    // Binds for nowPlusSecondsSql().
    QVariant secondsValue(int seconds) const;

    // Queries executed through this object, on every thread (for benchmarks).
    qint64 queryCount() const { return m_queryCount.load(); }

    // One plain sentence for a driver error, naming the host and what failed.
    Error describe(const QSqlError& error, const QString& doing = {}) const;

private:
    QString connectionName() const;
    Error describeUncapitalised(const QSqlError& error, const QString& doing) const;
    Status configure(QSqlDatabase& db);
    void dropLostConnection(QSqlDatabase db);

    DatabaseUrl m_url;
    QString m_password;
    std::atomic<qint64> m_queryCount{0};
    // Bumped each time a connection is found lost; a thread whose connection is older
    // reopens it.
    std::atomic<quint64> m_lostCount{0};
    std::function<void()> m_lostHandler;
    QMutex m_mutex;
    QStringList m_names;
};

} // namespace ReleaseDeck
