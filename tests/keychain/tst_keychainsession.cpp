#include <QSignalSpy>
#include <QTest>
#include <qt6keychain/keychain.h>

// The keychain label runs inside a private D-Bus session with a temporary HOME and an
// unlocked gnome-keyring; this proves the wiring with a plain QtKeychain round trip.
class TestKeychainSession : public QObject
{
    Q_OBJECT

private slots:
    void runsOnAPrivateKeyring()
    {
        QVERIFY2(qEnvironmentVariable("HOME").contains(QLatin1String("releasedeck-keychain.")),
                 "keychain tests must never touch the user's own keyring");
        QVERIFY(!qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS").isEmpty());
    }

    void writesReadsDeletes()
    {
        const QString service = QStringLiteral("ReleaseDeckTest");
        const QString key = QStringLiteral("session-check");
        {
            QKeychain::WritePasswordJob job(service);
            job.setAutoDelete(false);
            job.setKey(key);
            job.setTextData(QStringLiteral("s3cret-väl"));
            QSignalSpy done(&job, &QKeychain::Job::finished);
            job.start();
            QVERIFY(done.wait(10000));
            QCOMPARE(job.error(), QKeychain::NoError);
        }
        {
            QKeychain::ReadPasswordJob job(service);
            job.setAutoDelete(false);
            job.setKey(key);
            QSignalSpy done(&job, &QKeychain::Job::finished);
            job.start();
            QVERIFY(done.wait(10000));
            QCOMPARE(job.error(), QKeychain::NoError);
            QCOMPARE(job.textData(), QStringLiteral("s3cret-väl"));
        }
        {
            QKeychain::DeletePasswordJob job(service);
            job.setAutoDelete(false);
            job.setKey(key);
            QSignalSpy done(&job, &QKeychain::Job::finished);
            job.start();
            QVERIFY(done.wait(10000));
            QCOMPARE(job.error(), QKeychain::NoError);
        }
        {
            QKeychain::ReadPasswordJob job(service);
            job.setAutoDelete(false);
            job.setKey(key);
            QSignalSpy done(&job, &QKeychain::Job::finished);
            job.start();
            QVERIFY(done.wait(10000));
            QCOMPARE(job.error(), QKeychain::EntryNotFound);
        }
    }
};

QTEST_GUILESS_MAIN(TestKeychainSession)
#include "tst_keychainsession.moc"
