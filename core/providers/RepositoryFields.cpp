#include "RepositoryFields.h"

namespace ReleaseDeck {

ProviderField RepositoryFields::repository()
{
    return ProviderField(QStringLiteral("repo"), FieldKind::Slug,
                         QT_TRANSLATE_NOOP("ProviderField", "Repository"),
                         QT_TRANSLATE_NOOP("ProviderField", "the repository"))
        .example(QT_TRANSLATE_NOOP("ProviderField", "app"))
        .value(QStringLiteral("REPO"));
}

ProviderField RepositoryFields::defaultBranch()
{
    return ProviderField(QStringLiteral("defaultBranch"), FieldKind::Text,
                         QT_TRANSLATE_NOOP("ProviderField", "Default branch"),
                         QT_TRANSLATE_NOOP("ProviderField", "the default branch"))
        .optional()
        .picked(FieldChoices::Branches)
        .value(QStringLiteral("BRANCH"));
}

} // namespace ReleaseDeck
