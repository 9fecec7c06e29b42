#include "FakeHttpRoutes.h"

#include <QMutexLocker>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

namespace ReleaseDeck::Test {

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 409:
        return "Conflict";
    case 422:
        return "Unprocessable Entity";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

QString routeKey(const QByteArray& method, const QString& path)
{
    return QString::fromLatin1(method) + QLatin1Char(' ') + path;
}

} // namespace

quint16 FakeHttpRoutes::listen(const QSslConfiguration& tls)
{
    if (tls.localCertificate().isNull()) {
        m_server = new QTcpServer(this);
    } else {
        auto* server = new QSslServer(this);
        server->setSslConfiguration(tls);
        m_server = server;
    }
    QObject::connect(m_server, &QTcpServer::pendingConnectionAvailable, this, [this] { accept(); });
    if (!m_server->listen(QHostAddress::LocalHost, 0))
        qFatal("FakeHttpServer could not listen on 127.0.0.1: %s",
               qPrintable(m_server->errorString()));
    return m_server->serverPort();
}

void FakeHttpRoutes::stop()
{
    m_server->close();
    const QList<QTcpSocket*> sockets = m_buffers.keys();
    m_buffers.clear();
    for (QTcpSocket* socket : sockets) {
        socket->disconnect(this);
        socket->abort();
        delete socket;
    }
    delete m_server;
    m_server = nullptr;
}

void FakeHttpRoutes::setHandler(const QByteArray& method, const QString& path,
                                const Handler& handler)
{
    QMutexLocker lock(&m_mutex);
    m_handlers.insert(routeKey(method, path), handler);
}

void FakeHttpRoutes::addFault(const QByteArray& method, const QString& path, const Fault& fault,
                              int times)
{
    QMutexLocker lock(&m_mutex);
    m_faults.append({routeKey(method, path), fault, times});
}

void FakeHttpRoutes::setExtraDelay(int milliseconds)
{
    QMutexLocker lock(&m_mutex);
    m_extraDelayMs = milliseconds;
}

QList<RecordedRequest> FakeHttpRoutes::recorded() const
{
    QMutexLocker lock(&m_mutex);
    return m_recorded;
}

void FakeHttpRoutes::clearRecorded()
{
    QMutexLocker lock(&m_mutex);
    m_recorded.clear();
}

void FakeHttpRoutes::accept()
{
    while (QTcpSocket* socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        m_buffers.insert(socket, {});
        QObject::connect(socket, &QTcpSocket::readyRead, this,
                         [this, socket] { readFrom(socket); });
        QObject::connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void FakeHttpRoutes::readFrom(QTcpSocket* socket)
{
    QByteArray& buffer = m_buffers[socket];
    buffer += socket->readAll();
    for (;;) {
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        RecordedRequest request;
        request.method = requestLine.value(0);
        request.target = requestLine.value(1);
        const QUrl target(QString::fromLatin1(request.target));
        request.path = target.path(QUrl::FullyDecoded);
        request.query = QUrlQuery(target);
        qsizetype contentLength = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon < 0)
                continue;
            const QByteArray name = lines[i].left(colon).trimmed().toLower();
            const QByteArray value = lines[i].mid(colon + 1).trimmed();
            request.headers.append(qMakePair(name, value));
            if (name == "content-length")
                contentLength = value.toLongLong();
        }
        const qsizetype bodyStart = headerEnd + 4;
        if (buffer.size() < bodyStart + contentLength)
            return;
        request.body = buffer.mid(bodyStart, contentLength);
        buffer.remove(0, bodyStart + contentLength);
        answer(socket, request);
    }
}

FakeHttpRoutes::Handler FakeHttpRoutes::handlerFor(const QString& key) const
{
    if (m_handlers.contains(key))
        return m_handlers.value(key);
    Handler handler;
    qsizetype bestPrefix = -1;
    for (auto it = m_handlers.cbegin(); it != m_handlers.cend(); ++it) {
        const QString prefix = it.key().chopped(1);
        if (it.key().endsWith(QLatin1Char('*')) && key.startsWith(prefix) &&
            prefix.size() > bestPrefix) {
            bestPrefix = prefix.size();
            handler = it.value();
        }
    }
    return handler;
}

std::optional<FakeHttpRoutes::Fault> FakeHttpRoutes::takeFault(const QString& key)
{
    for (qsizetype i = 0; i < m_faults.size(); ++i) {
        const QString& pattern = m_faults[i].key;
        const bool matches = pattern == key || (pattern.endsWith(QLatin1Char('*')) &&
                                                key.startsWith(pattern.chopped(1)));
        if (!matches)
            continue;
        const Fault fault = m_faults[i].fault;
        if (--m_faults[i].remaining <= 0)
            m_faults.removeAt(i);
        return fault;
    }
    return std::nullopt;
}

void FakeHttpRoutes::answer(QTcpSocket* socket, const RecordedRequest& request)
{
    const QString key = routeKey(request.method, request.path);
    Handler handler;
    std::optional<Fault> fault;
    int extraDelay = 0;
    {
        QMutexLocker lock(&m_mutex);
        m_recorded.append(request);
        extraDelay = m_extraDelayMs;
        fault = takeFault(key);
        handler = handlerFor(key);
    }
    FakeResponse response;
    if (fault && !fault->handled)
        response = fault->response;
    else if (handler)
        response = handler(request);
    else
        response = FakeResponse::json(404, QByteArray(R"({"message":"Not Found"})"));
    if (fault && fault->handled) {
        response.delayMs += fault->delayMs;
        if (fault->dropAnswer)
            response.fault = FakeResponse::Fault::Drop;
    }
    const int delay = response.delayMs + extraDelay;
    if (delay <= 0) {
        write(socket, response);
        return;
    }
    QTimer::singleShot(delay, socket, [socket, response] { write(socket, response); });
}

void FakeHttpRoutes::write(QTcpSocket* socket, const FakeResponse& response)
{
    if (response.fault == FakeResponse::Fault::Drop) {
        socket->abort();
        return;
    }
    QByteArray data = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' +
                      reasonPhrase(response.status) + "\r\n";
    for (const auto& [name, value] : response.headers)
        data += name + ": " + value + "\r\n";
    data += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    data += "Connection: keep-alive\r\n\r\n";
    data += response.body;
    socket->write(data);
}

} // namespace ReleaseDeck::Test
