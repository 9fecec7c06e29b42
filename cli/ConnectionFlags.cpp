#include "ConnectionFlags.h"

#include "providers/ProviderRegistry.h"

namespace ReleaseDeck {

namespace {

const QString NameFlag = QStringLiteral("name");

// One flag: the field it fills and the providers that take it, from the registry.
struct Flag
{
    ProviderField field;
    QStringList providerIds;
};

QList<Flag> providerFlags()
{
    QList<Flag> flags;
    const ProviderRegistry& registry = ProviderRegistry::builtIn();
    for (const QString& id : registry.providerIds()) {
        for (const ProviderField& field : registry.find(id)->fields) {
            const auto known = std::find_if(flags.begin(), flags.end(), [&field](const Flag& flag) {
                return flag.field.flagName() == field.flagName();
            });
            if (known == flags.end())
                flags.append({field, {id}});
            else
                known->providerIds << id;
        }
    }
    return flags;
}

// The field behind a flag for any of these providers; none when none of them takes it.
const ProviderField* fieldFor(const QList<const ProviderInfo*>& providers, const QString& flag)
{
    for (const ProviderInfo* provider : providers) {
        for (const ProviderField& field : provider->fields) {
            if (field.flagName() == flag)
                return &field;
        }
    }
    return nullptr;
}

Result<QJsonObject> pairs(const QString& flag, const QStringList& values)
{
    QJsonObject object;
    for (const QString& value : values) {
        const qsizetype equals = value.indexOf(QLatin1Char('='));
        const QString name = value.left(equals).trimmed();
        const QString text = value.mid(equals + 1).trimmed();
        if (equals <= 0 || name.isEmpty() || text.isEmpty())
            return Error::usage(
                QStringLiteral("--%1 takes NAME=VALUE, not '%2'.").arg(flag, value));
        if (object.contains(name))
            return Error::usage(QStringLiteral("--%1 names %2 twice.").arg(flag, name));
        object.insert(name, text);
    }
    return object;
}

} // namespace

QList<QCommandLineOption> ConnectionFlags::options()
{
    QList<QCommandLineOption> options;
    for (const Flag& flag : providerFlags()) {
        QString description = QStringLiteral("%1 (%2)").arg(
            flag.field.label, flag.providerIds.join(QStringLiteral(", ")));
        if (flag.field.isMap())
            description += QStringLiteral("; repeatable");
        options.append(
            QCommandLineOption(flag.field.flagName(), description, flag.field.flagValue()));
    }
    options.append(QCommandLineOption(NameFlag, QStringLiteral("display name of the connection"),
                                      QStringLiteral("TEXT")));
    return options;
}

QStringList ConnectionFlags::providerNames()
{
    return ProviderRegistry::builtIn().names();
}

Result<ConnectionDraft> ConnectionFlags::draft(const QString& providerName,
                                               const QCommandLineParser& parser)
{
    const ProviderRegistry& registry = ProviderRegistry::builtIn();
    const QList<const ProviderInfo*> candidates = registry.providersNamed(providerName);
    if (candidates.isEmpty())
        return Error::usage(QStringLiteral("Unknown provider '%1'; known providers: %2.")
                                .arg(providerName, providerNames().join(QStringLiteral(", "))));
    ConnectionDraft draft;
    if (parser.isSet(NameFlag))
        draft.displayName = parser.value(NameFlag).trimmed();
    for (const Flag& flag : providerFlags()) {
        const QString name = flag.field.flagName();
        if (!parser.isSet(name))
            continue;
        const ProviderField* field = fieldFor(candidates, name);
        if (!field)
            return Error::usage(
                QStringLiteral("--%1 does not apply to %2.").arg(name, providerName));
        if (field->isMap()) {
            Result<QJsonObject> object = pairs(name, parser.values(name));
            if (!object)
                return object.error();
            draft.config.insert(field->key, *object);
        } else {
            if (parser.values(name).size() > 1)
                return Error::usage(QStringLiteral("--%1 is given more than once.").arg(name));
            draft.config.insert(field->key, parser.value(name));
        }
    }
    const ProviderInfo* provider = registry.providerFor(providerName, draft.config);
    draft.provider = provider->id;
    draft.category = provider->category;
    for (const ProviderField& field : provider->fields) {
        if (field.need != FieldNeed::Optional && !draft.config.contains(field.key))
            return Error::usage(QStringLiteral("%1 needs --%2 %3.")
                                    .arg(providerName, field.flagName(), field.flagValue()));
    }
    if (Status valid = registry.validateConfig(draft.provider, draft.config); !valid)
        return valid.error();
    return draft;
}

} // namespace ReleaseDeck
