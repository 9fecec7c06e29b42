#include "InMemorySecretStore.h"

#include <QTest>

using namespace ReleaseDeck;
using ReleaseDeck::Test::InMemorySecretStore;

// The test stand-in behaves like the keychain store, and fails writes on request.
class TestInMemorySecretStore : public QObject
{
    Q_OBJECT

private slots:
    void answersAtOnce()
    {
        InMemorySecretStore store;
        const QFuture<SecretResult> written =
            store.write(QStringLiteral("workspace-1/connection-a"), QStringLiteral("rd-test-a"));
        QVERIFY(written.isFinished());
        QVERIFY(written.result().ok());
        QCOMPARE(store.read(QStringLiteral("workspace-1/connection-a")).result().secret,
                 QStringLiteral("rd-test-a"));
        QVERIFY(store.read(QStringLiteral("workspace-2/connection-a")).result().notFound());
        QVERIFY(store.remove(QStringLiteral("workspace-1/connection-a")).result().ok());
        QVERIFY(store.entries().isEmpty());
    }

    void failingWritesStoreNothing()
    {
        InMemorySecretStore store;
        store.setWritesFail(true);
        const SecretResult result =
            store.write(QStringLiteral("workspace-1/connection-b"), QStringLiteral("rd-test-b"))
                .result();
        QCOMPARE(result.outcome, SecretResult::Outcome::Failed);
        QCOMPARE(result.error.kind, ErrorKind::Unavailable);
        QVERIFY(store.entries().isEmpty());
        store.setWritesFail(false);
        QVERIFY(store.write(QStringLiteral("workspace-1/connection-b"), QStringLiteral("rd-test-b"))
                    .result()
                    .ok());
        QCOMPARE(store.entries().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestInMemorySecretStore)
#include "tst_inmemorysecretstore.moc"
