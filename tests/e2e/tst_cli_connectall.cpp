#include "CliRunner.h"
#include "FakeProviderWorld.h"
#include "TestKeyring.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

namespace {

QJsonArray jsonArray(const CliRun& run)
{
    return QJsonDocument::fromJson(run.out.toUtf8()).array();
}

} // namespace

// An admin connects a whole release's providers with the real CLI, each token read from
// standard input and proven against its provider, then verifies them all at once.
class TestCliConnectAll : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    CliRunner m_cli;

    CliRun add(const FakeProviderWorld& world, const QString& provider) const
    {
        const ConnectionDraft draft = world.draft(provider);
        return m_cli.run(QStringList{QStringLiteral("connection"), QStringLiteral("add")} +
                             FakeProviderWorld::cliArguments(draft),
                         draft.token.toUtf8() + '\n');
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_cli.setEnvironment(QStringLiteral("RELEASEDECK_DATABASE"),
                             QStringLiteral("sqlite:%1/deck.sqlite").arg(m_dir.path()));
        const CliRun created = m_cli.run(
            {QStringLiteral("workspace"), QStringLiteral("create"), QStringLiteral("acme")});
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
    }

    void everyCategoryConnectsAndVerifies()
    {
        FakeProviderWorld world;
        const int entriesBefore = keychainEntries();
        for (const QString& provider :
             {QStringLiteral("github-enterprise"), QStringLiteral("slack"),
              QStringLiteral("jira-cloud"), QStringLiteral("github-actions")}) {
            const CliRun added = add(world, provider);
            QVERIFY2(added.exitCode == 0, qPrintable(provider + QLatin1Char(' ') + added.err));
            QVERIFY2(added.out.contains(QLatin1String("(VALID)")), qPrintable(added.out));
        }
        QCOMPARE(keychainEntries(), entriesBefore + 4);

        const CliRun verified = m_cli.run({QStringLiteral("connection"), QStringLiteral("verify"),
                                           QStringLiteral("--all"), QStringLiteral("--json")});
        QVERIFY2(verified.exitCode == 0, qPrintable(verified.err + verified.out));
        const QJsonArray rows = jsonArray(verified);
        QCOMPARE(rows.size(), 4);
        QStringList providers;
        for (const QJsonValue& row : rows) {
            QCOMPARE(row.toObject().value(QStringLiteral("verificationStatus")).toString(),
                     QStringLiteral("VALID"));
            providers << row.toObject().value(QStringLiteral("provider")).toString();
        }
        providers.sort();
        QCOMPARE(providers,
                 (QStringList{QStringLiteral("github-actions"), QStringLiteral("github-enterprise"),
                              QStringLiteral("jira-cloud"), QStringLiteral("slack")}));
        // Verification only reads: nothing was created anywhere.
        QCOMPARE(world.github().branchesCreated(), 0);
        QCOMPARE(world.github().actions().dispatches(), 0);
        QCOMPARE(world.slack().messagesPosted(), 0);
        QCOMPARE(world.jira().issuesCreated(), 0);

        // Jenkins instead of GitHub Actions: one CI connection per workspace.
        const CliRun removed = m_cli.run(
            {QStringLiteral("connection"), QStringLiteral("remove"), QStringLiteral("CI")});
        QVERIFY2(removed.exitCode == 0, qPrintable(removed.err));
        const CliRun jenkins = add(world, QStringLiteral("jenkins"));
        QVERIFY2(jenkins.exitCode == 0, qPrintable(jenkins.err));
        QVERIFY2(jenkins.out.contains(QLatin1String("(VALID)")), qPrintable(jenkins.out));
        QCOMPARE(world.jenkins().buildsTriggered(), 0);

        for (const QString& category : {QStringLiteral("SCM"), QStringLiteral("CHAT"),
                                        QStringLiteral("ISSUES"), QStringLiteral("CI")})
            QCOMPARE(m_cli.run({QStringLiteral("connection"), QStringLiteral("remove"), category})
                         .exitCode,
                     0);
        QCOMPARE(keychainEntries(), entriesBefore);
    }
};

QTEST_GUILESS_MAIN(TestCliConnectAll)
#include "tst_cli_connectall.moc"
