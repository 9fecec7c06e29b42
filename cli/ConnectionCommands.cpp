#include "ConnectionCommands.h"

#include "CliApplication.h"
#include "CliOutput.h"
#include "CliSession.h"
#include "ConnectionFlags.h"
#include "providers/ConnectionVerifier.h"
#include "secrets/CredentialsDirectorySecretStore.h"
#include "secrets/SecretStoreFactory.h"
#include "secrets/TokenInput.h"
#include "services/ConnectionService.h"

#include <QJsonArray>
#include <QJsonObject>

namespace ReleaseDeck {

namespace {

const QString JsonFlag = QStringLiteral("json");

QJsonValue timeOrNull(const QDateTime& time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODate)) : QJsonValue();
}

QJsonValue textOrNull(const QString& text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

QJsonObject connectionJson(const Connection& connection, bool tokenOnThisMachine)
{
    return {{QStringLiteral("id"), connection.id},
            {QStringLiteral("category"), toText(connection.category)},
            {QStringLiteral("provider"), connection.provider},
            {QStringLiteral("displayName"), connection.displayName},
            {QStringLiteral("verificationStatus"), toText(connection.status)},
            {QStringLiteral("lastVerifiedAt"), timeOrNull(connection.lastVerifiedAt)},
            {QStringLiteral("verificationError"), textOrNull(connection.verificationError)},
            {QStringLiteral("tokenOnThisMachine"), tokenOnThisMachine}};
}

QString connectionLine(const Connection& connection, bool tokenOnThisMachine)
{
    QString line = QStringLiteral("%1  %2  %3  %4  %5  last verified %6  token %7")
                       .arg(QString::number(connection.id), toText(connection.category),
                            connection.provider, connection.displayName, toText(connection.status),
                            connection.lastVerifiedAt.isValid()
                                ? connection.lastVerifiedAt.toUTC().toString(Qt::ISODate)
                                : QStringLiteral("never"),
                            tokenOnThisMachine ? QStringLiteral("here")
                                               : QStringLiteral("not on this machine"));
    if (!connection.verificationError.isEmpty())
        line += QStringLiteral("\n    ") + connection.verificationError;
    return line;
}

// What every connection command needs: the session, the actor, the secret store and
// the service over them.
struct ConnectionContext
{
    std::unique_ptr<CliSession> session;
    Actor actor;
    std::unique_ptr<SecretStore> secrets;
    std::unique_ptr<ConnectionVerifier> verifier;
    std::unique_ptr<ConnectionService> service;
};

Result<ConnectionContext> openContext(const CliGlobals& globals)
{
    Error storeError;
    std::unique_ptr<SecretStore> secrets = createSecretStore(globals.secrets, &storeError);
    if (!secrets)
        return storeError;
    Result<std::unique_ptr<CliSession>> session =
        CliSession::open(globals, CliSession::Schema::Current);
    if (!session)
        return session.error();
    Result<Actor> actor = (*session)->actor();
    if (!actor)
        return actor.error();
    ConnectionContext context;
    context.session = std::move(session).value();
    context.actor = *actor;
    context.secrets = std::move(secrets);
    context.verifier = std::make_unique<ConnectionVerifier>();
    context.service = std::make_unique<ConnectionService>(
        context.session->database(), *context.secrets, *context.verifier, context.session->login());
    return context;
}

int add(CliInvocation& invocation)
{
    const QString providerName = invocation.parser.positionalArguments().constFirst();
    Result<ConnectionDraft> draft = ConnectionFlags::draft(providerName, invocation.parser);
    if (!draft)
        return CliSession::fail(invocation.output, draft.error());
    if (!invocation.parser.isSet(QStringLiteral("token-stdin")))
        return invocation.output.usageError(
            QStringLiteral("connection add: a token is needed; pipe it in with --token-stdin "
                           "(tokens are never read from a flag)."));
    Result<QString> token = readTokenFrom(invocation.input);
    if (!token)
        return CliSession::fail(invocation.output, token.error());
    draft->token = *token;

    Result<ConnectionContext> context = openContext(invocation.globals);
    if (!context)
        return CliSession::fail(invocation.output, context.error());
    ConnectionService::AddOptions options;
    options.verify = !invocation.parser.isSet(QStringLiteral("no-verify"));
    Result<Connection> added = context->service->add(context->actor, *draft, options);
    if (!added)
        return CliSession::fail(invocation.output, added.error());
    if (invocation.parser.isSet(JsonFlag)) {
        invocation.output.json(connectionJson(*added, true));
        return ExitSuccess;
    }
    invocation.output.line(
        QStringLiteral("Added %1 connection %2 (%3).")
            .arg(added->displayName, QString::number(added->id), toText(added->status)));
    return ExitSuccess;
}

int list(CliInvocation& invocation)
{
    Result<ConnectionContext> context = openContext(invocation.globals);
    if (!context)
        return CliSession::fail(invocation.output, context.error());
    Result<QList<ConnectionRow>> rows = context->service->list(context->actor);
    if (!rows)
        return CliSession::fail(invocation.output, rows.error());
    if (invocation.parser.isSet(JsonFlag)) {
        QJsonArray array;
        for (const ConnectionRow& row : std::as_const(*rows)) {
            QJsonObject object = connectionJson(row.connection, row.tokenOnThisMachine);
            object.insert(QStringLiteral("config"), row.connection.config);
            // The file --secrets credentials-dir reads the token from (systemd LoadCredential=).
            object.insert(
                QStringLiteral("credential"),
                CredentialsDirectorySecretStore::credentialName(row.connection.secretRef));
            array.append(object);
        }
        invocation.output.json(array);
        return ExitSuccess;
    }
    if (rows->isEmpty())
        invocation.output.line(QStringLiteral(
            "No connections yet; add one with 'releasedeck-cli connection add PROVIDER …'."));
    for (const ConnectionRow& row : std::as_const(*rows))
        invocation.output.line(connectionLine(row.connection, row.tokenOnThisMachine));
    return ExitSuccess;
}

int verify(CliInvocation& invocation)
{
    const QStringList positional = invocation.parser.positionalArguments();
    const bool all = invocation.parser.isSet(QStringLiteral("all")) || positional.isEmpty();
    if (invocation.parser.isSet(QStringLiteral("all")) && !positional.isEmpty())
        return invocation.output.usageError(
            QStringLiteral("connection verify: give CATEGORY, ID or --all, not both."));

    Result<ConnectionContext> context = openContext(invocation.globals);
    if (!context)
        return CliSession::fail(invocation.output, context.error());
    ConnectionService& service = *context->service;
    Result<QList<ConnectionRow>> rows = service.list(context->actor);
    if (!rows)
        return CliSession::fail(invocation.output, rows.error());

    QList<VerificationOutcome> outcomes;
    if (all) {
        Result<QList<ConnectionService::Verified>> verified = service.verifyAll(context->actor);
        if (!verified)
            return CliSession::fail(invocation.output, verified.error());
        for (const ConnectionService::Verified& each : std::as_const(*verified))
            outcomes.append(each.outcome);
    } else {
        Result<Connection> chosen = service.resolve(context->actor, positional.constFirst());
        if (!chosen)
            return CliSession::fail(invocation.output, chosen.error());
        Result<ConnectionService::Verified> verified = service.verify(context->actor, chosen->id);
        if (!verified)
            return CliSession::fail(invocation.output, verified.error());
        outcomes.append(verified->outcome);
    }

    bool allValid = true;
    QJsonArray array;
    QStringList lines;
    for (const ConnectionRow& row : std::as_const(*rows)) {
        const auto outcome =
            std::find_if(outcomes.cbegin(), outcomes.cend(), [&row](const VerificationOutcome& o) {
                return o.connectionId == row.connection.id;
            });
        if (outcome == outcomes.cend())
            continue;
        Connection connection = row.connection;
        connection.status = outcome->status;
        connection.lastVerifiedAt = outcome->lastVerifiedAt;
        connection.verificationError = outcome->error;
        allValid = allValid && outcome->conclusive && outcome->status == VerificationStatus::Valid;
        array.append(connectionJson(connection, row.tokenOnThisMachine));
        lines.append(connectionLine(connection, row.tokenOnThisMachine));
    }
    if (invocation.parser.isSet(JsonFlag))
        invocation.output.json(array);
    else if (lines.isEmpty())
        invocation.output.line(QStringLiteral("No connections to verify."));
    for (const QString& line : std::as_const(lines)) {
        if (!invocation.parser.isSet(JsonFlag))
            invocation.output.line(line);
    }
    return allValid ? ExitSuccess : ExitFailure;
}

int remove(CliInvocation& invocation)
{
    Result<ConnectionContext> context = openContext(invocation.globals);
    if (!context)
        return CliSession::fail(invocation.output, context.error());
    Result<Connection> chosen = context->service->resolve(
        context->actor, invocation.parser.positionalArguments().constFirst());
    if (!chosen)
        return CliSession::fail(invocation.output, chosen.error());
    if (Status removed = context->service->remove(context->actor, chosen->id); !removed)
        return CliSession::fail(invocation.output, removed.error());
    invocation.output.line(QStringLiteral("Removed %1 connection %2 and its token.")
                               .arg(chosen->displayName, QString::number(chosen->id)));
    return ExitSuccess;
}

} // namespace

void addConnectionCommands(CliApplication& cli)
{
    const QCommandLineOption json(JsonFlag, QStringLiteral("print JSON"));

    QList<QCommandLineOption> addOptions = ConnectionFlags::options();
    addOptions.append(QCommandLineOption(QStringLiteral("token-stdin"),
                                         QStringLiteral("read the token from standard input")));
    addOptions.append(QCommandLineOption(QStringLiteral("no-verify"),
                                         QStringLiteral("save as PENDING without verifying")));
    addOptions.append(json);
    cli.add({{QStringLiteral("connection"), QStringLiteral("add")},
             QStringLiteral("PROVIDER [flags] [--token-stdin] [--no-verify]"),
             QStringLiteral("connect a provider (%1); only a VALID connection is saved")
                 .arg(ConnectionFlags::providerNames().join(QStringLiteral(", "))),
             addOptions,
             1,
             1,
             add});
    cli.add({{QStringLiteral("connection"), QStringLiteral("list")},
             QStringLiteral("[--json]"),
             QStringLiteral("the workspace's connections and their status"),
             {json},
             0,
             0,
             list});
    cli.add({{QStringLiteral("connection"), QStringLiteral("verify")},
             QStringLiteral("[CATEGORY|ID|--all] [--json]"),
             QStringLiteral("verify connections now; exit 0 only if every one is VALID"),
             {json, QCommandLineOption(QStringLiteral("all"), QStringLiteral("every connection"))},
             0,
             1,
             verify});
    cli.add({{QStringLiteral("connection"), QStringLiteral("remove")},
             QStringLiteral("CATEGORY|ID"),
             QStringLiteral("disconnect and delete the token from the keychain"),
             {},
             1,
             1,
             remove});
}

} // namespace ReleaseDeck
