#include "providers/ProviderField.h"
#include "providers/ProviderRegistry.h"

#include <QTest>

using namespace ReleaseDeck;

namespace {

ProviderField workflows()
{
    return ProviderField(QStringLiteral("workflows"), FieldKind::Text, "Workflow per purpose",
                         "the workflow")
        .perPurpose(QStringLiteral("workflow"))
        .neededBeforeSaving()
        .picked(FieldChoices::Workflows)
        .value(QStringLiteral("FILE"));
}

ProviderField projectKeys()
{
    return ProviderField(QStringLiteral("projectKeys"), FieldKind::ProjectKey, "Project key",
                         "the project key")
        .perPlatform(QStringLiteral("projectKey"))
        .value(QStringLiteral("KEY"));
}

QString failure(const Status& status)
{
    return status ? QString() : status.error().message;
}

} // namespace

// One field of a provider's config as the registry describes it: the names forms and flags
// use, what to say when it is missing, and its check in a config.
class TestProviderField : public QObject
{
    Q_OBJECT

private slots:
    void namesForFlagsAndForms()
    {
        const ProviderField apiUrl(QStringLiteral("apiUrl"), FieldKind::Url, "API address",
                                   "the API address");
        QCOMPARE(apiUrl.flagName(), QStringLiteral("api-url"));
        QCOMPARE(apiUrl.formKey(), QStringLiteral("apiUrl"));
        QCOMPARE(projectKeys().flagName(), QStringLiteral("project-key"));
        QCOMPARE(projectKeys().flagValue(), QStringLiteral("PLATFORM=KEY"));
        QCOMPARE(projectKeys().formKey(QStringLiteral("ANDROID")),
                 QStringLiteral("projectKey.ANDROID"));
        QCOMPARE(workflows().flagValue(), QStringLiteral("PURPOSE=FILE"));
    }

    // The CI purposes are one list in core, in the order a release uses them, spelled as the
    // orchestrator looks them up.
    void purposesAreTheCoreList()
    {
        QCOMPARE(workflows().members(),
                 (QStringList{QStringLiteral("PRE_REGRESSION_BUILD"),
                              QStringLiteral("REGRESSION_BUILD"), QStringLiteral("AUTOMATION"),
                              QStringLiteral("TESTFLIGHT"), QStringLiteral("ANDROID_BUNDLE")}));
        QCOMPARE(workflows().memberName(QStringLiteral("PRE_REGRESSION_BUILD")),
                 QStringLiteral("Pre-regression build"));
        QCOMPARE(
            projectKeys().members(),
            (QStringList{QStringLiteral("ANDROID"), QStringLiteral("IOS"), QStringLiteral("WEB")}));
        QVERIFY(!ciPurposeFromText(QStringLiteral("regression_build")).has_value());
    }

    void missingSaysEnterOrPick()
    {
        QCOMPARE(
            ProviderField(QStringLiteral("owner"), FieldKind::Slug, "Owner", "the owner").missing(),
            QStringLiteral("Enter the owner."));
        QCOMPARE(workflows().missing(),
                 QStringLiteral("Pick the workflow of at least one purpose."));
        QCOMPARE(projectKeys().missing(),
                 QStringLiteral("Enter the project key of at least one platform."));
    }

    void anUnknownPurposeOrPlatformIsNamedWithTheKnownOnes()
    {
        const QJsonObject config{{QStringLiteral("workflows"),
                                  QJsonObject{{QStringLiteral("FOO"), QStringLiteral("x.yml")}}}};
        QCOMPARE(failure(workflows().checkConfig(config, true)),
                 QStringLiteral("Unknown purpose \"FOO\" for the workflow; use "
                                "PRE_REGRESSION_BUILD, REGRESSION_BUILD, AUTOMATION, TESTFLIGHT or "
                                "ANDROID_BUNDLE."));
        QCOMPARE(workflows().checkMember(QStringLiteral("build"), QStringLiteral("x.yml")),
                 QStringLiteral("Unknown purpose \"build\" for the workflow; use "
                                "PRE_REGRESSION_BUILD, REGRESSION_BUILD, AUTOMATION, TESTFLIGHT or "
                                "ANDROID_BUNDLE."));
        const QJsonObject desktop{
            {QStringLiteral("projectKeys"),
             QJsonObject{{QStringLiteral("DESKTOP"), QStringLiteral("APP")}}}};
        QCOMPARE(failure(projectKeys().checkConfig(desktop, true)),
                 QStringLiteral("Unknown platform \"DESKTOP\" for the project key; use ANDROID, "
                                "IOS or WEB."));
    }

    void membersAreCheckedByTheirKind()
    {
        const QJsonObject config{{QStringLiteral("projectKeys"),
                                  QJsonObject{{QStringLiteral("ANDROID"), QStringLiteral("APP")},
                                              {QStringLiteral("IOS"), QStringLiteral("ios")}}}};
        QCOMPARE(failure(projectKeys().checkConfig(config, true)),
                 QStringLiteral("The project key for iOS is not a key like APP: 2 to 10 capital "
                                "letters, digits or '_', starting with a letter."));
        const QJsonObject blank{{QStringLiteral("projectKeys"),
                                 QJsonObject{{QStringLiteral("WEB"), QStringLiteral(" ")}}}};
        QCOMPARE(failure(projectKeys().checkConfig(blank, true)),
                 QStringLiteral("Enter the project key for Web."));
    }

    // A value picked once the credentials work may wait for the verification, not the save.
    void neededBeforeSavingWaitsForTheSave()
    {
        QCOMPARE(failure(workflows().checkConfig({}, false)), QString());
        QCOMPARE(failure(workflows().checkConfig({}, true)),
                 QStringLiteral("Pick the workflow of at least one purpose."));
        QCOMPARE(failure(projectKeys().checkConfig({}, false)),
                 QStringLiteral("Enter the project key of at least one platform."));
        QCOMPARE(failure(projectKeys().optional().checkConfig({}, true)), QString());
    }

    // Every built-in field has a label and a noun for forms and sentences, a value name for
    // usage text, and one flag per provider.
    void everyBuiltInFieldIsDescribed()
    {
        const ProviderRegistry& registry = ProviderRegistry::builtIn();
        for (const QString& id : registry.providerIds()) {
            const ProviderInfo* info = registry.find(id);
            // The sandbox's simulated services are made by the sandbox, never typed.
            if (info->simulated)
                continue;
            QVERIFY2(!info->fields.isEmpty(), qPrintable(id));
            QStringList flags;
            for (const ProviderField& field : info->fields) {
                const QString where = id + u' ' + field.key;
                QVERIFY2(!field.label.isEmpty(), qPrintable(where));
                QVERIFY2(field.noun.startsWith(QLatin1String("the ")), qPrintable(where));
                QVERIFY2(!field.valueName.isEmpty(), qPrintable(where));
                QVERIFY2(!flags.contains(field.flagName()), qPrintable(where));
                flags << field.flagName();
                if (field.kind == FieldKind::Choice)
                    QVERIFY2(!field.options.isEmpty(), qPrintable(where));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestProviderField)
#include "tst_providerfield.moc"
