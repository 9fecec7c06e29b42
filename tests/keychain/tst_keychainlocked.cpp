#include "secrets/KeychainSecretStore.h"
#include "secrets/SecretKeys.h"

#include <QDir>
#include <QTest>

using namespace ReleaseDeck;

// Runs through with-locked-keychain.sh: gnome-keyring answers, but has no unlocked login
// keyring and no way to prompt. The store must say what to unlock, and store nothing.
class TestKeychainLocked : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(QDir::homePath().contains(QLatin1String("releasedeck-lockedkeychain.")),
                 "this test must run through tests/support/with-locked-keychain.sh");
    }

    void writeNamesTheKeyringToUnlock()
    {
        KeychainSecretStore store(std::chrono::milliseconds(100));
        const QString key = SecretKeys::newConnectionKey(1);
        const QString secret = QStringLiteral("rd-test-token-locked-out");
        const SecretResult written = awaitSecret(store.write(key, secret));
        QCOMPARE(written.outcome, SecretResult::Outcome::Failed);
        QCOMPARE(written.error.kind, ErrorKind::Unavailable);
        QVERIFY2(written.error.message.contains(QLatin1String("unlock the login keyring")),
                 qPrintable(written.error.message));
        QVERIFY(!written.error.message.contains(secret));
        // Nothing was stored under the key.
        QVERIFY(awaitSecret(store.read(key)).notFound());
    }
};

QTEST_GUILESS_MAIN(TestKeychainLocked)
#include "tst_keychainlocked.moc"
