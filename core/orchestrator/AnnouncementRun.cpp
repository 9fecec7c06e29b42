#include "AnnouncementRun.h"

#include "TaskExecutor.h"
#include "db/Database.h"
#include "db/Transaction.h"
#include "model/Event.h"
#include "providers/ProviderRegistry.h"
#include "store/AnnouncementStore.h"
#include "store/EventStore.h"
#include "store/ReleaseStore.h"

#include <QCoreApplication>
#include <QUuid>

namespace ReleaseDeck {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("AnnouncementRun", text);
}

// How far before its first attempt a post is looked for (chat clocks differ).
constexpr int ClockMarginSeconds = 120;

// Where the message went: the post, or the one an earlier attempt made.
Result<ChatMessage> post(ChatClient& chat, const QString& channel, const Announcement& announcement)
{
    if (announcement.firstAttemptAt.isValid()) {
        Result<std::optional<ChatMessage>> found =
            chat.findMessage(channel, announcement.marker(),
                             announcement.firstAttemptAt.addSecs(-ClockMarginSeconds));
        if (!found)
            return found.error();
        if (found->has_value())
            return **found;
    }
    return chat.postMessage(channel, announcement.body, {}, announcement.marker());
}

} // namespace

QStringList AnnouncementRun::run(const OrchestratorContext& context, qint64 announcementId)
{
    Database& database = *context.database;
    AnnouncementStore store(database);
    const QString token = QUuid::createUuid().toString(QUuid::WithoutBraces);
    Result<bool> taken =
        store.claim(context.actor, announcementId, context.holder, token, context.claimSeconds);
    if (!taken)
        return {tr("Could not claim announcement %1: %2")
                    .arg(announcementId)
                    .arg(taken.error().message)};
    if (!*taken)
        return {};
    Result<std::optional<Announcement>> found =
        store.findById(context.actor.workspaceId, announcementId);
    if (!found || !found->has_value())
        return {tr("Could not read announcement %1.").arg(announcementId)};
    Announcement announcement = **found;
    announcement.claimToken = token;

    const auto chat = context.connections.constFind(ConnectionCategory::Chat);
    int nextAttempt = -1;
    QString line;
    if (chat == context.connections.cend()) {
        announcement.status = AnnouncementStatus::Skipped;
        announcement.lastError = tr("no CHAT connection");
    } else {
        const QString channel = chat->config.value(QStringLiteral("channel")).toString();
        const HttpClient http(context.http);
        auto client = context.registry->createChat(*chat, context.tokens.value(chat->id), http,
                                                   context.database);
        if (!client)
            return {tr("Announcement %1: %2").arg(announcementId).arg(client.error().message)};
        // Recorded before posting, so a crash after the post makes the next attempt look first.
        Result<bool> marked = store.markAttempt(context.actor, announcement);
        if (!marked || !*marked)
            return {tr("Announcement %1: the claim was lost before posting.").arg(announcementId)};
        const Result<ChatMessage> sent = post(**client, channel, announcement);
        ++announcement.attempts;
        if (sent) {
            announcement.status = AnnouncementStatus::Sent;
            announcement.channelId = sent->channelId.isEmpty() ? channel : sent->channelId;
            announcement.messageTs = sent->timestamp;
            announcement.lastError.clear();
            line = tr("Posted the %1 announcement of release %2 to %3.")
                       .arg(announcement.kind)
                       .arg(announcement.releaseId)
                       .arg(chat->displayName);
        } else if (sent.error().isTransient() &&
                   announcement.attempts < TaskExecutor::MaxAttempts) {
            nextAttempt = TaskExecutor::backoff(context.pollBaseSeconds, announcement.attempts - 1);
            announcement.lastError = sent.error().message;
        } else {
            announcement.status = AnnouncementStatus::Failed;
            announcement.lastError = sent.error().message;
            line = tr("Could not post the %1 announcement of release %2: %3")
                       .arg(announcement.kind)
                       .arg(announcement.releaseId)
                       .arg(sent.error().message);
        }
    }

    Transaction transaction(database);
    if (!transaction.begun())
        return {transaction.begun().error().message};
    // The release row first, as every writer of a release's rows and events takes it: the
    // event's foreign key needs that row after the event sequence is taken, so a writer
    // holding the release and waiting for the sequence would otherwise deadlock with us.
    if (Result<Release> locked =
            ReleaseStore(database).lock(context.actor.workspaceId, announcement.releaseId);
        !locked)
        return {locked.error().message};
    Result<bool> written = store.finishClaimed(context.actor, announcement, nextAttempt);
    if (!written)
        return {written.error().message};
    if (!*written)
        return {tr("Announcement %1: the claim expired; the result was discarded.")
                    .arg(announcementId)};
    if (!line.isEmpty()) {
        Event event;
        event.releaseId = announcement.releaseId;
        event.actor = context.actorName;
        event.kind = announcement.status == AnnouncementStatus::Sent
                         ? QStringLiteral("announcement.sent")
                         : QStringLiteral("announcement.failed");
        event.message = line;
        event.data = {{QStringLiteral("announcementId"), announcement.id},
                      {QStringLiteral("kind"), announcement.kind}};
        EventStore events(database);
        if (Result<qint64> appended = events.append(context.actor, event); !appended)
            return {appended.error().message};
    }
    if (Status committed = transaction.commit(); !committed)
        return {committed.error().message};
    return line.isEmpty() ? QStringList() : QStringList{line};
}

} // namespace ReleaseDeck
