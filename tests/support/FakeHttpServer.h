#pragma once

#include "FakeResponse.h"
#include "RecordedRequest.h"

#include <QAnyStringView>
#include <QSslConfiguration>
#include <QThread>
#include <QUrl>

#include <functional>

namespace ReleaseDeck::Test {

class FakeHttpRoutes;

// A real HTTP/1.1 server on 127.0.0.1 (ephemeral port) for provider tests. It runs in its
// own thread, so a synchronous client waiting in a local event loop on the test thread is
// served. It records every request and answers from scripted routes:
//
//   FakeHttpServer server;
//   server.on("GET", "/repos/o/r", FakeResponse::json(200, R"({"full_name":"o/r"})"));
//   server.onSequence("GET", "/x", {FakeResponse::htmlPage(502), FakeResponse::json(200, "{}")});
//   server.onRequest("POST", "/git/refs", [](const RecordedRequest& r) { ... });
//   ... client.send(HttpRequest::get(server.url("/repos/o/r"))) ...
//   QCOMPARE(server.requests("GET", "/repos/o/r").size(), 1);
//
// A path ending in '*' matches every path with that prefix; an exact path wins over a
// prefix, a longer prefix over a shorter one. Unmatched requests get 404
// {"message":"Not Found"}. Handlers run on the server's thread. failNext(), delayNext() and
// dropAnswerOfNext() inject faults into the next requests of a route.
class FakeHttpServer
{
public:
    using Handler = std::function<FakeResponse(const RecordedRequest&)>;

    FakeHttpServer();
    // Speaks HTTPS with this configuration (see TestCertificate); url() is https://.
    explicit FakeHttpServer(const QSslConfiguration& tls);
    ~FakeHttpServer();
    FakeHttpServer(const FakeHttpServer&) = delete;
    FakeHttpServer& operator=(const FakeHttpServer&) = delete;

    quint16 port() const { return m_port; }
    // http(s)://127.0.0.1:PORT followed by path.
    QUrl url(QAnyStringView path = QString()) const;

    // Every METHOD path answers response (replacing an earlier route).
    void on(const QByteArray& method, QAnyStringView path, const FakeResponse& response);
    // Successive calls get each response in turn; the last one then repeats.
    void onSequence(const QByteArray& method, QAnyStringView path,
                    const QList<FakeResponse>& responses);
    // The answer is computed per request.
    void onRequest(const QByteArray& method, QAnyStringView path, const Handler& handler);
    // Delays every answer by this much on top of the route's own delay.
    void setExtraDelay(int milliseconds);

    // Faults for the next `times` requests to METHOD path (a '*' prefix as for routes);
    // afterwards the route answers again. Earlier faults are met first.
    // The request gets response instead of the route's answer: the route never sees it,
    // so nothing happens on the server's side (401, 403 rate limit, 422, 429, 5xx, drop).
    void failNext(const QByteArray& method, QAnyStringView path, const FakeResponse& response,
                  int times = 1);
    // The route handles the request (its effect happens) and answers this much later: past
    // the client's timeout, the client never learns that it worked.
    void delayNext(const QByteArray& method, QAnyStringView path, int milliseconds, int times = 1);
    // The route handles the request (its effect happens), then the connection drops.
    void dropAnswerOfNext(const QByteArray& method, QAnyStringView path, int times = 1);

    QList<RecordedRequest> requests() const;
    QList<RecordedRequest> requests(const QByteArray& method, QAnyStringView path) const;
    void clearRequests();

private:
    QThread m_thread;
    FakeHttpRoutes* m_routes = nullptr; // lives in m_thread
    quint16 m_port = 0;
    bool m_tls = false;
};

} // namespace ReleaseDeck::Test
