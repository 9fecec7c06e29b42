#include "ProviderInfo.h"

namespace ReleaseDeck {

const ProviderField* ProviderInfo::field(const QString& key) const
{
    for (const ProviderField& candidate : fields) {
        if (candidate.key == key)
            return &candidate;
    }
    return nullptr;
}

const ProviderField* ProviderInfo::purposeField() const
{
    for (const ProviderField& candidate : fields) {
        if (candidate.shape == FieldShape::PerPurpose)
            return &candidate;
    }
    return nullptr;
}

FieldChoices ProviderInfo::choiceList() const
{
    for (const ProviderField& candidate : fields) {
        if (candidate.isPicked())
            return candidate.pickedFrom;
    }
    return FieldChoices::None;
}

} // namespace ReleaseDeck
