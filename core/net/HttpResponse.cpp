#include "HttpResponse.h"

namespace ReleaseDeck {

namespace {

Error malformed(const HttpResponse& response, const QString& what)
{
    return {ErrorKind::Transient,
            QStringLiteral("%1 sent %2 that Release Deck could not read (%3).")
                .arg(response.service, what, response.url.path()),
            {}};
}

} // namespace

QByteArray HttpResponse::header(const QByteArray& name) const
{
    for (const auto& header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

Result<QJsonDocument> HttpResponse::json() const
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return malformed(*this, QStringLiteral("malformed JSON"));
    return document;
}

Result<QJsonObject> HttpResponse::jsonObject() const
{
    auto document = json();
    if (!document)
        return document.error();
    if (!document->isObject())
        return malformed(*this, QStringLiteral("JSON that is not an object"));
    return document->object();
}

Result<QJsonArray> HttpResponse::jsonArray() const
{
    auto document = json();
    if (!document)
        return document.error();
    if (!document->isArray())
        return malformed(*this, QStringLiteral("JSON that is not a list"));
    return document->array();
}

} // namespace ReleaseDeck
