#include "DbCommands.h"

#include "CliApplication.h"
#include "CliOutput.h"
#include "CliSession.h"
#include "db/MigrationRunner.h"
#include "secrets/SecretKeys.h"
#include "secrets/SecretStoreFactory.h"
#include "secrets/TokenInput.h"

#include <QJsonArray>
#include <QJsonObject>

namespace ReleaseDeck {

namespace {

int migrate(CliInvocation& invocation)
{
    Result<std::unique_ptr<CliSession>> session =
        CliSession::open(invocation.globals, CliSession::Schema::AsIs);
    if (!session)
        return CliSession::fail(invocation.output, session.error());
    MigrationRunner runner((*session)->database());
    Result<int> applied = runner.migrate();
    if (!applied)
        return CliSession::fail(invocation.output, applied.error());
    Result<MigrationStatus> status = runner.status();
    if (!status)
        return CliSession::fail(invocation.output, status.error());
    if (*applied == 0)
        invocation.output.line(
            QStringLiteral("The schema is up to date at version %1.").arg(status->currentVersion));
    else
        invocation.output.line(
            QStringLiteral("Applied %1 migration(s); the schema is at version %2.")
                .arg(*applied)
                .arg(status->currentVersion));
    return ExitSuccess;
}

int showStatus(CliInvocation& invocation)
{
    Result<std::unique_ptr<CliSession>> session =
        CliSession::open(invocation.globals, CliSession::Schema::AsIs);
    if (!session)
        return CliSession::fail(invocation.output, session.error());
    MigrationRunner runner((*session)->database());
    Result<MigrationStatus> status = runner.status();
    if (!status)
        return CliSession::fail(invocation.output, status.error());
    if (invocation.parser.isSet(QStringLiteral("json"))) {
        QJsonArray applied;
        for (const MigrationStatus::Applied& step : std::as_const(status->applied))
            applied.append(QJsonObject{
                {QStringLiteral("number"), step.number},
                {QStringLiteral("name"), step.name},
                {QStringLiteral("appliedAt"), step.appliedAt.toString(Qt::ISODateWithMs)}});
        QJsonArray pending;
        for (const Migration& step : std::as_const(status->pending))
            pending.append(QJsonObject{{QStringLiteral("number"), step.number},
                                       {QStringLiteral("name"), step.name}});
        invocation.output.json(
            QJsonObject{{QStringLiteral("database"), (*session)->database().url().toString()},
                        {QStringLiteral("currentVersion"), status->currentVersion},
                        {QStringLiteral("applied"), applied},
                        {QStringLiteral("pending"), pending}});
        return ExitSuccess;
    }
    invocation.output.line(
        QStringLiteral("Database: %1").arg((*session)->database().url().toString()));
    invocation.output.line(QStringLiteral("Schema version: %1").arg(status->currentVersion));
    for (const MigrationStatus::Applied& step : std::as_const(status->applied))
        invocation.output.line(QStringLiteral("  applied  %1 %2  %3")
                                   .arg(step.number, 3, 10, QLatin1Char('0'))
                                   .arg(step.name, step.appliedAt.toString(Qt::ISODate)));
    for (const Migration& step : std::as_const(status->pending))
        invocation.output.line(QStringLiteral("  pending  %1 %2")
                                   .arg(step.number, 3, 10, QLatin1Char('0'))
                                   .arg(step.name));
    return ExitSuccess;
}

int rollback(CliInvocation& invocation)
{
    bool isNumber = false;
    const int target = invocation.parser.value(QStringLiteral("to")).toInt(&isNumber);
    if (!invocation.parser.isSet(QStringLiteral("to")) || !isNumber || target < 0)
        return invocation.output.usageError(QStringLiteral(
            "db rollback needs --to N, the schema version to go back to (0 or more)."));
    Result<std::unique_ptr<CliSession>> session =
        CliSession::open(invocation.globals, CliSession::Schema::AsIs);
    if (!session)
        return CliSession::fail(invocation.output, session.error());
    MigrationRunner runner((*session)->database());
    Result<int> reverted = runner.rollbackTo(target);
    if (!reverted)
        return CliSession::fail(invocation.output, reverted.error());
    invocation.output.line(
        QStringLiteral("Rolled back %1 migration(s); the schema is at version %2.")
            .arg(*reverted)
            .arg(target));
    return ExitSuccess;
}

int login(CliInvocation& invocation)
{
    if (!invocation.parser.isSet(QStringLiteral("password-stdin")))
        return invocation.output.usageError(QStringLiteral(
            "db login reads the password from standard input; pass --password-stdin."));
    Result<DatabaseUrl> url = DatabaseUrl::parseOrDefault(invocation.globals.database);
    if (!url)
        return CliSession::fail(invocation.output, url.error());
    if (!url->isShared())
        return invocation.output.usageError(
            QStringLiteral("db login is for a shared MariaDB/MySQL database; a local SQLite file "
                           "has no password."));
    Result<QString> password = readPasswordFrom(invocation.input);
    if (!password)
        return CliSession::fail(invocation.output, password.error());
    {
        // Only a password the server accepts is worth keeping.
        Database database(*url, *password);
        if (Status opened = database.open(); !opened)
            return CliSession::fail(invocation.output, opened.error());
    }
    Error error;
    std::unique_ptr<SecretStore> store = createSecretStore(invocation.globals.secrets, &error);
    if (!store)
        return CliSession::fail(invocation.output, error);
    const SecretResult written =
        awaitSecret(store->write(SecretKeys::databasePassword(url->toString()), *password));
    if (!written.ok())
        return CliSession::fail(invocation.output, written.error);
    invocation.output.line(QStringLiteral("Stored the password for %1 in %2.")
                               .arg(url->toString(), store->description()));
    return ExitSuccess;
}

} // namespace

void addDbCommands(CliApplication& cli)
{
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("print JSON"));
    cli.add({{QStringLiteral("db"), QStringLiteral("migrate")},
             {},
             QStringLiteral("apply every pending schema migration"),
             {},
             0,
             0,
             migrate});
    cli.add({{QStringLiteral("db"), QStringLiteral("status")},
             {},
             QStringLiteral("show the schema version, applied and pending migrations"),
             {json},
             0,
             0,
             showStatus});
    cli.add({{QStringLiteral("db"), QStringLiteral("rollback")},
             {},
             QStringLiteral("undo migrations above version N (--to N)"),
             {QCommandLineOption(QStringLiteral("to"), QStringLiteral("the version to go back to"),
                                 QStringLiteral("N"))},
             0,
             0,
             rollback});
    cli.add({{QStringLiteral("db"), QStringLiteral("login")},
             {},
             QStringLiteral("store a shared database's password (read from standard input)"),
             {QCommandLineOption(
                 QStringLiteral("password-stdin"),
                 QStringLiteral("read the password from standard input, as typed: only the "
                                "line ending at its end is removed"))},
             0,
             0,
             login});
}

} // namespace ReleaseDeck
