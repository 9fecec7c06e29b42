#include "releases/ReleaseActionBar.h"

#include "orchestrator/WaitReasons.h"
#include "releases/ReleasePageText.h"

#include <QHBoxLayout>
#include <QPushButton>

namespace ReleaseDeck {

ReleaseActionBar::ReleaseActionBar(QWidget* parent)
    : QWidget(parent)
    , m_hotfix(new QPushButton(tr("Create hotfi&x…"), this))
{
    setObjectName(QStringLiteral("releaseActionBar"));
    setAccessibleName(tr("Actions"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    using Kind = ReleaseAction::Kind;
    layout->addWidget(add(Kind::Approve, QStringLiteral("approveButton"),
                          tr("&Approve pre-release"), tr("Approve pre-release")));
    layout->addWidget(add(Kind::StartKickoffNow, QStringLiteral("startKickoffButton"),
                          tr("&Start kickoff now"), tr("Start kickoff now")));
    layout->addWidget(
        add(Kind::Retry, QStringLiteral("retryButton"), tr("Re&try"), tr("Retry the failed task")));
    layout->addWidget(
        add(Kind::Skip, QStringLiteral("skipButton"), tr("S&kip…"), tr("Skip the failed task")));
    layout->addWidget(add(Kind::AddSlot, QStringLiteral("addSlotButton"),
                          tr("Add regression s&lot…"), tr("Add a regression slot")));
    layout->addWidget(
        add(Kind::Pause, QStringLiteral("pauseButton"), tr("&Pause"), tr("Pause the release")));
    layout->addWidget(
        add(Kind::Resume, QStringLiteral("resumeButton"), tr("Res&ume"), tr("Resume the release")));
    m_hotfix->setObjectName(QStringLiteral("createHotfixButton"));
    m_hotfix->setAccessibleName(tr("Create a hotfix of this release"));
    connect(m_hotfix, &QPushButton::clicked, this, &ReleaseActionBar::hotfixRequested);
    layout->addWidget(m_hotfix);
    layout->addStretch(1);
    layout->addWidget(add(Kind::Cancel, QStringLiteral("cancelReleaseButton"),
                          tr("&Cancel release…"), tr("Cancel the release")));
    update(Role::Viewer, {}, std::nullopt);
}

QPushButton* ReleaseActionBar::add(ReleaseAction::Kind kind, const QString& name,
                                   const QString& text, const QString& accessibleName)
{
    auto* button = new QPushButton(text, this);
    button->setObjectName(name);
    button->setAccessibleName(accessibleName);
    connect(button, &QPushButton::clicked, this, [this, kind] { emit actionRequested(kind); });
    m_buttons.insert(int(kind), button);
    return button;
}

QPushButton* ReleaseActionBar::button(ReleaseAction::Kind kind) const
{
    return m_buttons.value(int(kind));
}

void ReleaseActionBar::setBusy(bool busy)
{
    m_busy = busy;
    for (QPushButton* button : std::as_const(m_buttons))
        button->setEnabled(!busy);
    m_hotfix->setEnabled(!busy);
}

void ReleaseActionBar::update(Role role, const ReleaseDetail& detail,
                              const std::optional<Task>& failed)
{
    using Kind = ReleaseAction::Kind;
    const Release& release = detail.release;
    const bool acts = (role == Role::Owner || role == Role::Editor) && release.id != 0;
    const ReleaseStatus status = release.status;
    const bool running = status == ReleaseStatus::Pending || status == ReleaseStatus::InProgress ||
                         status == ReleaseStatus::Paused;
    const NextStep next =
        WaitReasons::next(release, detail.tasks, detail.regressionSlots, detail.cycles);
    const bool awaitingRegression = next.kind == NextStep::Kind::AwaitingRegressionApproval;
    const bool awaiting = next.kind == NextStep::Kind::AwaitingApproval || awaitingRegression;

    button(Kind::Approve)
        ->setText(awaitingRegression ? tr("&Approve regression") : tr("&Approve pre-release"));
    button(Kind::Approve)
        ->setAccessibleName(awaitingRegression ? tr("Approve regression")
                                               : tr("Approve pre-release"));
    button(Kind::Approve)->setVisible(acts && awaiting);
    button(Kind::StartKickoffNow)->setVisible(acts && status == ReleaseStatus::Pending);
    button(Kind::Retry)->setVisible(acts && failed.has_value());
    button(Kind::Skip)->setVisible(acts && failed.has_value());
    if (failed) {
        const QString name = ReleasePageText::taskName(failed->type);
        button(Kind::Retry)->setToolTip(tr("Run “%1” again").arg(name));
        button(Kind::Skip)->setToolTip(tr("Go on without “%1”").arg(name));
    }
    button(Kind::AddSlot)->setVisible(acts && running && release.stage <= Stage::Regression);
    button(Kind::Pause)
        ->setVisible(acts &&
                     (status == ReleaseStatus::Pending || status == ReleaseStatus::InProgress));
    button(Kind::Resume)
        ->setVisible(acts && status == ReleaseStatus::Paused &&
                     release.pauseReason == PauseReason::UserRequested);
    button(Kind::Cancel)->setVisible(acts && running);
    m_hotfix->setVisible(acts && status == ReleaseStatus::Completed);
    setBusy(m_busy);
}

} // namespace ReleaseDeck
