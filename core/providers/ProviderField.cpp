#include "ProviderField.h"

#include "ProviderConfig.h"
#include "model/ConnectionEnums.h"

#include <utility>

namespace ReleaseDeck {

namespace {

// A text marked with QT_TRANSLATE_NOOP where it is written, translated where it is shown.
QString translated(const char* context, const QString& source)
{
    return QCoreApplication::translate(context, source.toUtf8().constData());
}

} // namespace

ProviderField::ProviderField(QString key, FieldKind kind, const char* label, const char* noun)
    : key(key)
    , name(std::move(key))
    , label(QString::fromUtf8(label))
    , noun(QString::fromUtf8(noun))
    , kind(kind)
{}

ProviderField ProviderField::optional() const
{
    ProviderField field = *this;
    field.need = FieldNeed::Optional;
    return field;
}

ProviderField ProviderField::neededBeforeSaving() const
{
    ProviderField field = *this;
    field.need = FieldNeed::BeforeSaving;
    return field;
}

ProviderField ProviderField::perPlatform(const QString& oneName) const
{
    ProviderField field = *this;
    field.shape = FieldShape::PerPlatform;
    field.name = oneName;
    return field;
}

ProviderField ProviderField::perPurpose(const QString& oneName) const
{
    ProviderField field = *this;
    field.shape = FieldShape::PerPurpose;
    field.name = oneName;
    return field;
}

ProviderField ProviderField::picked(FieldChoices list) const
{
    ProviderField field = *this;
    field.pickedFrom = list;
    return field;
}

ProviderField ProviderField::example(const char* text) const
{
    ProviderField field = *this;
    field.placeholder = QString::fromUtf8(text);
    return field;
}

ProviderField ProviderField::value(const QString& usageName) const
{
    ProviderField field = *this;
    field.valueName = usageName;
    return field;
}

ProviderField ProviderField::choices(const QStringList& words) const
{
    ProviderField field = *this;
    field.options = words;
    return field;
}

ProviderField ProviderField::commandLineOnly() const
{
    ProviderField field = *this;
    field.inForms = false;
    return field;
}

QString ProviderField::shownLabel() const
{
    return translated("ProviderField", label);
}

QString ProviderField::shownNoun() const
{
    return translated("ProviderField", noun);
}

QString ProviderField::shownPlaceholder() const
{
    return translated("ProviderField", placeholder);
}

QString ProviderField::flagName() const
{
    QString flag;
    for (const QChar c : name) {
        if (c.isUpper())
            flag += QLatin1Char('-') + c.toLower();
        else
            flag += c;
    }
    return flag;
}

QString ProviderField::flagValue() const
{
    switch (shape) {
    case FieldShape::PerPlatform:
        return QStringLiteral("PLATFORM=") + valueName;
    case FieldShape::PerPurpose:
        return QStringLiteral("PURPOSE=") + valueName;
    case FieldShape::Single:
        break;
    }
    return valueName;
}

QString ProviderField::formKey(const QString& member) const
{
    return member.isEmpty() ? name : name + QLatin1Char('.') + member;
}

QStringList ProviderField::members() const
{
    QStringList members;
    if (shape == FieldShape::PerPlatform) {
        for (Platform platform : allPlatforms())
            members << toText(platform);
    } else if (shape == FieldShape::PerPurpose) {
        for (CiPurpose purpose : allCiPurposes())
            members << toText(purpose);
    }
    return members;
}

QString ProviderField::memberName(const QString& member) const
{
    if (shape == FieldShape::PerPlatform) {
        if (const auto platform = platformFromText(member))
            return translated("ConnectionEnums", displayName(*platform));
    } else if (shape == FieldShape::PerPurpose) {
        if (const auto purpose = ciPurposeFromText(member))
            return translated("ConnectionEnums", displayName(*purpose));
    }
    return member;
}

QString ProviderField::missing() const
{
    const bool platforms = shape == FieldShape::PerPlatform;
    if (isPicked()) {
        if (!isMap())
            return tr("Pick %1.").arg(shownNoun());
        return platforms ? tr("Pick %1 of at least one platform.").arg(shownNoun())
                         : tr("Pick %1 of at least one purpose.").arg(shownNoun());
    }
    if (!isMap())
        return tr("Enter %1.").arg(shownNoun());
    return platforms ? tr("Enter %1 of at least one platform.").arg(shownNoun())
                     : tr("Enter %1 of at least one purpose.").arg(shownNoun());
}

QString ProviderField::check(const QString& value, const QString& member) const
{
    const QString what =
        member.isEmpty() ? shownNoun() : tr("%1 for %2").arg(shownNoun(), memberName(member));
    return FieldCheck::of(kind, value, what, options);
}

QString ProviderField::checkMember(const QString& member, const QString& value) const
{
    const bool platforms = shape == FieldShape::PerPlatform;
    const bool known =
        platforms ? platformFromText(member).has_value() : ciPurposeFromText(member).has_value();
    if (!known)
        return (platforms ? tr("Unknown platform \"%1\" for %2; use %3.")
                          : tr("Unknown purpose \"%1\" for %2; use %3."))
            .arg(member, shownNoun(), FieldCheck::alternatives(members()));
    if (value.trimmed().isEmpty())
        return tr("Enter %1 for %2.").arg(shownNoun(), memberName(member));
    return check(value, member);
}

Status ProviderField::checkConfig(const QJsonObject& config, bool saving) const
{
    if (ProviderConfig::isUnset(config, key)) {
        if (need == FieldNeed::Required || (need == FieldNeed::BeforeSaving && saving))
            return Error::usage(missing());
        return {};
    }
    const QJsonValue value = config.value(key);
    if (!isMap()) {
        const QString message =
            value.isString() ? check(value.toString())
                             : tr("%1 must be text.").arg(FieldCheck::capitalized(shownNoun()));
        return message.isEmpty() ? Status() : Status(Error::usage(message));
    }
    if (!value.isObject())
        return Error::usage(tr("%1 must name its values like %2.")
                                .arg(FieldCheck::capitalized(shownNoun()), flagValue()));
    const QJsonObject map = value.toObject();
    for (auto it = map.begin(); it != map.end(); ++it) {
        if (const QString message = checkMember(it.key(), it.value().toString());
            !message.isEmpty())
            return Error::usage(message);
    }
    return {};
}

Status ProviderField::checkConfig(const QList<ProviderField>& fields, const QJsonObject& config,
                                  bool saving)
{
    for (const ProviderField& field : fields) {
        if (Status checked = field.checkConfig(config, saving); !checked)
            return checked;
    }
    return {};
}

} // namespace ReleaseDeck
