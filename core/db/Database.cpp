#include "Database.h"

#include "Transaction.h"
#include "logging/Logging.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSqlError>
#include <QThread>

namespace ReleaseDeck {

namespace {

// MariaDB client errors that mean the connection is gone and must be reopened.
bool isLostConnection(const QString& code)
{
    static const QStringList codes = {QStringLiteral("2002"), QStringLiteral("2003"),
                                      QStringLiteral("2006"), QStringLiteral("2013"),
                                      QStringLiteral("2055"), QStringLiteral("4031"),
                                      QStringLiteral("1927"), QStringLiteral("1053")};
    return codes.contains(code);
}

// "INSERT command denied to user 'bob'@'localhost' for table `rd`.`releases`" (1142), the
// same "for column 'config' in table 'connections'" (1143) and "for routine 'rd.proc'" (1370):
// what the account may not do, in words.
QString refusedAction(const QString& serverText)
{
    static const QRegularExpression pattern(QStringLiteral(
        "^(\\w+) command denied to user .* (?:table|routine) [`']?(?:[^`'.]+[`']?\\.[`']?)?"
        "([A-Za-z0-9_]+)[`']?\\s*$"));
    const QRegularExpressionMatch match = pattern.match(serverText.trimmed());
    if (!match.hasMatch())
        return QStringLiteral("do that");
    static const QHash<QString, QString> verbs = {
        {QStringLiteral("insert"), QStringLiteral("add")},
        {QStringLiteral("update"), QStringLiteral("change")},
        {QStringLiteral("delete"), QStringLiteral("delete")},
        {QStringLiteral("select"), QStringLiteral("read")},
        {QStringLiteral("execute"), QStringLiteral("run")}};
    const QString command = match.captured(1).toLower();
    QString object = match.captured(2);
    if (object == u"memberships")
        object = QStringLiteral("members");
    object.replace(QLatin1Char('_'), QLatin1Char(' '));
    return verbs.value(command, command) + QLatin1Char(' ') + object;
}

bool unreachable(const QString& code)
{
    return code == QLatin1String("2002") || code == QLatin1String("2003");
}

QString threadSuffix()
{
    return QStringLiteral("-%1").arg(quintptr(QThread::currentThread()), 0, 16);
}

void closeConnection(const QString& name)
{
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase::database(name, false).close();
        QSqlDatabase::removeDatabase(name);
    }
}

// Connections of destroyed Databases that belong to threads still running: each thread
// closes its own (on its next use of any Database, or when it finishes).
Q_CONSTINIT QBasicMutex retiredMutex;
Q_CONSTINIT std::atomic<int> retiredCount{0};

QStringList& retiredNames()
{
    static auto* names = new QStringList;
    return *names;
}

void retire(const QString& name)
{
    QMutexLocker lock(&retiredMutex);
    retiredNames().append(name);
    retiredCount = int(retiredNames().size());
}

void closeRetiredOfThisThread()
{
    if (retiredCount.load() == 0)
        return;
    const QString suffix = threadSuffix();
    QStringList mine;
    {
        QMutexLocker lock(&retiredMutex);
        QStringList& names = retiredNames();
        for (auto it = names.begin(); it != names.end();) {
            if (it->endsWith(suffix)) {
                mine.append(*it);
                it = names.erase(it);
            } else {
                ++it;
            }
        }
        retiredCount = int(names.size());
    }
    for (const QString& name : std::as_const(mine))
        closeConnection(name);
}

void forgetRetired(const QString& name)
{
    QMutexLocker lock(&retiredMutex);
    retiredNames().removeAll(name);
    retiredCount = int(retiredNames().size());
}

// When this thread's connection (by name) was opened, in Database::m_lostCount terms.
QHash<QString, quint64>& openedAtCount()
{
    thread_local QHash<QString, quint64> counts;
    return counts;
}

} // namespace

Database::Database(DatabaseUrl url, QString password)
    : m_url(std::move(url))
    , m_password(std::move(password))
{}

Database::~Database()
{
    const QString suffix = threadSuffix();
    QMutexLocker lock(&m_mutex);
    for (const QString& name : std::as_const(m_names)) {
        if (name.endsWith(suffix))
            closeConnection(name);
        else
            retire(name);
    }
}

void Database::setConnectionLostHandler(std::function<void()> handler)
{
    QMutexLocker lock(&m_mutex);
    m_lostHandler = std::move(handler);
}

void Database::dropLostConnection(QSqlDatabase db)
{
    // Reopened on next use.
    db.close();
    ++m_lostCount;
    std::function<void()> handler;
    {
        QMutexLocker lock(&m_mutex);
        handler = m_lostHandler;
    }
    if (handler)
        handler();
}

QString Database::connectionName() const
{
    return QStringLiteral("releasedeck-%1").arg(quintptr(this), 0, 16) + threadSuffix();
}

Result<QSqlDatabase> Database::connection()
{
    closeRetiredOfThisThread();
    const QString name = connectionName();
    if (!QSqlDatabase::contains(name)) {
        const QString driver = m_url.dialect == Dialect::Sqlite ? QStringLiteral("QSQLITE")
                                                                : QStringLiteral("QMARIADB");
        if (!QSqlDatabase::isDriverAvailable(driver))
            return Error::unavailable(
                QStringLiteral("The Qt SQL driver %1 is not installed.").arg(driver));
        QSqlDatabase::addDatabase(driver, name);
        {
            QMutexLocker lock(&m_mutex);
            m_names.append(name);
        }
        // The connection belongs to this thread; it goes when the thread does.
        QThread* thread = QThread::currentThread();
        QObject::connect(
            thread, &QThread::finished, thread,
            [name] {
                closeConnection(name);
                forgetRetired(name);
            },
            Qt::DirectConnection);
    }
    QSqlDatabase db = QSqlDatabase::database(name, false);
    const quint64 lostCount = m_lostCount.load();
    if (db.isOpen()) {
        // Another thread found the server gone: this older connection is likely dead too.
        // Never inside a transaction, whose statements must share one session.
        if (openedAtCount().value(name) == lostCount || Transaction::isOpen(*this))
            return db;
        qCDebug(lcDb) << "reopening" << name << "after a lost connection";
        db.close();
    }
    if (m_url.dialect == Dialect::Sqlite) {
        if (!QDir().mkpath(QFileInfo(m_url.path).absolutePath()))
            return Error::unavailable(
                QStringLiteral("Cannot create the folder for %1.").arg(m_url.where()));
        db.setDatabaseName(m_url.path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    } else {
        db.setHostName(m_url.host);
        db.setPort(m_url.port);
        db.setUserName(m_url.user);
        db.setPassword(m_password);
        db.setDatabaseName(m_url.database);
        QStringList options = {QStringLiteral("MYSQL_OPT_CONNECT_TIMEOUT=5"),
                               QStringLiteral("MYSQL_OPT_READ_TIMEOUT=60"),
                               QStringLiteral("MYSQL_OPT_WRITE_TIMEOUT=60"),
                               // Affected rows = matched rows, so a no-change update still counts.
                               QStringLiteral("CLIENT_FOUND_ROWS")};
        if (!m_url.socket.isEmpty())
            options.append(QStringLiteral("UNIX_SOCKET=") + m_url.socket);
        if (m_url.sslRequired)
            options.append(QStringLiteral("CLIENT_SSL"));
        db.setConnectOptions(options.join(QLatin1Char(';')));
    }
    if (!db.open()) {
        const QSqlError error = db.lastError();
        if (m_url.dialect == Dialect::MySql && unreachable(error.nativeErrorCode()))
            dropLostConnection(db);
        return describe(error, QStringLiteral("connecting"));
    }
    openedAtCount().insert(name, lostCount);
    qCDebug(lcDb) << "opened" << name;
    if (Status configured = configure(db); !configured) {
        db.close();
        return configured.error();
    }
    return db;
}

Status Database::configure(QSqlDatabase& db)
{
    QStringList statements;
    if (m_url.dialect == Dialect::Sqlite) {
        statements = {QStringLiteral("PRAGMA journal_mode=WAL"),
                      QStringLiteral("PRAGMA foreign_keys=ON"),
                      QStringLiteral("PRAGMA busy_timeout=10000"),
                      QStringLiteral("PRAGMA synchronous=NORMAL")};
    } else {
        statements = {QStringLiteral("SET NAMES utf8mb4 COLLATE utf8mb4_unicode_ci"),
                      QStringLiteral("SET SESSION time_zone = '+00:00'"),
                      QStringLiteral("SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_DATE,"
                                     "NO_ZERO_IN_DATE,ERROR_FOR_DIVISION_BY_ZERO,"
                                     "NO_ENGINE_SUBSTITUTION'"),
                      QStringLiteral("SET SESSION default_storage_engine = InnoDB"),
                      QStringLiteral("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED")};
    }
    for (const QString& statement : std::as_const(statements)) {
        QSqlQuery query(db);
        if (!query.exec(statement))
            return describe(query.lastError(), QStringLiteral("setting up the session"));
    }
    return {};
}

Status Database::open()
{
    Result<QSqlDatabase> db = connection();
    if (!db)
        return db.error();
    return {};
}

Result<QSqlQuery> Database::run(const QString& sql, const QVariantList& values)
{
    Result<QSqlDatabase> db = connection();
    if (!db)
        return db.error();
    QSqlQuery query(*db);
    query.setForwardOnly(true);
    if (!query.prepare(sql)) {
        const Error error = describe(query.lastError());
        if (m_url.dialect == Dialect::MySql &&
            isLostConnection(query.lastError().nativeErrorCode()))
            dropLostConnection(*db);
        return error;
    }
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (Status done = exec(query); !done)
        return done.error();
    return query;
}

Status Database::exec(QSqlQuery& query)
{
    ++m_queryCount;
    if (query.exec())
        return {};
    const QSqlError error = query.lastError();
    qCDebug(lcDb) << "query failed:" << error.nativeErrorCode() << error.databaseText();
    if (m_url.dialect == Dialect::MySql && isLostConnection(error.nativeErrorCode()))
        dropLostConnection(QSqlDatabase::database(connectionName(), false));
    return describe(error);
}

Status Database::ping()
{
    Result<QSqlQuery> answered = run(QStringLiteral("SELECT 1"));
    // A connection the server dropped (a restart) was closed by that failure: try it anew.
    if (!answered && answered.error().kind == ErrorKind::Transient && !Transaction::isOpen(*this))
        answered = run(QStringLiteral("SELECT 1"));
    if (!answered)
        return answered.error();
    return {};
}

QString Database::nowSql() const
{
    return m_url.dialect == Dialect::Sqlite ? QStringLiteral("strftime('%Y-%m-%d %H:%M:%f','now')")
                                            : QStringLiteral("UTC_TIMESTAMP(3)");
}

QString Database::nowPlusSecondsSql() const
{
    return m_url.dialect == Dialect::Sqlite
               ? QStringLiteral("strftime('%Y-%m-%d %H:%M:%f','now',?)")
               : QStringLiteral("(UTC_TIMESTAMP(3) + INTERVAL ? SECOND)");
}

QVariant Database::secondsValue(int seconds) const
{
    if (m_url.dialect == Dialect::Sqlite)
        return QStringLiteral("%1%2 seconds")
            .arg(seconds < 0 ? QString() : QStringLiteral("+"))
            .arg(seconds);
    return seconds;
}

Error Database::describe(const QSqlError& error, const QString& doing) const
{
    Error described = describeUncapitalised(error, doing);
    if (!described.message.isEmpty())
        described.message[0] = described.message.at(0).toUpper();
    return described;
}

Error Database::describeUncapitalised(const QSqlError& error, const QString& doing) const
{
    const QString code = error.nativeErrorCode();
    const QString where = m_url.where();
    if (m_url.dialect == Dialect::MySql) {
        if (code == QLatin1String("2002") || code == QLatin1String("2003") ||
            code == QLatin1String("2005"))
            return Error::unavailable(
                QStringLiteral("Cannot reach %1; is it running and reachable?").arg(where));
        if (code == QLatin1String("1045"))
            return {ErrorKind::Unauthorized,
                    QStringLiteral("%1 denied access for user '%2'; check the password "
                                   "stored with 'releasedeck-cli db login'.")
                        .arg(where, m_url.user),
                    {}};
        // A role trigger's or routine's SIGNAL: its text is already a sentence for people.
        if (code == QLatin1String("1644"))
            return Error::forbidden(error.databaseText().trimmed());
        if (code == QLatin1String("1142") || code == QLatin1String("1143") ||
            code == QLatin1String("1370"))
            return Error::forbidden(
                QStringLiteral("%1 refused: the database account '%2' may not %3; ask an owner "
                               "of the workspace for a role that may.")
                    .arg(where, m_url.user, refusedAction(error.databaseText())));
        if (code == QLatin1String("1044"))
            return Error::forbidden(QStringLiteral("%1 denied user '%2' access to database '%3'.")
                                        .arg(where, m_url.user, m_url.database));
        if (code == QLatin1String("1049"))
            return Error::unavailable(
                QStringLiteral("%1 has no database named '%2'.").arg(where, m_url.database));
        if (isLostConnection(code))
            return {ErrorKind::Transient,
                    QStringLiteral("%1 went away during the operation; it was not completed.")
                        .arg(where),
                    {}};
        if (code == QLatin1String("1062"))
            return Error::conflict(QStringLiteral("That already exists in %1.").arg(where));
        if (code == QLatin1String("1213") || code == QLatin1String("1205"))
            return {ErrorKind::Transient,
                    QStringLiteral("%1 was busy (lock wait or deadlock); try again.").arg(where),
                    {}};
    } else {
        if (code == QLatin1String("5") || code == QLatin1String("6"))
            return {ErrorKind::Transient,
                    QStringLiteral("%1 is busy in another program; try again.").arg(where),
                    {}};
        if (code == QLatin1String("14"))
            return Error::unavailable(QStringLiteral("Cannot open %1.").arg(where));
        if (error.databaseText().contains(QLatin1String("UNIQUE constraint failed")))
            return Error::conflict(QStringLiteral("That already exists in %1.").arg(where));
    }
    if (code == QLatin1String("4025") || code == QLatin1String("1452") ||
        error.databaseText().contains(QLatin1String("CHECK constraint failed")) ||
        error.databaseText().contains(QLatin1String("FOREIGN KEY constraint failed")))
        return {ErrorKind::Validation,
                QStringLiteral("%1 refused the change: %2").arg(where, error.databaseText()),
                {}};
    QString text = error.databaseText().trimmed();
    if (text.isEmpty())
        text = error.text().trimmed();
    const QString action = doing.isEmpty() ? QString() : QStringLiteral(" while %1").arg(doing);
    return Error::internal(QStringLiteral("%1 failed%2: %3").arg(where, action, text));
}

} // namespace ReleaseDeck
