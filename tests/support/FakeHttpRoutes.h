#pragma once

#include "FakeResponse.h"
#include "RecordedRequest.h"

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QSslConfiguration>

#include <functional>

class QTcpServer;
class QTcpSocket;

namespace ReleaseDeck::Test {

// The inside of FakeHttpServer: owns the listening socket on the server thread, parses
// HTTP/1.1 requests and answers them from the routes. Route and record access is locked.
class FakeHttpRoutes : public QObject
{
public:
    using Handler = std::function<FakeResponse(const RecordedRequest&)>;

    // Server thread only.
    // HTTPS when tls has a local certificate.
    quint16 listen(const QSslConfiguration& tls);
    void stop();

    // Any thread.
    void setHandler(const QByteArray& method, const QString& path, const Handler& handler);
    void setExtraDelay(int milliseconds);
    QList<RecordedRequest> recorded() const;
    void clearRecorded();

private:
    void accept();
    void readFrom(QTcpSocket* socket);
    void answer(QTcpSocket* socket, const RecordedRequest& request);
    static void write(QTcpSocket* socket, const FakeResponse& response);

    QTcpServer* m_server = nullptr;
    QHash<QTcpSocket*, QByteArray> m_buffers;
    mutable QMutex m_mutex;
    QHash<QString, Handler> m_handlers; // "METHOD path"
    QList<RecordedRequest> m_recorded;
    int m_extraDelayMs = 0;
};

} // namespace ReleaseDeck::Test
