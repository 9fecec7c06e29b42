#pragma once

#include "model/ReleaseConfig.h"

#include <QDateTime>
#include <QDialog>

class QLabel;
class QPushButton;

namespace ReleaseDeck {

class FieldMessage;
class TrainBackend;
class TrainForm;

// Creates a release train, or edits one: every field checked as it is typed by core's
// TrainRules (TrainForm shows each field's sentence), Save enabled only when nothing is
// wrong, and the next kickoff the entries would give shown live (TrainSchedule's
// arithmetic, as the service will plan it). Save asks the backend; a refusal stays in the
// dialog as a sentence, success closes it.
class TrainDialog : public QDialog
{
    Q_OBJECT

public:
    // train: the train to edit, or a new one when its id is 0 (the defaults of a new train
    // with this computer's time zone and every optional task on).
    TrainDialog(TrainBackend& backend, qint64 workspaceId, const ReleaseConfig& train,
                QWidget* parent = nullptr);

    // A new train's entries: ReleaseConfig's defaults, main, Monday 09:00 here.
    static ReleaseConfig newTrain();

    // The clock the preview is planned from (the database's when known); now when null.
    void setNow(const QDateTime& now);

    TrainForm* form() const { return m_form; }
    QPushButton* saveButton() const { return m_save; }
    QLabel* preview() const { return m_preview; }
    // The train as the backend saved it, once accepted.
    const ReleaseConfig& saved() const { return m_saved; }

private:
    void check();
    void save();

    TrainBackend& m_backend;
    qint64 m_workspaceId;
    bool m_editing;
    bool m_saving = false;
    QDateTime m_now;
    TrainForm* m_form;
    QLabel* m_preview;
    FieldMessage* m_message;
    QPushButton* m_save;
    ReleaseConfig m_saved;
};

} // namespace ReleaseDeck
