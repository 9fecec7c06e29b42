#include "TrainCommands.h"

#include "CliApplication.h"
#include "CliOutput.h"
#include "CliSession.h"
#include "TrainJson.h"
#include "orchestrator/TaskCatalog.h"
#include "services/TrainService.h"
#include "services/TrainText.h"
#include "services/WhenText.h"

#include <QJsonArray>

namespace ReleaseDeck {

namespace {

struct TrainContext
{
    std::unique_ptr<CliSession> session;
    Actor actor;
};

Result<TrainContext> open(CliInvocation& invocation)
{
    Result<std::unique_ptr<CliSession>> session =
        CliSession::open(invocation.globals, CliSession::Schema::Current);
    if (!session)
        return session.error();
    Result<Actor> actor = (*session)->actor();
    if (!actor)
        return actor.error();
    return TrainContext{std::move(*session), *actor};
}

// The train create flags as a train; Usage errors name the flag.
Result<ReleaseConfig> draftFrom(const QCommandLineParser& parser)
{
    ReleaseConfig draft;
    draft.name = parser.positionalArguments().constFirst();
    for (const QString& required : {QStringLiteral("platform"), QStringLiteral("base-branch"),
                                    QStringLiteral("kickoff"), QStringLiteral("timezone")}) {
        if (!parser.isSet(required))
            return Error::usage(QStringLiteral("train create needs --%1.").arg(required));
    }
    for (const QString& name : parser.values(QStringLiteral("platform"))) {
        const std::optional<Platform> platform = platformFromText(name);
        if (!platform)
            return Error::usage(
                QStringLiteral("--platform: '%1' is not ANDROID, IOS or WEB.").arg(name));
        if (!draft.platforms.contains(*platform))
            draft.platforms.append(*platform);
    }
    draft.baseBranch = parser.value(QStringLiteral("base-branch"));
    Result<KickoffText> kickoff = TrainText::kickoff(parser.value(QStringLiteral("kickoff")));
    if (!kickoff)
        return Error::usage(QStringLiteral("--kickoff: ") + kickoff.error().message);
    draft.kickoffWeekday = kickoff->weekday;
    draft.kickoffTime = kickoff->time;
    draft.timeZone = parser.value(QStringLiteral("timezone"));
    if (parser.isSet(QStringLiteral("every"))) {
        bool ok = false;
        draft.repeatWeeks = parser.value(QStringLiteral("every")).toInt(&ok);
        if (!ok)
            return Error::usage(QStringLiteral("--every needs a number of weeks."));
    }
    for (const auto& [option, target] :
         {std::pair{QStringLiteral("reminder-before"), &draft.reminderSeconds},
          std::pair{QStringLiteral("target-after"), &draft.targetSeconds}}) {
        if (!parser.isSet(option))
            continue;
        Result<qint64> seconds = WhenText::seconds(parser.value(option));
        if (!seconds)
            return Error::usage(QStringLiteral("--%1: %2").arg(option, seconds.error().message));
        *target = *seconds;
    }
    for (const QString& text : parser.values(QStringLiteral("regression-slot"))) {
        Result<RegressionSlotPlan> slot = TrainText::slot(text);
        if (!slot)
            return Error::usage(QStringLiteral("--regression-slot: ") + slot.error().message);
        draft.regressionSlots.append(*slot);
    }
    const QStringList optional = parser.values(QStringLiteral("optional"));
    if (optional.isEmpty())
        draft.optionalTasksOn = TaskCatalog::optionalTasks();
    for (const QString& name : optional) {
        const std::optional<TaskType> type = taskTypeFromText(name);
        if (!type)
            return Error::usage(QStringLiteral("--optional: '%1' is not a task type.").arg(name));
        if (!draft.optionalTasksOn.contains(*type))
            draft.optionalTasksOn.append(*type);
    }
    draft.autoMoveToRegression = !parser.isSet(QStringLiteral("no-auto-regression"));
    draft.autoMoveToPreRelease = parser.isSet(QStringLiteral("auto-pre-release"));
    if (parser.isSet(QStringLiteral("bump"))) {
        const std::optional<VersionBump> bump =
            versionBumpFromText(parser.value(QStringLiteral("bump")));
        if (!bump)
            return Error::usage(QStringLiteral("--bump: '%1' is not major, minor or patch.")
                                    .arg(parser.value(QStringLiteral("bump"))));
        draft.versionBump = *bump;
    }
    return draft;
}

int create(CliInvocation& invocation)
{
    Result<ReleaseConfig> draft = draftFrom(invocation.parser);
    if (!draft)
        return invocation.output.usageError(draft.error().message);
    Result<TrainContext> context = open(invocation);
    if (!context)
        return CliSession::fail(invocation.output, context.error());
    TrainService service(context->session->database(), context->session->login());
    Result<ReleaseConfig> created = service.create(context->actor, *draft);
    if (!created)
        return CliSession::fail(invocation.output, created.error());
    Result<TrainSummary> summary = service.find(context->actor, created->name);
    if (!summary)
        return CliSession::fail(invocation.output, summary.error());
    invocation.output.line(QStringLiteral("Created train ") + TrainJson::summaryLine(*summary));
    return ExitSuccess;
}

int list(CliInvocation& invocation)
{
    Result<TrainContext> context = open(invocation);
    if (!context)
        return CliSession::fail(invocation.output, context.error());
    Result<QList<TrainSummary>> trains =
        TrainService(context->session->database(), context->session->login()).list(context->actor);
    if (!trains)
        return CliSession::fail(invocation.output, trains.error());
    if (invocation.parser.isSet(QStringLiteral("json"))) {
        QJsonArray rows;
        for (const TrainSummary& summary : std::as_const(*trains))
            rows.append(TrainJson::train(summary));
        invocation.output.json(rows);
        return ExitSuccess;
    }
    if (trains->isEmpty())
        invocation.output.line(QStringLiteral("No release trains; create one with "
                                              "'releasedeck-cli train create NAME …'."));
    for (const TrainSummary& summary : std::as_const(*trains))
        invocation.output.line(TrainJson::summaryLine(summary));
    return ExitSuccess;
}

int show(CliInvocation& invocation)
{
    Result<TrainContext> context = open(invocation);
    if (!context)
        return CliSession::fail(invocation.output, context.error());
    Result<TrainSummary> summary =
        TrainService(context->session->database(), context->session->login())
            .find(context->actor, invocation.parser.positionalArguments().constFirst());
    if (!summary)
        return CliSession::fail(invocation.output, summary.error());
    if (invocation.parser.isSet(QStringLiteral("json"))) {
        invocation.output.json(TrainJson::train(*summary));
        return ExitSuccess;
    }
    for (const QString& line : TrainJson::text(*summary))
        invocation.output.line(line);
    return ExitSuccess;
}

// pause, resume or delete the train named by the argument.
int decide(CliInvocation& invocation, const QString& verb)
{
    Result<TrainContext> context = open(invocation);
    if (!context)
        return CliSession::fail(invocation.output, context.error());
    TrainService service(context->session->database(), context->session->login());
    Result<TrainSummary> found =
        service.find(context->actor, invocation.parser.positionalArguments().constFirst());
    if (!found)
        return CliSession::fail(invocation.output, found.error());
    const qint64 id = found->train.id;
    if (verb == QLatin1String("delete")) {
        if (Status removed = service.remove(context->actor, id); !removed)
            return CliSession::fail(invocation.output, removed.error());
        invocation.output.line(QStringLiteral("Deleted train %1.").arg(found->train.name));
        return ExitSuccess;
    }
    Result<ReleaseConfig> changed = verb == QLatin1String("pause")
                                        ? service.pause(context->actor, id)
                                        : service.resume(context->actor, id);
    if (!changed)
        return CliSession::fail(invocation.output, changed.error());
    Result<TrainSummary> summary = service.find(context->actor, changed->name);
    if (!summary)
        return CliSession::fail(invocation.output, summary.error());
    invocation.output.line((verb == QLatin1String("pause") ? QStringLiteral("Paused train ")
                                                           : QStringLiteral("Resumed train ")) +
                           TrainJson::summaryLine(*summary));
    return ExitSuccess;
}

QCommandLineOption valueOption(const QString& name, const QString& description,
                               const QString& value)
{
    return QCommandLineOption(name, description, value);
}

const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("print JSON"));

} // namespace

void addTrainCommands(CliApplication& cli)
{
    cli.add(
        {{QStringLiteral("train"), QStringLiteral("create")},
         QStringLiteral("NAME"),
         QStringLiteral("create a release train: its releases are created and kicked off on "
                        "schedule"),
         {valueOption(QStringLiteral("platform"), QStringLiteral("ANDROID, IOS or WEB; repeatable"),
                      QStringLiteral("P")),
          valueOption(QStringLiteral("base-branch"), QStringLiteral("branch releases fork from"),
                      QStringLiteral("B")),
          valueOption(QStringLiteral("kickoff"),
                      QStringLiteral("weekday (Mon…Sun) and time, e.g. Mon@09:00"),
                      QStringLiteral("WEEKDAY@HH:MM")),
          valueOption(QStringLiteral("timezone"),
                      QStringLiteral("IANA time zone of the kickoff, e.g. Europe/Berlin"),
                      QStringLiteral("ZONE")),
          valueOption(QStringLiteral("every"),
                      QStringLiteral("repeat every N weeks from the first kickoff (default 1)"),
                      QStringLiteral("WEEKS")),
          valueOption(QStringLiteral("reminder-before"),
                      QStringLiteral("create and announce the release this long before kickoff, "
                                     "e.g. 30m, 2h, 1d (default 1h)"),
                      QStringLiteral("DURATION")),
          valueOption(QStringLiteral("regression-slot"),
                      QStringLiteral("a regression cycle this long after kickoff, e.g. +1d or "
                                     "+26h; repeatable"),
                      QStringLiteral("OFFSET[,no-build][,no-automation]")),
          valueOption(QStringLiteral("optional"),
                      QStringLiteral("an optional task that is on; repeatable (default: all)"),
                      QStringLiteral("TASK_TYPE")),
          QCommandLineOption(QStringLiteral("no-auto-regression"),
                             QStringLiteral("regression waits for approval")),
          QCommandLineOption(QStringLiteral("auto-pre-release"),
                             QStringLiteral("pre-release starts without approval")),
          valueOption(QStringLiteral("bump"),
                      QStringLiteral("which number each release raises (default minor)"),
                      QStringLiteral("major|minor|patch")),
          valueOption(QStringLiteral("target-after"),
                      QStringLiteral("each release's target this long after kickoff, e.g. 7d"),
                      QStringLiteral("DURATION"))},
         1,
         1,
         create});
    cli.add({{QStringLiteral("train"), QStringLiteral("list")},
             {},
             QStringLiteral("list the release trains and their next kickoff"),
             {jsonOption},
             0,
             0,
             list});
    cli.add({{QStringLiteral("train"), QStringLiteral("show")},
             QStringLiteral("NAME"),
             QStringLiteral("show a release train"),
             {jsonOption},
             1,
             1,
             show});
    for (const auto& [verb, summary] :
         {std::pair{QStringLiteral("pause"), QStringLiteral("pause a train: no release is created "
                                                            "until it is resumed")},
          std::pair{QStringLiteral("resume"),
                    QStringLiteral("resume a paused train from its next kickoff")},
          std::pair{QStringLiteral("delete"),
                    QStringLiteral("delete a train that has no release in progress")}}) {
        cli.add({{QStringLiteral("train"), verb},
                 QStringLiteral("NAME"),
                 summary,
                 {},
                 1,
                 1,
                 [verb](CliInvocation& invocation) {
                     return decide(invocation, verb);
                 }});
    }
}

} // namespace ReleaseDeck
