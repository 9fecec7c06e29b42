#include "logging/Redactor.h"
#include "secrets/CredentialsDirectorySecretStore.h"
#include "secrets/SecretKeys.h"
#include "secrets/SecretStoreFactory.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace ReleaseDeck;

namespace {

const QFileDevice::Permissions OwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

QStringList filesIn(const QString& directory)
{
    return QDir(directory).entryList(QDir::Files | QDir::Hidden, QDir::Name);
}

} // namespace

// Reading secrets from systemd's $CREDENTIALS_DIRECTORY on a headless host.
class TestCredentialsDirectorySecretStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_directory;

    QString writeCredential(const QString& key, const QByteArray& content,
                            QFileDevice::Permissions permissions = OwnerOnly)
    {
        QFile file(QDir(m_directory.path())
                       .filePath(CredentialsDirectorySecretStore::credentialName(key)));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        file.write(content);
        file.close();
        file.setPermissions(permissions);
        return file.fileName();
    }

private slots:
    void initTestCase() { QVERIFY(m_directory.isValid()); }

    void namesFilesSafely()
    {
        QCOMPARE(CredentialsDirectorySecretStore::credentialName(
                     QStringLiteral("workspace-1/connection-0b8f2c1e-aaaa-bbbb-cccc-0123456789ab")),
                 QStringLiteral("workspace-1.connection-0b8f2c1e-aaaa-bbbb-cccc-0123456789ab"));
        QCOMPARE(CredentialsDirectorySecretStore::credentialName(
                     QStringLiteral("database/mysql://deck@db.local:3306/release_deck")),
                 QStringLiteral("database.mysql_..deck@db.local_3306.release_deck"));
    }

    void readsACredentialTrimmingOneNewline()
    {
        const QString key = SecretKeys::newConnectionKey(7);
        writeCredential(key, "rd-test-token-from-systemd\n");
        CredentialsDirectorySecretStore store(m_directory.path());
        const SecretResult result = awaitSecret(store.read(key));
        QVERIFY2(result.ok(), qPrintable(result.error.message));
        QCOMPARE(result.secret, QStringLiteral("rd-test-token-from-systemd"));
        // It passed through a store, so it is now redacted everywhere.
        QVERIFY(!redacted(result.secret).contains(result.secret));
    }

    void keepsAllButOneTrailingNewline()
    {
        const QString key = SecretKeys::newConnectionKey(7);
        writeCredential(key, "rd-test-pass word\n\n");
        CredentialsDirectorySecretStore store(m_directory.path());
        QCOMPARE(awaitSecret(store.read(key)).secret, QStringLiteral("rd-test-pass word\n"));
    }

    void missingFileIsNotFound()
    {
        CredentialsDirectorySecretStore store(m_directory.path());
        QVERIFY(awaitSecret(store.read(SecretKeys::newConnectionKey(7))).notFound());
    }

    void refusesAFileOthersCanRead_data()
    {
        QTest::addColumn<int>("extra");
        QTest::newRow("world-readable") << int(QFileDevice::ReadOther);
        QTest::newRow("group-readable") << int(QFileDevice::ReadGroup);
        QTest::newRow("world-writable") << int(QFileDevice::WriteOther);
    }

    void refusesAFileOthersCanRead()
    {
        QFETCH(int, extra);
        const QString key = SecretKeys::newConnectionKey(7);
        const QString path = writeCredential(key, "rd-test-token-too-visible\n",
                                             OwnerOnly | QFileDevice::Permissions(extra));
        CredentialsDirectorySecretStore store(m_directory.path());
        const SecretResult result = awaitSecret(store.read(key));
        QCOMPARE(result.outcome, SecretResult::Outcome::Failed);
        QCOMPARE(result.error.kind, ErrorKind::Forbidden);
        QVERIFY2(result.error.message.contains(path), qPrintable(result.error.message));
        QVERIFY2(result.error.message.contains(QLatin1String("chmod 600")),
                 qPrintable(result.error.message));
        QVERIFY(result.secret.isEmpty());
    }

    void refusesAnEmptyFile()
    {
        const QString key = SecretKeys::newConnectionKey(7);
        writeCredential(key, "\n");
        CredentialsDirectorySecretStore store(m_directory.path());
        const SecretResult result = awaitSecret(store.read(key));
        QCOMPARE(result.outcome, SecretResult::Outcome::Failed);
        QCOMPARE(result.error.kind, ErrorKind::Usage);
    }

    void neverWrites()
    {
        const QString key = SecretKeys::newConnectionKey(8);
        const QString existing = SecretKeys::newConnectionKey(8);
        writeCredential(existing, "rd-test-token-stays\n");
        const QStringList before = filesIn(m_directory.path());
        CredentialsDirectorySecretStore store(m_directory.path());
        QVERIFY(!store.isWritable());

        const SecretResult written =
            awaitSecret(store.write(key, QStringLiteral("rd-test-token-never-written")));
        QCOMPARE(written.outcome, SecretResult::Outcome::Failed);
        QCOMPARE(written.error.kind, ErrorKind::Usage);
        QVERIFY(written.error.message.contains(QLatin1String("read-only")));
        QVERIFY(!written.error.message.contains(QLatin1String("rd-test-token-never-written")));

        const SecretResult removed = awaitSecret(store.remove(existing));
        QCOMPARE(removed.outcome, SecretResult::Outcome::Failed);
        QCOMPARE(removed.error.kind, ErrorKind::Usage);

        QCOMPARE(filesIn(m_directory.path()), before);
        QCOMPARE(awaitSecret(store.read(existing)).secret, QStringLiteral("rd-test-token-stays"));
    }

    void factoryChoosesTheDirectoryOnlyWhenAsked()
    {
        qputenv("CREDENTIALS_DIRECTORY", m_directory.path().toLocal8Bit());
        Error error;
        const std::unique_ptr<SecretStore> store =
            createSecretStore(QStringLiteral("credentials-dir"), &error);
        QVERIFY(store);
        QVERIFY(!store->isWritable());
        QVERIFY(store->description().contains(m_directory.path()));

        const std::unique_ptr<SecretStore> keychain =
            createSecretStore(QStringLiteral("keychain"), &error);
        QVERIFY(keychain);
        QVERIFY(keychain->isWritable());

        qunsetenv("CREDENTIALS_DIRECTORY");
        QVERIFY(!createSecretStore(QStringLiteral("credentials-dir"), &error));
        QCOMPARE(error.kind, ErrorKind::Unavailable);
        QVERIFY(error.message.contains(QLatin1String("CREDENTIALS_DIRECTORY")));
    }

    void factoryRefusesAnUnknownKind()
    {
        Error error;
        QVERIFY(!createSecretStore(QStringLiteral("plaintext"), &error));
        QCOMPARE(error.kind, ErrorKind::Usage);
        QVERIFY(error.message.contains(QLatin1String("plaintext")));
        QVERIFY(!createSecretStore(QStringLiteral("plaintext"), nullptr));
    }
};

QTEST_GUILESS_MAIN(TestCredentialsDirectorySecretStore)
#include "tst_credentialsdirectorysecretstore.moc"
