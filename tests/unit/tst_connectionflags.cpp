#include "ConnectionFlags.h"
#include "providers/ProviderRegistry.h"

#include <QTest>

using namespace ReleaseDeck;

namespace {

// `connection add NAME ARGS…` as the command's parser reads it.
Result<ConnectionDraft> draftFor(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.addOptions(ConnectionFlags::options());
    if (!parser.parse(QStringList{QStringLiteral("releasedeck-cli")} + arguments))
        return Error::usage(parser.errorText());
    return ConnectionFlags::draft(parser.positionalArguments().value(0), parser);
}

} // namespace

// The command line's provider names and flags are the registry's providers and fields.
class TestConnectionFlags : public QObject
{
    Q_OBJECT

private slots:
    void everyProviderAndFieldHasACommandLineSpelling()
    {
        const ProviderRegistry& registry = ProviderRegistry::builtIn();
        QStringList flags;
        for (const QCommandLineOption& option : ConnectionFlags::options())
            flags << option.names();
        for (const QString& id : registry.providerIds()) {
            // The sandbox's simulated services are made by the sandbox, never named.
            QCOMPARE(ConnectionFlags::providerNames().contains(id), !registry.isSimulated(id));
            if (registry.isSimulated(id))
                continue;
            for (const ProviderField& field : registry.find(id)->fields)
                QVERIFY2(flags.contains(field.flagName()), qPrintable(id + u' ' + field.key));
        }
        // Only the registry's names, and each flag once.
        QCOMPARE(ConnectionFlags::providerNames(), registry.names());
        QCOMPARE(QSet<QString>(flags.cbegin(), flags.cend()).size(), flags.size());
    }

    void anUnknownPurposeIsAUsageErrorNamingTheKnownOnes()
    {
        auto draft =
            draftFor({QStringLiteral("github-actions"), QStringLiteral("--owner"),
                      QStringLiteral("acme"), QStringLiteral("--repo"), QStringLiteral("app"),
                      QStringLiteral("--workflow"), QStringLiteral("FOO=x.yml")});
        QVERIFY(!draft.ok());
        QCOMPARE(draft.error().kind, ErrorKind::Usage);
        QCOMPARE(
            draft.error().message,
            QStringLiteral("Unknown purpose \"FOO\" for the workflow; use PRE_REGRESSION_BUILD, "
                           "REGRESSION_BUILD, AUTOMATION, TESTFLIGHT or ANDROID_BUNDLE."));
    }

    void aMissingFlagIsNamed()
    {
        auto draft = draftFor({QStringLiteral("jenkins"), QStringLiteral("--url"),
                               QStringLiteral("https://ci.example.com"), QStringLiteral("--user"),
                               QStringLiteral("ada")});
        QCOMPARE(draft.error().message, QStringLiteral("jenkins needs --job PURPOSE=NAME."));
    }

    void familiesPickTheirMember()
    {
        auto enterprise =
            draftFor({QStringLiteral("github"), QStringLiteral("--owner"), QStringLiteral("acme"),
                      QStringLiteral("--repo"), QStringLiteral("app"), QStringLiteral("--api-url"),
                      QStringLiteral("http://127.0.0.2:8080/api/v3")});
        QVERIFY2(enterprise.ok(), enterprise ? "" : qPrintable(enterprise.error().message));
        QCOMPARE(enterprise->provider, QStringLiteral("github-enterprise"));
        auto cloud = draftFor({QStringLiteral("jira"), QStringLiteral("--site-url"),
                               QStringLiteral("https://acme.atlassian.net"),
                               QStringLiteral("--email"), QStringLiteral("ana@example.com"),
                               QStringLiteral("--project-key"), QStringLiteral("ANDROID=AND")});
        QVERIFY2(cloud.ok(), cloud ? "" : qPrintable(cloud.error().message));
        QCOMPARE(cloud->provider, QStringLiteral("jira-cloud"));
        QCOMPARE(cloud->category, ConnectionCategory::Issues);
    }
};

QTEST_GUILESS_MAIN(TestConnectionFlags)
#include "tst_connectionflags.moc"
