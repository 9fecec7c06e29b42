#include "CliRunner.h"

#include <QProcess>

namespace ReleaseDeck::Test {

CliRunner::CliRunner()
    : m_environment(QProcessEnvironment::systemEnvironment())
{}

QString CliRunner::program()
{
    return qEnvironmentVariable("RELEASEDECK_CLI");
}

void CliRunner::setEnvironment(const QString& name, const QString& value)
{
    m_environment.insert(name, value);
}

CliRun CliRunner::run(const QStringList& arguments, const QByteArray& input, int timeoutMs) const
{
    QProcess process;
    process.setProcessEnvironment(m_environment);
    process.start(program(), arguments);
    CliRun result;
    if (!process.waitForStarted(10000))
        return result;
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    result.finished = process.waitForFinished(timeoutMs);
    if (!result.finished)
        process.kill();
    process.waitForFinished(5000);
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

} // namespace ReleaseDeck::Test
