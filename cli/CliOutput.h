#pragma once

#include <QIODevice>
#include <QJsonValue>
#include <QString>

namespace ReleaseDeck {

// Everything the CLI prints goes through here, redacted.
class CliOutput
{
public:
    CliOutput(QIODevice& out, QIODevice& err)
        : m_out(out)
        , m_err(err)
    {}

    void line(const QString& text);
    void json(const QJsonValue& value);
    // "releasedeck-cli: <message>" on standard error.
    void error(const QString& message);
    // An error, then "Run 'releasedeck-cli --help' for usage."; returns ExitUsage.
    int usageError(const QString& message);

private:
    QIODevice& m_out;
    QIODevice& m_err;
};

} // namespace ReleaseDeck
