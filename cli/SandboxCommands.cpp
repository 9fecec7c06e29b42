#include "SandboxCommands.h"

#include "CliApplication.h"
#include "CliOutput.h"
#include "CliSession.h"
#include "providers/sandbox/SandboxStore.h"
#include "services/SandboxWorkspace.h"

namespace ReleaseDeck {

namespace {

const QString TimeScale = QStringLiteral("time-scale");

// --time-scale N; fallback when it is not given.
Result<int> timeScale(const QCommandLineParser& parser, int fallback)
{
    if (!parser.isSet(TimeScale))
        return fallback;
    bool ok = false;
    const int value = parser.value(TimeScale).toInt(&ok);
    if (!ok || value < 1 || value > SandboxWorkspace::MaxTimeScale)
        return Error::usage(QStringLiteral("--time-scale needs a whole number from 1 to %1.")
                                .arg(SandboxWorkspace::MaxTimeScale));
    return value;
}

struct Opened
{
    std::unique_ptr<CliSession> session;
    qint64 accountId = 0;
};

Result<Opened> open(CliInvocation& invocation)
{
    Result<std::unique_ptr<CliSession>> session =
        CliSession::open(invocation.globals, CliSession::Schema::Current);
    if (!session)
        return session.error();
    Result<Account> me = (*session)->account();
    if (!me)
        return me.error();
    return Opened{std::move(*session), me->id};
}

void describe(CliOutput& output, const QString& done, int scale)
{
    output.line(QStringLiteral("%1 workspace '%2': simulated source control, chat, issue "
                               "tracker and CI; release %3 kicks off now, regression slots "
                               "every %4 s.")
                    .arg(done, SandboxWorkspace::name(), SandboxWorkspace::releaseVersion())
                    .arg(std::max(1, 60 / scale)));
    output.line(QStringLiteral("Run it with: releasedeck-cli --workspace %1 orchestrate")
                    .arg(SandboxWorkspace::name()));
}

int create(CliInvocation& invocation)
{
    Result<int> scale = timeScale(invocation.parser, 1);
    if (!scale)
        return invocation.output.usageError(scale.error().message);
    Result<Opened> opened = open(invocation);
    if (!opened)
        return CliSession::fail(invocation.output, opened.error());
    SandboxWorkspace sandbox(opened->session->database(), opened->session->login());
    Result<Workspace> created = sandbox.create(opened->accountId, *scale);
    if (!created)
        return CliSession::fail(invocation.output, created.error());
    describe(invocation.output, QStringLiteral("Created"), *scale);
    return ExitSuccess;
}

int reset(CliInvocation& invocation)
{
    Result<int> scale = timeScale(invocation.parser, 0);
    if (!scale)
        return invocation.output.usageError(scale.error().message);
    Result<Opened> opened = open(invocation);
    if (!opened)
        return CliSession::fail(invocation.output, opened.error());
    SandboxWorkspace sandbox(opened->session->database(), opened->session->login());
    Result<Workspace> created = sandbox.reset(opened->accountId, *scale);
    if (!created)
        return CliSession::fail(invocation.output, created.error());
    Result<std::optional<SandboxState>> state =
        SandboxStore(opened->session->database()).state(created->id);
    if (!state)
        return CliSession::fail(invocation.output, state.error());
    describe(invocation.output, QStringLiteral("Reset"),
             state->has_value() ? (*state)->timeScale : 1);
    return ExitSuccess;
}

int remove(CliInvocation& invocation)
{
    Result<Opened> opened = open(invocation);
    if (!opened)
        return CliSession::fail(invocation.output, opened.error());
    SandboxWorkspace sandbox(opened->session->database(), opened->session->login());
    if (Status removed = sandbox.remove(opened->accountId); !removed)
        return CliSession::fail(invocation.output, removed.error());
    invocation.output.line(QStringLiteral("Deleted workspace '%1' and everything in it.")
                               .arg(SandboxWorkspace::name()));
    return ExitSuccess;
}

QCommandLineOption timeScaleOption(const QString& fallback)
{
    return QCommandLineOption(
        TimeScale,
        QStringLiteral("divide every simulated duration (CI runs, tickets, regression slots) "
                       "by N, from 1 to %1 (default %2)")
            .arg(SandboxWorkspace::MaxTimeScale)
            .arg(fallback),
        QStringLiteral("N"));
}

} // namespace

void addSandboxCommands(CliApplication& cli)
{
    cli.add({{QStringLiteral("sandbox"), QStringLiteral("create")},
             {},
             QStringLiteral("create the local 'Sandbox' workspace with simulated services and "
                            "a release that kicks off now"),
             {timeScaleOption(QStringLiteral("1"))},
             0,
             0,
             create});
    cli.add({{QStringLiteral("sandbox"), QStringLiteral("reset")},
             {},
             QStringLiteral("recreate the 'Sandbox' workspace fresh"),
             {timeScaleOption(QStringLiteral("the sandbox's own"))},
             0,
             0,
             reset});
    cli.add({{QStringLiteral("sandbox"), QStringLiteral("delete")},
             {},
             QStringLiteral("delete the 'Sandbox' workspace and everything in it"),
             {},
             0,
             0,
             remove});
}

} // namespace ReleaseDeck
