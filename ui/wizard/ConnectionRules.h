#pragma once

#include "model/ConnectionEnums.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace ReleaseDeck {

// What each provider needs: its fields, their checks, and how the flat form fields
// ("owner", "projectKey.ANDROID", "workflow.AUTOMATION") become a connection's config.
class ConnectionRules
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionRules)

public:
    struct Provider
    {
        QString id;
        QString name;
    };

    // What the user picks from a list the provider returns once the token is verified.
    enum class ChoiceList
    {
        None,
        Branches,
        Channels,
        Workflows
    };

    static QList<Provider> providers(ConnectionCategory category);
    static QString providerName(const QString& provider);
    static ChoiceList choiceList(const QString& provider);

    // CI purposes, in the order a release uses them.
    static QStringList purposes();
    static QString purposeName(const QString& purpose);
    static QList<Platform> platforms();

    // Inline messages per field key, "token" included; empty when all is well.
    static QHash<QString, QString>
    check(const QString& provider, const QHash<QString, QString>& fields, const QString& token);
    // After verification: what still has to be picked, as a sentence; empty when done.
    static QString missingChoice(const QString& provider, const QHash<QString, QString>& fields);
    // Picking from a list does not change what was verified.
    static bool isChoiceKey(const QString& key);

    static QJsonObject config(const QString& provider, const QHash<QString, QString>& fields);
    static QHash<QString, QString> fields(const QString& provider, const QJsonObject& config);
    static QString displayName(const QString& provider, const QHash<QString, QString>& fields);
};

} // namespace ReleaseDeck
