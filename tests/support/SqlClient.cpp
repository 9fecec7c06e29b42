#include "SqlClient.h"

#include "TestMariaDb.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>

namespace ReleaseDeck::Test {

qint64 timeSqlClient(const DatabaseUrl& url, const QByteArray& sql)
{
    QString program = QStringLiteral("sqlite3");
    QStringList arguments{url.path};
    if (url.isShared()) {
        QString error;
        const TestMariaDb server = TestMariaDb::fromEnvironment(&error);
        program = QStringLiteral("mariadb");
        arguments = {
            QStringLiteral("-h"), server.host, QStringLiteral("-P"), QString::number(server.port),
            QStringLiteral("-u"), server.user, url.database};
    }
    if (QStandardPaths::findExecutable(program).isEmpty())
        return -1;
    QProcess process;
    process.setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    process.write(sql);
    process.closeWriteChannel();
    if (!process.waitForFinished(300000) || process.exitCode() != 0)
        return -1;
    return timer.elapsed();
}

} // namespace ReleaseDeck::Test
