#include "ConnectionEnums.h"

#include "EnumText.h"

namespace ReleaseDeck {

namespace {

constexpr EnumTable<Role, 3> roles{{
    {Role::Owner, "OWNER"},
    {Role::Editor, "EDITOR"},
    {Role::Viewer, "VIEWER"},
}};

constexpr EnumTable<ConnectionCategory, 6> categories{{
    {ConnectionCategory::Scm, "SCM"},
    {ConnectionCategory::Chat, "CHAT"},
    {ConnectionCategory::Issues, "ISSUES"},
    {ConnectionCategory::Ci, "CI"},
    {ConnectionCategory::Tests, "TESTS"},
    {ConnectionCategory::Store, "STORE"},
}};

constexpr EnumTable<VerificationStatus, 4> statuses{{
    {VerificationStatus::Pending, "PENDING"},
    {VerificationStatus::Valid, "VALID"},
    {VerificationStatus::Invalid, "INVALID"},
    {VerificationStatus::Expired, "EXPIRED"},
}};

constexpr EnumTable<Platform, 3> platforms{{
    {Platform::Android, "ANDROID"},
    {Platform::Ios, "IOS"},
    {Platform::Web, "WEB"},
}};

constexpr EnumTable<CiPurpose, 5> purposes{{
    {CiPurpose::PreRegressionBuild, "PRE_REGRESSION_BUILD"},
    {CiPurpose::RegressionBuild, "REGRESSION_BUILD"},
    {CiPurpose::Automation, "AUTOMATION"},
    {CiPurpose::TestFlight, "TESTFLIGHT"},
    {CiPurpose::AndroidBundle, "ANDROID_BUNDLE"},
}};

template<typename Enum, std::size_t N>
QList<Enum> valuesOf(const EnumTable<Enum, N>& table)
{
    QList<Enum> values;
    for (const auto& [value, text] : table)
        values.append(value);
    return values;
}

} // namespace

QString toText(Role value)
{
    return enumToText(roles, value);
}

QString toText(ConnectionCategory value)
{
    return enumToText(categories, value);
}

QString toText(VerificationStatus value)
{
    return enumToText(statuses, value);
}

QString toText(Platform value)
{
    return enumToText(platforms, value);
}

QString toText(CiPurpose value)
{
    return enumToText(purposes, value);
}

std::optional<Role> roleFromText(const QString& text)
{
    return enumFromText(roles, text);
}

std::optional<ConnectionCategory> categoryFromText(const QString& text)
{
    return enumFromText(categories, text);
}

std::optional<VerificationStatus> verificationStatusFromText(const QString& text)
{
    return enumFromText(statuses, text);
}

std::optional<Platform> platformFromText(const QString& text)
{
    return enumFromText(platforms, text);
}

std::optional<CiPurpose> ciPurposeFromText(const QString& text)
{
    const auto purpose = enumFromText(purposes, text);
    if (!purpose || toText(*purpose) != text)
        return std::nullopt;
    return purpose;
}

QString displayName(ConnectionCategory value)
{
    switch (value) {
    case ConnectionCategory::Scm:
        return QStringLiteral("Source control");
    case ConnectionCategory::Chat:
        return QStringLiteral("Chat");
    case ConnectionCategory::Issues:
        return QStringLiteral("Issue tracker");
    case ConnectionCategory::Ci:
        return QStringLiteral("CI");
    case ConnectionCategory::Tests:
        return QStringLiteral("Test management");
    case ConnectionCategory::Store:
        return QStringLiteral("App store");
    }
    return {};
}

QString displayName(VerificationStatus value)
{
    switch (value) {
    case VerificationStatus::Pending:
        return QStringLiteral("Pending");
    case VerificationStatus::Valid:
        return QStringLiteral("Valid");
    case VerificationStatus::Invalid:
        return QStringLiteral("Invalid");
    case VerificationStatus::Expired:
        return QStringLiteral("Expired");
    }
    return {};
}

QString displayName(Platform value)
{
    switch (value) {
    case Platform::Android:
        return QString::fromUtf8(QT_TRANSLATE_NOOP("ConnectionEnums", "Android"));
    case Platform::Ios:
        return QString::fromUtf8(QT_TRANSLATE_NOOP("ConnectionEnums", "iOS"));
    case Platform::Web:
        return QString::fromUtf8(QT_TRANSLATE_NOOP("ConnectionEnums", "Web"));
    }
    return {};
}

QString displayName(CiPurpose value)
{
    switch (value) {
    case CiPurpose::PreRegressionBuild:
        return QString::fromUtf8(QT_TRANSLATE_NOOP("ConnectionEnums", "Pre-regression build"));
    case CiPurpose::RegressionBuild:
        return QString::fromUtf8(QT_TRANSLATE_NOOP("ConnectionEnums", "Regression build"));
    case CiPurpose::Automation:
        return QString::fromUtf8(QT_TRANSLATE_NOOP("ConnectionEnums", "Automation"));
    case CiPurpose::TestFlight:
        return QString::fromUtf8(QT_TRANSLATE_NOOP("ConnectionEnums", "TestFlight"));
    case CiPurpose::AndroidBundle:
        return QString::fromUtf8(QT_TRANSLATE_NOOP("ConnectionEnums", "Android bundle"));
    }
    return {};
}

QList<Platform> allPlatforms()
{
    return valuesOf(platforms);
}

QList<CiPurpose> allCiPurposes()
{
    return valuesOf(purposes);
}

bool canManageConnections(Role role)
{
    return role == Role::Owner;
}

bool canRunReleases(Role role)
{
    return role == Role::Owner || role == Role::Editor;
}

} // namespace ReleaseDeck
