#include "desktop/SingleInstance.h"

#include "logging/Logging.h"

#include <QCryptographicHash>
#include <QLocalServer>
#include <QLocalSocket>
#include <QStandardPaths>

namespace ReleaseDeck {

namespace {

const QByteArray RaiseRequest = QByteArrayLiteral("raise\n");
const QByteArray RaiseAnswer = QByteArrayLiteral("raised\n");
constexpr int AnswerWithinMs = 3000;

QString userName()
{
    const QString user = qEnvironmentVariable("USER");
    return user.isEmpty() ? qEnvironmentVariable("USERNAME") : user;
}

} // namespace

SingleInstance::SingleInstance(QObject* parent)
    : QObject(parent)
{}

QString SingleInstance::serverName()
{
    const QString profile = QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation);
    const QByteArray hash =
        QCryptographicHash::hash((userName() + QLatin1Char('\n') + profile).toUtf8(),
                                 QCryptographicHash::Sha256)
            .toHex()
            .left(16);
    return QStringLiteral("releasedeck-") + QString::fromLatin1(hash);
}

SingleInstance::Role SingleInstance::claim()
{
    if (askRunning())
        return Role::Secondary;
    // Nobody answered: whatever socket file is there is a crashed instance's.
    QLocalServer::removeServer(serverName());
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(serverName())) {
        m_error = m_server->errorString();
        qCWarning(lcApp).noquote() << "cannot guard against a second instance:" << m_error;
        return Role::Failed;
    }
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::answer);
    qCInfo(lcApp).noquote() << "single instance: listening as" << serverName();
    return Role::Primary;
}

bool SingleInstance::askRunning()
{
    QLocalSocket socket;
    socket.connectToServer(serverName());
    if (!socket.waitForConnected(AnswerWithinMs))
        return false;
    socket.write(RaiseRequest);
    socket.waitForBytesWritten(AnswerWithinMs);
    // A running instance answers; a hung one still holds the data, so this launch steps
    // aside either way.
    while (!socket.canReadLine() && socket.waitForReadyRead(AnswerWithinMs)) {
    }
    const bool answered = socket.readLine() == RaiseAnswer;
    qCInfo(lcApp).noquote() << (answered ? "another instance runs; it raised its window"
                                         : "another instance runs but did not answer");
    return true;
}

void SingleInstance::answer()
{
    while (QLocalSocket* socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            if (!socket->canReadLine())
                return;
            if (socket->readLine() != RaiseRequest) {
                socket->disconnectFromServer();
                return;
            }
            qCInfo(lcApp) << "a second launch asked to raise the window";
            emit raiseRequested();
            socket->write(RaiseAnswer);
            socket->flush();
            socket->disconnectFromServer();
        });
    }
}

} // namespace ReleaseDeck
