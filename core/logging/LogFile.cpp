#include "LogFile.h"

#include "Redactor.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QMutexLocker>
#include <QTextStream>

#include <cstdio>

namespace ReleaseDeck {

namespace {

// Qt logs from its own static destructors during exit(), after this file's statics would
// be gone: everything the handler touches lives for the whole process (never destroyed).
Q_CONSTINIT QBasicMutex logMutex;
Q_CONSTINIT QFile* logFile = nullptr;
Q_CONSTINIT QString* logPath = nullptr;

const char* levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "critical";
    case QtFatalMsg:
        return "fatal";
    }
    return "unknown";
}

void handleMessage(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    const QString line = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) +
                         QLatin1Char(' ') + QLatin1String(levelName(type)) + QLatin1Char(' ') +
                         QLatin1String(context.category ? context.category : "default") +
                         QStringLiteral(": ") + redacted(message) + QLatin1Char('\n');
    const QByteArray bytes = line.toUtf8();
    QMutexLocker lock(&logMutex);
    std::fputs(bytes.constData(), stderr);
    if (logFile) {
        logFile->write(bytes);
        logFile->flush();
    }
    if (type == QtFatalMsg)
        std::abort();
}

} // namespace

QString LogFile::defaultDirectory()
{
    QString state = qEnvironmentVariable("XDG_STATE_HOME");
    if (state.isEmpty())
        state = QDir::homePath() + QStringLiteral("/.local/state");
    return state + QStringLiteral("/ReleaseDeck");
}

QString LogFile::install(const QString& fileName)
{
    QString path = qEnvironmentVariable("RELEASEDECK_LOG_FILE");
    if (path.isEmpty())
        path = defaultDirectory() + QLatin1Char('/') + fileName;
    QDir().mkpath(QFileInfo(path).absolutePath());

    auto* file = new QFile(path);
    const bool opened = file->open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text);
    {
        QMutexLocker lock(&logMutex);
        if (opened) {
            file->setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
            logFile = file;
            logPath = new QString(path);
        } else {
            delete file;
        }
    }
    qInstallMessageHandler(handleMessage);
    return opened ? path : QString();
}

QString LogFile::path()
{
    QMutexLocker lock(&logMutex);
    return logPath ? *logPath : QString();
}

} // namespace ReleaseDeck
