#pragma once

#include "FieldCheck.h"
#include "Result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>

namespace ReleaseDeck {

// One value, or one value per platform or per CI purpose (an object in the config).
enum class FieldShape
{
    Single,
    PerPlatform,
    PerPurpose
};

enum class FieldNeed
{
    Optional,
    Required,    // to verify and to save
    BeforeSaving // to save only: given or picked once the credentials work
};

// The provider's own list a value is picked from once the token works; None: typed.
enum class FieldChoices
{
    None,
    Branches,
    Channels,
    Workflows
};

// One field of a provider's connection config, as the registry describes it: the wizard,
// the edit dialog and the command line's flags are made from these, and every config is
// checked against them. Built with the named setters; the texts people read are English
// source texts marked for translation under the context "ProviderField":
//   ProviderField(QStringLiteral("owner"), FieldKind::Slug,
//                 QT_TRANSLATE_NOOP("ProviderField", "Owner"),
//                 QT_TRANSLATE_NOOP("ProviderField", "the owner"))
//       .example(QT_TRANSLATE_NOOP("ProviderField", "acme"))
// The sentences below (missing, check) come out translated where the program installed a
// translation (the app) and in English where it did not (the command line).
struct ProviderField
{
    Q_DECLARE_TR_FUNCTIONS(ProviderField)

public:
    ProviderField(QString key, FieldKind kind, const char* label, const char* noun);

    QString key;   // in the config: "apiUrl", "projectKeys"
    QString name;  // one value: "apiUrl", "projectKey"; the flag and form keys come from it
    QString label; // on forms: "API address" (English; shownLabel() translated)
    QString noun;  // in sentences: "the API address" (English)
    FieldKind kind;
    FieldShape shape = FieldShape::Single;
    FieldNeed need = FieldNeed::Required;
    FieldChoices pickedFrom = FieldChoices::None;
    QString placeholder; // an example, or what an empty optional value means
    QString valueName;   // the value in usage text: "OWNER", "URL"
    QStringList options; // a Choice's words
    bool inForms = true; // false: on the command line only

    ProviderField optional() const;
    ProviderField neededBeforeSaving() const;
    ProviderField perPlatform(const QString& oneName) const;
    ProviderField perPurpose(const QString& oneName) const;
    ProviderField picked(FieldChoices list) const;
    ProviderField example(const char* text) const;
    ProviderField value(const QString& usageName) const;
    ProviderField choices(const QStringList& words) const;
    ProviderField commandLineOnly() const;

    // The label, noun and placeholder in the installed translation.
    QString shownLabel() const;
    QString shownNoun() const;
    QString shownPlaceholder() const;

    bool isPicked() const { return pickedFrom != FieldChoices::None; }
    bool isMap() const { return shape != FieldShape::Single; }
    // "--api-url", "--project-key": the name in kebab case.
    QString flagName() const;
    // "PLATFORM=KEY", "PURPOSE=FILE", "URL": the flag's value in usage text.
    QString flagValue() const;
    // The form's key for a value: "owner", or "projectKey.ANDROID" for a map's member.
    QString formKey(const QString& member = {}) const;
    // A map's members in order: platforms or CI purposes, as the config spells them.
    QStringList members() const;
    // "Android", "Regression build", translated.
    QString memberName(const QString& member) const;

    // When no value is given: "Enter the owner.", "Pick the workflow of at least one purpose."
    QString missing() const;
    // One value, or one member's value of a map, as typed; empty when fine.
    QString check(const QString& value, const QString& member = {}) const;
    // A map's member as given: an unknown platform or purpose is named with the known ones.
    QString checkMember(const QString& member, const QString& value) const;
    // The field in a config: present when needed (BeforeSaving only when saving), every
    // value well-formed, a map naming only known members. Usage errors.
    Status checkConfig(const QJsonObject& config, bool saving) const;
    // Every field of a list, in order; the first failure.
    static Status checkConfig(const QList<ProviderField>& fields, const QJsonObject& config,
                              bool saving);
};

} // namespace ReleaseDeck
