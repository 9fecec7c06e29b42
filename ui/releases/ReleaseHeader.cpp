#include "releases/ReleaseHeader.h"

#include "orchestrator/WaitReasons.h"
#include "releases/ReleaseText.h"
#include "widgets/DisplayNames.h"
#include "widgets/FieldCaption.h"
#include "widgets/RelativeTime.h"
#include "widgets/StatusColors.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace ReleaseDeck {

ReleaseHeader::ReleaseHeader(QWidget* parent)
    : QWidget(parent)
    , m_version(field(QStringLiteral("releaseVersionLabel"), tr("Version")))
    , m_hotfix(field(QStringLiteral("releaseHotfixBadge"), tr("Hotfix")))
    , m_type(field(QStringLiteral("releaseTypeLabel"), tr("Type")))
    , m_status(field(QStringLiteral("releaseStatusLabel"), tr("Status")))
    , m_stage(field(QStringLiteral("releaseStageLabel"), tr("Stage")))
    , m_next(field(QStringLiteral("releaseNextLabel"), tr("Next")))
    , m_branch(field(QStringLiteral("releaseBranchLabel"), tr("Branch")))
    , m_tag(field(QStringLiteral("releaseTagLabel"), tr("Tag")))
    , m_kickoff(field(QStringLiteral("releaseKickoffLabel"), tr("Kickoff")))
    , m_target(field(QStringLiteral("releaseTargetLabel"), tr("Target")))
    , m_released(field(QStringLiteral("releaseReleasedLabel"), tr("Released")))
{
    setObjectName(QStringLiteral("releaseHeader"));
    setAccessibleName(tr("Release"));

    QFont big = m_version->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_version->setFont(big);
    m_hotfix->setText(tr("HOTFIX"));
    // Highlight colours are readable in light and dark palettes alike.
    m_hotfix->setStyleSheet(
        QStringLiteral("QLabel { background: palette(highlight); color: palette(highlighted-text); "
                       "border-radius: 3px; padding: 1px 6px; font-weight: bold; }"));

    auto* title = new QHBoxLayout;
    title->addWidget(m_version);
    title->addWidget(m_hotfix, 0, Qt::AlignVCenter);
    title->addSpacing(12);
    title->addWidget(m_status, 0, Qt::AlignVCenter);
    title->addStretch(1);

    const auto form = [this] {
        auto* layout = new QFormLayout;
        layout->setLabelAlignment(Qt::AlignLeft);
        layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        return layout;
    };
    QFormLayout* left = form();
    left->addRow(fieldCaption(m_type, tr("Type:")), m_type);
    left->addRow(fieldCaption(m_stage, tr("Stage:")), m_stage);
    left->addRow(fieldCaption(m_next, tr("Next:")), m_next);
    QFormLayout* middle = form();
    middle->addRow(fieldCaption(m_branch, tr("Branch:")), m_branch);
    middle->addRow(fieldCaption(m_tag, tr("Tag:")), m_tag);
    QFormLayout* right = form();
    right->addRow(fieldCaption(m_kickoff, tr("Kickoff:")), m_kickoff);
    right->addRow(fieldCaption(m_target, tr("Target:")), m_target);
    right->addRow(fieldCaption(m_released, tr("Released:")), m_released);
    auto* facts = new QHBoxLayout;
    facts->addLayout(left, 1);
    facts->addSpacing(16);
    facts->addLayout(middle, 1);
    facts->addSpacing(16);
    facts->addLayout(right, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(title);
    layout->addLayout(facts);
}

QLabel* ReleaseHeader::field(const QString& name, const QString& accessibleName)
{
    auto* label = new QLabel(this);
    label->setObjectName(name);
    label->setAccessibleName(accessibleName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QString ReleaseHeader::statusText(const ReleaseDetail& detail)
{
    ReleaseSummary summary;
    summary.release = detail.release;
    for (const Task& task : detail.tasks) {
        if (task.status == TaskStatus::Failed) {
            summary.failedTask = task.type;
            summary.failedCycle = task.cycleNumber;
            break;
        }
    }
    return ReleaseText::status(summary);
}

void ReleaseHeader::showRelease(const ReleaseDetail& detail)
{
    const Release& release = detail.release;
    const QDateTime now = detail.now.isValid() ? detail.now : QDateTime::currentDateTimeUtc();
    const bool hotfix = release.type == ReleaseType::Hotfix;
    m_version->setText(release.version);
    m_hotfix->setVisible(hotfix);
    m_type->setText(hotfix ? tr("Hotfix") : tr("Planned release"));
    m_status->setText(statusText(detail));
    QPalette palette = this->palette();
    if (release.status == ReleaseStatus::Paused)
        palette.setColor(QPalette::WindowText, StatusColors::warning(palette));
    m_status->setPalette(palette);
    m_stage->setText(DisplayNames::stage(release.stage));
    m_next->setText(ReleaseText::nextStep(
        WaitReasons::next(release, detail.tasks, detail.regressionSlots, detail.cycles), now));
    m_branch->setText(release.releaseBranch.isEmpty()
                          ? tr("None yet (from %1)").arg(release.baseBranch)
                          : tr("%1 (from %2)").arg(release.releaseBranch, release.baseBranch));
    m_tag->setText(release.releaseTag.isEmpty() ? tr("None yet") : release.releaseTag);
    const bool over = release.status == ReleaseStatus::Completed ||
                      release.status == ReleaseStatus::Cancelled ||
                      release.status == ReleaseStatus::Archived;
    setDate(m_kickoff, tr("Kickoff"), release.kickoffAt, now, false);
    setDate(m_target, tr("Target"), release.targetAt, now,
            !over && release.targetAt.isValid() && release.targetAt < now);
    setDate(m_released, tr("Released"), release.releasedAt, now, false);
}

void ReleaseHeader::setDate(QLabel* label, const QString& what, const QDateTime& at,
                            const QDateTime& now, bool overdue)
{
    QPalette palette = this->palette();
    if (!at.isValid()) {
        label->setText(tr("Not set"));
        label->setToolTip(QString());
    } else {
        label->setText(overdue ? tr("%1 (overdue)").arg(RelativeTime::describe(at, now))
                               : RelativeTime::describe(at, now));
        label->setToolTip(tr("%1: %2").arg(what, RelativeTime::exact(at)));
        if (overdue)
            palette.setColor(QPalette::WindowText, StatusColors::error(palette));
    }
    label->setPalette(palette);
    label->setAccessibleDescription(label->toolTip());
}

} // namespace ReleaseDeck
