#include "OrchestrateCommand.h"

#include "CliApplication.h"
#include "CliOutput.h"
#include "CliSession.h"
#include "TerminationSignals.h"
#include "orchestrator/Orchestrator.h"
#include "secrets/SecretStore.h"
#include "secrets/SecretStoreFactory.h"

#include <QEventLoop>

namespace ReleaseDeck {

namespace {

Result<int> positive(const QCommandLineParser& parser, const QString& name, int fallback)
{
    if (!parser.isSet(name))
        return fallback;
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (!ok || value < 1 || value > 86400)
        return Error::usage(
            QStringLiteral("--%1 needs a whole number of seconds from 1 to 86400.").arg(name));
    return value;
}

QString stateLine(const WorkspaceOrchestration& workspace)
{
    return workspace.detail.isEmpty() ? workspace.workspaceName : workspace.detail;
}

int orchestrate(CliInvocation& invocation)
{
    const QCommandLineParser& parser = invocation.parser;
    OrchestratorOptions options = OrchestratorOptions::forThisProcess();
    Result<int> interval = positive(parser, QStringLiteral("interval"), options.tickSeconds);
    if (!interval)
        return invocation.output.usageError(interval.error().message);
    Result<int> lease = positive(parser, QStringLiteral("lease-seconds"), options.leaseSeconds);
    if (!lease)
        return invocation.output.usageError(lease.error().message);
    if (*lease <= *interval)
        return invocation.output.usageError(
            QStringLiteral("--lease-seconds (%1) must be longer than --interval (%2), or the "
                           "lease lapses between ticks.")
                .arg(*lease)
                .arg(*interval));
    if (parser.isSet(QStringLiteral("holder"))) {
        options.holder = parser.value(QStringLiteral("holder")).trimmed();
        if (options.holder.isEmpty() || options.holder.size() > 200)
            return invocation.output.usageError(
                QStringLiteral("--holder needs a name of 1 to 200 characters."));
    }
    options.tickSeconds = *interval;
    options.leaseSeconds = *lease;
    options.workspace = invocation.globals.workspace;

    Result<std::unique_ptr<CliSession>> session =
        CliSession::open(invocation.globals, CliSession::Schema::Current);
    if (!session)
        return CliSession::fail(invocation.output, session.error());
    Result<Account> me = (*session)->account();
    if (!me)
        return CliSession::fail(invocation.output, me.error());
    Error secretsError;
    std::unique_ptr<SecretStore> secrets =
        createSecretStore(invocation.globals.secrets, &secretsError);
    if (!secrets)
        return CliSession::fail(invocation.output, secretsError);

    Orchestrator orchestrator((*session)->database(), *secrets, me->id, options);
    if (parser.isSet(QStringLiteral("dry-run"))) {
        Result<QStringList> plan = orchestrator.dryRun();
        if (!plan)
            return CliSession::fail(invocation.output, plan.error());
        for (const QString& line : std::as_const(*plan))
            invocation.output.line(line);
        return ExitSuccess;
    }

    QEventLoop loop;
    int exitCode = ExitSuccess;
    QHash<qint64, QString> shown;
    QObject::connect(&orchestrator, &Orchestrator::changed, &loop, [&](const QString& line) {
        invocation.output.line(QDateTime::currentDateTimeUtc().toString(Qt::ISODate) +
                               QLatin1Char(' ') + line);
    });
    QObject::connect(&orchestrator, &Orchestrator::statusChanged, &loop,
                     [&](const OrchestratorStatus& status) {
                         for (const WorkspaceOrchestration& workspace : status.workspaces) {
                             const QString line = stateLine(workspace);
                             if (shown.value(workspace.workspaceId) != line)
                                 invocation.output.line(line);
                             shown.insert(workspace.workspaceId, line);
                         }
                     });
    QObject::connect(&orchestrator, &Orchestrator::stopped, &loop, &QEventLoop::quit);
    TerminationSignals::handle(&orchestrator, [&orchestrator](int) { orchestrator.stop(); });
    if (parser.isSet(QStringLiteral("once"))) {
        QObject::connect(&orchestrator, &Orchestrator::quiescent, &loop, [&] {
            const OrchestratorStatus status = orchestrator.status();
            bool failed = !status.databaseReachable || !status.databaseError.isEmpty();
            for (const WorkspaceOrchestration& workspace : status.workspaces)
                failed = failed || (workspace.state != WorkspaceOrchestration::State::Acting &&
                                    workspace.state != WorkspaceOrchestration::State::Standby);
            if (!status.databaseError.isEmpty())
                invocation.output.error(status.databaseError);
            exitCode = failed ? ExitFailure : ExitSuccess;
            orchestrator.stop();
        });
        orchestrator.runUntilQuiet();
    } else {
        orchestrator.start();
    }
    loop.exec();
    return exitCode;
}

} // namespace

void addOrchestrateCommand(CliApplication& cli)
{
    cli.add({{QStringLiteral("orchestrate")},
             {},
             QStringLiteral("move releases: run their due tasks until stopped (SIGINT/SIGTERM)"),
             {QCommandLineOption(QStringLiteral("once"),
                                 QStringLiteral("run what is due now until nothing is, then exit")),
              QCommandLineOption(QStringLiteral("dry-run"),
                                 QStringLiteral("print what the next tick would do and why")),
              QCommandLineOption(QStringLiteral("interval"),
                                 QStringLiteral("seconds between ticks (default 10)"),
                                 QStringLiteral("SECONDS")),
              QCommandLineOption(QStringLiteral("lease-seconds"),
                                 QStringLiteral("how long the workspace lease lasts (default 30)"),
                                 QStringLiteral("N")),
              QCommandLineOption(QStringLiteral("holder"),
                                 QStringLiteral("this instance's name in the lease"),
                                 QStringLiteral("NAME"))},
             0,
             0,
             orchestrate});
}

} // namespace ReleaseDeck
