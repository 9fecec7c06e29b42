#include "CliRunner.h"
#include "FakeHttpServer.h"
#include "FakeResponse.h"
#include "TestKeyring.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using namespace ReleaseDeck::Test;

namespace {

QJsonArray jsonArray(const CliRun& run)
{
    return QJsonDocument::fromJson(run.out.toUtf8()).array();
}

QByteArray compact(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray basic(const QByteArray& user, const QByteArray& token)
{
    return "Basic " + QByteArray(user + ':' + token).toBase64();
}

// One provider as the CLI connects it, scripted on a fake server that answers success.
struct ProviderScript
{
    QString category;
    QString providerId;
    QStringList addArguments; // after "connection add"
    QByteArray token;
    QString firstPath;       // the call verify makes first, where failures are scripted
    QStringList verifyPaths; // every path a successful verify asks, in order
    QByteArray authHeader;   // lower-case header name
    QByteArray authValue;
};

ProviderScript scripted(const QString& key, FakeHttpServer& server)
{
    ProviderScript script;
    const auto url = [&server](const char* path) {
        return server.url(QLatin1String(path)).toString();
    };
    if (key.startsWith(QLatin1String("gitlab"))) {
        // A self-managed base URL given without /api/v4.
        const QString project = QStringLiteral("/gitlab/api/v4/projects/group/app");
        server.on(
            "GET", project,
            FakeResponse::json(
                200, compact({{QStringLiteral("id"), 42},
                              {QStringLiteral("path_with_namespace"), QStringLiteral("group/app")},
                              {QStringLiteral("default_branch"), QStringLiteral("main")},
                              {QStringLiteral("permissions"),
                               QJsonObject{{QStringLiteral("project_access"),
                                            QJsonObject{{QStringLiteral("access_level"), 40}}},
                                           {QStringLiteral("group_access"), QJsonValue()}}}})));
        script = {QStringLiteral("SCM"),
                  QStringLiteral("gitlab"),
                  {QStringLiteral("gitlab"), QStringLiteral("--project"),
                   QStringLiteral("group/app"), QStringLiteral("--api-url"), url("/gitlab")},
                  "rd-fake-gitlab-token-0001",
                  project,
                  {project},
                  "private-token",
                  "rd-fake-gitlab-token-0001"};
        // An OAuth token goes as a Bearer token instead of PRIVATE-TOKEN.
        if (key == QLatin1String("gitlab-oauth")) {
            script.addArguments << QStringLiteral("--token-type") << QStringLiteral("oauth");
            script.authHeader = "authorization";
            script.authValue = "Bearer " + script.token;
        }
    } else if (key.startsWith(QLatin1String("bitbucket"))) {
        const QString repo = QStringLiteral("/2.0/repositories/acme/app");
        const QString permissions = QStringLiteral("/2.0/user/permissions/repositories");
        server.on(
            "GET", repo,
            FakeResponse::json(
                200, compact({{QStringLiteral("full_name"), QStringLiteral("acme/app")},
                              {QStringLiteral("mainbranch"),
                               QJsonObject{{QStringLiteral("name"), QStringLiteral("main")}}}})));
        server.on("GET", permissions,
                  FakeResponse::json(
                      200, compact({{QStringLiteral("values"),
                                     QJsonArray{QJsonObject{
                                         {QStringLiteral("permission"), QStringLiteral("write")},
                                         {QStringLiteral("repository"),
                                          QJsonObject{{QStringLiteral("full_name"),
                                                       QStringLiteral("acme/app")}}}}}}})));
        const QByteArray token = "rd-fake-bitbucket-token-0002";
        script = {QStringLiteral("SCM"),
                  QStringLiteral("bitbucket"),
                  {QStringLiteral("bitbucket"), QStringLiteral("--workspace"),
                   QStringLiteral("acme"), QStringLiteral("--repo"), QStringLiteral("app"),
                   QStringLiteral("--api-url"), url("/2.0")},
                  token,
                  repo,
                  {repo, permissions},
                  "authorization",
                  "Bearer " + token};
        // An app password goes with the user name, over Basic auth.
        if (key == QLatin1String("bitbucket-app-password")) {
            script.addArguments << QStringLiteral("--username") << QStringLiteral("ada");
            script.authValue = basic("ada", token);
        }
    } else if (key == QLatin1String("slack")) {
        server.on(
            "POST", QStringLiteral("/api/auth.test"),
            FakeResponse::json(200, compact({{QStringLiteral("ok"), true},
                                             {QStringLiteral("team"), QStringLiteral("Acme")},
                                             {QStringLiteral("team_id"), QStringLiteral("T0ACME")},
                                             {QStringLiteral("user"), QStringLiteral("releasebot")},
                                             {QStringLiteral("user_id"), QStringLiteral("U0BOT")}}))
                .withHeader("x-oauth-scopes", "chat:write,channels:read,groups:read"));
        server.on(
            "GET", QStringLiteral("/api/conversations.info"),
            FakeResponse::json(
                200, compact({{QStringLiteral("ok"), true},
                              {QStringLiteral("channel"),
                               QJsonObject{{QStringLiteral("id"), QStringLiteral("C0RELEASES")},
                                           {QStringLiteral("name"), QStringLiteral("releases")},
                                           {QStringLiteral("is_member"), true},
                                           {QStringLiteral("is_private"), false},
                                           {QStringLiteral("is_archived"), false}}}})));
        script = {QStringLiteral("CHAT"),
                  QStringLiteral("slack"),
                  {QStringLiteral("slack"), QStringLiteral("--api-url"), url("/api"),
                   QStringLiteral("--channel"), QStringLiteral("C0RELEASES")},
                  "rd-fake-slack-token-0003",
                  QStringLiteral("/api/auth.test"),
                  {QStringLiteral("/api/auth.test"), QStringLiteral("/api/conversations.info")},
                  "authorization",
                  "Bearer rd-fake-slack-token-0003"};
    } else if (key.startsWith(QLatin1String("jira"))) {
        const bool cloud = key == QLatin1String("jira-cloud");
        const QString api =
            cloud ? QStringLiteral("/jira/rest/api/3") : QStringLiteral("/jira/rest/api/2");
        server.on(
            "GET", api + QStringLiteral("/myself"),
            FakeResponse::json(
                200, compact({{QStringLiteral("accountId"), QStringLiteral("5b10a")},
                              {QStringLiteral("name"), QStringLiteral("ada")},
                              {QStringLiteral("displayName"), QStringLiteral("Ada Lovelace")}})));
        server.on(
            "GET", api + QStringLiteral("/project/DROID"),
            FakeResponse::json(200, compact({{QStringLiteral("key"), QStringLiteral("DROID")}})));
        const QByteArray token = "rd-fake-jira-token-0004";
        // "jira" becomes Jira Cloud with --email and Jira Server/Data Center without it.
        script = {QStringLiteral("ISSUES"),
                  cloud ? QStringLiteral("jira-cloud") : QStringLiteral("jira-server"),
                  {QStringLiteral("jira"), QStringLiteral("--site-url"), url("/jira"),
                   QStringLiteral("--project-key"), QStringLiteral("ANDROID=DROID"),
                   QStringLiteral("--ready-state"), QStringLiteral("ANDROID=Ready for release")},
                  token,
                  api + QStringLiteral("/myself"),
                  {api + QStringLiteral("/myself"), api + QStringLiteral("/project/DROID")},
                  "authorization",
                  cloud ? basic("ada@example.test", token) : "Bearer " + token};
        if (cloud)
            script.addArguments << QStringLiteral("--email") << QStringLiteral("ada@example.test");
    } else if (key == QLatin1String("github-actions")) {
        const QString workflows = QStringLiteral("/api/v3/repos/acme/app/actions/workflows");
        server.on("GET", workflows,
                  FakeResponse::json(
                      200, compact({{QStringLiteral("total_count"), 1},
                                    {QStringLiteral("workflows"),
                                     QJsonArray{QJsonObject{
                                         {QStringLiteral("id"), 161335},
                                         {QStringLiteral("name"), QStringLiteral("Release")},
                                         {QStringLiteral("path"),
                                          QStringLiteral(".github/workflows/release.yml")}}}}})));
        script = {QStringLiteral("CI"),
                  QStringLiteral("github-actions"),
                  {QStringLiteral("github-actions"), QStringLiteral("--owner"),
                   QStringLiteral("acme"), QStringLiteral("--repo"), QStringLiteral("app"),
                   QStringLiteral("--api-url"), url("/api/v3"), QStringLiteral("--workflow"),
                   QStringLiteral("REGRESSION_BUILD=release.yml")},
                  "rd-fake-actions-token-0005",
                  workflows,
                  {workflows},
                  "authorization",
                  "Bearer rd-fake-actions-token-0005"};
    } else if (key == QLatin1String("jenkins")) {
        const QString me = QStringLiteral("/jenkins/me/api/json");
        const QString job = QStringLiteral("/jenkins/job/mobile/job/release/api/json");
        server.on("GET", me,
                  FakeResponse::json(
                      200, compact({{QStringLiteral("id"), QStringLiteral("ada")},
                                    {QStringLiteral("fullName"), QStringLiteral("Ada")}})));
        server.on("GET", job,
                  FakeResponse::json(
                      200, compact({{QStringLiteral("name"), QStringLiteral("release")}})));
        script = {QStringLiteral("CI"),
                  QStringLiteral("jenkins"),
                  {QStringLiteral("jenkins"), QStringLiteral("--url"), url("/jenkins"),
                   QStringLiteral("--user"), QStringLiteral("ada"), QStringLiteral("--job"),
                   QStringLiteral("REGRESSION_BUILD=mobile/release")},
                  "rd-fake-jenkins-token-0006",
                  me,
                  {me, job},
                  "authorization",
                  basic("ada", "rd-fake-jenkins-token-0006")};
    }
    return script;
}

const QRegularExpression IsoUtc(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$"));

} // namespace

// Every verification outcome rule of every provider, through the real releasedeck-cli: a
// SQLite file per row, the test keyring, and a fake provider on 127.0.0.1.
class TestCliProviderRules : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    CliRunner m_cli;
    std::unique_ptr<FakeHttpServer> m_server;
    QString m_savedCategory; // what cleanup() removes if a row stopped early
    int m_run = 0;

    CliRun run(const QStringList& arguments, const QByteArray& input = {}) const
    {
        return m_cli.run(arguments, input);
    }

    CliRun list() const
    {
        return run(
            {QStringLiteral("connection"), QStringLiteral("list"), QStringLiteral("--json")});
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_cli.setEnvironment(
            QStringLiteral("RELEASEDECK_DATABASE"),
            QStringLiteral("sqlite:%1/deck-%2.sqlite").arg(m_dir.path()).arg(++m_run));
        m_server = std::make_unique<FakeHttpServer>();
        const CliRun created =
            run({QStringLiteral("workspace"), QStringLiteral("create"), QStringLiteral("acme")});
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
    }

    void cleanup()
    {
        if (!m_savedCategory.isEmpty())
            run({QStringLiteral("connection"), QStringLiteral("remove"), m_savedCategory});
        m_savedCategory.clear();
        m_server.reset();
    }

    void verifyAppliesTheStatusRules_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<bool>("fails");
        QTest::addColumn<FakeResponse>("failure");
        QTest::addColumn<QString>("expectedStatus");
        QTest::addColumn<bool>("lastVerifiedKept");
        QTest::addColumn<QString>("errorWords");

        const FakeResponse none = FakeResponse::empty(200);
        const FakeResponse serverError = FakeResponse::htmlPage(503);
        const FakeResponse rateLimited =
            FakeResponse::json(429, QByteArray(R"({"message":"Too many requests"})"))
                .withHeader("Retry-After", "3600");
        const QString valid = QStringLiteral("VALID");
        const QString invalid = QStringLiteral("INVALID");
        const QString expired = QStringLiteral("EXPIRED");
        const QString http503 = QStringLiteral("HTTP 503");
        const QString rateLimit = QStringLiteral("rate limit");

        const auto rows = [&](const char* provider, const FakeResponse& refused,
                              const QString& refusedWords,
                              const std::optional<FakeResponse>& expiry) {
            const QString name = QString::fromLatin1(provider);
            QTest::addRow("%s: works", provider)
                << name << false << none << valid << false << QString();
            QTest::addRow("%s: credentials refused", provider)
                << name << true << refused << invalid << false << refusedWords;
            if (expiry)
                QTest::addRow("%s: token expired", provider)
                    << name << true << *expiry << expired << false << QStringLiteral("expired");
            QTest::addRow("%s: server error", provider)
                << name << true << serverError << valid << true << http503;
            QTest::addRow("%s: rate limited", provider)
                << name << true << rateLimited << valid << true << rateLimit;
        };

        rows(
            "gitlab", FakeResponse::json(401, QByteArray(R"({"message":"401 Unauthorized"})")),
            QStringLiteral("GitLab refused the credentials: 401 Unauthorized"),
            FakeResponse::json(
                401,
                QByteArray(
                    R"({"error":"invalid_token","error_description":"Token is expired. You can either do re-authorization or token refresh."})")));
        rows(
            "gitlab-oauth",
            FakeResponse::json(
                401,
                QByteArray(
                    R"({"error":"invalid_token","error_description":"Token was revoked. You have to re-authorize from the user."})")),
            QStringLiteral("GitLab refused the credentials: invalid_token: Token was revoked"),
            std::nullopt);
        rows(
            "bitbucket",
            FakeResponse::json(
                401,
                QByteArray(
                    R"({"type":"error","error":{"message":"Token is invalid or not supported for this endpoint."}})")),
            QStringLiteral("Bitbucket refused the credentials: Token is invalid"),
            FakeResponse::json(
                401,
                QByteArray(R"({"type":"error","error":{"message":"Access token expired."}})")));
        rows("bitbucket-app-password", FakeResponse::empty(401),
             QStringLiteral("Bitbucket refused the credentials"), std::nullopt);
        rows("slack", FakeResponse::json(200, QByteArray(R"({"ok":false,"error":"invalid_auth"})")),
             QStringLiteral("Slack refused the bot token (invalid_auth)"),
             FakeResponse::json(200, QByteArray(R"({"ok":false,"error":"token_expired"})")));
        rows("jira-cloud", FakeResponse::empty(401),
             QStringLiteral("Jira Cloud refused the credentials"), std::nullopt);
        rows("jira-server", FakeResponse::empty(401),
             QStringLiteral("Jira refused the credentials"),
             FakeResponse::json(
                 401, QByteArray(R"({"message":"The personal access token has expired."})")));
        rows("github-actions",
             FakeResponse::json(401, QByteArray(R"({"message":"Bad credentials"})")),
             QStringLiteral("GitHub refused the credentials: Bad credentials"),
             FakeResponse::json(401, QByteArray(R"({"message":"Bad credentials"})"))
                 .withHeader("github-authentication-token-expiration", "2020-01-01 00:00:00 UTC"));
        rows("jenkins", FakeResponse::htmlPage(401),
             QStringLiteral("Jenkins refused the credentials"), std::nullopt);
    }

    void verifyAppliesTheStatusRules()
    {
        QFETCH(QString, provider);
        QFETCH(bool, fails);
        QFETCH(FakeResponse, failure);
        QFETCH(QString, expectedStatus);
        QFETCH(bool, lastVerifiedKept);
        QFETCH(QString, errorWords);

        const ProviderScript script = scripted(provider, *m_server);
        QVERIFY(!script.category.isEmpty());
        const int entriesBefore = keychainEntries();

        QStringList add = {QStringLiteral("connection"), QStringLiteral("add")};
        add << script.addArguments << QStringLiteral("--token-stdin");
        const CliRun added = run(add, script.token + '\n');
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        QVERIFY2(added.out.contains(QLatin1String("(VALID)")), qPrintable(added.out));
        m_savedCategory = script.category;
        QCOMPARE(keychainEntries(), entriesBefore + 1);

        const QJsonArray beforeRows = jsonArray(list());
        QCOMPARE(beforeRows.size(), 1);
        const QJsonObject before = beforeRows.at(0).toObject();
        QCOMPARE(before.value(QStringLiteral("verificationStatus")).toString(),
                 QStringLiteral("VALID"));
        const QString lastBefore = before.value(QStringLiteral("lastVerifiedAt")).toString();
        QVERIFY2(IsoUtc.match(lastBefore).hasMatch(), qPrintable(lastBefore));
        if (!lastVerifiedKept)
            QTest::qWait(1100); // so a new verification time differs from the first one

        if (fails)
            m_server->on(script.firstPath == QLatin1String("/api/auth.test") ? "POST" : "GET",
                         script.firstPath, failure);
        const QList<RecordedRequest> addRequests = m_server->requests();
        m_server->clearRequests();
        const CliRun verified = run({QStringLiteral("connection"), QStringLiteral("verify"),
                                     script.category, QStringLiteral("--json")});
        QVERIFY2(verified.exitCode == (expectedStatus == QLatin1String("VALID") && !fails ? 0 : 1),
                 qPrintable(verified.out + verified.err));

        const QJsonArray rows = jsonArray(verified);
        QCOMPARE(rows.size(), 1);
        const QJsonObject row = rows.at(0).toObject();
        QCOMPARE(row.value(QStringLiteral("id")).toInteger(),
                 before.value(QStringLiteral("id")).toInteger());
        QCOMPARE(row.value(QStringLiteral("category")).toString(), script.category);
        QCOMPARE(row.value(QStringLiteral("provider")).toString(), script.providerId);
        QCOMPARE(row.value(QStringLiteral("verificationStatus")).toString(), expectedStatus);
        const QString lastAfter = row.value(QStringLiteral("lastVerifiedAt")).toString();
        QVERIFY2(IsoUtc.match(lastAfter).hasMatch(), qPrintable(verified.out));
        QCOMPARE(lastAfter == lastBefore, lastVerifiedKept);
        if (errorWords.isEmpty())
            QVERIFY2(row.value(QStringLiteral("verificationError")).isNull(),
                     qPrintable(verified.out));
        else
            QVERIFY2(row.value(QStringLiteral("verificationError"))
                         .toString()
                         .contains(errorWords, Qt::CaseInsensitive),
                     qPrintable(verified.out));
        QCOMPARE(row.value(QStringLiteral("tokenOnThisMachine")).toBool(), true);
        QVERIFY(!verified.out.contains(QString::fromLatin1(script.token)));

        // What verify reported is what was stored.
        const QJsonArray storedRows = jsonArray(list());
        QCOMPARE(storedRows.size(), 1);
        const QJsonObject stored = storedRows.at(0).toObject();
        for (const char* field : {"id", "category", "provider", "verificationStatus",
                                  "lastVerifiedAt", "verificationError", "tokenOnThisMachine"})
            QCOMPARE(stored.value(QLatin1String(field)), row.value(QLatin1String(field)));

        // The exact calls, each carrying the token in the provider's auth scheme; a failed
        // call ends the verification.
        const QList<RecordedRequest> asked = m_server->requests();
        QVERIFY(!asked.isEmpty());
        QStringList paths;
        for (const RecordedRequest& request : asked)
            paths << request.path;
        if (fails)
            QCOMPARE(QSet<QString>(paths.cbegin(), paths.cend()), QSet<QString>{script.firstPath});
        else
            QCOMPARE(paths, script.verifyPaths);
        for (const RecordedRequest& request : addRequests + asked) {
            QCOMPARE(request.header(script.authHeader), script.authValue);
            if (script.authHeader != "authorization")
                QVERIFY(request.header("authorization").isEmpty());
        }

        const CliRun removed =
            run({QStringLiteral("connection"), QStringLiteral("remove"), script.category});
        QVERIFY2(removed.exitCode == 0, qPrintable(removed.err));
        m_savedCategory.clear();
        QCOMPARE(keychainEntries(), entriesBefore);
    }

    // Each provider's distinctive bad input: one sentence, exit 2, nothing asked or saved.
    void badProviderInputIsAUsageError_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("words");

        const QString fake = QStringLiteral("{fake}");
        QTest::newRow("gitlab: project without a group")
            << QStringList{QStringLiteral("gitlab"), QStringLiteral("--project"),
                           QStringLiteral("app"), QStringLiteral("--api-url"),
                           fake + QStringLiteral("/gitlab")}
            << QStringLiteral("not a path like group/app");
        QTest::newRow("gitlab: unknown token type")
            << QStringList{QStringLiteral("gitlab"),         QStringLiteral("--project"),
                           QStringLiteral("group/app"),      QStringLiteral("--api-url"),
                           fake + QStringLiteral("/gitlab"), QStringLiteral("--token-type"),
                           QStringLiteral("deploy")}
            << QStringLiteral("token type \"deploy\" is unknown");
        QTest::newRow("bitbucket: workspace with spaces")
            << QStringList{QStringLiteral("bitbucket"),  QStringLiteral("--workspace"),
                           QStringLiteral("acme team"),  QStringLiteral("--repo"),
                           QStringLiteral("app"),        QStringLiteral("--api-url"),
                           fake + QStringLiteral("/2.0")}
            << QStringLiteral("contains spaces");
        QTest::newRow("bitbucket: plain http to another host")
            << QStringList{QStringLiteral("bitbucket"),
                           QStringLiteral("--workspace"),
                           QStringLiteral("acme"),
                           QStringLiteral("--repo"),
                           QStringLiteral("app"),
                           QStringLiteral("--api-url"),
                           QStringLiteral("http://bitbucket.example.com/2.0")}
            << QStringLiteral("https://");
        QTest::newRow("slack: channel name instead of id")
            << QStringList{QStringLiteral("slack"), QStringLiteral("--api-url"),
                           fake + QStringLiteral("/api"), QStringLiteral("--channel"),
                           QStringLiteral("#releases")}
            << QStringLiteral("Use the Slack channel's ID");
        QTest::newRow("jira: unknown platform") << QStringList{QStringLiteral("jira"),
                                                               QStringLiteral("--site-url"),
                                                               fake + QStringLiteral("/jira"),
                                                               QStringLiteral("--email"),
                                                               QStringLiteral("ada@example.test"),
                                                               QStringLiteral("--project-key"),
                                                               QStringLiteral("DESKTOP=DROID")}
                                                << QStringLiteral("Unknown platform \"DESKTOP\"");
        QTest::newRow("jira-server: email is for Jira Cloud")
            << QStringList{QStringLiteral("jira-server"),      QStringLiteral("--site-url"),
                           fake + QStringLiteral("/jira"),     QStringLiteral("--email"),
                           QStringLiteral("ada@example.test"), QStringLiteral("--project-key"),
                           QStringLiteral("ANDROID=DROID")}
            << QStringLiteral("--email does not apply to jira-server");
        const QStringList actions{QStringLiteral("github-actions"),
                                  QStringLiteral("--owner"),
                                  QStringLiteral("acme"),
                                  QStringLiteral("--repo"),
                                  QStringLiteral("app"),
                                  QStringLiteral("--api-url"),
                                  fake + QStringLiteral("/api/v3"),
                                  QStringLiteral("--workflow")};
        const QStringList jenkins{
            QStringLiteral("jenkins"), QStringLiteral("--url"), fake + QStringLiteral("/jenkins"),
            QStringLiteral("--user"),  QStringLiteral("ada"),   QStringLiteral("--job")};
        QTest::newRow("github-actions: workflow without purpose")
            << actions + QStringList{QStringLiteral("release.yml")}
            << QStringLiteral("--workflow takes NAME=VALUE");
        QTest::newRow("jenkins: job without purpose")
            << jenkins + QStringList{QStringLiteral("release")}
            << QStringLiteral("--job takes NAME=VALUE");
        // The purposes are core's list, the one the wizard offers and the orchestrator reads.
        const QString knownPurposes =
            QStringLiteral("use PRE_REGRESSION_BUILD, REGRESSION_BUILD, AUTOMATION, TESTFLIGHT or "
                           "ANDROID_BUNDLE");
        QTest::newRow("github-actions: unknown purpose")
            << actions + QStringList{QStringLiteral("FOO=x.yml")}
            << QStringLiteral("Unknown purpose \"FOO\" for the workflow; ") + knownPurposes;
        QTest::newRow("jenkins: unknown purpose")
            << jenkins + QStringList{QStringLiteral("build=mobile/release")}
            << QStringLiteral("Unknown purpose \"build\" for the job; ") + knownPurposes;
    }

    void badProviderInputIsAUsageError()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, words);
        const QString fake = m_server->url().toString();
        QStringList add = {QStringLiteral("connection"), QStringLiteral("add")};
        for (const QString& argument : std::as_const(arguments))
            add << QString(argument).replace(QStringLiteral("{fake}"), fake);
        add << QStringLiteral("--token-stdin");
        const int entriesBefore = keychainEntries();

        const CliRun added = run(add, "rd-fake-usage-token-0007\n");
        QCOMPARE(added.exitCode, 2);
        QVERIFY2(added.err.contains(words, Qt::CaseInsensitive), qPrintable(added.err));
        QCOMPARE(added.err.count(QLatin1String("releasedeck-cli: ")), 1);
        QCOMPARE(m_server->requests().size(), 0);
        QCOMPARE(keychainEntries(), entriesBefore);
        QCOMPARE(jsonArray(list()).size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCliProviderRules)
#include "tst_cli_providerrules.moc"
