#include "TestMariaDb.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QSettings>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace ReleaseDeck::Test {

namespace {

bool runAdminStatement(const TestMariaDb& server, const QString& statement, QString* error)
{
    const QString name = QStringLiteral("test-admin-") + QUuid::createUuid().toString();
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QMARIADB"), name);
        db.setHostName(server.host);
        db.setPort(server.port);
        db.setUserName(server.user);
        if (!db.open()) {
            *error = db.lastError().text();
        } else {
            QSqlQuery query(db);
            ok = query.exec(statement);
            if (!ok)
                *error = query.lastError().text();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

} // namespace

TestMariaDb TestMariaDb::fromEnvironment(QString* error)
{
    const QString dir = qEnvironmentVariable("RELEASEDECK_TEST_MARIADB");
    if (dir.isEmpty()) {
        *error = QStringLiteral("RELEASEDECK_TEST_MARIADB is not set; run the test through ctest");
        return {};
    }
    return fromStateDir(dir, error);
}

TestMariaDb TestMariaDb::fromStateDir(const QString& dir, QString* error)
{
    const QString stateFile = dir + QStringLiteral("/server.ini");
    if (!QFile::exists(stateFile)) {
        *error = QStringLiteral("the MariaDB fixture did not start (no %1)").arg(stateFile);
        return {};
    }
    QSettings state(stateFile, QSettings::IniFormat);
    TestMariaDb server;
    server.host = state.value(QStringLiteral("host")).toString();
    server.port = state.value(QStringLiteral("port")).toInt();
    server.socket = state.value(QStringLiteral("socket")).toString();
    server.user = state.value(QStringLiteral("user")).toString();
    if (!server.isValid())
        *error = QStringLiteral("the MariaDB fixture's state file %1 is incomplete").arg(stateFile);
    return server;
}

QString TestMariaDb::uniqueName(const QString& tag)
{
    QString name = QStringLiteral("rdtest_%1_%2_%3")
                       .arg(QCoreApplication::applicationName(), tag)
                       .arg(QCoreApplication::applicationPid());
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9_]"));
    return name.replace(unsafe, QStringLiteral("_")).left(64);
}

QString TestMariaDb::url(const QString& database) const
{
    return QStringLiteral("mysql://%1@%2:%3/%4").arg(user, host).arg(port).arg(database);
}

QString TestMariaDb::createDatabase(const QString& name, QString* error) const
{
    if (!dropDatabase(name, error))
        return {};
    if (!runAdminStatement(*this,
                           QStringLiteral("CREATE DATABASE `%1` CHARACTER SET utf8mb4 COLLATE "
                                          "utf8mb4_unicode_ci")
                               .arg(name),
                           error))
        return {};
    return url(name);
}

bool TestMariaDb::dropDatabase(const QString& name, QString* error) const
{
    return runAdminStatement(*this, QStringLiteral("DROP DATABASE IF EXISTS `%1`").arg(name),
                             error);
}

} // namespace ReleaseDeck::Test
