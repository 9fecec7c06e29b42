#pragma once

#include "Result.h"
#include "model/Release.h"
#include "services/HotfixPlan.h"

#include <QDialog>

#include <optional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace ReleaseDeck {

class BusyIndicator;
class FieldMessage;
class ReleaseBackend;

// Create hotfix: the version of a fix of a COMPLETED release, pre-filled with the patch
// core suggests and checked as typed with core's rule (HotfixPlan). When a newer release
// has completed since, it asks before creating (and then forces). Creates through the
// release service with ReleaseDraft::hotfixOf.
class HotfixDialog : public QDialog
{
    Q_OBJECT

public:
    HotfixDialog(ReleaseBackend& backend, qint64 workspaceId, const QString& fixedVersion,
                 QWidget* parent = nullptr);

    QLineEdit* versionEdit() const { return m_version; }
    FieldMessage* message() const { return m_message; }
    QPushButton* createButton() const;

signals:
    void created(const Release& release);

private:
    void planned(const Result<HotfixPlan>& plan);
    void check();
    void submit();

    ReleaseBackend& m_backend;
    qint64 m_workspaceId;
    QString m_fixedVersion;
    std::optional<HotfixPlan> m_plan;
    BusyIndicator* m_busy;
    QLabel* m_about;
    QLineEdit* m_version;
    FieldMessage* m_message;
    QDialogButtonBox* m_buttons;
};

} // namespace ReleaseDeck
