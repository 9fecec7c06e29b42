#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

#include <memory>

namespace ReleaseDeck::Test {

// A real `releasedeck-cli orchestrate` running in the background, as a build host runs
// it: started with its own arguments and environment, stopped with SIGTERM, killed with a
// real SIGKILL, or frozen with SIGSTOP and woken with SIGCONT. Everything it printed is
// kept, also across restarts.
class OrchestratorProcess
{
public:
    // Its output goes to outputFile (appended across restarts), never into a pipe that
    // could fill while the test does something else.
    OrchestratorProcess(QProcessEnvironment environment, QStringList arguments, QString outputFile);
    ~OrchestratorProcess();

    bool start();
    // SIGTERM, then waits; the exit code (-1 when it did not end by itself).
    int terminate(int timeoutMs = 20000);
    void kill9();
    void freeze();
    void wake();
    bool isRunning() const;
    qint64 pid() const;

    // Everything printed so far (standard output and error).
    QString output() const;

private:
    QProcessEnvironment m_environment;
    QStringList m_arguments;
    QString m_outputFile;
    std::unique_ptr<QProcess> m_process;
};

} // namespace ReleaseDeck::Test
