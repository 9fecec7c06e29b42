#include "logging/Redactor.h"
#include "secrets/KeychainSecretStore.h"
#include "secrets/SecretKeys.h"

#include <QTest>
#include <QThread>

#include <array>
#include <memory>
#include <vector>

using namespace ReleaseDeck;

// The keychain store against a real gnome-keyring in a private D-Bus session.
class TestKeychainSecretStore : public QObject
{
    Q_OBJECT

private:
    KeychainSecretStore m_store;

    void writeOk(const QString& key, const QString& secret)
    {
        const SecretResult result = awaitSecret(m_store.write(key, secret));
        QVERIFY2(result.ok(), qPrintable(result.error.message));
    }

    QString readOk(const QString& key)
    {
        const SecretResult result = awaitSecret(m_store.read(key));
        if (!result.ok())
            qWarning("read failed: %s", qPrintable(result.error.message));
        return result.secret;
    }

private slots:
    void runsOnAPrivateKeyring()
    {
        QVERIFY2(qEnvironmentVariable("HOME").contains(QLatin1String("releasedeck-keychain.")),
                 "keychain tests must never touch the user's own keyring");
    }

    void writesReadsRemoves()
    {
        const QString key = SecretKeys::newConnectionKey(1);
        const QString secret = QStringLiteral("rd-test-token-writes-reads-removes");
        writeOk(key, secret);
        QCOMPARE(readOk(key), secret);

        const SecretResult removed = awaitSecret(m_store.remove(key));
        QVERIFY2(removed.ok(), qPrintable(removed.error.message));
        QVERIFY(awaitSecret(m_store.read(key)).notFound());
        // Removing again is still done: the entry is gone, as asked.
        QVERIFY(awaitSecret(m_store.remove(key)).ok());
    }

    void keepsUnicode()
    {
        const QString key = SecretKeys::newConnectionKey(1);
        const QString secret = QStringLiteral("rd-test-pässwörd-密码-🔑-ключ");
        writeOk(key, secret);
        QCOMPARE(readOk(key), secret);
        QVERIFY(awaitSecret(m_store.remove(key)).ok());
    }

    void keepsA16KiBSecret()
    {
        const QString key = SecretKeys::newConnectionKey(1);
        QString secret;
        for (int i = 0; secret.size() < 16 * 1024; ++i)
            secret += QStringLiteral("rd-test-%1-").arg(i);
        secret.truncate(16 * 1024);
        writeOk(key, secret);
        QCOMPARE(readOk(key), secret);
        QVERIFY(awaitSecret(m_store.remove(key)).ok());
    }

    void missingEntryIsNotFound()
    {
        const SecretResult result = awaitSecret(m_store.read(SecretKeys::newConnectionKey(1)));
        QCOMPARE(result.outcome, SecretResult::Outcome::NotFound);
        QVERIFY(result.secret.isEmpty());
    }

    void overwriteReplacesTheSecret()
    {
        const QString key = SecretKeys::newConnectionKey(1);
        writeOk(key, QStringLiteral("rd-test-token-first"));
        writeOk(key, QStringLiteral("rd-test-token-second"));
        QCOMPARE(readOk(key), QStringLiteral("rd-test-token-second"));
        QVERIFY(awaitSecret(m_store.remove(key)).ok());
    }

    void workspacesNeverSeeEachOthersEntries()
    {
        const QString first = SecretKeys::newConnectionKey(1);
        const QString second = SecretKeys::newConnectionKey(2);
        QVERIFY(first.startsWith(QLatin1String("workspace-1/")));
        QVERIFY(second.startsWith(QLatin1String("workspace-2/")));
        writeOk(first, QStringLiteral("rd-test-token-workspace-one"));
        writeOk(second, QStringLiteral("rd-test-token-workspace-two"));

        QCOMPARE(readOk(first), QStringLiteral("rd-test-token-workspace-one"));
        QCOMPARE(readOk(second), QStringLiteral("rd-test-token-workspace-two"));
        // The same connection id under the other workspace is another entry: absent.
        QString crossed = first;
        crossed.replace(QLatin1String("workspace-1/"), QLatin1String("workspace-2/"));
        QVERIFY(awaitSecret(m_store.read(crossed)).notFound());

        QVERIFY(awaitSecret(m_store.remove(first)).ok());
        QVERIFY(awaitSecret(m_store.read(first)).notFound());
        QCOMPARE(readOk(second), QStringLiteral("rd-test-token-workspace-two"));
        QVERIFY(awaitSecret(m_store.remove(second)).ok());
    }

    void registersWhatPassesThroughWithTheRedactor()
    {
        const QString key = SecretKeys::newConnectionKey(3);
        const QString secret = QStringLiteral("rd-test-token-registered-on-read");
        writeOk(key, secret);
        QCOMPARE(readOk(key), secret);
        const QString line = redacted(QStringLiteral("provider said: bad token %1").arg(secret));
        QVERIFY2(!line.contains(secret), qPrintable(line));
        QVERIFY(awaitSecret(m_store.remove(key)).ok());
    }

    void readsFromAWorkerThread()
    {
        const QString key = SecretKeys::newConnectionKey(4);
        writeOk(key, QStringLiteral("rd-test-token-worker-thread"));

        // The connection verifier reads tokens on worker threads with awaitSecret.
        SecretResult seen;
        Qt::HANDLE workerId = nullptr;
        std::unique_ptr<QThread> worker(QThread::create([this, key, &seen, &workerId] {
            workerId = QThread::currentThreadId();
            seen = awaitSecret(m_store.read(key));
        }));
        worker->start();
        QTRY_VERIFY_WITH_TIMEOUT(worker->isFinished(), 20000);
        QVERIFY(workerId != QThread::currentThreadId());
        QVERIFY2(seen.ok(), qPrintable(seen.error.message));
        QCOMPARE(seen.secret, QStringLiteral("rd-test-token-worker-thread"));
        QVERIFY(awaitSecret(m_store.remove(key)).ok());
    }

    void readsFromManyThreadsAtOnce()
    {
        const QString key = SecretKeys::newConnectionKey(5);
        writeOk(key, QStringLiteral("rd-test-token-many-threads"));
        constexpr int Workers = 4;
        std::array<SecretResult, Workers> seen;
        std::vector<std::unique_ptr<QThread>> workers;
        for (int i = 0; i < Workers; ++i) {
            workers.emplace_back(QThread::create(
                [this, key, &seen, i] { seen[i] = awaitSecret(m_store.read(key)); }));
            workers.back()->start();
        }
        // The application thread answers meanwhile, as the GUI thread would.
        QCOMPARE(readOk(key), QStringLiteral("rd-test-token-many-threads"));
        for (const auto& worker : workers)
            QTRY_VERIFY_WITH_TIMEOUT(worker->isFinished(), 20000);
        for (const SecretResult& result : seen)
            QCOMPARE(result.secret, QStringLiteral("rd-test-token-many-threads"));
        QVERIFY(awaitSecret(m_store.remove(key)).ok());
    }
};

QTEST_GUILESS_MAIN(TestKeychainSecretStore)
#include "tst_keychainsecretstore.moc"
