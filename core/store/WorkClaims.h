#pragma once

#include "Result.h"
#include "model/Actor.h"

#include <QList>
#include <QString>
#include <QVariantList>

namespace ReleaseDeck {

class Database;

// The claim columns that tasks and announcements share (claim_owner, claim_token,
// claim_expires_at) and the conditional UPDATEs on them, on the database clock: claim a row
// when nobody holds it (the affected-row count decides), renew the claims of the rows a
// holder works on, drop the claims of everyone else, and write only while a claim holds.
class WorkClaims
{
public:
    // table is a fixed name from code ("tasks", "announcements"), never input.
    WorkClaims(Database& database, QString table);

    // Claims row id for holder under token for seconds when available holds (an SQL
    // condition with its values) and no live claim exists; alsoSet is added to the SET list.
    Result<bool> claim(const Actor& actor, qint64 id, const QString& holder, const QString& token,
                       int seconds, const QString& available, const QVariantList& availableValues,
                       const QString& alsoSet = {});
    Status renew(const Actor& actor, const QString& holder, const QList<qint64>& ids, int seconds);
    Status dropOthers(const Actor& actor, const QString& holder);
    // Runs "UPDATE table SET <set> WHERE workspace_id = ? AND id = ?" only while token still
    // holds the claim; false when it no longer does. set's values come first.
    Result<bool> updateWhileHeld(const Actor& actor, qint64 id, const QString& token,
                                 const QString& set, const QVariantList& setValues);
    // The SET fragment that gives a claim up.
    static QString released();
    // The WHERE fragment of rows nobody holds now.
    QString unclaimed(const QString& alias = {}) const;

private:
    Database& m_database;
    QString m_table;
};

} // namespace ReleaseDeck
