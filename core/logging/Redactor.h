#pragma once

#include <QMutex>
#include <QSet>
#include <QString>

namespace ReleaseDeck {

// Removes secrets from text before it reaches a log line, an error message or CLI
// output: Authorization headers, token-like query/form fields, and every string
// registered as a secret this process has seen (read from or written to a store).
class Redactor
{
public:
    static Redactor& instance();

    // Remembers a secret so any later text containing it is redacted.
    void addSecret(const QString& secret);
    QString redact(QString text) const;

    static QString placeholder() { return QStringLiteral("[redacted]"); }

private:
    Redactor() = default;

    mutable QMutex m_mutex;
    QSet<QString> m_secrets;
};

// Shorthand for Redactor::instance().redact(text).
QString redacted(const QString& text);

} // namespace ReleaseDeck
