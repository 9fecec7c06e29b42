#include "KeychainSecretStore.h"

#include "logging/Logging.h"
#include "logging/Redactor.h"

#include <QCoreApplication>
#include <QPromise>
#include <QStringList>
#include <QTimer>
#include <qt6keychain/keychain.h>

#include <algorithm>
#include <memory>

namespace ReleaseDeck {

namespace {

enum class Operation
{
    Read,
    Write,
    Remove,
};

using SharedPromise = std::shared_ptr<QPromise<SecretResult>>;

struct Request
{
    Operation operation = Operation::Read;
    QString key;
    QString secret;
    std::chrono::milliseconds retryDelay{0};
};

QString operationName(Operation operation)
{
    switch (operation) {
    case Operation::Read:
        return QStringLiteral("read");
    case Operation::Write:
        return QStringLiteral("write");
    case Operation::Remove:
        return QStringLiteral("remove");
    }
    return {};
}

// libsecret reports a missing Secret Service or D-Bus session as OtherError carrying the
// D-Bus error text; these are the words that mean "nothing is there to answer".
bool meansNoSecretService(const QString& backendMessage)
{
    static const QStringList signs = {
        QStringLiteral("org.freedesktop.secrets"), QStringLiteral("ServiceUnknown"),
        QStringLiteral("autolaunch D-Bus"),        QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
        QStringLiteral("Could not connect"),
    };
    return std::any_of(signs.cbegin(), signs.cend(), [&backendMessage](const QString& sign) {
        return backendMessage.contains(sign, Qt::CaseInsensitive);
    });
}

// gnome-keyring without a login keyring (never created, or its unlock prompt could not show)
// names the missing collection's D-Bus path.
bool meansNoDefaultKeyring(const QString& backendMessage)
{
    return backendMessage.contains(QLatin1String("/org/freedesktop/secrets/collection/"));
}

Error errorFor(QKeychain::Error error, const QString& backendMessage)
{
    if (error == QKeychain::OtherError && meansNoSecretService(backendMessage))
        error = QKeychain::NoBackendAvailable;
    if (error == QKeychain::OtherError && meansNoDefaultKeyring(backendMessage))
        return Error::unavailable(QStringLiteral(
            "The keychain has no unlocked default keyring: create or unlock the login keyring "
            "(Passwords and Keys, or gnome-keyring-daemon --unlock) and try again."));
    // The backend's words may quote what it was given; they pass the Redactor first.
    const QString detail = redacted(backendMessage.trimmed());
    switch (error) {
    case QKeychain::NoBackendAvailable:
        return Error::unavailable(QStringLiteral(
            "No keychain is available: start or unlock your desktop keyring (gnome-keyring or "
            "KWallet) and try again."));
    case QKeychain::AccessDeniedByUser:
        return Error::forbidden(QStringLiteral(
            "Access to the keychain was refused: allow Release Deck when the keyring asks, "
            "then try again."));
    case QKeychain::AccessDenied:
        return Error::forbidden(
            QStringLiteral(
                "The keychain denied access (%1): unlock your desktop keyring and try again.")
                .arg(detail));
    case QKeychain::CouldNotDeleteEntry:
        return Error::unavailable(
            QStringLiteral("The keychain could not delete the entry (%1): unlock your desktop "
                           "keyring and try again.")
                .arg(detail));
    case QKeychain::NotImplemented:
        return Error::unavailable(
            QStringLiteral("This system's keychain is not supported (%1): use a desktop keyring "
                           "with the Secret Service (gnome-keyring or KWallet), or a systemd "
                           "credentials directory.")
                .arg(detail));
    case QKeychain::NoError:
    case QKeychain::EntryNotFound:
    case QKeychain::OtherError:
        break;
    }
    return Error::unavailable(
        QStringLiteral("The keychain failed (%1): make sure your desktop keyring is running and "
                       "unlocked, then try again.")
            .arg(detail));
}

QKeychain::Job* createJob(const Request& request)
{
    const QString service = KeychainSecretStore::serviceName();
    QKeychain::Job* job = nullptr;
    switch (request.operation) {
    case Operation::Read:
        job = new QKeychain::ReadPasswordJob(service);
        break;
    case Operation::Write: {
        auto* write = new QKeychain::WritePasswordJob(service);
        write->setTextData(request.secret);
        job = write;
        break;
    }
    case Operation::Remove:
        job = new QKeychain::DeletePasswordJob(service);
        break;
    }
    job->setKey(request.key);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    return job;
}

SecretResult resultOf(const Request& request, QKeychain::Job* job)
{
    switch (job->error()) {
    case QKeychain::NoError:
        if (request.operation == Operation::Read) {
            const QString secret = static_cast<QKeychain::ReadPasswordJob*>(job)->textData();
            Redactor::instance().addSecret(secret);
            return SecretResult::found(secret);
        }
        return SecretResult::done();
    case QKeychain::EntryNotFound:
        // Removing what is not there leaves the keychain as asked.
        return request.operation == Operation::Remove ? SecretResult::done()
                                                      : SecretResult::missing();
    default:
        return SecretResult::failed(errorFor(job->error(), job->errorString()));
    }
}

bool worthRetrying(QKeychain::Error error)
{
    // At login the Secret Service may not be up yet; both errors are what that looks like.
    return error == QKeychain::NoBackendAvailable || error == QKeychain::OtherError;
}

// Runs on the application thread.
void startJob(const Request& request, const SharedPromise& promise, bool firstAttempt)
{
    QKeychain::Job* job = createJob(request);
    QObject::connect(
        job, &QKeychain::Job::finished, job,
        [request, promise, firstAttempt](QKeychain::Job* done) {
            if (firstAttempt && worthRetrying(done->error())) {
                qCDebug(lcSecrets).noquote()
                    << "keychain" << operationName(request.operation)
                    << "failed, retrying once:" << redacted(done->errorString());
                QTimer::singleShot(request.retryDelay, QCoreApplication::instance(),
                                   [request, promise] { startJob(request, promise, false); });
                return;
            }
            const SecretResult result = resultOf(request, done);
            if (result.outcome == SecretResult::Outcome::Failed)
                qCDebug(lcSecrets).noquote() << "keychain" << operationName(request.operation)
                                             << "failed:" << result.error.message;
            promise->addResult(result);
            promise->finish();
        });
    job->start();
}

QFuture<SecretResult> run(const Request& request)
{
    auto promise = std::make_shared<QPromise<SecretResult>>();
    QFuture<SecretResult> future = promise->future();
    promise->start();
    QCoreApplication* application = QCoreApplication::instance();
    if (request.key.isEmpty() || !application) {
        promise->addResult(SecretResult::failed(Error::internal(
            request.key.isEmpty()
                ? QStringLiteral("A keychain entry needs a key.")
                : QStringLiteral("The keychain needs a running application event loop."))));
        promise->finish();
        return future;
    }
    QMetaObject::invokeMethod(
        application, [request, promise] { startJob(request, promise, true); }, Qt::AutoConnection);
    return future;
}

} // namespace

KeychainSecretStore::KeychainSecretStore(std::chrono::milliseconds retryDelay)
    : m_retryDelay(retryDelay)
{}

QFuture<SecretResult> KeychainSecretStore::read(const QString& key)
{
    return run({Operation::Read, key, {}, m_retryDelay});
}

QFuture<SecretResult> KeychainSecretStore::write(const QString& key, const QString& secret)
{
    Redactor::instance().addSecret(secret);
    if (secret.isEmpty())
        return QtFuture::makeReadyFuture(SecretResult::failed(
            Error::usage(QStringLiteral("An empty secret cannot be stored in the keychain."))));
    return run({Operation::Write, key, secret, m_retryDelay});
}

QFuture<SecretResult> KeychainSecretStore::remove(const QString& key)
{
    return run({Operation::Remove, key, {}, m_retryDelay});
}

QString KeychainSecretStore::description() const
{
    return QStringLiteral("the system keychain");
}

} // namespace ReleaseDeck
