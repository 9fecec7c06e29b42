#include "MariaDbClient.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QStandardPaths>

namespace ReleaseDeck::Test {

MariaDbClient::MariaDbClient(const TestMariaDb& server, const QString& user,
                             const QString& password, const QString& database)
    : m_dir(std::make_shared<QTemporaryDir>())
    , m_optionFile(m_dir->filePath(QStringLiteral("client.cnf")))
{
    QFile file(m_optionFile);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write the mariadb option file");
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    QString escaped = password;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('"'), QStringLiteral("\\\""));
    file.write(QStringLiteral("[client]\nuser=%1\npassword=\"%2\"\nhost=%3\nport=%4\n"
                              "database=%5\n")
                   .arg(user, escaped, server.host)
                   .arg(server.port)
                   .arg(database)
                   .toUtf8());
}

QString MariaDbClient::program()
{
    QString found = QStandardPaths::findExecutable(QStringLiteral("mariadb"));
    if (found.isEmpty())
        found = QStandardPaths::findExecutable(QStringLiteral("mysql"));
    return found;
}

QStringList MariaDbClient::arguments() const
{
    // --defaults-file must come first; --batch prints tab-separated rows, no boxes.
    return {QStringLiteral("--defaults-file=") + m_optionFile, QStringLiteral("--batch"),
            QStringLiteral("--skip-column-names")};
}

MariaDbClient::Outcome MariaDbClient::run(const QString& sql) const
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program(), arguments());
    if (!process.waitForStarted(10000))
        return {false, QStringLiteral("the mariadb client did not start")};
    process.write(sql.toUtf8() + '\n');
    process.closeWriteChannel();
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        return {false, QStringLiteral("the mariadb client did not finish")};
    }
    return {process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
            QString::fromUtf8(process.readAll()).trimmed()};
}

MariaDbClient::Session::Session(const MariaDbClient& client)
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    // --force: an error does not end the session; answers come as they are ready; a lost
    // connection stays lost.
    QStringList arguments = client.arguments();
    arguments << QStringLiteral("--force") << QStringLiteral("--unbuffered")
              << QStringLiteral("--skip-reconnect");
    m_process.start(program(), arguments);
    m_process.waitForStarted(10000);
}

MariaDbClient::Session::~Session()
{
    m_process.closeWriteChannel();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished();
    }
}

QString MariaDbClient::Session::send(const QString& statement, int timeoutMs)
{
    // A marker after the statement says when its answer is complete.
    static int counter = 0;
    const QString marker = QStringLiteral("end-of-answer-%1").arg(++counter);
    m_process.write(statement.toUtf8() + ";\nSELECT '" + marker.toUtf8() + "';\n");
    QString output;
    QDeadlineTimer deadline(timeoutMs);
    while (!output.contains(marker) && !deadline.hasExpired() &&
           m_process.state() == QProcess::Running) {
        m_process.waitForReadyRead(200);
        output += QString::fromUtf8(m_process.readAll());
    }
    output += QString::fromUtf8(m_process.readAll());
    return output.remove(marker).trimmed();
}

} // namespace ReleaseDeck::Test
