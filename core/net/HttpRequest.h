#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

namespace ReleaseDeck {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

// One HTTP call as a provider client describes it; HttpClient adds the User-Agent,
// timeouts, TLS and retries.
struct HttpRequest
{
    QByteArray method = "GET";
    QUrl url;
    HttpHeaders headers;
    QByteArray body;
    // Who answers, for messages people read: "GitHub", "Slack". Defaults to the host.
    QString service;
    // Extra CA certificates (a PEM file) trusted on top of the system's, for self-hosted servers.
    QString caBundlePath;
    // False for calls that must never be sent twice (e.g. posting a chat message).
    bool retry = true;

    static HttpRequest get(const QUrl& url);
    static HttpRequest withJson(const QByteArray& method, const QUrl& url,
                                const QJsonDocument& body);

    // Replaces any header of the same name (case-insensitive).
    HttpRequest& setHeader(const QByteArray& name, const QByteArray& value);
    QByteArray header(const QByteArray& name) const;
    QString serviceName() const;
};

} // namespace ReleaseDeck
