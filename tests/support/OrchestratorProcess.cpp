#include "OrchestratorProcess.h"

#include "CliRunner.h"

#include <QFile>

#include <csignal>

namespace ReleaseDeck::Test {

OrchestratorProcess::OrchestratorProcess(QProcessEnvironment environment, QStringList arguments,
                                         QString outputFile)
    : m_environment(std::move(environment))
    , m_arguments(std::move(arguments))
    , m_outputFile(std::move(outputFile))
{}

OrchestratorProcess::~OrchestratorProcess()
{
    if (isRunning()) {
        wake();
        m_process->kill();
        m_process->waitForFinished(5000);
    }
}

bool OrchestratorProcess::start()
{
    m_process = std::make_unique<QProcess>();
    m_process->setProcessEnvironment(m_environment);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardOutputFile(m_outputFile, QIODevice::Append);
    m_process->start(CliRunner::program(),
                     QStringList{QStringLiteral("orchestrate")} + m_arguments);
    return m_process->waitForStarted(10000);
}

int OrchestratorProcess::terminate(int timeoutMs)
{
    if (!isRunning())
        return m_process ? m_process->exitCode() : -1;
    ::kill(pid_t(m_process->processId()), SIGTERM);
    if (!m_process->waitForFinished(timeoutMs)) {
        m_process->kill();
        m_process->waitForFinished(5000);
        return -1;
    }
    return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
}

void OrchestratorProcess::kill9()
{
    if (!isRunning())
        return;
    ::kill(pid_t(m_process->processId()), SIGKILL);
    m_process->waitForFinished(5000);
}

void OrchestratorProcess::freeze()
{
    if (isRunning())
        ::kill(pid_t(m_process->processId()), SIGSTOP);
}

void OrchestratorProcess::wake()
{
    if (isRunning())
        ::kill(pid_t(m_process->processId()), SIGCONT);
}

bool OrchestratorProcess::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

qint64 OrchestratorProcess::pid() const
{
    return m_process ? m_process->processId() : 0;
}

QString OrchestratorProcess::output() const
{
    QFile file(m_outputFile);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

} // namespace ReleaseDeck::Test
