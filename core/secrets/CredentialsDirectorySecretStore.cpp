#include "CredentialsDirectorySecretStore.h"

#include "logging/Redactor.h"

#include <QDir>
#include <QFile>
#include <QStringDecoder>

namespace ReleaseDeck {

namespace {

// Tokens and passwords are far smaller; anything bigger is the wrong file.
constexpr qint64 MaximumCredentialBytes = 64 * 1024;

bool isSafeNameCharacter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ||
           c == u'.' || c == u'_' || c == u'-' || c == u'@';
}

} // namespace

CredentialsDirectorySecretStore::CredentialsDirectorySecretStore(const QString& directory)
    : m_directory(directory)
{}

QString CredentialsDirectorySecretStore::credentialName(const QString& key)
{
    QString name;
    name.reserve(key.size());
    for (const QChar c : key) {
        if (c == u'/')
            name += u'.';
        else
            name += isSafeNameCharacter(c) ? c : QChar(u'_');
    }
    return name;
}

QFuture<SecretResult> CredentialsDirectorySecretStore::read(const QString& key)
{
    return QtFuture::makeReadyFuture(readNow(key));
}

QFuture<SecretResult> CredentialsDirectorySecretStore::write(const QString& key,
                                                             const QString& secret)
{
    Q_UNUSED(key)
    Redactor::instance().addSecret(secret);
    return QtFuture::makeReadyFuture(refuseChange());
}

QFuture<SecretResult> CredentialsDirectorySecretStore::remove(const QString& key)
{
    Q_UNUSED(key)
    return QtFuture::makeReadyFuture(refuseChange());
}

QString CredentialsDirectorySecretStore::description() const
{
    return QStringLiteral("the credentials directory %1").arg(m_directory);
}

SecretResult CredentialsDirectorySecretStore::readNow(const QString& key) const
{
    if (key.isEmpty())
        return SecretResult::failed(
            Error::internal(QStringLiteral("A credential needs a key to name its file.")));
    const QString path = QDir(m_directory).filePath(credentialName(key));
    QFile file(path);
    if (!file.exists())
        return SecretResult::missing();

    const QFileDevice::Permissions shared = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                            QFileDevice::ReadOther | QFileDevice::WriteOther;
    if (file.permissions() & shared)
        return SecretResult::failed(Error::forbidden(
            QStringLiteral("The credential file %1 is readable or writable by other users: run "
                           "chmod 600 %1 and try again.")
                .arg(path)));
    if (file.size() > MaximumCredentialBytes)
        return SecretResult::failed(Error::usage(
            QStringLiteral("The credential file %1 is larger than 64 KiB: it should hold only "
                           "the token or password.")
                .arg(path)));
    if (!file.open(QIODevice::ReadOnly))
        return SecretResult::failed(Error::forbidden(
            QStringLiteral("The credential file %1 cannot be read (%2): check its owner and "
                           "that it has mode 600.")
                .arg(path, file.errorString())));

    QByteArray bytes = file.read(MaximumCredentialBytes);
    // `echo token > file` adds one newline; that newline is not part of the secret.
    if (bytes.endsWith('\n'))
        bytes.chop(1);
    if (bytes.endsWith('\r'))
        bytes.chop(1);
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString secret = decoder.decode(bytes);
    if (decoder.hasError())
        return SecretResult::failed(Error::usage(
            QStringLiteral("The credential file %1 is not UTF-8 text: store the token as text.")
                .arg(path)));
    if (secret.isEmpty())
        return SecretResult::failed(Error::usage(
            QStringLiteral("The credential file %1 is empty: put the token in it.").arg(path)));
    Redactor::instance().addSecret(secret);
    return SecretResult::found(secret);
}

SecretResult CredentialsDirectorySecretStore::refuseChange() const
{
    return SecretResult::failed(Error::usage(
        QStringLiteral("The credentials directory %1 is read-only: provide the secret with "
                       "LoadCredential= in the service unit, or use the keychain to store it.")
            .arg(m_directory)));
}

} // namespace ReleaseDeck
