#include "MariaDbServer.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>

#include <csignal>
#include <unistd.h>

namespace ReleaseDeck::Test {

namespace {

QString findProgram(const QString& name)
{
    const QStringList extra = {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin"),
                               QStringLiteral("/usr/libexec"), QStringLiteral("/sbin")};
    QString path = QStandardPaths::findExecutable(name);
    if (path.isEmpty())
        path = QStandardPaths::findExecutable(name, extra);
    return path;
}

bool processAlive(qint64 pid)
{
    return pid > 0 && ::kill(static_cast<pid_t>(pid), 0) == 0;
}

int freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

bool serverAnswers(int port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(port));
    if (!socket.waitForConnected(500))
        return false;
    // MariaDB greets first; a greeting means it accepts connections.
    return socket.waitForReadyRead(1000) && socket.bytesAvailable() > 0;
}

QString tail(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLocal8Bit(file.readAll().right(2000));
}

// Ends the process, politely first.
void endProcess(qint64 pid)
{
    if (!processAlive(pid))
        return;
    ::kill(static_cast<pid_t>(pid), SIGTERM);
    QDeadlineTimer deadline(60000);
    while (processAlive(pid) && !deadline.hasExpired())
        QThread::msleep(100);
    if (processAlive(pid))
        ::kill(static_cast<pid_t>(pid), SIGKILL);
    // A killed child of ours would stay a zombie and look alive.
    while (processAlive(pid) && !deadline.hasExpired())
        QThread::msleep(50);
}

// Starts mariadbd on dir's data; the pid when it answers on port, 0 otherwise.
qint64 launch(const QString& dir, int port, QString* error)
{
    const QString server = findProgram(QStringLiteral("mariadbd"));
    if (server.isEmpty()) {
        *error = QStringLiteral("mariadbd not found; install mariadb-server");
        return 0;
    }
    const QString errorLog = dir + QStringLiteral("/error.log");
    QStringList args = {QStringLiteral("--no-defaults"),
                        QStringLiteral("--datadir=") + dir + QStringLiteral("/data"),
                        QStringLiteral("--socket=") + dir + QStringLiteral("/mysqld.sock"),
                        QStringLiteral("--port=%1").arg(port),
                        QStringLiteral("--bind-address=127.0.0.1"),
                        QStringLiteral("--pid-file=") + dir + QStringLiteral("/mysqld.pid"),
                        QStringLiteral("--log-error=") + errorLog,
                        QStringLiteral("--skip-name-resolve"),
                        QStringLiteral("--character-set-server=utf8mb4"),
                        QStringLiteral("--collation-server=utf8mb4_unicode_ci"),
                        QStringLiteral("--innodb-buffer-pool-size=128M"),
                        QStringLiteral("--innodb-flush-log-at-trx-commit=2"),
                        QStringLiteral("--innodb-doublewrite=0"),
                        QStringLiteral("--max-connections=300")};
    if (::geteuid() == 0)
        args.append(QStringLiteral("--user=root"));

    QProcess process;
    process.setProgram(server);
    process.setArguments(args);
    process.setStandardInputFile(QProcess::nullDevice());
    process.setStandardOutputFile(dir + QStringLiteral("/stdout.log"), QIODevice::Append);
    process.setStandardErrorFile(dir + QStringLiteral("/stderr.log"), QIODevice::Append);
    qint64 pid = 0;
    if (!process.startDetached(&pid)) {
        *error = QStringLiteral("cannot start ") + server;
        return 0;
    }
    QDeadlineTimer deadline(60000);
    while (!deadline.hasExpired() && processAlive(pid)) {
        if (serverAnswers(port))
            return pid;
        QThread::msleep(100);
    }
    endProcess(pid);
    *error =
        QStringLiteral("mariadbd did not come up on port %1:\n%2").arg(port).arg(tail(errorLog));
    return 0;
}

} // namespace

void MariaDbServer::stop(const QString& stateDir)
{
    const QString stateFile = stateDir + QStringLiteral("/server.ini");
    if (!QFile::exists(stateFile))
        return;
    QSettings state(stateFile, QSettings::IniFormat);
    endProcess(state.value(QStringLiteral("pid")).toLongLong());
    const QString dir = state.value(QStringLiteral("dir")).toString();
    if (!dir.isEmpty() && dir.contains(QLatin1String("releasedeck-mariadb-")))
        QDir(dir).removeRecursively();
    QFile::remove(stateFile);
}

bool MariaDbServer::start(const QString& stateDir, QString* error)
{
    stop(stateDir);
    QDir().mkpath(stateDir);

    const QString installDb = findProgram(QStringLiteral("mariadb-install-db"));
    if (installDb.isEmpty()) {
        *error = QStringLiteral("mariadb-install-db not found; install mariadb-server");
        return false;
    }
    // A short path in /tmp: a unix socket path may not exceed 107 bytes.
    QTemporaryDir temp(QDir::tempPath() + QStringLiteral("/releasedeck-mariadb-XXXXXX"));
    if (!temp.isValid()) {
        *error = QStringLiteral("cannot create a temporary directory: ") + temp.errorString();
        return false;
    }
    temp.setAutoRemove(false);
    const QString dir = temp.path();

    QStringList installArgs = {QStringLiteral("--no-defaults"),
                               QStringLiteral("--datadir=") + dir + QStringLiteral("/data"),
                               QStringLiteral("--auth-root-authentication-method=normal"),
                               QStringLiteral("--skip-test-db")};
    if (::geteuid() == 0)
        installArgs.append(QStringLiteral("--user=root"));
    QProcess install;
    install.setProcessChannelMode(QProcess::MergedChannels);
    install.start(installDb, installArgs);
    if (!install.waitForFinished(120000) || install.exitCode() != 0) {
        *error = QStringLiteral("mariadb-install-db failed:\n") +
                 QString::fromLocal8Bit(install.readAll());
        QDir(dir).removeRecursively();
        return false;
    }

    for (int attempt = 0; attempt < 3; ++attempt) {
        const int port = freePort();
        if (port == 0) {
            *error = QStringLiteral("no free port on 127.0.0.1");
            break;
        }
        const qint64 pid = launch(dir, port, error);
        if (pid == 0)
            continue;
        QSettings state(stateDir + QStringLiteral("/server.ini"), QSettings::IniFormat);
        state.setValue(QStringLiteral("host"), QStringLiteral("127.0.0.1"));
        state.setValue(QStringLiteral("port"), port);
        state.setValue(QStringLiteral("socket"), QString(dir + QStringLiteral("/mysqld.sock")));
        state.setValue(QStringLiteral("user"), QStringLiteral("root"));
        state.setValue(QStringLiteral("pid"), pid);
        state.setValue(QStringLiteral("dir"), dir);
        state.sync();
        return true;
    }
    QDir(dir).removeRecursively();
    return false;
}

bool MariaDbServer::halt(const QString& stateDir, QString* error)
{
    QSettings state(stateDir + QStringLiteral("/server.ini"), QSettings::IniFormat);
    const qint64 pid = state.value(QStringLiteral("pid")).toLongLong();
    if (!processAlive(pid)) {
        *error = QStringLiteral("the server in %1 is not running").arg(stateDir);
        return false;
    }
    endProcess(pid);
    return !processAlive(pid);
}

bool MariaDbServer::resume(const QString& stateDir, QString* error)
{
    QSettings state(stateDir + QStringLiteral("/server.ini"), QSettings::IniFormat);
    const qint64 pid = launch(state.value(QStringLiteral("dir")).toString(),
                              state.value(QStringLiteral("port")).toInt(), error);
    if (pid == 0)
        return false;
    state.setValue(QStringLiteral("pid"), pid);
    state.sync();
    return true;
}

} // namespace ReleaseDeck::Test
