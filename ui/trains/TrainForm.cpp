#include "trains/TrainForm.h"

#include "orchestrator/TaskCatalog.h"
#include "services/TrainText.h"
#include "services/WhenText.h"
#include "trains/RegressionSlotEditor.h"
#include "widgets/FieldMessage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QCoreApplication>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSpinBox>
#include <QTimeEdit>
#include <QTimeZone>

#include <algorithm>

namespace ReleaseDeck {

TrainForm::TrainForm(QWidget* parent)
    : QWidget(parent)
    , m_name(new QLineEdit(this))
    , m_baseBranch(new QLineEdit(this))
    , m_branchPattern(new QLineEdit(this))
    , m_tagPattern(new QLineEdit(this))
    , m_rcTagPattern(new QLineEdit(this))
    , m_bump(new QComboBox(this))
    , m_targetAfter(new QLineEdit(this))
    , m_weekday(new QComboBox(this))
    , m_time(new QTimeEdit(this))
    , m_timeZone(new QComboBox(this))
    , m_every(new QSpinBox(this))
    , m_reminder(new QLineEdit(this))
    , m_slots(new RegressionSlotEditor(this))
    , m_autoRegression(
          new QCheckBox(tr("Move to &regression when the kickoff tasks are done"), this))
    , m_autoPreRelease(new QCheckBox(tr("Move to &pre-release without approval"), this))
{
    setObjectName(QStringLiteral("trainForm"));
    auto* columns = new QHBoxLayout(this);
    columns->setContentsMargins(0, 0, 0, 0);
    auto* left = new QVBoxLayout;
    left->addWidget(trainGroup());
    left->addWidget(tasksGroup(), 1);
    columns->addLayout(left, 1);
    auto* right = new QVBoxLayout;
    right->addWidget(scheduleGroup());
    right->addWidget(regressionGroup(), 1);
    columns->addLayout(right, 1);
    setTrain(ReleaseConfig());
}

namespace {

// A grid's next free row (an empty grid says it has one).
int nextRow(const QGridLayout* grid)
{
    return grid->count() == 0 ? 0 : grid->rowCount();
}

// A grid of label and field rows, the fields growing: unlike QFormLayout, QGridLayout gives
// a wrapped sentence the height it needs.
QGridLayout* fieldGrid(QWidget* group)
{
    auto* grid = new QGridLayout(group);
    grid->setColumnStretch(1, 1);
    return grid;
}

} // namespace

void TrainForm::addField(QGridLayout* grid, const QString& label, QWidget* field, QWidget* buddy)
{
    const int row = nextRow(grid);
    if (label.isEmpty()) {
        grid->addWidget(field, row, 0, 1, 2);
        return;
    }
    auto* text = new QLabel(label, field->parentWidget());
    text->setBuddy(buddy ? buddy : field);
    // Beside a tall field (the slot table) the label stays by its top.
    const bool tall = field->sizeHint().height() > 2 * fontMetrics().height() + 8;
    grid->addWidget(text, row, 0, Qt::AlignLeft | (tall ? Qt::AlignTop : Qt::AlignVCenter));
    grid->addWidget(field, row, 1);
}

void TrainForm::addRow(QGridLayout* grid, const QString& label, QWidget* field, TrainField which,
                       const QString& objectName, QWidget* buddy)
{
    field->setObjectName(objectName);
    field->setAccessibleName(QString(label).remove(QLatin1Char('&')).remove(QLatin1Char(':')));
    addField(grid, label, field, buddy);
    auto* message = new FieldMessage(this);
    message->setObjectName(objectName + QStringLiteral("Message"));
    message->setWordWrap(true);
    grid->addWidget(message, nextRow(grid), label.isEmpty() ? 0 : 1, 1, label.isEmpty() ? 2 : 1);
    m_messages.insert(which, message);
    m_messageWidths.insert(message, field);
}

QWidget* TrainForm::trainGroup()
{
    auto* group = new QGroupBox(tr("Train"), this);
    group->setObjectName(QStringLiteral("trainGroup"));
    auto* form = fieldGrid(group);
    addRow(form, tr("&Name:"), m_name, TrainField::Name, QStringLiteral("trainNameEdit"));
    m_name->setPlaceholderText(tr("e.g. Mobile train"));

    auto* platforms = new QWidget(group);
    auto* platformRow = new QHBoxLayout(platforms);
    platformRow->setContentsMargins(0, 0, 0, 0);
    for (const Platform platform : allPlatforms()) {
        auto* box = new QCheckBox(
            QCoreApplication::translate("ConnectionEnums", displayName(platform).toUtf8()),
            platforms);
        box->setObjectName(QStringLiteral("platform%1Check").arg(toText(platform)));
        box->setAccessibleName(box->text());
        platformRow->addWidget(box);
        m_platforms.append(std::pair(platform, box));
        connect(box, &QCheckBox::toggled, this, [this] { touch(TrainField::Platforms); });
    }
    platformRow->addStretch(1);
    addRow(form, tr("Platforms:"), platforms, TrainField::Platforms,
           QStringLiteral("trainPlatforms"), m_platforms.constFirst().second);
    addRow(form, tr("&Base branch:"), m_baseBranch, TrainField::BaseBranch,
           QStringLiteral("baseBranchEdit"));
    addRow(form, tr("Release &branch:"), m_branchPattern, TrainField::BranchPattern,
           QStringLiteral("branchPatternEdit"));
    addRow(form, tr("Release &tag:"), m_tagPattern, TrainField::TagPattern,
           QStringLiteral("tagPatternEdit"));
    addRow(form, tr("RC ta&g:"), m_rcTagPattern, TrainField::RcTagPattern,
           QStringLiteral("rcTagPatternEdit"));
    m_bump->setObjectName(QStringLiteral("versionBumpCombo"));
    m_bump->setAccessibleName(tr("Version bump"));
    m_bump->addItem(tr("Major (2.0.0 after 1.4.0)"), int(VersionBump::Major));
    m_bump->addItem(tr("Minor (1.5.0 after 1.4.0)"), int(VersionBump::Minor));
    m_bump->addItem(tr("Patch (1.4.1 after 1.4.0)"), int(VersionBump::Patch));
    addField(form, tr("&Version bump:"), m_bump);
    addRow(form, tr("T&arget after kickoff:"), m_targetAfter, TrainField::TargetAfter,
           QStringLiteral("targetAfterEdit"));
    m_targetAfter->setPlaceholderText(tr("No target; e.g. 7d"));
    const QList<QPair<QLineEdit*, TrainField>> edits{{m_name, TrainField::Name},
                                                     {m_baseBranch, TrainField::BaseBranch},
                                                     {m_branchPattern, TrainField::BranchPattern},
                                                     {m_tagPattern, TrainField::TagPattern},
                                                     {m_rcTagPattern, TrainField::RcTagPattern},
                                                     {m_targetAfter, TrainField::TargetAfter}};
    for (const auto& [edit, field] : edits)
        connect(edit, &QLineEdit::textEdited, this, [this, field = field] { touch(field); });
    connect(m_bump, &QComboBox::currentIndexChanged, this, &TrainForm::changed);
    return group;
}

QWidget* TrainForm::scheduleGroup()
{
    auto* group = new QGroupBox(tr("Schedule"), this);
    group->setObjectName(QStringLiteral("scheduleGroup"));
    auto* form = fieldGrid(group);
    auto* kickoff = new QWidget(group);
    auto* kickoffRow = new QHBoxLayout(kickoff);
    kickoffRow->setContentsMargins(0, 0, 0, 0);
    for (int day = 1; day <= 7; ++day)
        m_weekday->addItem(QLocale().dayName(day), day);
    m_weekday->setObjectName(QStringLiteral("kickoffWeekdayCombo"));
    m_weekday->setAccessibleName(tr("Kickoff weekday"));
    m_time->setObjectName(QStringLiteral("kickoffTimeEdit"));
    m_time->setAccessibleName(tr("Kickoff time"));
    m_time->setDisplayFormat(QStringLiteral("HH:mm"));
    kickoffRow->addWidget(m_weekday, 1);
    kickoffRow->addWidget(m_time);
    addRow(form, tr("&Kickoff:"), kickoff, TrainField::Kickoff, QStringLiteral("trainKickoff"),
           m_weekday);

    m_timeZone->setEditable(true);
    m_timeZone->setInsertPolicy(QComboBox::NoInsert);
    for (const QByteArray& id : QTimeZone::availableTimeZoneIds())
        m_timeZone->addItem(QString::fromUtf8(id));
    m_timeZone->completer()->setFilterMode(Qt::MatchContains);
    m_timeZone->completer()->setCompletionMode(QCompleter::PopupCompletion);
    addRow(form, tr("Time &zone:"), m_timeZone, TrainField::TimeZone,
           QStringLiteral("timeZoneCombo"));
    m_every->setRange(1, 999);
    m_every->setSuffix(tr(" week(s)"));
    addRow(form, tr("Repeat &every:"), m_every, TrainField::Repeat,
           QStringLiteral("everyWeeksSpin"));
    addRow(form, tr("Re&minder before:"), m_reminder, TrainField::Reminder,
           QStringLiteral("reminderEdit"));
    m_reminder->setToolTip(tr("The release is created and announced this long before its "
                              "kickoff, e.g. 1h or 1d."));

    connect(m_weekday, &QComboBox::currentIndexChanged, this,
            [this] { touch(TrainField::Kickoff); });
    connect(m_time, &QTimeEdit::timeChanged, this, [this] { touch(TrainField::Kickoff); });
    connect(m_timeZone, &QComboBox::editTextChanged, this, [this] { touch(TrainField::TimeZone); });
    connect(m_every, &QSpinBox::valueChanged, this, [this] { touch(TrainField::Repeat); });
    connect(m_reminder, &QLineEdit::textEdited, this, [this] { touch(TrainField::Reminder); });
    return group;
}

QWidget* TrainForm::regressionGroup()
{
    auto* group = new QGroupBox(tr("Regression"), this);
    group->setObjectName(QStringLiteral("regressionGroup"));
    auto* form = fieldGrid(group);
    addRow(form, tr("Regression &slots:"), m_slots, TrainField::RegressionSlots,
           QStringLiteral("regressionSlots"));
    connect(m_slots, &RegressionSlotEditor::changed, this,
            [this] { touch(TrainField::RegressionSlots); });
    m_autoRegression->setObjectName(QStringLiteral("autoRegressionCheck"));
    m_autoRegression->setAccessibleName(tr("Move to regression automatically"));
    m_autoPreRelease->setObjectName(QStringLiteral("autoPreReleaseCheck"));
    m_autoPreRelease->setAccessibleName(tr("Move to pre-release automatically"));
    addField(form, QString(), m_autoRegression);
    addField(form, QString(), m_autoPreRelease);
    connect(m_autoRegression, &QCheckBox::toggled, this, &TrainForm::changed);
    connect(m_autoPreRelease, &QCheckBox::toggled, this, &TrainForm::changed);
    return group;
}

QWidget* TrainForm::tasksGroup()
{
    auto* group = new QGroupBox(tr("Optional tasks"), this);
    group->setObjectName(QStringLiteral("optionalTasksGroup"));
    auto* form = fieldGrid(group);
    auto* tasks = new QWidget(group);
    auto* grid = new QGridLayout(tasks);
    grid->setContentsMargins(0, 0, 0, 0);
    const QList<TaskType> optional = TaskCatalog::optionalTasks();
    const int perColumn = int(optional.size() + 1) / 2;
    for (int i = 0; i < optional.size(); ++i) {
        const TaskType type = optional.at(i);
        auto* box = new QCheckBox(TaskCatalog::title(type), tasks);
        box->setObjectName(QStringLiteral("optional%1Check").arg(toText(type)));
        box->setAccessibleName(box->text());
        grid->addWidget(box, i % perColumn, i / perColumn);
        m_optional.append(std::pair(type, box));
        connect(box, &QCheckBox::toggled, this, [this] { touch(TrainField::OptionalTasks); });
    }
    addRow(form, QString(), tasks, TrainField::OptionalTasks, QStringLiteral("optionalTasks"));
    return group;
}

void TrainForm::touch(TrainField field)
{
    m_touched.insert(field);
    emit changed();
}

void TrainForm::setTrain(const ReleaseConfig& train)
{
    m_base = train;
    {
        const QSignalBlocker quietWeekday(m_weekday);
        const QSignalBlocker quietTime(m_time);
        const QSignalBlocker quietZone(m_timeZone);
        const QSignalBlocker quietEvery(m_every);
        const QSignalBlocker quietSlots(m_slots);
        const QSignalBlocker quietBump(m_bump);
        const QSignalBlocker quietRegression(m_autoRegression);
        const QSignalBlocker quietPreRelease(m_autoPreRelease);
        m_name->setText(train.name);
        for (const auto& [platform, box] : std::as_const(m_platforms)) {
            const QSignalBlocker quietBox(box);
            box->setChecked(train.platforms.contains(platform));
        }
        m_baseBranch->setText(train.baseBranch);
        m_branchPattern->setText(train.branchPattern);
        m_tagPattern->setText(train.tagPattern);
        m_rcTagPattern->setText(train.rcTagPattern);
        m_bump->setCurrentIndex(m_bump->findData(int(train.versionBump)));
        m_targetAfter->setText(train.targetSeconds > 0 ? WhenText::durationText(train.targetSeconds)
                                                       : QString());
        m_weekday->setCurrentIndex(train.hasSchedule() ? train.kickoffWeekday - 1 : 0);
        m_time->setTime(train.kickoffTime.isValid() ? train.kickoffTime : QTime(9, 0));
        m_timeZone->setEditText(train.timeZone);
        m_every->setValue(train.repeatWeeks);
        m_reminder->setText(WhenText::durationText(train.reminderSeconds));
        m_slots->setPlans(train.regressionSlots);
        m_autoRegression->setChecked(train.autoMoveToRegression);
        m_autoPreRelease->setChecked(train.autoMoveToPreRelease);
        for (const auto& [type, box] : std::as_const(m_optional)) {
            const QSignalBlocker quietBox(box);
            box->setChecked(train.optionalTasksOn.contains(type));
        }
    }
    m_touched.clear();
    emit changed();
}

TrainForm::Reading TrainForm::reading() const
{
    Reading reading;
    ReleaseConfig& train = reading.train;
    train = m_base;
    train.name = m_name->text();
    train.platforms.clear();
    for (const auto& [platform, box] : m_platforms) {
        if (box->isChecked())
            train.platforms.append(platform);
    }
    // The service takes the platforms' stores.
    train.targets.clear();
    train.baseBranch = m_baseBranch->text().trimmed();
    train.branchPattern = m_branchPattern->text().trimmed();
    train.tagPattern = m_tagPattern->text().trimmed();
    train.rcTagPattern = m_rcTagPattern->text().trimmed();
    train.versionBump = VersionBump(m_bump->currentData().toInt());
    train.kickoffWeekday = m_weekday->currentData().toInt();
    train.kickoffTime = m_time->time();
    train.timeZone = m_timeZone->currentText().trimmed();
    train.repeatWeeks = m_every->value();
    train.autoMoveToRegression = m_autoRegression->isChecked();
    train.autoMoveToPreRelease = m_autoPreRelease->isChecked();
    train.optionalTasksOn.clear();
    for (const auto& [type, box] : m_optional) {
        if (box->isChecked())
            train.optionalTasksOn.append(type);
    }
    // Text that is not a duration or an offset is that field's problem, in core's words.
    QHash<TrainField, QString> unread;
    if (Result<qint64> seconds = WhenText::seconds(m_reminder->text()))
        train.reminderSeconds = *seconds;
    else
        unread.insert(TrainField::Reminder, seconds.error().message);
    train.targetSeconds = 0;
    if (!m_targetAfter->text().trimmed().isEmpty()) {
        if (Result<qint64> seconds = WhenText::seconds(m_targetAfter->text()))
            train.targetSeconds = *seconds;
        else
            unread.insert(TrainField::TargetAfter, seconds.error().message);
    }
    if (Result<QList<RegressionSlotPlan>> plans = m_slots->plans())
        train.regressionSlots = *plans;
    else
        unread.insert(TrainField::RegressionSlots, plans.error().message);

    const QList<TrainProblem> problems = TrainRules::problems(train);
    for (auto it = unread.cbegin(); it != unread.cend(); ++it)
        reading.problems.append({it.key(), it.value()});
    for (const TrainProblem& problem : problems) {
        if (!unread.contains(problem.field))
            reading.problems.append(problem);
    }
    std::sort(reading.problems.begin(), reading.problems.end(),
              [](const TrainProblem& a, const TrainProblem& b) { return a.field < b.field; });
    return reading;
}

void TrainForm::showProblems(const QList<TrainProblem>& problems, bool all)
{
    for (auto it = m_messages.cbegin(); it != m_messages.cend(); ++it) {
        QString text;
        for (const TrainProblem& problem : problems) {
            // A target that does not fit the platforms is the platforms' problem here.
            const TrainField field =
                problem.field == TrainField::Targets ? TrainField::Platforms : problem.field;
            if (field == it.key() && text.isEmpty())
                text = problem.message;
        }
        it.value()->showMessage(all || m_touched.contains(it.key()) ? text : QString());
    }
    fitMessages();
}

void TrainForm::fitMessages()
{
    // A grid gives a wrapped label its height for the width it had when last laid out, so a
    // sentence shown since would be clipped: each asks for the lines it needs as wide as
    // its field, and the dialog grows to that.
    for (auto it = m_messageWidths.cbegin(); it != m_messageWidths.cend(); ++it) {
        FieldMessage* message = it.key();
        const int width = it.value()->width();
        message->setMinimumHeight(
            message->text().isEmpty() || width <= 0 ? 0 : message->heightForWidth(width));
    }
}

void TrainForm::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    fitMessages();
}

} // namespace ReleaseDeck
