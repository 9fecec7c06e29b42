#include "widgets/DisplayNames.h"

namespace ReleaseDeck {

QString DisplayNames::category(ConnectionCategory value)
{
    switch (value) {
    case ConnectionCategory::Scm:
        return tr("Source control");
    case ConnectionCategory::Chat:
        return tr("Chat");
    case ConnectionCategory::Issues:
        return tr("Issue tracker");
    case ConnectionCategory::Ci:
        return tr("CI");
    case ConnectionCategory::Tests:
        return tr("Test management");
    case ConnectionCategory::Store:
        return tr("App store");
    }
    return {};
}

QString DisplayNames::status(VerificationStatus value)
{
    switch (value) {
    case VerificationStatus::Pending:
        return tr("Pending");
    case VerificationStatus::Valid:
        return tr("Valid");
    case VerificationStatus::Invalid:
        return tr("Invalid");
    case VerificationStatus::Expired:
        return tr("Expired");
    }
    return {};
}

QString DisplayNames::stage(Stage value)
{
    switch (value) {
    case Stage::Kickoff:
        return tr("Kickoff");
    case Stage::Regression:
        return tr("Regression");
    case Stage::PreRelease:
        return tr("Pre-release");
    case Stage::Done:
        return tr("Done");
    }
    return {};
}

QString DisplayNames::releaseStatus(ReleaseStatus value)
{
    switch (value) {
    case ReleaseStatus::Pending:
        return tr("Pending");
    case ReleaseStatus::InProgress:
        return tr("In progress");
    case ReleaseStatus::Paused:
        return tr("Paused");
    case ReleaseStatus::Completed:
        return tr("Completed");
    case ReleaseStatus::Cancelled:
        return tr("Cancelled");
    case ReleaseStatus::Archived:
        return tr("Archived");
    }
    return {};
}

QString DisplayNames::role(Role value)
{
    switch (value) {
    case Role::Owner:
        return tr("Owner");
    case Role::Editor:
        return tr("Editor");
    case Role::Viewer:
        return tr("Viewer");
    }
    return {};
}

} // namespace ReleaseDeck
