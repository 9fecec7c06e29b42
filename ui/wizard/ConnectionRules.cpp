#include "wizard/ConnectionRules.h"

#include "providers/ProviderRegistry.h"
#include "wizard/FieldRules.h"

#include <QUrl>

namespace ReleaseDeck {

namespace {

const QString Owner = QStringLiteral("owner");
const QString Repo = QStringLiteral("repo");
const QString Workspace = QStringLiteral("workspace");
const QString Project = QStringLiteral("project");
const QString ChannelName = QStringLiteral("channelName");
const QString Url = QStringLiteral("url");

void put(QHash<QString, QString>& errors, const QString& key, const QString& message)
{
    if (!message.isEmpty())
        errors.insert(key, message);
}

const ProviderInfo* providerInfo(const QString& provider)
{
    return ProviderRegistry::builtIn().find(provider);
}

// The form keys given for a map field: "projectKey.ANDROID" → "ANDROID", value.
QHash<QString, QString> membersGiven(const ProviderField& field,
                                     const QHash<QString, QString>& fields)
{
    QHash<QString, QString> given;
    const QString prefix = field.formKey() + u'.';
    for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
        if (it.key().startsWith(prefix) && !it.value().trimmed().isEmpty())
            given.insert(it.key().mid(prefix.size()), it.value());
    }
    return given;
}

bool isGiven(const ProviderField& field, const QHash<QString, QString>& fields)
{
    return field.isMap() ? !membersGiven(field, fields).isEmpty()
                         : !fields.value(field.formKey()).trimmed().isEmpty();
}

} // namespace

QList<ConnectionRules::Provider> ConnectionRules::providers(ConnectionCategory category)
{
    QList<Provider> providers;
    for (const ProviderInfo* info : ProviderRegistry::builtIn().providers(category)) {
        // The simulated services come with the sandbox only, never picked by hand.
        if (!info->simulated)
            providers.append({info->id, providerName(info->id)});
    }
    return providers;
}

QString ConnectionRules::providerName(const QString& provider)
{
    const ProviderInfo* info = providerInfo(provider);
    // Marked with QT_TRANSLATE_NOOP where the registry names it.
    return info ? QCoreApplication::translate("ProviderRegistry",
                                              info->displayName.toUtf8().constData())
                : provider;
}

FieldChoices ConnectionRules::choiceList(const QString& provider)
{
    const ProviderInfo* info = providerInfo(provider);
    return info ? info->choiceList() : FieldChoices::None;
}

QList<ProviderField> ConnectionRules::formFields(const QString& provider)
{
    QList<ProviderField> shown;
    if (const ProviderInfo* info = providerInfo(provider)) {
        for (const ProviderField& field : info->fields) {
            if (field.inForms)
                shown.append(field);
        }
    }
    return shown;
}

QList<ProviderField> ConnectionRules::formFields(ConnectionCategory category)
{
    QList<ProviderField> shown;
    const auto indexOf = [&shown](const ProviderField& field) {
        for (qsizetype i = 0; i < shown.size(); ++i) {
            if (shown.at(i).formKey() == field.formKey())
                return i;
        }
        return qsizetype(-1);
    };
    for (const Provider& provider : providers(category)) {
        const QList<ProviderField> own = formFields(provider.id);
        for (qsizetype i = 0; i < own.size(); ++i) {
            if (indexOf(own.at(i)) >= 0)
                continue;
            // Before the provider's next field already shown, so each provider keeps its order.
            qsizetype at = shown.size();
            for (qsizetype next = i + 1; next < own.size() && at == shown.size(); ++next) {
                if (const qsizetype known = indexOf(own.at(next)); known >= 0)
                    at = known;
            }
            shown.insert(at, own.at(i));
        }
    }
    return shown;
}

QHash<QString, QString> ConnectionRules::check(const QString& provider,
                                               const QHash<QString, QString>& fields,
                                               const QString& token)
{
    QHash<QString, QString> errors;
    put(errors, QStringLiteral("token"), FieldRules::token(token));
    const ProviderInfo* info = providerInfo(provider);
    if (!info)
        return errors;
    // A typed field is asked for with the rest; a picked one once the token works.
    for (const ProviderField& field : info->fields) {
        if (field.isPicked())
            continue;
        if (!isGiven(field, fields)) {
            if (field.need != FieldNeed::Optional)
                put(errors, field.formKey(field.members().value(0)), field.missing());
            continue;
        }
        if (!field.isMap()) {
            put(errors, field.formKey(), field.check(fields.value(field.formKey())));
            continue;
        }
        const QHash<QString, QString> given = membersGiven(field, fields);
        for (auto it = given.cbegin(); it != given.cend(); ++it)
            put(errors, field.formKey(it.key()), field.checkMember(it.key(), it.value()));
    }
    return errors;
}

QString ConnectionRules::missingChoice(const QString& provider,
                                       const QHash<QString, QString>& fields)
{
    const ProviderInfo* info = providerInfo(provider);
    if (!info)
        return {};
    for (const ProviderField& field : info->fields) {
        if (field.isPicked() && field.need != FieldNeed::Optional && !isGiven(field, fields))
            return field.missing();
    }
    return {};
}

bool ConnectionRules::isChoiceKey(const QString& key)
{
    // The channel's name travels with its picked ID, for the connection's display name.
    if (key == ChannelName)
        return true;
    const ProviderRegistry& registry = ProviderRegistry::builtIn();
    for (const QString& id : registry.providerIds()) {
        for (const ProviderField& field : registry.find(id)->fields) {
            if (field.isPicked() &&
                (key == field.formKey() || key.startsWith(field.formKey() + u'.')))
                return true;
        }
    }
    return false;
}

QJsonObject ConnectionRules::config(const QString& provider, const QHash<QString, QString>& fields)
{
    QJsonObject config;
    const ProviderInfo* info = providerInfo(provider);
    for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
        const QString value = it.value().trimmed();
        if (value.isEmpty())
            continue;
        const qsizetype dot = it.key().indexOf(u'.');
        if (dot < 0) {
            config.insert(it.key(), value);
            continue;
        }
        const QString name = it.key().left(dot);
        for (const ProviderField& field : info ? info->fields : QList<ProviderField>()) {
            if (!field.isMap() || field.formKey() != name)
                continue;
            QJsonObject members = config.value(field.key).toObject();
            members.insert(it.key().mid(dot + 1), value);
            config.insert(field.key, members);
        }
    }
    return config;
}

QHash<QString, QString> ConnectionRules::fields(const QString& provider, const QJsonObject& config)
{
    QHash<QString, QString> fields;
    const ProviderInfo* info = providerInfo(provider);
    for (auto it = config.constBegin(); it != config.constEnd(); ++it) {
        if (it.value().isString()) {
            fields.insert(it.key(), it.value().toString());
            continue;
        }
        const ProviderField* field = info ? info->field(it.key()) : nullptr;
        if (!field || !field->isMap())
            continue;
        const QJsonObject members = it.value().toObject();
        for (auto member = members.constBegin(); member != members.constEnd(); ++member)
            fields.insert(field->formKey(member.key()), member.value().toString());
    }
    return fields;
}

QString ConnectionRules::displayName(const QString& provider, const QHash<QString, QString>& fields)
{
    if (provider == u"gitlab")
        return fields.value(Project);
    if (provider == u"bitbucket")
        return fields.value(Workspace) + u'/' + fields.value(Repo);
    if (provider == u"slack")
        return fields.value(ChannelName).isEmpty()
                   ? tr("Slack")
                   : QStringLiteral("#") + fields.value(ChannelName);
    if (provider == u"jira-cloud" || provider == u"jira-server") {
        QStringList keys;
        for (Platform platform : allPlatforms()) {
            const QString key = fields.value(QStringLiteral("projectKey.") + toText(platform));
            if (!key.isEmpty())
                keys << key;
        }
        return tr("Jira %1").arg(keys.join(QStringLiteral(", ")));
    }
    if (provider == u"jenkins")
        return tr("Jenkins at %1").arg(QUrl(fields.value(Url)).host());
    return fields.value(Owner) + u'/' + fields.value(Repo);
}

} // namespace ReleaseDeck
