#include "ScmTasks.h"

#include "TaskExecutor.h"
#include "providers/ScmClient.h"

#include <QCoreApplication>

namespace ReleaseDeck {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ScmTasks", text);
}

constexpr qsizetype MaxNotesLength = 3500;

TaskOutcome tagged(const TaskJob& job, ScmClient& scm, const QString& tag, const QString& message)
{
    Result<bool> exists = scm.tagExists(tag);
    if (!exists)
        return TaskExecutor::fromError(exists.error(), job);
    TaskOutcome outcome = TaskOutcome::completed(tr("%1 already existed.").arg(tag));
    if (!*exists) {
        Result<ScmTag> created = scm.createTag(tag, job.release.releaseBranch, message);
        if (!created)
            return TaskExecutor::fromError(created.error(), job);
        outcome.note = tr("Tagged %1 at %2.").arg(tag, created->commitSha.left(12));
        outcome.externalData = {{QStringLiteral("commit"), created->commitSha}};
    }
    outcome.externalId = tag;
    return outcome;
}

// The notes as an announcement to chat, posted once per dedupe key.
TaskOutcome notesPosted(const QString& fromTag, const QString& toTag, const QString& notes,
                        const QString& dedupeKey)
{
    TaskOutcome outcome =
        TaskOutcome::completed(fromTag.isEmpty() ? tr("Notes for %1.").arg(toTag)
                                                 : tr("Notes from %1 to %2.").arg(fromTag, toTag));
    outcome.externalId = toTag;
    Announcement announcement;
    announcement.dedupeKey = dedupeKey;
    announcement.kind = QStringLiteral("notes");
    announcement.body =
        tr("*Release notes for %1*").arg(toTag) + QLatin1Char('\n') + ScmTasks::clipped(notes);
    outcome.announcements.append(announcement);
    return outcome;
}

} // namespace

QString ScmTasks::clipped(const QString& notes)
{
    if (notes.size() <= MaxNotesLength)
        return notes;
    return notes.left(MaxNotesLength) + tr("\n… (cut; the full notes are on the release)");
}

TaskOutcome ScmTasks::run(const TaskJob& job, ScmClient& scm)
{
    const Release& release = job.release;
    switch (job.task.type) {
    case TaskType::ForkBranch: {
        Result<bool> exists = scm.branchExists(release.releaseBranch);
        if (!exists)
            return TaskExecutor::fromError(exists.error(), job);
        if (*exists) {
            TaskOutcome outcome =
                TaskOutcome::completed(tr("%1 already existed.").arg(release.releaseBranch));
            outcome.externalId = release.releaseBranch;
            return outcome;
        }
        Result<ScmBranch> created = scm.createBranch(release.releaseBranch, release.baseBranch);
        if (!created)
            return TaskExecutor::fromError(created.error(), job);
        TaskOutcome outcome = TaskOutcome::completed(
            tr("Created %1 from %2 at %3.")
                .arg(release.releaseBranch, release.baseBranch, created->commitSha.left(12)));
        outcome.externalId = release.releaseBranch;
        outcome.externalData = {{QStringLiteral("commit"), created->commitSha}};
        return outcome;
    }
    case TaskType::CreateRcTag:
        return tagged(
            job, scm, job.rcTag,
            tr("Release candidate %1 of %2").arg(job.task.cycleNumber).arg(release.version));
    case TaskType::CreateReleaseTag:
        return tagged(job, scm,
                      ReleaseSettings::expand(release.settings.tagPattern, release.version),
                      tr("Release %1").arg(release.version));
    case TaskType::CreateReleaseNotes: {
        const QString from =
            job.previousRcTag.isEmpty() ? job.previousReleaseTag : job.previousRcTag;
        Result<QString> text = scm.generateReleaseNotes(from, job.rcTag);
        if (!text)
            return TaskExecutor::fromError(text.error(), job);
        return notesPosted(from, job.rcTag, *text,
                           QStringLiteral("notes-cycle-%1").arg(job.task.cycleNumber));
    }
    case TaskType::CreateFinalReleaseNotes: {
        const QString tag = ReleaseSettings::expand(release.settings.tagPattern, release.version);
        Result<QString> text = scm.generateReleaseNotes(job.previousReleaseTag, tag);
        if (!text)
            return TaskExecutor::fromError(text.error(), job);
        TaskOutcome outcome =
            notesPosted(job.previousReleaseTag, tag, *text, QStringLiteral("notes-final"));
        if (!scm.hasReleases())
            return outcome;
        Result<ScmRelease> created = scm.createRelease(tag, release.version, *text);
        if (!created)
            return TaskExecutor::fromError(created.error(), job);
        outcome.note = tr("Published release %1 with its notes.").arg(tag);
        outcome.externalId = created->id;
        outcome.externalUrl = created->webUrl.toString();
        return outcome;
    }
    default:
        break;
    }
    return TaskOutcome::failed(tr("%1 is not a source-control task.").arg(toText(job.task.type)));
}

} // namespace ReleaseDeck
