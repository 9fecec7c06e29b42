#pragma once

#include "model/ConnectionEnums.h"
#include "providers/ProviderField.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace ReleaseDeck {

// The registry's providers and fields as the wizard's flat form sees them: a single field
// is one form key ("owner"), a map one key per member ("projectKey.ANDROID",
// "workflow.AUTOMATION"). Every rule comes from core (ProviderRegistry, ProviderField).
class ConnectionRules
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionRules)

public:
    struct Provider
    {
        QString id;
        QString name;
    };

    static QList<Provider> providers(ConnectionCategory category);
    static QString providerName(const QString& provider);
    static FieldChoices choiceList(const QString& provider);
    // What the forms show of a provider, in the registry's order; none for an unknown one.
    static QList<ProviderField> formFields(const QString& provider);
    // What the forms of any provider of the category show, each field once.
    static QList<ProviderField> formFields(ConnectionCategory category);

    // Inline messages per form key, "token" included; empty when all is well.
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
