#include "TeamFixture.h"

#include "ResultText.h"
#include "store/AccountStore.h"
#include "store/WorkspaceStore.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace ReleaseDeck::Test {

namespace {

QString runText(const CliRun& run)
{
    return QStringLiteral("exit %1\n%2%3").arg(run.exitCode).arg(run.out, run.err);
}

} // namespace

bool TeamFixture::setUp(const QString& tag, QString* error)
{
    server = TestMariaDb::fromEnvironment(error);
    if (!server.isValid())
        return false;
    databaseName = TestMariaDb::uniqueName(tag);
    if (server.createDatabase(databaseName, error).isEmpty())
        return false;
    const QString prefix = QStringLiteral("t%1").arg(QCoreApplication::applicationPid(), 0, 36);
    owner = {prefix + QStringLiteral("_olga"), QStringLiteral("OlgaPass1of3"),
             QStringLiteral("olga@acme.test"), QStringLiteral("Olga Owner"), 0};
    editor = {prefix + QStringLiteral("_ed"), QStringLiteral("EdPass2of3"),
              QStringLiteral("ed@acme.test"), QStringLiteral("Ed Editor"), 0};
    viewer = {prefix + QStringLiteral("_vic"), QString(), QStringLiteral("vic@acme.test"),
              QStringLiteral("Vic Viewer"), 0};
    tearDownUsers();

    for (const QStringList& step :
         {QStringList{QStringLiteral("db"), QStringLiteral("migrate")},
          QStringList{QStringLiteral("workspace"), QStringLiteral("create"),
                      QStringLiteral("Acme")},
          QStringList{QStringLiteral("workspace"), QStringLiteral("create"),
                      QStringLiteral("Globex")}}) {
        const CliRun run = cli(nullptr, step);
        if (run.exitCode != 0) {
            *error = step.join(QLatin1Char(' ')) + QStringLiteral(": ") + runText(run);
            return false;
        }
    }
    if (!addMember(nullptr, owner, QStringLiteral("OWNER"), true, error) || !login(owner, error) ||
        !addMember(&owner, editor, QStringLiteral("EDITOR"), true, error) ||
        !addMember(&owner, viewer, QStringLiteral("VIEWER"), false, error) ||
        !login(editor, error) || !login(viewer, error))
        return false;

    std::unique_ptr<Database> admin = database(nullptr);
    WorkspaceStore workspaces(*admin);
    AccountStore accounts(*admin);
    acme = workspaces.findByName(QStringLiteral("Acme"))->value_or(Workspace{}).id;
    globex = workspaces.findByName(QStringLiteral("Globex"))->value_or(Workspace{}).id;
    adminAccountId = accounts.findByLogin(server.user)->value_or(Account{}).id;
    for (TeamMember* member : {&owner, &editor, &viewer})
        member->accountId = accounts.findByLogin(member->user)->value_or(Account{}).id;
    if (acme == 0 || globex == 0 || adminAccountId == 0 || owner.accountId == 0 ||
        editor.accountId == 0 || viewer.accountId == 0) {
        *error = QStringLiteral("the team's workspaces or accounts are missing");
        return false;
    }
    return true;
}

bool TeamFixture::addMember(const TeamMember* by, TeamMember& member, const QString& role,
                            bool passwordFromStdin, QString* error)
{
    QStringList arguments = {QStringLiteral("--workspace"),
                             QStringLiteral("Acme"),
                             QStringLiteral("member"),
                             QStringLiteral("add"),
                             member.email,
                             QStringLiteral("--name"),
                             member.name,
                             QStringLiteral("--role"),
                             role,
                             QStringLiteral("--db-user"),
                             member.user};
    if (passwordFromStdin)
        arguments << QStringLiteral("--password-stdin");
    const CliRun run =
        cli(by, arguments, passwordFromStdin ? member.password.toUtf8() + '\n' : QByteArray());
    if (run.exitCode != 0 || !run.out.contains(QLatin1String("with the new database account"))) {
        *error = QStringLiteral("member add %1: %2").arg(member.user, runText(run));
        return false;
    }
    if (!passwordFromStdin) {
        // The line after "Its password, shown only now…", indented by two spaces.
        static const QRegularExpression shown(QStringLiteral("shown only now[^\\n]*\\n  (\\S+)"));
        const QRegularExpressionMatch match = shown.match(run.out);
        if (!match.hasMatch()) {
            *error = QStringLiteral("no one-time password printed: ") + run.out;
            return false;
        }
        member.password = match.captured(1);
    }
    return true;
}

bool TeamFixture::login(const TeamMember& member, QString* error)
{
    const CliRun run =
        cli(&member,
            {QStringLiteral("db"), QStringLiteral("login"), QStringLiteral("--password-stdin")},
            member.password.toUtf8() + '\n');
    if (run.exitCode != 0) {
        *error = QStringLiteral("db login %1: %2").arg(member.user, runText(run));
        return false;
    }
    return true;
}

void TeamFixture::tearDownUsers()
{
    std::unique_ptr<Database> admin = database(nullptr);
    for (const TeamMember* member : {&owner, &editor, &viewer}) {
        if (!member->user.isEmpty())
            (void)admin->run(QStringLiteral("DROP USER IF EXISTS '%1'@'%'").arg(member->user));
    }
}

void TeamFixture::tearDown()
{
    tearDownUsers();
    QString error;
    server.dropDatabase(databaseName, &error);
}

QString TeamFixture::adminUrl() const
{
    return server.url(databaseName);
}

QString TeamFixture::urlOf(const TeamMember& member) const
{
    return QStringLiteral("mysql://%1@%2:%3/%4")
        .arg(member.user, server.host)
        .arg(server.port)
        .arg(databaseName);
}

CliRun TeamFixture::cli(const TeamMember* member, QStringList arguments,
                        const QByteArray& input) const
{
    arguments.prepend(member ? urlOf(*member) : adminUrl());
    arguments.prepend(QStringLiteral("--database"));
    return CliRunner().run(arguments, input);
}

std::unique_ptr<Database> TeamFixture::database(const TeamMember* member) const
{
    Result<DatabaseUrl> url = DatabaseUrl::parse(member ? urlOf(*member) : adminUrl());
    if (!url)
        qFatal("bad test URL: %s", qPrintable(url.error().message));
    return std::make_unique<Database>(*url, member ? member->password : QString());
}

MariaDbClient TeamFixture::client(const TeamMember& member) const
{
    return MariaDbClient(server, member.user, member.password, databaseName);
}

} // namespace ReleaseDeck::Test
