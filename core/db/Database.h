#pragma once

#include "DatabaseUrl.h"
#include "Result.h"

#include <QMutex>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>
#include <QVariantList>

#include <atomic>

class QSqlError;

namespace ReleaseDeck {

// The database settings and one named Qt SQL connection per thread (Qt SQL connections
// are thread-bound). Every store query goes through run()/exec() so failures become one
// plain sentence, dropped connections are reopened on next use, and queries are counted.
class Database
{
public:
    // The password stays in memory only; the caller reads it from the keychain.
    explicit Database(DatabaseUrl url, QString password = {});
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    const DatabaseUrl& url() const { return m_url; }
    Dialect dialect() const { return m_url.dialect; }

    // This thread's connection, opened (or reopened) as needed.
    Result<QSqlDatabase> connection();
    // Opens this thread's connection now; the error names the host and what failed.
    Status open();

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

    DatabaseUrl m_url;
    QString m_password;
    std::atomic<qint64> m_queryCount{0};
    QMutex m_mutex;
    QStringList m_names;
};

} // namespace ReleaseDeck
