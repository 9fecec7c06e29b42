#pragma once

#include "Result.h"
#include "model/Actor.h"
#include "model/Event.h"

#include <QList>

namespace ReleaseDeck {

class Database;

// The audit trail and live-update feed. Appending needs OWNER or EDITOR; reading any member.
class EventStore
{
public:
    explicit EventStore(Database& database);

    // Appends to actor's workspace; returns the new event id (ids only grow).
    Result<qint64> append(const Actor& actor, const Event& event);
    // Events with an id above afterId, oldest first (the live feed).
    Result<QList<Event>> listSince(qint64 workspaceId, qint64 afterId, int limit = 500);
    // Newest first, filtered (the Activity page).
    Result<QList<Event>> listNewest(qint64 workspaceId, const EventFilter& filter);

private:
    Result<QList<Event>> select(const QString& sql, const QVariantList& values);

    Database& m_database;
};

} // namespace ReleaseDeck
