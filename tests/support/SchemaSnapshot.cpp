#include "SchemaSnapshot.h"

#include <QMap>
#include <QSet>

namespace ReleaseDeck::Test {

namespace {

QStringList sqliteTable(Database& database, const QString& table, QString* error)
{
    QStringList lines;
    // Table names come from sqlite_master, never from input; PRAGMAs take no bound values.
    Result<QSqlQuery> columns = database.run(QStringLiteral("PRAGMA table_xinfo(%1)").arg(table));
    if (!columns) {
        *error = columns.error().message;
        return {};
    }
    QMap<int, QString> primary;
    while (columns->next()) {
        const QString name = columns->value(1).toString();
        const int pk = columns->value(5).toInt();
        const bool notNull = columns->value(3).toInt() != 0 || pk > 0;
        lines.append(QStringLiteral("column %1 %2")
                         .arg(name, notNull ? QStringLiteral("not null") : QStringLiteral("null")));
        if (pk > 0)
            primary.insert(pk, name);
    }
    if (!primary.isEmpty())
        lines.append(
            QStringLiteral("primary key (%1)").arg(primary.values().join(QStringLiteral(", "))));
    Result<QSqlQuery> indexes = database.run(QStringLiteral("PRAGMA index_list(%1)").arg(table));
    if (!indexes) {
        *error = indexes.error().message;
        return {};
    }
    QStringList uniqueNames;
    while (indexes->next()) {
        if (indexes->value(2).toInt() == 1 && indexes->value(3).toString() != QLatin1String("pk"))
            uniqueNames.append(indexes->value(1).toString());
    }
    for (const QString& index : std::as_const(uniqueNames)) {
        Result<QSqlQuery> info = database.run(QStringLiteral("PRAGMA index_info(%1)").arg(index));
        if (!info) {
            *error = info.error().message;
            return {};
        }
        QMap<int, QString> parts;
        while (info->next())
            parts.insert(info->value(0).toInt(), info->value(2).toString());
        lines.append(QStringLiteral("unique (%1)").arg(parts.values().join(QStringLiteral(", "))));
    }
    Result<QSqlQuery> keys = database.run(QStringLiteral("PRAGMA foreign_key_list(%1)").arg(table));
    if (!keys) {
        *error = keys.error().message;
        return {};
    }
    QMap<int, QStringList> from;
    QMap<int, QStringList> to;
    QMap<int, QString> target;
    QMap<int, QString> rule;
    while (keys->next()) {
        const int id = keys->value(0).toInt();
        target[id] = keys->value(2).toString();
        from[id].append(keys->value(3).toString());
        to[id].append(keys->value(4).toString());
        rule[id] = keys->value(6).toString();
    }
    for (auto it = from.cbegin(); it != from.cend(); ++it)
        lines.append(QStringLiteral("foreign key (%1) references %2 (%3) on delete %4")
                         .arg(it.value().join(QStringLiteral(", ")), target[it.key()],
                              to[it.key()].join(QStringLiteral(", ")), rule[it.key()]));
    return lines;
}

QStringList mysqlTable(Database& database, const QString& table, QString* error)
{
    QStringList lines;
    Result<QSqlQuery> columns = database.run(
        QStringLiteral("SELECT COLUMN_NAME, IS_NULLABLE FROM information_schema.COLUMNS WHERE "
                       "TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?"),
        {table});
    if (!columns) {
        *error = columns.error().message;
        return {};
    }
    while (columns->next())
        lines.append(QStringLiteral("column %1 %2")
                         .arg(columns->value(0).toString(),
                              columns->value(1).toString() == QLatin1String("YES")
                                  ? QStringLiteral("null")
                                  : QStringLiteral("not null")));
    Result<QSqlQuery> indexes = database.run(
        QStringLiteral("SELECT INDEX_NAME, COLUMN_NAME FROM information_schema.STATISTICS WHERE "
                       "TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND NON_UNIQUE = 0 ORDER "
                       "BY INDEX_NAME, SEQ_IN_INDEX"),
        {table});
    if (!indexes) {
        *error = indexes.error().message;
        return {};
    }
    QMap<QString, QStringList> unique;
    while (indexes->next())
        unique[indexes->value(0).toString()].append(indexes->value(1).toString());
    for (auto it = unique.cbegin(); it != unique.cend(); ++it)
        lines.append((it.key() == QLatin1String("PRIMARY") ? QStringLiteral("primary key (%1)")
                                                           : QStringLiteral("unique (%1)"))
                         .arg(it.value().join(QStringLiteral(", "))));
    Result<QSqlQuery> keys = database.run(
        QStringLiteral(
            "SELECT k.CONSTRAINT_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_NAME, "
            "k.REFERENCED_COLUMN_NAME, r.DELETE_RULE FROM information_schema.KEY_COLUMN_USAGE k "
            "JOIN information_schema.REFERENTIAL_CONSTRAINTS r ON r.CONSTRAINT_SCHEMA = "
            "k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = "
            "k.TABLE_NAME WHERE k.TABLE_SCHEMA = DATABASE() AND k.TABLE_NAME = ? AND "
            "k.REFERENCED_TABLE_NAME IS NOT NULL ORDER BY k.CONSTRAINT_NAME, "
            "k.ORDINAL_POSITION"),
        {table});
    if (!keys) {
        *error = keys.error().message;
        return {};
    }
    QMap<QString, QStringList> from;
    QMap<QString, QStringList> to;
    QMap<QString, QString> target;
    QMap<QString, QString> rule;
    while (keys->next()) {
        const QString name = keys->value(0).toString();
        from[name].append(keys->value(1).toString());
        target[name] = keys->value(2).toString();
        to[name].append(keys->value(3).toString());
        rule[name] = keys->value(4).toString();
    }
    for (auto it = from.cbegin(); it != from.cend(); ++it)
        lines.append(QStringLiteral("foreign key (%1) references %2 (%3) on delete %4")
                         .arg(it.value().join(QStringLiteral(", ")), target[it.key()],
                              to[it.key()].join(QStringLiteral(", ")), rule[it.key()]));
    return lines;
}

} // namespace

QStringList SchemaSnapshot::tables(Database& database, QString* error)
{
    Result<QSqlQuery> query = database.run(
        database.dialect() == Dialect::Sqlite
            ? QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT "
                             "LIKE 'sqlite_%'")
            : QStringLiteral("SELECT TABLE_NAME FROM information_schema.TABLES WHERE "
                             "TABLE_SCHEMA = DATABASE()"));
    if (!query) {
        *error = query.error().message;
        return {};
    }
    QStringList names;
    while (query->next())
        names.append(query->value(0).toString());
    names.sort();
    return names;
}

QMap<QString, QStringList> SchemaSnapshot::take(Database& database, QString* error)
{
    QMap<QString, QStringList> snapshot;
    const QStringList names = tables(database, error);
    for (const QString& table : names) {
        QStringList lines = database.dialect() == Dialect::Sqlite
                                ? sqliteTable(database, table, error)
                                : mysqlTable(database, table, error);
        if (!error->isEmpty())
            return {};
        lines.sort();
        snapshot.insert(table, lines);
    }
    return snapshot;
}

QStringList SchemaSnapshot::differences(const QMap<QString, QStringList>& left,
                                        const QMap<QString, QStringList>& right)
{
    QStringList result;
    QSet<QString> tables;
    for (auto it = left.cbegin(); it != left.cend(); ++it)
        tables.insert(it.key());
    for (auto it = right.cbegin(); it != right.cend(); ++it)
        tables.insert(it.key());
    QStringList sorted(tables.cbegin(), tables.cend());
    sorted.sort();
    for (const QString& table : std::as_const(sorted)) {
        const QStringList l = left.value(table);
        const QStringList r = right.value(table);
        if (!left.contains(table))
            result.append(QStringLiteral("+ %1: (table)").arg(table));
        if (!right.contains(table))
            result.append(QStringLiteral("- %1: (table)").arg(table));
        for (const QString& line : l)
            if (!r.contains(line))
                result.append(QStringLiteral("- %1: %2").arg(table, line));
        for (const QString& line : r)
            if (!l.contains(line))
                result.append(QStringLiteral("+ %1: %2").arg(table, line));
    }
    return result;
}

} // namespace ReleaseDeck::Test
