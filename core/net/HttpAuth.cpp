#include "HttpAuth.h"

#include "logging/Redactor.h"

#include <utility>

namespace ReleaseDeck {

HttpAuth::HttpAuth(QByteArray name, QByteArray value)
    : m_name(std::move(name))
    , m_value(std::move(value))
{}

HttpAuth HttpAuth::bearer(const QString& token)
{
    Redactor::instance().addSecret(token);
    return {"Authorization", "Bearer " + token.toUtf8()};
}

HttpAuth HttpAuth::basic(const QString& user, const QString& token)
{
    Redactor::instance().addSecret(token);
    const QByteArray credentials = (user + QLatin1Char(':') + token).toUtf8().toBase64();
    Redactor::instance().addSecret(QString::fromLatin1(credentials));
    return {"Authorization", "Basic " + credentials};
}

HttpAuth HttpAuth::header(const QByteArray& name, const QString& value)
{
    Redactor::instance().addSecret(value);
    return {name, value.toUtf8()};
}

void HttpAuth::applyTo(HttpRequest& request) const
{
    if (!isEmpty())
        request.setHeader(m_name, m_value);
}

} // namespace ReleaseDeck
