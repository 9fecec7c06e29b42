#include "model/MemberDraft.h"

#include <QTest>

using namespace ReleaseDeck;

// The rules for a member an owner adds, shared by the CLI and the Members page; the database
// user name pattern is the one the server's routine checks too.
class TestMemberDraft : public QObject
{
    Q_OBJECT

    static MemberDraft valid()
    {
        MemberDraft draft;
        draft.email = QStringLiteral("bob@example.com");
        draft.displayName = QStringLiteral("Bob Stone");
        draft.role = Role::Editor;
        draft.dbUser = QStringLiteral("bob");
        return draft;
    }

private slots:
    void aCompleteDraftIsValid()
    {
        QVERIFY(valid().validate().ok());
        QCOMPARE(valid().dbHost, QStringLiteral("%"));
    }

    void userNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("ok");
        QTest::newRow("plain") << QStringLiteral("bob") << true;
        QTest::newRow("punctuation") << QStringLiteral("a.b-c_d9") << true;
        QTest::newRow("32") << QString(32, QLatin1Char('x')) << true;
        QTest::newRow("33") << QString(33, QLatin1Char('x')) << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("leading dot") << QStringLiteral(".bob") << false;
        QTest::newRow("space") << QStringLiteral("bo b") << false;
        QTest::newRow("quote") << QStringLiteral("bob'--") << false;
        QTest::newRow("backtick") << QStringLiteral("bob`") << false;
        QTest::newRow("at") << QStringLiteral("bob@host") << false;
    }

    void userNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, ok);
        QCOMPARE(MemberDraft::isUserName(name), ok);
        MemberDraft draft = valid();
        draft.dbUser = name;
        QCOMPARE(draft.fieldError(QStringLiteral("dbUser")).isEmpty(), ok);
    }

    void hosts_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("ok");
        QTest::newRow("any") << QStringLiteral("%") << true;
        QTest::newRow("pattern") << QStringLiteral("10.0.0.%") << true;
        QTest::newRow("name") << QStringLiteral("laptop.example.com") << true;
        QTest::newRow("ipv6") << QStringLiteral("::1") << true;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("space") << QStringLiteral("a b") << false;
        QTest::newRow("quote") << QStringLiteral("x'") << false;
    }

    void hosts()
    {
        QFETCH(QString, host);
        QFETCH(bool, ok);
        QCOMPARE(MemberDraft::isHost(host), ok);
    }

    void eachFieldSaysWhatIsWrong()
    {
        MemberDraft draft = valid();
        draft.email = QStringLiteral("bob");
        QCOMPARE(draft.fieldError(QStringLiteral("email")),
                 QStringLiteral("Enter an e-mail address such as ana@example.com."));
        QCOMPARE(draft.validate().error().kind, ErrorKind::Usage);
        draft = valid();
        draft.displayName = QStringLiteral("   ");
        QCOMPARE(draft.validate().error().message,
                 QStringLiteral("Enter the person's name, as teammates see it."));
        draft = valid();
        draft.dbUser.clear();
        QCOMPARE(draft.validate().error().message,
                 QStringLiteral("Enter the database user name the person signs in with."));
    }
};

QTEST_GUILESS_MAIN(TestMemberDraft)
#include "tst_memberdraft.moc"
