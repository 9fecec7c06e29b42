#include "TestCertificate.h"

#include <QFile>
#include <QProcess>
#include <QSslKey>

namespace ReleaseDeck::Test {

TestCertificate::TestCertificate()
{
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                   m_dir.filePath(QStringLiteral("server.key")), QStringLiteral("-out"),
                   caBundlePath(), QStringLiteral("-days"), QStringLiteral("2"),
                   QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                   QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1")});
    if (!openssl.waitForFinished(60000) || openssl.exitCode() != 0) {
        m_error = QStringLiteral("openssl could not make a test certificate: ") +
                  QString::fromLocal8Bit(openssl.readAllStandardError());
        return;
    }
    QFile keyFile(m_dir.filePath(QStringLiteral("server.key")));
    QFile certificateFile(caBundlePath());
    if (!keyFile.open(QIODevice::ReadOnly) || !certificateFile.open(QIODevice::ReadOnly)) {
        m_error = QStringLiteral("the test certificate files could not be read");
        return;
    }
    m_configuration = QSslConfiguration::defaultConfiguration();
    m_configuration.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa));
    m_configuration.setLocalCertificate(QSslCertificate(certificateFile.readAll()));
    m_configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
}

QString TestCertificate::caBundlePath() const
{
    return m_dir.filePath(QStringLiteral("server.pem"));
}

} // namespace ReleaseDeck::Test
