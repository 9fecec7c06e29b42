#pragma once

#include "FakeResponse.h"
#include "RecordedRequest.h"

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QSslConfiguration>

#include <functional>
#include <optional>

class QTcpServer;
class QTcpSocket;

namespace ReleaseDeck::Test {

// The inside of FakeHttpServer: owns the listening socket on the server thread, parses
// HTTP/1.1 requests and answers them from the routes. Route and record access is locked.
class FakeHttpRoutes : public QObject
{
public:
    using Handler = std::function<FakeResponse(const RecordedRequest&)>;

    // What happens to a request that meets an injected fault.
    struct Fault
    {
        // The route handles the request (its effect happens); false: it never sees it.
        bool handled = false;
        FakeResponse response;   // sent instead of the route's answer when not handled
        int delayMs = 0;         // when handled: the route's answer comes this much later
        bool dropAnswer = false; // when handled: the connection drops instead of answering
    };

    // Server thread only.
    // HTTPS when tls has a local certificate.
    quint16 listen(const QSslConfiguration& tls);
    void stop();

    // Any thread.
    void setHandler(const QByteArray& method, const QString& path, const Handler& handler);
    void setExtraDelay(int milliseconds);
    // The next `times` requests to METHOD path (a '*' prefix as for routes) meet fault.
    void addFault(const QByteArray& method, const QString& path, const Fault& fault, int times);
    QList<RecordedRequest> recorded() const;
    void clearRecorded();

private:
    struct PendingFault
    {
        QString key; // "METHOD path"
        Fault fault;
        int remaining = 0;
    };

    // The fault the request meets, consuming one of its turns; none when it meets none.
    std::optional<Fault> takeFault(const QString& key);
    Handler handlerFor(const QString& key) const;
    void accept();
    void readFrom(QTcpSocket* socket);
    void answer(QTcpSocket* socket, const RecordedRequest& request);
    static void write(QTcpSocket* socket, const FakeResponse& response);

    QTcpServer* m_server = nullptr;
    QHash<QTcpSocket*, QByteArray> m_buffers;
    mutable QMutex m_mutex;
    QHash<QString, Handler> m_handlers; // "METHOD path"
    QList<RecordedRequest> m_recorded;
    QList<PendingFault> m_faults;
    int m_extraDelayMs = 0;
};

} // namespace ReleaseDeck::Test
