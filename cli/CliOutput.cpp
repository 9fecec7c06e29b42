#include "CliOutput.h"

#include "CliCommand.h"
#include "logging/Redactor.h"

#include <QFileDevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ReleaseDeck {

void CliOutput::line(const QString& text)
{
    m_out.write(redacted(text).toUtf8() + '\n');
    // A long-running command (orchestrate) shows each line as it happens.
    if (auto* file = qobject_cast<QFileDevice*>(&m_out))
        file->flush();
}

void CliOutput::json(const QJsonValue& value)
{
    QJsonDocument document;
    if (value.isArray())
        document = QJsonDocument(value.toArray());
    else
        document = QJsonDocument(value.toObject());
    m_out.write(redacted(QString::fromUtf8(document.toJson(QJsonDocument::Indented))).toUtf8());
}

void CliOutput::error(const QString& message)
{
    m_err.write("releasedeck-cli: " + redacted(message).toUtf8() + '\n');
}

int CliOutput::usageError(const QString& message)
{
    error(message);
    m_err.write("Run 'releasedeck-cli --help' for usage.\n");
    return ExitUsage;
}

} // namespace ReleaseDeck
