#include "HttpClient.h"

#include "HttpFailure.h"
#include "Version.h"
#include "logging/Logging.h"
#include "logging/Redactor.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QNetworkReply>
#include <QPointer>
#include <QRandomGenerator>
#include <QSslConfiguration>
#include <QSslError>
#include <QThread>
#include <QThreadStorage>
#include <QTimer>

#include <memory>
#include <mutex>
#include <stop_token>

namespace ReleaseDeck {

namespace {

// Owns one thread's manager, deleted when the thread ends.
struct ThreadNetwork
{
    QPointer<QNetworkAccessManager> manager;
    ~ThreadNetwork() { delete manager.data(); }
};

QPointer<QNetworkAccessManager>& mainThreadManager()
{
    static QPointer<QNetworkAccessManager> manager;
    return manager;
}

// Runs while the application object still exists: Qt's TLS teardown needs it.
void deleteMainThreadManager()
{
    delete mainThreadManager().data();
}

// Qt network objects are thread-bound: each thread gets its own manager.
QNetworkAccessManager& threadNetwork()
{
    static std::once_flag proxyOnce;
    std::call_once(proxyOnce, [] { QNetworkProxyFactory::setUseSystemConfiguration(true); });
    static QThreadStorage<ThreadNetwork*> networks;
    if (!networks.hasLocalData())
        networks.setLocalData(new ThreadNetwork);
    ThreadNetwork* network = networks.localData();
    if (!network->manager) {
        network->manager = new QNetworkAccessManager;
        const QCoreApplication* app = QCoreApplication::instance();
        if (app && app->thread() == QThread::currentThread()) {
            mainThreadManager() = network->manager;
            qAddPostRoutine(deleteMainThreadManager);
        }
    }
    return *network->manager;
}

QString redactedUrl(const QUrl& url)
{
    return redacted(url.toString(QUrl::RemoveUserInfo));
}

Error networkError(const HttpRequest& request, QNetworkReply::NetworkError code,
                   const QString& detail)
{
    const QString host = request.url.host();
    switch (code) {
    case QNetworkReply::ConnectionRefusedError:
        return {ErrorKind::Transient,
                QStringLiteral("Could not reach %1: the connection was refused.").arg(host),
                {}};
    case QNetworkReply::RemoteHostClosedError:
        return {ErrorKind::Transient,
                QStringLiteral("%1 closed the connection before answering.").arg(host),
                {}};
    case QNetworkReply::HostNotFoundError:
        return {ErrorKind::Transient,
                QStringLiteral("Could not reach %1: the host name was not found.").arg(host),
                {}};
    case QNetworkReply::SslHandshakeFailedError:
        return {ErrorKind::Unavailable,
                redacted(QStringLiteral("The TLS certificate of %1 was not accepted (%2); for a "
                                        "self-hosted server, add its CA bundle.")
                             .arg(host, detail)),
                {}};
    default:
        return {ErrorKind::Transient,
                redacted(QStringLiteral("Could not reach %1: %2.").arg(host, detail)),
                {}};
    }
}

Result<QSslConfiguration> tlsConfiguration(const HttpRequest& request)
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (!request.caBundlePath.isEmpty()) {
        const QList<QSslCertificate> certificates =
            QSslCertificate::fromPath(request.caBundlePath, QSsl::Pem);
        if (certificates.isEmpty())
            return Error::usage(
                QStringLiteral("The CA bundle %1 could not be read or holds no PEM certificate.")
                    .arg(request.caBundlePath));
        configuration.addCaCertificates(certificates);
    }
    return configuration;
}

struct ReplyDeleter
{
    void operator()(QNetworkReply* reply) const { delete reply; }
};

} // namespace

HttpClient::HttpClient(HttpSettings settings)
    : m_settings(settings)
{}

Error HttpClient::stopped(const HttpRequest& request) const
{
    return Error::unavailable(
        QStringLiteral("The call to %1 was stopped: Release Deck is shutting down.")
            .arg(request.serviceName()));
}

Result<HttpResponse> HttpClient::attempt(const HttpRequest& request) const
{
    if (m_settings.stop.stop_requested())
        return stopped(request);
    QNetworkRequest networkRequest(request.url);
    for (const auto& [name, value] : request.headers)
        networkRequest.setRawHeader(name, value);
    networkRequest.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                                QNetworkRequest::SameOriginRedirectPolicy);
    if (request.url.scheme() == QLatin1String("https")) {
        auto configuration = tlsConfiguration(request);
        if (!configuration)
            return configuration.error();
        networkRequest.setSslConfiguration(*configuration);
    }

    QElapsedTimer elapsed;
    elapsed.start();
    std::unique_ptr<QNetworkReply, ReplyDeleter> reply(
        threadNetwork().sendCustomRequest(networkRequest, request.method, request.body));

    QEventLoop loop;
    QTimer connectTimer;
    QTimer totalTimer;
    connectTimer.setSingleShot(true);
    totalTimer.setSingleShot(true);
    bool connectTimedOut = false;
    bool totalTimedOut = false;
    QStringList sslProblems;
    // Qt 6.4 signals no "connected" for plain HTTP, which is only allowed to this machine;
    // for HTTPS the finished handshake ends the connect phase.
    QObject::connect(reply.get(), &QNetworkReply::encrypted, &connectTimer, &QTimer::stop);
    QObject::connect(&connectTimer, &QTimer::timeout, &loop, [&] {
        connectTimedOut = true;
        reply->abort();
    });
    QObject::connect(&totalTimer, &QTimer::timeout, &loop, [&] {
        totalTimedOut = true;
        reply->abort();
    });
    QObject::connect(reply.get(), &QNetworkReply::sslErrors, &loop,
                     [&sslProblems](const QList<QSslError>& errors) {
                         for (const QSslError& error : errors)
                             sslProblems << error.errorString();
                     });
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    bool stopRequested = false;
    // Requested on another thread: the abort is posted to this one.
    const std::stop_callback onStop(m_settings.stop, [&] {
        QMetaObject::invokeMethod(
            &loop,
            [&] {
                stopRequested = true;
                reply->abort();
            },
            Qt::QueuedConnection);
    });
    if (request.url.scheme() == QLatin1String("https"))
        connectTimer.start(m_settings.connectTimeoutMs);
    totalTimer.start(m_settings.totalTimeoutMs);
    if (!reply->isFinished())
        loop.exec();

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    qCDebug(lcNet).noquote() << QStringLiteral("%1 %2 -> %3 (%4 ms)")
                                    .arg(QString::fromLatin1(request.method),
                                         redactedUrl(request.url),
                                         status > 0 ? QString::number(status)
                                                    : redacted(reply->errorString()),
                                         QString::number(elapsed.elapsed()));

    if (stopRequested)
        return stopped(request);
    if (connectTimedOut)
        return Error{ErrorKind::Transient,
                     QStringLiteral("Could not connect to %1 within %2 s.")
                         .arg(request.url.host())
                         .arg(m_settings.connectTimeoutMs / 1000.0),
                     {}};
    if (totalTimedOut)
        return Error{ErrorKind::Transient,
                     QStringLiteral("%1 did not answer within %2 s.")
                         .arg(request.serviceName())
                         .arg(m_settings.totalTimeoutMs / 1000.0),
                     {}};
    if (status <= 0)
        return networkError(request, reply->error(),
                            sslProblems.isEmpty() ? reply->errorString()
                                                  : sslProblems.join(QStringLiteral("; ")));

    HttpResponse response;
    response.status = status;
    response.headers = reply->rawHeaderPairs();
    response.body = reply->readAll();
    response.url = reply->url();
    response.service = request.serviceName();
    return response;
}

void HttpClient::pause(int milliseconds) const
{
    if (milliseconds <= 0)
        return;
    QEventLoop loop;
    QTimer::singleShot(milliseconds, &loop, &QEventLoop::quit);
    const std::stop_callback onStop(m_settings.stop, [&loop] {
        QMetaObject::invokeMethod(&loop, &QEventLoop::quit, Qt::QueuedConnection);
    });
    loop.exec();
}

Result<HttpResponse> HttpClient::send(const HttpRequest& request) const
{
    auto response = exchange(request);
    if (response && response->status >= 400)
        return HttpFailure::fromResponse(*response);
    return response;
}

Result<HttpResponse> HttpClient::exchange(const HttpRequest& request) const
{
    QElapsedTimer budget;
    budget.start();
    for (int attemptNumber = 1;; ++attemptNumber) {
        Result<HttpResponse> result = attempt(request);
        if ((result && result->status < 400) || m_settings.stop.stop_requested())
            return result;

        Error failure = result ? HttpFailure::fromResponse(*result) : result.error();
        const bool attemptsLeft = request.retry && attemptNumber < m_settings.maxAttempts;
        const qint64 remainingBudget = m_settings.retryBudgetMs - budget.elapsed();

        // -1: give up; 0: retry after the exponential backoff; more: retry after that wait.
        int waitMs = -1;
        if (result && (result->status == 403 || result->status == 429)) {
            const QDateTime now = QDateTime::currentDateTimeUtc();
            const auto reset = HttpFailure::rateLimitReset(*result, now);
            if (reset) {
                // Whole-second reset headers: wait just past the reset instant.
                const qint64 untilReset = qMax<qint64>(0, now.msecsTo(*reset)) + 250;
                if (untilReset <= m_settings.maxRateLimitWaitMs)
                    waitMs = int(untilReset);
            } else if (result->status == 429) {
                waitMs = 0;
            }
        } else if (failure.kind == ErrorKind::Transient) {
            waitMs = 0;
        }
        if (waitMs == 0) {
            const int base = qMin(m_settings.maxBackoffMs,
                                  m_settings.initialBackoffMs * (1 << qMin(attemptNumber - 1, 16)));
            waitMs = base / 2 + int(QRandomGenerator::global()->bounded(base / 2 + 1));
        }
        if (waitMs < 0 || !attemptsLeft || waitMs >= remainingBudget)
            return result;
        qCDebug(lcNet).noquote() << QStringLiteral("retrying %1 %2 in %3 ms: %4")
                                        .arg(QString::fromLatin1(request.method),
                                             redactedUrl(request.url), QString::number(waitMs),
                                             failure.message);
        pause(waitMs);
    }
}

} // namespace ReleaseDeck
