// Starts or stops a throwaway MariaDB server for the `db` tests.
//   releasedeck-mariadb-fixture start STATE_DIR
//   releasedeck-mariadb-fixture stop STATE_DIR
// start: mariadb-install-db into a fresh temp dir, mariadbd --no-defaults on a unix
// socket and a free 127.0.0.1 port, as any user (--user=root when root), then writes
// STATE_DIR/server.ini (host, port, socket, user, pid, dir) for the tests to read.
// stop: ends that server and removes its files. A stale server from an interrupted
// run is stopped before a new one starts.

#include <QCoreApplication>
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
#include <cstdio>
#include <unistd.h>

namespace {

void say(const QString& text)
{
    std::fprintf(stderr, "mariadb-fixture: %s\n", qPrintable(text));
}

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
    const QByteArray all = file.readAll();
    return QString::fromLocal8Bit(all.right(2000));
}

int stop(const QString& stateDir)
{
    const QString stateFile = stateDir + QStringLiteral("/server.ini");
    if (!QFile::exists(stateFile))
        return 0;
    QSettings state(stateFile, QSettings::IniFormat);
    const qint64 pid = state.value(QStringLiteral("pid")).toLongLong();
    const QString dir = state.value(QStringLiteral("dir")).toString();
    if (processAlive(pid)) {
        ::kill(static_cast<pid_t>(pid), SIGTERM);
        QDeadlineTimer deadline(60000);
        while (processAlive(pid) && !deadline.hasExpired())
            QThread::msleep(100);
        if (processAlive(pid)) {
            say(QStringLiteral("server %1 ignored SIGTERM; killing it").arg(pid));
            ::kill(static_cast<pid_t>(pid), SIGKILL);
        }
    }
    if (!dir.isEmpty() && dir.contains(QLatin1String("releasedeck-mariadb-")))
        QDir(dir).removeRecursively();
    QFile::remove(stateFile);
    say(QStringLiteral("stopped"));
    return 0;
}

int start(const QString& stateDir)
{
    stop(stateDir);
    QDir().mkpath(stateDir);

    const QString installDb = findProgram(QStringLiteral("mariadb-install-db"));
    const QString server = findProgram(QStringLiteral("mariadbd"));
    if (installDb.isEmpty() || server.isEmpty()) {
        say(QStringLiteral("mariadb-install-db or mariadbd not found; install mariadb-server"));
        return 1;
    }

    // A short path in /tmp: a unix socket path may not exceed 107 bytes.
    QTemporaryDir temp(QDir::tempPath() + QStringLiteral("/releasedeck-mariadb-XXXXXX"));
    if (!temp.isValid()) {
        say(QStringLiteral("cannot create a temporary directory: ") + temp.errorString());
        return 1;
    }
    temp.setAutoRemove(false);
    const QString dir = temp.path();
    const QString dataDir = dir + QStringLiteral("/data");
    const QString socket = dir + QStringLiteral("/mysqld.sock");
    const QString errorLog = dir + QStringLiteral("/error.log");
    const bool root = ::geteuid() == 0;

    QStringList installArgs = {QStringLiteral("--no-defaults"),
                               QStringLiteral("--datadir=") + dataDir,
                               QStringLiteral("--auth-root-authentication-method=normal"),
                               QStringLiteral("--skip-test-db")};
    if (root)
        installArgs.append(QStringLiteral("--user=root"));
    QProcess install;
    install.setProcessChannelMode(QProcess::MergedChannels);
    install.start(installDb, installArgs);
    if (!install.waitForFinished(120000) || install.exitCode() != 0) {
        say(QStringLiteral("mariadb-install-db failed:\n") +
            QString::fromLocal8Bit(install.readAll()));
        QDir(dir).removeRecursively();
        return 1;
    }

    for (int attempt = 0; attempt < 3; ++attempt) {
        const int port = freePort();
        if (port == 0) {
            say(QStringLiteral("no free port on 127.0.0.1"));
            return 1;
        }
        QStringList args = {QStringLiteral("--no-defaults"),
                            QStringLiteral("--datadir=") + dataDir,
                            QStringLiteral("--socket=") + socket,
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
        if (root)
            args.append(QStringLiteral("--user=root"));

        QProcess process;
        process.setProgram(server);
        process.setArguments(args);
        process.setStandardInputFile(QProcess::nullDevice());
        process.setStandardOutputFile(dir + QStringLiteral("/stdout.log"));
        process.setStandardErrorFile(dir + QStringLiteral("/stderr.log"));
        qint64 pid = 0;
        if (!process.startDetached(&pid)) {
            say(QStringLiteral("cannot start ") + server);
            return 1;
        }

        QDeadlineTimer deadline(60000);
        bool ready = false;
        while (!deadline.hasExpired() && processAlive(pid)) {
            if (serverAnswers(port)) {
                ready = true;
                break;
            }
            QThread::msleep(100);
        }
        if (ready) {
            QSettings state(stateDir + QStringLiteral("/server.ini"), QSettings::IniFormat);
            state.setValue(QStringLiteral("host"), QStringLiteral("127.0.0.1"));
            state.setValue(QStringLiteral("port"), port);
            state.setValue(QStringLiteral("socket"), socket);
            state.setValue(QStringLiteral("user"), QStringLiteral("root"));
            state.setValue(QStringLiteral("pid"), pid);
            state.setValue(QStringLiteral("dir"), dir);
            state.sync();
            say(QStringLiteral("MariaDB ready on 127.0.0.1:%1 (pid %2, %3)")
                    .arg(port)
                    .arg(pid)
                    .arg(dir));
            return 0;
        }
        if (processAlive(pid))
            ::kill(static_cast<pid_t>(pid), SIGKILL);
        say(QStringLiteral("mariadbd did not come up on port %1:\n%2")
                .arg(port)
                .arg(tail(errorLog)));
    }
    QDir(dir).removeRecursively();
    return 1;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3 ||
        (args.at(1) != QLatin1String("start") && args.at(1) != QLatin1String("stop"))) {
        say(QStringLiteral("usage: releasedeck-mariadb-fixture start|stop STATE_DIR"));
        return 2;
    }
    const QString stateDir = QDir(args.at(2)).absolutePath();
    return args.at(1) == QLatin1String("start") ? start(stateDir) : stop(stateDir);
}
