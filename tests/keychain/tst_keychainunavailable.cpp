#include "secrets/KeychainSecretStore.h"
#include "secrets/SecretKeys.h"
#include "secrets/SecretStoreFactory.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>

using namespace ReleaseDeck;

namespace {

constexpr std::chrono::milliseconds RetryDelay(300);

// Every file and folder under HOME, hidden ones included.
QStringList everythingUnderHome()
{
    QStringList paths;
    QDirIterator it(QDir::homePath(), QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        paths << it.next();
    paths.sort();
    return paths;
}

const QString& noKeychainSentence()
{
    static const QString sentence = QStringLiteral(
        "No keychain is available: start or unlock your desktop keyring (gnome-keyring or "
        "KWallet) and try again.");
    return sentence;
}

} // namespace

// Runs through with-no-keychain.sh: a D-Bus session where no Secret Service exists or can
// be started. The store must say so plainly and store nothing anywhere.
class TestKeychainUnavailable : public QObject
{
    Q_OBJECT

private:
    QStringList m_before;

    void expectNoKeychain(const SecretResult& result, const QString& secret = {})
    {
        QCOMPARE(result.outcome, SecretResult::Outcome::Failed);
        QCOMPARE(result.error.kind, ErrorKind::Unavailable);
        QCOMPARE(result.error.message, noKeychainSentence());
        if (!secret.isEmpty())
            QVERIFY(!result.error.message.contains(secret));
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QDir::homePath().contains(QLatin1String("releasedeck-nokeychain.")),
                 "this test must run through tests/support/with-no-keychain.sh");
        QVERIFY(!qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS").isEmpty());
        m_before = everythingUnderHome();
    }

    void writeFailsWithTheFixAfterOneRetry()
    {
        KeychainSecretStore store(RetryDelay);
        const QString secret = QStringLiteral("rd-test-token-nowhere-to-go");
        QElapsedTimer timer;
        timer.start();
        expectNoKeychain(awaitSecret(store.write(SecretKeys::newConnectionKey(1), secret)), secret);
        // One retry happened: the answer came only after the retry delay.
        QVERIFY(timer.elapsed() >= RetryDelay.count());
    }

    void readAndRemoveFailTheSameWay()
    {
        KeychainSecretStore store(RetryDelay);
        const QString key = SecretKeys::newConnectionKey(1);
        expectNoKeychain(awaitSecret(store.read(key)));
        expectNoKeychain(awaitSecret(store.remove(key)));
    }

    void theDefaultStoreIsTheKeychain()
    {
        Error error;
        const std::unique_ptr<SecretStore> store = createSecretStore(QString(), &error);
        QVERIFY(store);
        QVERIFY(store->isWritable());
        expectNoKeychain(awaitSecret(store->read(SecretKeys::newConnectionKey(2))));
    }

    void nothingWasStoredAnywhere()
    {
        const QStringList after = everythingUnderHome();
        QCOMPARE(after, m_before);
        for (const QString& path : after) {
            QFile file(path);
            if (file.open(QIODevice::ReadOnly))
                QVERIFY2(!file.readAll().contains("rd-test-token-nowhere-to-go"), qPrintable(path));
        }
    }
};

QTEST_GUILESS_MAIN(TestKeychainUnavailable)
#include "tst_keychainunavailable.moc"
