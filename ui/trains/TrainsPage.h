#pragma once

#include "model/ConnectionEnums.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;
class QTimer;

namespace ReleaseDeck {

class FieldMessage;
class ReleaseFeed;
class TrainBackend;
class TrainDialog;
class TrainTableModel;

// The workspace's release trains: name, schedule in words, next kickoff (relative; the exact
// time in the tooltip), paused or running, latest and active release. OWNER and EDITOR
// create, edit, pause, resume and delete (Delete asks first; the service's refusal while a
// release of the train is active shows as its sentence); a VIEWER reads, without buttons.
// It reads the list again when the release feed says trains or their releases changed,
// so what another app or the CLI did shows here too.
class TrainsPage : public QWidget
{
    Q_OBJECT

public:
    TrainsPage(TrainBackend& backend, ReleaseFeed& feed, QWidget* parent = nullptr);

    void setWorkspace(qint64 workspaceId, Role role);
    void reload();

    TrainTableModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    // The train of the current row, 0 without one.
    qint64 currentTrainId() const;
    // New train… and Edit… (Enter or a double click on a row).
    TrainDialog* openNewTrain();
    TrainDialog* openEditTrain();

private:
    void pauseOrResume();
    void remove();
    void updateButtons();
    TrainDialog* openDialog(TrainDialog* dialog);

    TrainBackend& m_backend;
    ReleaseFeed& m_feed;
    qint64 m_workspaceId = 0;
    Role m_role = Role::Viewer;
    int m_generation = 0;
    bool m_busy = false;
    bool m_loaded = false;
    TrainTableModel* m_model;
    QTableView* m_view;
    QPushButton* m_new;
    QPushButton* m_edit;
    QPushButton* m_pause;
    QPushButton* m_delete;
    QLabel* m_empty;
    FieldMessage* m_message;
    QTimer* m_clock;
};

} // namespace ReleaseDeck
