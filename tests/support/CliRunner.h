#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace ReleaseDeck::Test {

// Runs the real releasedeck-cli ($RELEASEDECK_CLI) and captures what it did.
struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
    bool finished = false;
};

class CliRunner
{
public:
    CliRunner();

    // Extra environment for every run (e.g. RELEASEDECK_DATABASE, XDG folders).
    void setEnvironment(const QString& name, const QString& value);
    CliRun run(const QStringList& arguments, const QByteArray& input = {},
               int timeoutMs = 60000) const;

    static QString program();

private:
    QProcessEnvironment m_environment;
};

} // namespace ReleaseDeck::Test
