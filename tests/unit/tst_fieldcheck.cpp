#include "providers/FieldCheck.h"

#include <QTest>

using namespace ReleaseDeck;

// Each kind's one check, as the wizard, the command line and every config use it: one
// sentence naming the field, or nothing when the value is fine.
class TestFieldCheck : public QObject
{
    Q_OBJECT

private slots:
    void eachKind_data()
    {
        QTest::addColumn<FieldKind>("kind");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("message"); // empty: fine

        const auto row = [](const char* name, FieldKind kind, const QString& value,
                            const QString& message) {
            QTest::newRow(name) << kind << value << message;
        };
        row("text", FieldKind::Text, QStringLiteral("Ready for Release"), {});
        row("text blank", FieldKind::Text, QStringLiteral("  "),
            QStringLiteral("Enter the value."));
        row("text too long", FieldKind::Text, QString(101, u'x'),
            QStringLiteral("Shorten the value to at most 100 characters."));

        row("url", FieldKind::Url, QStringLiteral("https://acme.atlassian.net"), {});
        row("url http to 127.0.0.1", FieldKind::Url, QStringLiteral("http://127.0.0.1:8080"), {});
        row("url http to 127.0.0.2", FieldKind::Url, QStringLiteral("http://127.0.0.2:8080/api"),
            {});
        row("url http to localhost", FieldKind::Url, QStringLiteral("http://localhost:9/x"), {});
        row("url http to [::1]", FieldKind::Url, QStringLiteral("http://[::1]:9/x"), {});
        row("url http elsewhere", FieldKind::Url, QStringLiteral("http://acme.atlassian.net"),
            QStringLiteral("Use https:// for the value; plain http:// is only allowed for this "
                           "computer."));
        row("url without scheme", FieldKind::Url, QStringLiteral("acme.atlassian.net"),
            QStringLiteral("Enter the value as a URL starting with https://, e.g. "
                           "https://example.com."));
        row("url ftp", FieldKind::Url, QStringLiteral("ftp://host/x"),
            QStringLiteral("Enter the value as a URL starting with https://, e.g. "
                           "https://example.com."));
        row("url with a space", FieldKind::Url, QStringLiteral("https://acme atlassian.net"),
            QStringLiteral("The value cannot contain spaces."));
        row("url with credentials", FieldKind::Url, QStringLiteral("https://me:pw@host/x"),
            QStringLiteral("The value must not contain a user name or password."));
        row("url too long", FieldKind::Url, QStringLiteral("https://a.com/") + QString(2100, u'x'),
            QStringLiteral("Shorten the value to at most 2048 characters."));

        row("slug", FieldKind::Slug, QStringLiteral("release-deck_2.x"), {});
        row("slug with a space", FieldKind::Slug, QStringLiteral("my repo"),
            QStringLiteral("The value contains spaces; use the name as it appears in the URL."));
        row("slug with a slash", FieldKind::Slug, QStringLiteral("a/b"),
            QStringLiteral("The value may only contain letters, digits, '.', '-' and '_'."));

        row("project path", FieldKind::ProjectPath, QStringLiteral("group/sub/app"), {});
        row("project path with a trailing slash", FieldKind::ProjectPath,
            QStringLiteral("group/app/"), {});
        row("project path without a group", FieldKind::ProjectPath, QStringLiteral("app"),
            QStringLiteral("The value is not a path like group/app or group/subgroup/app."));
        row("project path with an empty segment", FieldKind::ProjectPath,
            QStringLiteral("group//app"),
            QStringLiteral("The value is not a path like group/app or group/subgroup/app."));
        row("project path with a space", FieldKind::ProjectPath, QStringLiteral("my group/app"),
            QStringLiteral("The value contains spaces; use the path from the project's URL, "
                           "like group/app."));

        row("email", FieldKind::Email, QStringLiteral("ana@example.com"), {});
        row("email without a domain", FieldKind::Email, QStringLiteral("ana@example"),
            QStringLiteral("Enter an email address like ana@example.com."));

        row("user name", FieldKind::UserName, QStringLiteral("release-bot"), {});
        row("user name with a colon", FieldKind::UserName, QStringLiteral("ada:x"),
            QStringLiteral("The value may not contain spaces or ':'."));

        row("slack channel", FieldKind::SlackChannel, QStringLiteral("C0RELEASES"), {});
        row("slack channel by name", FieldKind::SlackChannel, QStringLiteral("#releases"),
            QStringLiteral("Use the Slack channel's ID (like C0123ABCD) instead of its name "
                           "#releases; Slack shows the ID at the bottom of the channel's "
                           "details."));
        row("slack channel lower case", FieldKind::SlackChannel, QStringLiteral("c0releases"),
            QStringLiteral("The value is not a channel ID like C0123ABCD."));

        row("project key", FieldKind::ProjectKey, QStringLiteral("MOB2"), {});
        const QString keyShape = QStringLiteral(
            "The value is not a key like APP: 2 to 10 capital letters, digits or '_', starting "
            "with a letter.");
        row("project key of one letter", FieldKind::ProjectKey, QStringLiteral("A"), keyShape);
        row("project key in lower case", FieldKind::ProjectKey, QStringLiteral("app"), keyShape);
        row("project key of eleven", FieldKind::ProjectKey, QStringLiteral("ABCDEFGHIJK"),
            keyShape);

        row("job", FieldKind::JobPath, QStringLiteral("mobile/android-release"), {});
        row("job with a leading slash", FieldKind::JobPath, QStringLiteral("/mobile"),
            QStringLiteral("The value is not a job's full name like folder/job."));
    }

    void eachKind()
    {
        QFETCH(FieldKind, kind);
        QFETCH(QString, value);
        QFETCH(QString, message);
        QCOMPARE(FieldCheck::of(kind, value, QStringLiteral("the value")), message);
    }

    void choiceNamesTheWords()
    {
        const QStringList words{QStringLiteral("private"), QStringLiteral("oauth")};
        QCOMPARE(
            FieldCheck::choice(QStringLiteral("oauth"), QStringLiteral("the token type"), words),
            QString());
        QCOMPARE(
            FieldCheck::choice(QStringLiteral("deploy"), QStringLiteral("the token type"), words),
            QStringLiteral("The token type \"deploy\" is unknown; use private or oauth."));
    }
};

QTEST_GUILESS_MAIN(TestFieldCheck)
#include "tst_fieldcheck.moc"
