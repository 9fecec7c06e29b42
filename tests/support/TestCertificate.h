#pragma once

#include <QSslConfiguration>
#include <QString>
#include <QTemporaryDir>

namespace ReleaseDeck::Test {

// A throwaway self-signed certificate for 127.0.0.1, made with the openssl tool in a
// temporary folder when a test needs HTTPS; nothing secret is kept in the repository.
class TestCertificate
{
public:
    TestCertificate();

    bool isValid() const { return !m_configuration.localCertificate().isNull(); }
    QString error() const { return m_error; }
    // What a FakeHttpServer serves HTTPS with.
    QSslConfiguration serverConfiguration() const { return m_configuration; }
    // The PEM file a client adds as its CA bundle to trust this server.
    QString caBundlePath() const;

private:
    QTemporaryDir m_dir;
    QSslConfiguration m_configuration;
    QString m_error;
};

} // namespace ReleaseDeck::Test
