#include "releases/NewReleaseDialog.h"

#include "backend/ConnectionBackend.h"
#include "backend/FutureReply.h"
#include "orchestrator/TaskCatalog.h"
#include "orchestrator/TrainKickoff.h"
#include "releases/BranchPicker.h"
#include "releases/NewReleaseProblems.h"
#include "releases/RegressionSlotRows.h"
#include "services/HotfixPlan.h"
#include "services/ReleaseRules.h"
#include "widgets/BusyIndicator.h"
#include "widgets/ChoiceChecks.h"
#include "widgets/FieldMessage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ReleaseDeck {

namespace {

constexpr int DefaultTargetDays = 7;

QDateTime nowToTheMinute()
{
    const QDateTime now = QDateTime::currentDateTime();
    return QDateTime(now.date(), QTime(now.time().hour(), now.time().minute()));
}

} // namespace

NewReleaseDialog::NewReleaseDialog(ConnectionBackend& backend, qint64 workspaceId, QWidget* parent)
    : QDialog(parent)
    , m_backend(backend)
    , m_workspaceId(workspaceId)
    , m_form(new QWidget(this))
    , m_train(new QComboBox(m_form))
    , m_trainNote(new FieldMessage(m_form))
    , m_version(new QLineEdit(m_form))
    , m_versionMessage(new FieldMessage(m_form))
    , m_type(new QComboBox(m_form))
    , m_fixes(new QComboBox(m_form))
    , m_force(new QCheckBox(m_form))
    , m_hotfixMessage(new FieldMessage(m_form))
    , m_platforms(new ChoiceChecks(3, m_form))
    , m_platformsMessage(new FieldMessage(m_form))
    , m_branch(new BranchPicker(m_form))
    , m_branchMessage(new FieldMessage(m_form))
    , m_kickoff(new QDateTimeEdit(nowToTheMinute(), m_form))
    , m_hasTarget(new QCheckBox(tr("&Target:"), m_form))
    , m_target(new QDateTimeEdit(nowToTheMinute().addDays(DefaultTargetDays), m_form))
    , m_targetMessage(new FieldMessage(m_form))
    , m_slots(new RegressionSlotRows(m_form))
    , m_pilot(new QComboBox(m_form))
    , m_tasks(new ChoiceChecks(2, m_form))
    , m_busy(new BusyIndicator(this))
    , m_error(new FieldMessage(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
    , m_create(m_buttons->addButton(tr("Create &release"), QDialogButtonBox::AcceptRole))
{
    setObjectName(QStringLiteral("newReleaseDialog"));
    setAccessibleName(tr("New release"));
    setWindowTitle(tr("New Release"));
    buildForm();
    orderTabs();
    load();
    render();
}

ReleaseDraft NewReleaseDialog::draft() const
{
    ReleaseDraft draft;
    draft.version = m_version->text().trimmed();
    draft.train = m_train->currentData().toString();
    if (m_type->currentData().toInt() == int(ReleaseType::Hotfix)) {
        draft.hotfixOf = m_fixes->currentData().toString();
        draft.force = m_force->isChecked();
    } else {
        draft.baseBranch = m_branch->branch();
    }
    draft.platforms = m_platforms->checked<Platform>();
    draft.kickoffAt = m_kickoff->dateTime().toUTC();
    if (m_hasTarget->isChecked())
        draft.targetAt = m_target->dateTime().toUTC();
    draft.regressionSlots = m_slots->slotDrafts();
    draft.optionalTasksOn = m_tasks->checked<TaskType>();
    draft.pilotId = m_pilot->currentData().toLongLong();
    return draft;
}

void NewReleaseDialog::buildForm()
{
    m_train->setObjectName(QStringLiteral("trainCombo"));
    m_train->setAccessibleName(tr("Start from a release train"));
    m_train->addItem(tr("No train: set the release up here"), QString());
    m_trainNote->setObjectName(QStringLiteral("trainNote"));
    m_version->setObjectName(QStringLiteral("versionEdit"));
    m_version->setAccessibleName(tr("Version"));
    m_version->setPlaceholderText(tr("MAJOR.MINOR.PATCH, e.g. 1.4.0"));
    m_versionMessage->setObjectName(QStringLiteral("versionMessage"));
    m_type->setObjectName(QStringLiteral("typeCombo"));
    m_type->setAccessibleName(tr("Release type"));
    m_type->addItem(tr("Planned release"), int(ReleaseType::Planned));
    m_type->addItem(tr("Hotfix of a completed release"), int(ReleaseType::Hotfix));
    m_fixes->setObjectName(QStringLiteral("fixesCombo"));
    m_fixes->setAccessibleName(tr("The completed release it fixes"));
    m_force->setObjectName(QStringLiteral("forceHotfixCheck"));
    m_force->setAccessibleName(tr("Confirm the hotfix of an older release"));
    m_hotfixMessage->setObjectName(QStringLiteral("hotfixMessage"));
    for (const Platform platform : allPlatforms())
        m_platforms->addChoice(
            int(platform),
            QCoreApplication::translate("ConnectionEnums", qPrintable(displayName(platform))),
            QStringLiteral("platformCheck") + toText(platform), platform != Platform::Web);
    m_platformsMessage->setObjectName(QStringLiteral("platformsMessage"));
    m_branchMessage->setObjectName(QStringLiteral("baseBranchMessage"));
    for (QDateTimeEdit* edit : {m_kickoff, m_target}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
        connect(edit, &QDateTimeEdit::dateTimeChanged, this, &NewReleaseDialog::render);
    }
    m_kickoff->setObjectName(QStringLiteral("kickoffEdit"));
    m_kickoff->setAccessibleName(tr("Kickoff"));
    m_kickoff->setToolTip(tr("A kickoff in the past starts now."));
    m_hasTarget->setObjectName(QStringLiteral("targetCheck"));
    m_hasTarget->setAccessibleName(tr("Has a target date"));
    m_target->setObjectName(QStringLiteral("targetEdit"));
    m_target->setAccessibleName(tr("Target"));
    m_targetMessage->setObjectName(QStringLiteral("targetMessage"));
    m_pilot->setObjectName(QStringLiteral("pilotCombo"));
    m_pilot->setAccessibleName(tr("Pilot"));
    m_pilot->addItem(tr("No pilot"), qint64(0));
    for (const TaskType task : TaskCatalog::optionalTasks())
        m_tasks->addChoice(int(task), TaskCatalog::title(task),
                           QStringLiteral("optionalTaskCheck") + toText(task), true);
    const QList<std::pair<FieldMessage*, QString>> messages = {
        {m_trainNote, tr("About the release trains")},
        {m_versionMessage, tr("About the version")},
        {m_hotfixMessage, tr("About the hotfix")},
        {m_platformsMessage, tr("About the platforms")},
        {m_branchMessage, tr("About the base branch")},
        {m_targetMessage, tr("About the target")},
        {m_error, tr("Why the release was not created")},
    };
    for (const auto& [message, name] : messages) {
        message->setAccessibleName(name);
        message->setWordWrap(true);
    }

    auto* type = new QHBoxLayout;
    type->addWidget(m_type);
    type->addWidget(m_fixes, 1);
    auto* dates = new QHBoxLayout;
    dates->addWidget(m_kickoff, 1);
    dates->addSpacing(fontMetrics().averageCharWidth() * 2);
    dates->addWidget(m_hasTarget);
    dates->addWidget(m_target, 1);
    auto* form = new QFormLayout(m_form);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&From train:"), m_train);
    form->addRow(QString(), m_trainNote);
    form->addRow(tr("&Version:"), m_version);
    form->addRow(QString(), m_versionMessage);
    form->addRow(tr("T&ype:"), type);
    form->addRow(QString(), m_force);
    form->addRow(QString(), m_hotfixMessage);
    form->addRow(tr("Platforms:"), m_platforms);
    form->addRow(QString(), m_platformsMessage);
    form->addRow(tr("&Base branch:"), m_branch);
    form->addRow(QString(), m_branchMessage);
    form->addRow(tr("&Kickoff:"), dates);
    form->addRow(QString(), m_targetMessage);
    form->addRow(tr("Regression slots:"), m_slots);
    form->addRow(tr("&Pilot:"), m_pilot);
    form->addRow(tr("Optional tasks:"), m_tasks);
    qobject_cast<QLabel*>(form->labelForField(m_branch))->setBuddy(m_branch->comboBox());
    qobject_cast<QLabel*>(form->labelForField(type))->setBuddy(m_type);
    qobject_cast<QLabel*>(form->labelForField(dates))->setBuddy(m_kickoff);

    m_create->setObjectName(QStringLiteral("createReleaseButton"));
    m_create->setAccessibleName(tr("Create release"));
    m_create->setDefault(true);
    QPushButton* cancel = m_buttons->button(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    cancel->setAccessibleName(tr("Cancel"));
    m_busy->setObjectName(QStringLiteral("createBusy"));
    m_error->setObjectName(QStringLiteral("newReleaseError"));
    m_error->setWordWrap(true);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_busy);
    bottom->addWidget(m_error, 1);
    bottom->addWidget(m_buttons);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_form);
    layout->addLayout(bottom);
    setMinimumWidth(fontMetrics().averageCharWidth() * 90);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &NewReleaseDialog::create);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_train, &QComboBox::activated, this, &NewReleaseDialog::fillFromTrain);
    connect(m_version, &QLineEdit::textEdited, this, [this] {
        m_versionEdited = true;
        render();
    });
    connect(m_type, &QComboBox::currentIndexChanged, this, &NewReleaseDialog::suggestHotfix);
    connect(m_fixes, &QComboBox::currentIndexChanged, this, &NewReleaseDialog::suggestHotfix);
    connect(m_force, &QCheckBox::toggled, this, &NewReleaseDialog::render);
    connect(m_platforms, &ChoiceChecks::toggled, this, &NewReleaseDialog::render);
    connect(m_branch, &BranchPicker::branchChanged, this, &NewReleaseDialog::render);
    connect(m_hasTarget, &QCheckBox::toggled, this, &NewReleaseDialog::render);
    connect(m_slots, &RegressionSlotRows::changed, this, &NewReleaseDialog::orderTabs);
    connect(m_slots, &RegressionSlotRows::changed, this, &NewReleaseDialog::render);
    connect(m_slots, &RegressionSlotRows::addRequested, this, [this] {
        // The first slot a day after the kickoff, each next one a day after the last.
        m_slots->addSlot(m_kickoff->dateTime().addDays(1));
    });
}

void NewReleaseDialog::suggestHotfix()
{
    if (m_type->currentData().toInt() == int(ReleaseType::Hotfix) && !m_versionEdited) {
        const Result<HotfixPlan> plan =
            HotfixPlan::from(m_releases, m_fixes->currentData().toString());
        if (plan) {
            m_version->setText(plan->suggestedVersion);
            m_platforms->setChecked(plan->fixed.platforms);
        }
    } else if (!m_versionEdited && m_boardLoaded) {
        m_version->setText(ReleaseRules::nextVersion(m_releases));
    }
    render();
}

void NewReleaseDialog::load()
{
    whenFinished(
        m_backend.releases().releaseBoard(m_workspaceId), this,
        [this](const Result<BoardSnapshot>& board) {
            m_boardLoaded = true;
            if (!board) {
                m_error->showMessage(
                    tr("The workspace's releases could not be read: %1").arg(board.error().message),
                    FieldMessage::Tone::Warning);
                render();
                return;
            }
            m_releases.clear();
            for (const ReleaseSummary& summary : board->releases)
                m_releases.append(summary.release);
            for (const Release& release : std::as_const(m_releases)) {
                if (release.status == ReleaseStatus::Completed)
                    m_fixes->addItem(release.version, release.version);
            }
            if (!m_versionEdited)
                m_version->setText(ReleaseRules::nextVersion(m_releases));
            render();
        });
    m_branch->setLoading();
    whenFinished(m_backend.releases().releaseBranches(m_workspaceId), this,
                 [this](const Result<ChoicePage>& branches) {
                     m_branch->setBranches(branches);
                     render();
                 });
    whenFinished(
        m_backend.releases().releaseTrains(m_workspaceId), this,
        [this](const Result<QList<ReleaseConfig>>& trains) {
            if (!trains) {
                m_trainNote->showMessage(
                    tr("The release trains could not be read: %1").arg(trains.error().message),
                    FieldMessage::Tone::Warning);
                return;
            }
            m_trains = *trains;
            for (const ReleaseConfig& train : std::as_const(m_trains))
                m_train->addItem(train.name, train.name);
            if (m_trains.isEmpty())
                m_trainNote->showMessage(tr("This workspace has no release trains yet."),
                                         FieldMessage::Tone::Neutral);
            render();
        });
    whenFinished(m_backend.listMembers(m_workspaceId), this,
                 [this](const Result<QList<MemberRow>>& members) {
                     if (!members)
                         return;
                     for (const MemberRow& row : *members) {
                         if (row.member.role != Role::Viewer)
                             m_pilot->addItem(row.member.displayName, row.member.accountId);
                     }
                 });
}

void NewReleaseDialog::fillFromTrain()
{
    const QString name = m_train->currentData().toString();
    const auto train = std::find_if(m_trains.cbegin(), m_trains.cend(),
                                    [&name](const ReleaseConfig& t) { return t.name == name; });
    if (train == m_trains.cend()) {
        render();
        return;
    }
    m_type->setCurrentIndex(m_type->findData(int(ReleaseType::Planned)));
    m_version->setText(TrainKickoff::nextVersion(*train, m_releases));
    m_versionEdited = false;
    m_platforms->setChecked(train->platforms);
    m_branch->setBranch(train->baseBranch);
    const QDateTime kickoff = m_kickoff->dateTime();
    m_hasTarget->setChecked(train->targetSeconds > 0);
    if (train->targetSeconds > 0)
        m_target->setDateTime(kickoff.addSecs(train->targetSeconds));
    m_slots->setSlotDrafts(ReleaseRules::trainSlots(*train, kickoff.toUTC()));
    m_tasks->setChecked(train->optionalTasksOn);
    render();
}

void NewReleaseDialog::create()
{
    const ReleaseDraft asked = draft();
    if (m_creating ||
        !NewReleaseProblems::of(asked, m_releases, QDateTime::currentDateTimeUtc()).none())
        return;
    m_creating = true;
    m_error->showMessage({});
    render();
    whenFinished(m_backend.releases().createRelease(m_workspaceId, asked), this,
                 [this](const Result<Release>& created) {
                     m_creating = false;
                     if (!created) {
                         // Nothing is lost: the entries stay for another try.
                         m_error->showMessage(created.error().message);
                         render();
                         return;
                     }
                     emit this->created(*created);
                     accept();
                 });
}

void NewReleaseDialog::orderTabs()
{
    // Top to bottom as the form reads; boxes and rows made later would otherwise come last.
    QList<QWidget*> order = {m_train, m_version, m_type, m_fixes, m_force};
    order << m_platforms->boxes();
    order << m_branch->comboBox() << m_kickoff << m_hasTarget << m_target;
    order << m_slots->focusOrder();
    order << m_pilot;
    order << m_tasks->boxes();
    order << m_create << m_buttons->button(QDialogButtonBox::Cancel);
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));
}

void NewReleaseDialog::render()
{
    const bool hotfix = m_type->currentData().toInt() == int(ReleaseType::Hotfix);
    const bool fromTrain = !m_train->currentData().toString().isEmpty();
    const ReleaseDraft asked = draft();
    const NewReleaseProblems problems =
        NewReleaseProblems::of(asked, m_releases, QDateTime::currentDateTimeUtc());
    // An empty version before the releases are read is not yet a mistake.
    m_versionMessage->showMessage(m_boardLoaded || m_versionEdited ? problems.version : QString());
    m_hotfixMessage->showMessage(
        hotfix && asked.hotfixOf.isEmpty()
            ? tr("No release has completed yet: a hotfix fixes a completed release.")
            : problems.hotfix);
    m_platformsMessage->showMessage(problems.platforms);
    m_branchMessage->showMessage(problems.baseBranch);
    m_targetMessage->showMessage(problems.target);
    m_slots->showProblems(problems.slotProblems);

    m_train->setEnabled(!hotfix && m_train->count() > 1);
    m_type->setEnabled(!fromTrain);
    m_fixes->setVisible(hotfix);
    const Result<HotfixPlan> plan = HotfixPlan::from(m_releases, asked.hotfixOf);
    m_force->setVisible(hotfix && plan && plan->needsConfirmation());
    if (hotfix && plan)
        m_force->setText(tr("Fix %1 &anyway, although %2 was released after it")
                             .arg(plan->fixed.version, plan->newerRelease));
    m_branch->setEnabled(!hotfix);
    m_target->setEnabled(m_hasTarget->isChecked());
    m_form->setEnabled(!m_creating);
    m_busy->setBusy(m_creating);
    m_create->setEnabled(!m_creating && m_boardLoaded && problems.none() &&
                         !(hotfix && asked.hotfixOf.isEmpty()));
}

} // namespace ReleaseDeck
