#include "ReleaseCommands.h"

#include "CliApplication.h"
#include "CliOutput.h"
#include "CliSession.h"
#include "ReleaseJson.h"
#include "db/DatabaseClock.h"
#include "services/ReleaseActions.h"
#include "services/ReleaseService.h"
#include "services/WhenText.h"

#include <QJsonArray>

namespace ReleaseDeck {

namespace {

// What every release command starts from: the session and who acts where.
struct ReleaseContext
{
    std::unique_ptr<CliSession> session;
    Actor actor;
    QDateTime now; // the database clock
};

Result<ReleaseContext> open(CliInvocation& invocation)
{
    Result<std::unique_ptr<CliSession>> session =
        CliSession::open(invocation.globals, CliSession::Schema::Current);
    if (!session)
        return session.error();
    Result<Actor> actor = (*session)->actor();
    if (!actor)
        return actor.error();
    Result<QDateTime> now = DatabaseClock::now((*session)->database());
    if (!now)
        return now.error();
    return ReleaseContext{std::move(*session), *actor, *now};
}

Result<SlotDraft> slotFrom(const QString& text, const QDateTime& now)
{
    QStringList parts = text.split(QLatin1Char(','));
    Result<QDateTime> at = WhenText::parse(parts.takeFirst(), now);
    if (!at)
        return at.error();
    SlotDraft slot{*at, true, true};
    for (const QString& part : std::as_const(parts)) {
        if (part.trimmed() == QLatin1String("no-build"))
            slot.runBuild = false;
        else if (part.trimmed() == QLatin1String("no-automation"))
            slot.runAutomation = false;
        else
            return Error::usage(QStringLiteral("--regression-slot: '%1' is neither no-build nor "
                                               "no-automation.")
                                    .arg(part));
    }
    return slot;
}

Result<ReleaseDetail> detailOf(ReleaseContext& context, const QString& version)
{
    ReleaseService service(context.session->database(), context.session->login());
    Result<Release> release = service.find(context.actor, version);
    if (!release)
        return release.error();
    return service.detail(context.actor, release->id);
}

int create(CliInvocation& invocation)
{
    Result<ReleaseContext> context = open(invocation);
    if (!context)
        return CliSession::fail(invocation.output, context.error());
    const QCommandLineParser& parser = invocation.parser;
    ReleaseDraft draft;
    draft.version = parser.positionalArguments().constFirst();
    draft.baseBranch = parser.value(QStringLiteral("base-branch"));
    draft.train = parser.value(QStringLiteral("train"));
    draft.hotfixOf = parser.value(QStringLiteral("hotfix-of"));
    draft.force = parser.isSet(QStringLiteral("force"));
    if (parser.isSet(QStringLiteral("base-branch")) && draft.baseBranch.trimmed().isEmpty())
        return invocation.output.usageError(QStringLiteral("--base-branch needs a branch name."));
    for (const QString& name : parser.values(QStringLiteral("platform"))) {
        const std::optional<Platform> platform = platformFromText(name);
        if (!platform)
            return invocation.output.usageError(
                QStringLiteral("--platform: '%1' is not ANDROID, IOS or WEB.").arg(name));
        if (!draft.platforms.contains(*platform))
            draft.platforms.append(*platform);
    }
    for (const auto& [option, target] : {std::pair{QStringLiteral("kickoff-at"), &draft.kickoffAt},
                                         std::pair{QStringLiteral("target-at"), &draft.targetAt}}) {
        if (!parser.isSet(option))
            continue;
        Result<QDateTime> at = WhenText::parse(parser.value(option), context->now);
        if (!at)
            return invocation.output.usageError(
                QStringLiteral("--%1: %2").arg(option, at.error().message));
        *target = *at;
    }
    for (const QString& text : parser.values(QStringLiteral("regression-slot"))) {
        Result<SlotDraft> slot = slotFrom(text, context->now);
        if (!slot)
            return invocation.output.usageError(
                QStringLiteral("--regression-slot: %1").arg(slot.error().message));
        draft.regressionSlots.append(*slot);
    }
    ReleaseService service(context->session->database(), context->session->login());
    Result<Release> created = service.create(context->actor, draft);
    if (!created)
        return CliSession::fail(invocation.output, created.error());
    Result<ReleaseDetail> detail = service.detail(context->actor, created->id);
    if (!detail)
        return CliSession::fail(invocation.output, detail.error());
    if (parser.isSet(QStringLiteral("json"))) {
        invocation.output.json(ReleaseJson::release(*detail, true));
        return ExitSuccess;
    }
    invocation.output.line(
        QStringLiteral("Created %1 %2: %3 from %4, kickoff at %5.")
            .arg(created->type == ReleaseType::Hotfix ? QStringLiteral("hotfix")
                                                      : QStringLiteral("release"),
                 created->version, created->releaseBranch, created->baseBranch,
                 created->kickoffAt.toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"))));
    return ExitSuccess;
}

int list(CliInvocation& invocation)
{
    Result<ReleaseContext> context = open(invocation);
    if (!context)
        return CliSession::fail(invocation.output, context.error());
    ReleaseService service(context->session->database(), context->session->login());
    Result<QList<Release>> releases =
        service.list(context->actor, invocation.parser.isSet(QStringLiteral("all")));
    if (!releases)
        return CliSession::fail(invocation.output, releases.error());
    QJsonArray rows;
    QStringList lines;
    for (const Release& release : std::as_const(*releases)) {
        Result<ReleaseDetail> detail = service.detail(context->actor, release.id);
        if (!detail)
            return CliSession::fail(invocation.output, detail.error());
        rows.append(ReleaseJson::release(*detail, false));
        lines.append(ReleaseJson::summaryLine(*detail));
    }
    if (invocation.parser.isSet(QStringLiteral("json"))) {
        invocation.output.json(rows);
        return ExitSuccess;
    }
    if (lines.isEmpty())
        invocation.output.line(QStringLiteral("No releases%1; create one with 'releasedeck-cli "
                                              "release create VERSION'.")
                                   .arg(invocation.parser.isSet(QStringLiteral("all"))
                                            ? QString()
                                            : QStringLiteral(" in progress")));
    for (const QString& line : std::as_const(lines))
        invocation.output.line(line);
    return ExitSuccess;
}

int show(CliInvocation& invocation)
{
    Result<ReleaseContext> context = open(invocation);
    if (!context)
        return CliSession::fail(invocation.output, context.error());
    Result<ReleaseDetail> detail =
        detailOf(*context, invocation.parser.positionalArguments().constFirst());
    if (!detail)
        return CliSession::fail(invocation.output, detail.error());
    if (invocation.parser.isSet(QStringLiteral("json"))) {
        invocation.output.json(ReleaseJson::release(*detail, true));
        return ExitSuccess;
    }
    for (const QString& line : ReleaseJson::text(*detail))
        invocation.output.line(line);
    return ExitSuccess;
}

// Runs one of the people's decisions on the release named by the first argument.
int decide(CliInvocation& invocation, const QString& done,
           const std::function<Result<Release>(ReleaseActions&, const Actor&, const Release&,
                                               const QDateTime&)>& action)
{
    Result<ReleaseContext> context = open(invocation);
    if (!context)
        return CliSession::fail(invocation.output, context.error());
    ReleaseService service(context->session->database(), context->session->login());
    Result<Release> release =
        service.find(context->actor, invocation.parser.positionalArguments().constFirst());
    if (!release)
        return CliSession::fail(invocation.output, release.error());
    ReleaseActions actions(context->session->database(), context->session->login());
    Result<Release> after = action(actions, context->actor, *release, context->now);
    if (!after)
        return CliSession::fail(invocation.output, after.error());
    QString state = toText(after->status);
    if (after->pauseReason != PauseReason::None)
        state += QStringLiteral(" (%1)").arg(toText(after->pauseReason));
    invocation.output.line(QStringLiteral("%1 %2; it is now %3 in %4.")
                               .arg(done, after->version, state, toText(after->stage)));
    return ExitSuccess;
}

Result<std::pair<TaskType, int>> taskArguments(CliInvocation& invocation)
{
    const QString name = invocation.parser.positionalArguments().at(1);
    const std::optional<TaskType> type = taskTypeFromText(name);
    if (!type) {
        QStringList names;
        for (const TaskType known : allTaskTypes())
            names.append(toText(known));
        return Error::usage(QStringLiteral("'%1' is not a task type; the task types are: %2.")
                                .arg(name, names.join(QStringLiteral(", "))));
    }
    int cycle = -1;
    if (invocation.parser.isSet(QStringLiteral("cycle"))) {
        bool ok = false;
        cycle = invocation.parser.value(QStringLiteral("cycle")).toInt(&ok);
        if (!ok || cycle < 1)
            return Error::usage(QStringLiteral("--cycle needs a cycle number (1, 2, …)."));
    }
    return std::pair{*type, cycle};
}

QCommandLineOption valueOption(const QString& name, const QString& description,
                               const QString& value)
{
    return QCommandLineOption(name, description, value);
}

const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("print JSON"));

} // namespace

void addReleaseCommands(CliApplication& cli)
{
    cli.add({{QStringLiteral("release"), QStringLiteral("create")},
             QStringLiteral("VERSION"),
             QStringLiteral("create a release; its kickoff tasks are planned at once"),
             {valueOption(QStringLiteral("base-branch"), QStringLiteral("branch to fork from"),
                          QStringLiteral("B")),
              valueOption(QStringLiteral("platform"),
                          QStringLiteral("ANDROID, IOS or WEB; repeatable"), QStringLiteral("P")),
              valueOption(QStringLiteral("train"),
                          QStringLiteral("take the settings of a release train"),
                          QStringLiteral("NAME")),
              valueOption(QStringLiteral("kickoff-at"),
                          QStringLiteral("ISO 8601, now, or +30m/+2h/+3d (default now)"),
                          QStringLiteral("WHEN")),
              valueOption(QStringLiteral("target-at"), QStringLiteral("when it should ship"),
                          QStringLiteral("WHEN")),
              valueOption(QStringLiteral("regression-slot"),
                          QStringLiteral("a regression cycle's start; repeatable"),
                          QStringLiteral("WHEN[,no-build][,no-automation]")),
              valueOption(QStringLiteral("hotfix-of"),
                          QStringLiteral("the completed release this fixes"),
                          QStringLiteral("VERSION")),
              QCommandLineOption(QStringLiteral("force"),
                                 QStringLiteral("a hotfix of a release that has a newer one")),
              jsonOption},
             1,
             1,
             create});
    cli.add({{QStringLiteral("release"), QStringLiteral("list")},
             {},
             QStringLiteral("list the releases in progress"),
             {QCommandLineOption(QStringLiteral("all"), QStringLiteral("completed ones too")),
              jsonOption},
             0,
             0,
             list});
    cli.add({{QStringLiteral("release"), QStringLiteral("show")},
             QStringLiteral("VERSION"),
             QStringLiteral("show a release: stage, tasks, cycles and why each waits"),
             {jsonOption},
             1,
             1,
             show});
    cli.add({{QStringLiteral("release"), QStringLiteral("approve")},
             QStringLiteral("VERSION"),
             QStringLiteral("approve the move to the next stage"),
             {},
             1,
             1,
             [](CliInvocation& invocation) {
                 return decide(
                     invocation, QStringLiteral("Approved"),
                     [](ReleaseActions& a, const Actor& actor, const Release& r, const QDateTime&) {
                         return a.approve(actor, r.id, r.rowVersion);
                     });
             }});
    cli.add({{QStringLiteral("release"), QStringLiteral("pause")},
             QStringLiteral("VERSION"),
             QStringLiteral("pause a release"),
             {valueOption(QStringLiteral("reason"), QStringLiteral("why, for the activity log"),
                          QStringLiteral("TEXT"))},
             1,
             1,
             [](CliInvocation& invocation) {
                 const QString reason = invocation.parser.value(QStringLiteral("reason"));
                 return decide(invocation, QStringLiteral("Paused"),
                               [reason](ReleaseActions& a, const Actor& actor, const Release& r,
                                        const QDateTime&) {
                                   return a.pause(actor, r.id, r.rowVersion, reason);
                               });
             }});
    cli.add({{QStringLiteral("release"), QStringLiteral("resume")},
             QStringLiteral("VERSION"),
             QStringLiteral("resume a paused release"),
             {},
             1,
             1,
             [](CliInvocation& invocation) {
                 return decide(
                     invocation, QStringLiteral("Resumed"),
                     [](ReleaseActions& a, const Actor& actor, const Release& r, const QDateTime&) {
                         return a.resume(actor, r.id, r.rowVersion);
                     });
             }});
    cli.add({{QStringLiteral("release"), QStringLiteral("cancel")},
             QStringLiteral("VERSION"),
             QStringLiteral("cancel a release"),
             {},
             1,
             1,
             [](CliInvocation& invocation) {
                 return decide(
                     invocation, QStringLiteral("Cancelled"),
                     [](ReleaseActions& a, const Actor& actor, const Release& r, const QDateTime&) {
                         return a.cancel(actor, r.id, r.rowVersion);
                     });
             }});
    for (const bool retry : {true, false}) {
        cli.add(
            {{QStringLiteral("release"), retry ? QStringLiteral("retry") : QStringLiteral("skip")},
             QStringLiteral("VERSION TASK_TYPE"),
             retry ? QStringLiteral("run a failed task again")
                   : QStringLiteral("skip a failed or pending task"),
             {valueOption(QStringLiteral("cycle"),
                          QStringLiteral("the regression cycle (default: the latest)"),
                          QStringLiteral("N"))},
             2,
             2,
             [retry](CliInvocation& invocation) {
                 Result<std::pair<TaskType, int>> task = taskArguments(invocation);
                 if (!task)
                     return invocation.output.usageError(task.error().message);
                 const auto [type, cycle] = *task;
                 return decide(invocation,
                               retry ? QStringLiteral("Retrying %1 of").arg(toText(type))
                                     : QStringLiteral("Skipped %1 of").arg(toText(type)),
                               [retry, type, cycle](ReleaseActions& a, const Actor& actor,
                                                    const Release& r, const QDateTime&) {
                                   return retry ? a.retry(actor, r.id, r.rowVersion, type, cycle)
                                                : a.skip(actor, r.id, r.rowVersion, type, cycle);
                               });
             }});
    }
    cli.add({{QStringLiteral("release"), QStringLiteral("add-slot")},
             QStringLiteral("VERSION"),
             QStringLiteral("add a regression slot"),
             {valueOption(QStringLiteral("at"), QStringLiteral("ISO 8601, now, or +30m/+2h/+3d"),
                          QStringLiteral("WHEN")),
              QCommandLineOption(QStringLiteral("no-build"),
                                 QStringLiteral("the cycle builds nothing")),
              QCommandLineOption(QStringLiteral("no-automation"),
                                 QStringLiteral("the cycle runs no automation"))},
             1,
             1,
             [](CliInvocation& invocation) {
                 if (!invocation.parser.isSet(QStringLiteral("at")))
                     return invocation.output.usageError(
                         QStringLiteral("release add-slot needs --at WHEN."));
                 const QString at = invocation.parser.value(QStringLiteral("at"));
                 const bool build = !invocation.parser.isSet(QStringLiteral("no-build"));
                 const bool automation = !invocation.parser.isSet(QStringLiteral("no-automation"));
                 // The time is read against the database clock; a bad one is a usage error.
                 return decide(
                     invocation, QStringLiteral("Added a regression slot to"),
                     [&](ReleaseActions& a, const Actor& actor, const Release& r,
                         const QDateTime& now) -> Result<Release> {
                         Result<QDateTime> when = WhenText::parse(at, now);
                         if (!when)
                             return when.error();
                         return a.addSlot(actor, r.id, r.rowVersion, {*when, build, automation});
                     });
             }});
}

} // namespace ReleaseDeck
