#include "Announcement.h"

#include "EnumText.h"

namespace ReleaseDeck {

namespace {

constexpr EnumTable<AnnouncementStatus, 4> announcementStatuses{{
    {AnnouncementStatus::Pending, "PENDING"},
    {AnnouncementStatus::Sent, "SENT"},
    {AnnouncementStatus::Failed, "FAILED"},
    {AnnouncementStatus::Skipped, "SKIPPED"},
}};

} // namespace

QString toText(AnnouncementStatus value)
{
    return enumToText(announcementStatuses, value);
}

std::optional<AnnouncementStatus> announcementStatusFromText(const QString& text)
{
    return enumFromText(announcementStatuses, text);
}

} // namespace ReleaseDeck
