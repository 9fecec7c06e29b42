#pragma once

#include "HttpRequest.h"
#include "Result.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ReleaseDeck {

// What a server answered, after any retries.
struct HttpResponse
{
    int status = 0;
    HttpHeaders headers;
    QByteArray body;
    QUrl url;
    QString service;

    // First header of that name (case-insensitive), empty when absent.
    QByteArray header(const QByteArray& name) const;

    // The body as JSON; malformed JSON is an error naming the service.
    Result<QJsonDocument> json() const;
    Result<QJsonObject> jsonObject() const;
    Result<QJsonArray> jsonArray() const;
};

} // namespace ReleaseDeck
