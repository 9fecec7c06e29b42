#include "releases/RegressionSlotDialog.h"

#include "backend/FutureReply.h"
#include "backend/ReleaseBackend.h"
#include "widgets/FieldCaption.h"
#include "widgets/FieldMessage.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ReleaseDeck {

RegressionSlotDialog::RegressionSlotDialog(ReleaseBackend& backend, qint64 workspaceId,
                                           const Release& release, QWidget* parent)
    : QDialog(parent)
    , m_backend(backend)
    , m_workspaceId(workspaceId)
    , m_release(release)
    , m_at(new QDateTimeEdit(this))
    , m_build(new QCheckBox(tr("Run &builds"), this))
    , m_automation(new QCheckBox(tr("Run a&utomation"), this))
    , m_message(new FieldMessage(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("regressionSlotDialog"));
    setAccessibleName(tr("Add regression slot"));
    setWindowTitle(tr("Add Regression Slot to %1").arg(release.version));

    // An hour from now, on the quarter hour, in the reader's time zone.
    QDateTime suggested = QDateTime::currentDateTime().addSecs(3600);
    suggested.setTime(QTime(suggested.time().hour(), suggested.time().minute() / 15 * 15));
    m_at->setObjectName(QStringLiteral("slotTimeEdit"));
    m_at->setAccessibleName(tr("When the regression cycle starts"));
    m_at->setCalendarPopup(true);
    m_at->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_at->setDateTime(suggested);
    m_build->setObjectName(QStringLiteral("slotBuildCheck"));
    m_build->setAccessibleName(tr("Run builds in this cycle"));
    m_build->setChecked(true);
    m_automation->setObjectName(QStringLiteral("slotAutomationCheck"));
    m_automation->setAccessibleName(tr("Run automation in this cycle"));
    m_automation->setChecked(true);
    m_message->setObjectName(QStringLiteral("slotMessage"));
    m_message->setAccessibleName(tr("Why the slot cannot be added"));
    m_buttons->setObjectName(QStringLiteral("slotButtons"));
    m_buttons->setAccessibleName(tr("Add or cancel"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Add slot"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("addSlotOkButton"));
    m_buttons->button(QDialogButtonBox::Ok)->setAccessibleName(tr("Add the slot"));
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RegressionSlotDialog::submit);
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("slotCancelButton"));
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_at, &QDateTimeEdit::dateTimeChanged, this, [this] { m_message->showMessage({}); });

    auto* form = new QFormLayout;
    form->addRow(fieldCaption(m_at, tr("&Starts at:")), m_at);
    form->addRow(QString(), m_message);
    form->addRow(QString(), m_build);
    form->addRow(QString(), m_automation);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
}

void RegressionSlotDialog::submit()
{
    ReleaseAction action;
    action.kind = ReleaseAction::Kind::AddSlot;
    action.releaseId = m_release.id;
    action.seenRowVersion = m_release.rowVersion;
    action.slot = {m_at->dateTime().toUTC(), m_build->isChecked(), m_automation->isChecked()};
    m_buttons->setEnabled(false);
    whenFinished(m_backend.act(m_workspaceId, action), this, [this](const Result<Release>& done) {
        m_buttons->setEnabled(true);
        if (done) {
            emit added();
            accept();
            return;
        }
        if (done.error().kind == ErrorKind::Conflict) {
            emit refused(done.error().message, true);
            reject();
            return;
        }
        m_message->showMessage(done.error().message);
    });
}

} // namespace ReleaseDeck
