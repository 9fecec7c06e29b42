#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QList>
#include <QPair>
#include <QUrlQuery>

namespace ReleaseDeck::Test {

// One request as the FakeHttpServer received it.
struct RecordedRequest
{
    QByteArray method;
    QString path;      // decoded, without the query
    QByteArray target; // the request target exactly as sent, still percent-encoded
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers; // names lower-cased
    QByteArray body;

    QByteArray header(const QByteArray& name) const;
    QJsonDocument json() const { return QJsonDocument::fromJson(body); }
};

} // namespace ReleaseDeck::Test
