#include "FakeHttpServer.h"

#include "FakeHttpRoutes.h"

#include <QMutex>

#include <memory>

namespace ReleaseDeck::Test {

FakeHttpServer::FakeHttpServer()
    : FakeHttpServer(QSslConfiguration())
{}

FakeHttpServer::FakeHttpServer(const QSslConfiguration& tls)
    : m_tls(!tls.localCertificate().isNull())
{
    m_routes = new FakeHttpRoutes;
    m_routes->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_routes, &QObject::deleteLater);
    m_thread.setObjectName(QStringLiteral("FakeHttpServer"));
    m_thread.start();
    QMetaObject::invokeMethod(
        m_routes, [this, tls] { m_port = m_routes->listen(tls); }, Qt::BlockingQueuedConnection);
}

FakeHttpServer::~FakeHttpServer()
{
    QMetaObject::invokeMethod(
        m_routes, [this] { m_routes->stop(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

QUrl FakeHttpServer::url(QAnyStringView path) const
{
    return QUrl(QStringLiteral("%1://127.0.0.1:%2%3")
                    .arg(m_tls ? QStringLiteral("https") : QStringLiteral("http"))
                    .arg(m_port)
                    .arg(path.toString()));
}

void FakeHttpServer::on(const QByteArray& method, QAnyStringView path, const FakeResponse& response)
{
    m_routes->setHandler(method, path.toString(),
                         [response](const RecordedRequest&) { return response; });
}

void FakeHttpServer::onSequence(const QByteArray& method, QAnyStringView path,
                                const QList<FakeResponse>& responses)
{
    auto next = std::make_shared<qsizetype>(0);
    m_routes->setHandler(method, path.toString(), [responses, next](const RecordedRequest&) {
        const qsizetype index = qMin(*next, responses.size() - 1);
        ++*next;
        return responses.value(index, FakeResponse::empty(500));
    });
}

void FakeHttpServer::onRequest(const QByteArray& method, QAnyStringView path,
                               const Handler& handler)
{
    m_routes->setHandler(method, path.toString(), handler);
}

void FakeHttpServer::setExtraDelay(int milliseconds)
{
    m_routes->setExtraDelay(milliseconds);
}

void FakeHttpServer::failNext(const QByteArray& method, QAnyStringView path,
                              const FakeResponse& response, int times)
{
    FakeHttpRoutes::Fault fault;
    fault.response = response;
    m_routes->addFault(method, path.toString(), fault, times);
}

void FakeHttpServer::delayNext(const QByteArray& method, QAnyStringView path, int milliseconds,
                               int times)
{
    FakeHttpRoutes::Fault fault;
    fault.handled = true;
    fault.delayMs = milliseconds;
    m_routes->addFault(method, path.toString(), fault, times);
}

void FakeHttpServer::dropAnswerOfNext(const QByteArray& method, QAnyStringView path, int times)
{
    FakeHttpRoutes::Fault fault;
    fault.handled = true;
    fault.dropAnswer = true;
    m_routes->addFault(method, path.toString(), fault, times);
}

QList<RecordedRequest> FakeHttpServer::requests() const
{
    return m_routes->recorded();
}

QList<RecordedRequest> FakeHttpServer::requests(const QByteArray& method, QAnyStringView path) const
{
    const QString wanted = path.toString();
    QList<RecordedRequest> matching = m_routes->recorded();
    matching.removeIf([&](const RecordedRequest& request) {
        return request.method != method || request.path != wanted;
    });
    return matching;
}

void FakeHttpServer::clearRequests()
{
    m_routes->clearRecorded();
}

} // namespace ReleaseDeck::Test
