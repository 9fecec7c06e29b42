#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace ReleaseDeck {

enum class AnnouncementStatus
{
    Pending,
    Sent,
    Failed,
    Skipped
};

QString toText(AnnouncementStatus value);
std::optional<AnnouncementStatus> announcementStatusFromText(const QString& text);

// A chat message about a release, written in the same transaction as the change it
// announces and posted afterwards (an outbox): once per dedupe key, e.g. "kickoff",
// "cycle-2-builds", "task-failed-FORK_BRANCH-0-1", "awaiting-approval-3", "completed".
struct Announcement
{
    qint64 id = 0;
    qint64 workspaceId = 0;
    qint64 releaseId = 0;
    QString dedupeKey;
    QString kind; // "kickoff", "builds", "task_failed", "awaiting_approval", "completed", "notes"
    QString body; // the message text (Slack mrkdwn)
    AnnouncementStatus status = AnnouncementStatus::Pending;
    int attempts = 0;
    QDateTime nextAttemptAt;
    QString lastError;
    QString channelId;
    QString messageTs;
    QDateTime firstAttemptAt; // set before the first post, so a resumed post looks first
    QString claimOwner;
    QString claimToken;
    QDateTime claimExpiresAt;
    QDateTime sentAt;
    QDateTime createdAt;

    // What identifies the message in the chat service (Slack message metadata).
    QString marker() const { return QStringLiteral("rd-%1-%2").arg(workspaceId).arg(id); }
};

} // namespace ReleaseDeck
