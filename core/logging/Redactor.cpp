#include "Redactor.h"

#include <QMutexLocker>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>

namespace ReleaseDeck {

namespace {

// Shorter strings would redact ordinary words; real tokens are far longer.
constexpr qsizetype MinimumSecretLength = 6;

const QRegularExpression& authorizationPattern()
{
    static const auto* pattern = new QRegularExpression(
        QStringLiteral(
            R"(((?:proxy-)?authorization)(["']?\s*[:=]\s*["']?|["']\s*,\s*["'])(?:(basic|bearer|token)\s+)?[^\s"',;)]+)"),
        QRegularExpression::CaseInsensitiveOption);
    return *pattern;
}

const QRegularExpression& schemePattern()
{
    static const auto* pattern =
        new QRegularExpression(QStringLiteral(R"(\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{6,})"),
                               QRegularExpression::CaseInsensitiveOption);
    return *pattern;
}

// A value shorter than any real credential is a word ("invalid_token: Token is expired").
const QRegularExpression& fieldPattern()
{
    static const auto* pattern = new QRegularExpression(
        QStringLiteral(
            R"(\b(\w*(?:token|password|passwd|secret)|api[_-]?key|apikey)(["']?\s*[=:]\s*["']?)[^&\s"',;]{8,})"),
        QRegularExpression::CaseInsensitiveOption);
    return *pattern;
}

// A provider may echo a secret back inside a URL or a JSON string; those spellings differ.
QList<QString> echoedForms(const QString& secret)
{
    QString json = secret;
    json.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    json.replace(QLatin1Char('"'), QLatin1String("\\\""));
    QString jsonSlashes = json;
    jsonSlashes.replace(QLatin1Char('/'), QLatin1String("\\/"));
    const QString percent = QString::fromLatin1(QUrl::toPercentEncoding(secret));
    return {secret, json, jsonSlashes, percent};
}

} // namespace

Redactor& Redactor::instance()
{
    // Never destroyed: log lines written from static destructors during exit() still pass
    // through it.
    static auto* redactor = new Redactor;
    return *redactor;
}

void Redactor::addSecret(const QString& secret)
{
    const QString trimmed = secret.trimmed();
    if (trimmed.size() < MinimumSecretLength)
        return;
    QMutexLocker lock(&m_mutex);
    for (const QString& form : echoedForms(trimmed))
        m_secrets.insert(form);
}

QString Redactor::redact(QString text) const
{
    {
        QMutexLocker lock(&m_mutex);
        // Longest first, so a secret containing another is removed whole.
        QList<QString> secrets(m_secrets.cbegin(), m_secrets.cend());
        std::sort(secrets.begin(), secrets.end(),
                  [](const QString& a, const QString& b) { return a.size() > b.size(); });
        for (const QString& secret : std::as_const(secrets))
            text.replace(secret, placeholder());
    }
    text.replace(authorizationPattern(), QStringLiteral("\\1\\2") + placeholder());
    text.replace(schemePattern(), QStringLiteral("\\1 ") + placeholder());
    text.replace(fieldPattern(), QStringLiteral("\\1\\2") + placeholder());
    return text;
}

QString redacted(const QString& text)
{
    return Redactor::instance().redact(text);
}

} // namespace ReleaseDeck
