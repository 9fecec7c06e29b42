#pragma once

#include "model/Release.h"
#include "model/ReleaseConfig.h"
#include "services/ReleaseDraft.h"

#include <QDialog>
#include <QList>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLineEdit;
class QPushButton;

namespace ReleaseDeck {

class BranchPicker;
class BusyIndicator;
class ChoiceChecks;
class ConnectionBackend;
class FieldMessage;
class RegressionSlotRows;

// New release (Ctrl+N): the version (the next minor one after the workspace's latest),
// type (a hotfix names the completed release it fixes), platforms, base branch (from the
// source control's branches), kickoff and target, regression slots, pilot and optional
// tasks; or all of it from a release train, which the release is then made through.
// Every field is checked as typed with core's rules and Create is enabled only when all
// are fine; a refusal from the service is shown here and the entries stay. Everything the
// dialog reads or creates goes through the backend, off the GUI thread.
class NewReleaseDialog : public QDialog
{
    Q_OBJECT

public:
    NewReleaseDialog(ConnectionBackend& backend, qint64 workspaceId, QWidget* parent = nullptr);

    ReleaseDraft draft() const;

signals:
    void created(const Release& release);

private:
    void buildForm();
    void load();
    void fillFromTrain();
    void suggestHotfix();
    void create();
    void render();
    void orderTabs();

    ConnectionBackend& m_backend;
    qint64 m_workspaceId;
    QList<Release> m_releases;
    QList<ReleaseConfig> m_trains;
    bool m_boardLoaded = false;
    bool m_versionEdited = false;
    bool m_creating = false;

    QWidget* m_form;
    QComboBox* m_train;
    FieldMessage* m_trainNote;
    QLineEdit* m_version;
    FieldMessage* m_versionMessage;
    QComboBox* m_type;
    QComboBox* m_fixes;
    QCheckBox* m_force;
    FieldMessage* m_hotfixMessage;
    ChoiceChecks* m_platforms;
    FieldMessage* m_platformsMessage;
    BranchPicker* m_branch;
    FieldMessage* m_branchMessage;
    QDateTimeEdit* m_kickoff;
    QCheckBox* m_hasTarget;
    QDateTimeEdit* m_target;
    FieldMessage* m_targetMessage;
    RegressionSlotRows* m_slots;
    QComboBox* m_pilot;
    ChoiceChecks* m_tasks;
    BusyIndicator* m_busy;
    FieldMessage* m_error;
    QDialogButtonBox* m_buttons;
    QPushButton* m_create;
};

} // namespace ReleaseDeck
