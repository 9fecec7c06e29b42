#pragma once

#include "model/Release.h"

#include <QDialog>

class QCheckBox;
class QDateTimeEdit;
class QDialogButtonBox;

namespace ReleaseDeck {

class FieldMessage;
class ReleaseBackend;

// Add regression slot: when the next regression cycle starts, and whether it builds and
// runs automation. Core decides whether the time is allowed (not in the past, not after the
// target); its sentence shows under the picker and the dialog stays open until it is.
class RegressionSlotDialog : public QDialog
{
    Q_OBJECT

public:
    RegressionSlotDialog(ReleaseBackend& backend, qint64 workspaceId, const Release& release,
                         QWidget* parent = nullptr);

    QDateTimeEdit* timeEdit() const { return m_at; }
    FieldMessage* message() const { return m_message; }

signals:
    // The slot was added; a teammate's change since (a conflict) also ends the dialog, with
    // its sentence, so the page reads the release again.
    void added();
    void refused(const QString& sentence, bool stale);

private:
    void submit();

    ReleaseBackend& m_backend;
    qint64 m_workspaceId;
    Release m_release;
    QDateTimeEdit* m_at;
    QCheckBox* m_build;
    QCheckBox* m_automation;
    FieldMessage* m_message;
    QDialogButtonBox* m_buttons;
};

} // namespace ReleaseDeck
