#include "trains/TrainDialog.h"

#include "backend/FutureReply.h"
#include "backend/TrainBackend.h"
#include "model/TrainSchedule.h"
#include "orchestrator/TaskCatalog.h"
#include "services/TrainRules.h"
#include "trains/KickoffWords.h"
#include "trains/TrainForm.h"
#include "widgets/FieldMessage.h"
#include "widgets/RelativeTime.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimeZone>
#include <QVBoxLayout>

#include <algorithm>

namespace ReleaseDeck {

ReleaseConfig TrainDialog::newTrain()
{
    ReleaseConfig train;
    train.baseBranch = QStringLiteral("main");
    train.kickoffWeekday = 1;
    train.kickoffTime = QTime(9, 0);
    // This computer's zone, when it is one a train may use (a system may name its zone
    // by an id its own zone database lacks); ReleaseConfig's UTC otherwise.
    const QString here = QString::fromUtf8(QTimeZone::systemTimeZoneId());
    if (TrainRules::timeZoneProblem(here).isEmpty())
        train.timeZone = here;
    train.optionalTasksOn = TaskCatalog::optionalTasks();
    return train;
}

TrainDialog::TrainDialog(TrainBackend& backend, qint64 workspaceId, const ReleaseConfig& train,
                         QWidget* parent)
    : QDialog(parent)
    , m_backend(backend)
    , m_workspaceId(workspaceId)
    , m_editing(train.id != 0)
    , m_form(new TrainForm(this))
    , m_preview(new QLabel(this))
    , m_message(new FieldMessage(this))
{
    setObjectName(QStringLiteral("trainDialog"));
    setWindowTitle(m_editing ? tr("Edit Train %1").arg(train.name) : tr("New Release Train"));
    setAccessibleName(windowTitle());

    m_preview->setObjectName(QStringLiteral("nextKickoffPreview"));
    m_preview->setWordWrap(true);
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setObjectName(QStringLiteral("trainDialogMessage"));
    m_message->setWordWrap(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("trainDialogButtons"));
    m_save = buttons->button(QDialogButtonBox::Save);
    m_save->setObjectName(QStringLiteral("saveTrainButton"));
    m_save->setText(m_editing ? tr("&Save") : tr("&Create train"));
    m_save->setAccessibleName(m_save->text().remove(QLatin1Char('&')));
    QPushButton* cancel = buttons->button(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelTrainButton"));
    cancel->setText(tr("Cancel"));
    cancel->setAccessibleName(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &TrainDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_form, 1);
    layout->addWidget(m_preview);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    connect(m_form, &TrainForm::changed, this, &TrainDialog::check);
    m_form->setTrain(train);
    m_form->nameEdit()->setFocus();
    // Wide enough that a field's sentence takes a line or two.
    resize(std::max(sizeHint().width(), fontMetrics().averageCharWidth() * 130),
           sizeHint().height());
}

void TrainDialog::setNow(const QDateTime& now)
{
    m_now = now;
    check();
}

void TrainDialog::check()
{
    const TrainForm::Reading reading = m_form->reading();
    m_form->showProblems(reading.problems, false);
    m_save->setEnabled(reading.problems.isEmpty() && !m_saving);
    bool scheduleFine = true;
    for (const TrainProblem& problem : reading.problems)
        scheduleFine = scheduleFine && problem.field != TrainField::Kickoff &&
                       problem.field != TrainField::TimeZone &&
                       problem.field != TrainField::Repeat && problem.field != TrainField::Reminder;
    if (!scheduleFine) {
        m_preview->setText(tr("Next kickoff: — (the schedule is not complete)"));
        return;
    }
    // Planned as the service plans it: an edited train keeps its anchor and last kickoff.
    ReleaseConfig planned = reading.train;
    if (!m_editing) {
        planned.scheduleAnchor = {};
        planned.lastKickoffAt = {};
        planned.paused = false;
    }
    const QDateTime now = m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
    TrainSchedule::plan(planned, now);
    if (planned.paused) {
        m_preview->setText(tr("Next kickoff: none while the train is paused."));
        return;
    }
    if (!planned.nextKickoffAt.isValid()) {
        m_preview->setText(tr("Next kickoff: none."));
        return;
    }
    m_preview->setText(tr("Next kickoff: %1, %2. The release is created %3.")
                           .arg(KickoffWords::exact(planned.nextKickoffAt, planned.timeZone),
                                RelativeTime::describe(planned.nextKickoffAt, now),
                                KickoffWords::brief(planned.nextReminderAt, planned.timeZone)));
}

void TrainDialog::save()
{
    const TrainForm::Reading reading = m_form->reading();
    if (!reading.problems.isEmpty() || m_saving) {
        m_form->showProblems(reading.problems, true);
        return;
    }
    m_saving = true;
    m_save->setEnabled(false);
    m_message->showMessage(tr("Saving…"), FieldMessage::Tone::Neutral);
    const QFuture<Result<ReleaseConfig>> saving =
        m_editing ? m_backend.updateTrain(m_workspaceId, reading.train)
                  : m_backend.createTrain(m_workspaceId, reading.train);
    whenFinished(saving, this, [this](const Result<ReleaseConfig>& saved) {
        m_saving = false;
        if (!saved) {
            m_message->showMessage(saved.error().message);
            check();
            return;
        }
        m_saved = *saved;
        m_message->showMessage({});
        accept();
    });
}

} // namespace ReleaseDeck
