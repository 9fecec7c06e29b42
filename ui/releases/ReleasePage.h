#pragma once

#include "Result.h"
#include "backend/ReleaseAction.h"
#include "model/ConnectionEnums.h"
#include "services/ReleaseDetail.h"

#include <QWidget>

#include <optional>

class QPushButton;
class QTabWidget;
class QTreeView;

namespace ReleaseDeck {

class FieldMessage;
class ReleaseActionBar;
class ReleaseBackend;
class ReleaseChangesView;
class ReleaseHeader;
class ReleaseTaskModel;
class ReleaseTimelineView;
class TaskDetailsView;
struct ReleaseSummary;

// One release's page: its header, its stages with their tasks, cycles and builds (the
// chosen one in full below, with its links), the changes in it and its timeline, and the
// actions the person's role allows in its state. It follows the event feed: when an event
// names this release it reads the release again and changes it in place, keeping the
// chosen task and the scroll. Backspace or Alt+Left goes back.
class ReleasePage : public QWidget
{
    Q_OBJECT

public:
    explicit ReleasePage(ReleaseBackend& backend, QWidget* parent = nullptr);

    // Shows releaseId of workspaceId for a person of role.
    void open(qint64 workspaceId, qint64 releaseId, Role role);
    // Reads the release, its timeline and its changes again (F5).
    void refresh();

    qint64 releaseId() const { return m_releaseId; }
    const ReleaseDetail& detail() const { return m_detail; }
    QTreeView* taskView() const { return m_tasks; }
    ReleaseTaskModel* taskModel() const { return m_model; }
    ReleaseActionBar* actionBar() const { return m_actions; }
    FieldMessage* message() const { return m_message; }

signals:
    // Backspace, Alt+Left or the Back button.
    void backRequested();
    // The release was read (first or again).
    void detailShown();

private:
    void loadDetail();
    void loadTimeline();
    void loadChanges();
    void showDetail(const ReleaseDetail& detail);
    void applyFeed(qint64 workspaceId, const QList<ReleaseSummary>& changed,
                   const QList<qint64>& removed);
    void perform(ReleaseAction::Kind kind);
    void answered(const Result<Release>& answer);
    void showRefusal(const QString& sentence, bool stale);
    void addSlot();
    void createHotfix();
    std::optional<Task> failedTask() const;
    void updateActions();

    ReleaseBackend& m_backend;
    qint64 m_workspaceId = 0;
    qint64 m_releaseId = 0;
    Role m_role = Role::Viewer;
    int m_generation = 0;
    int m_detailGeneration = 0;
    bool m_detailAgain = false;
    bool m_detailInFlight = false;
    ReleaseDetail m_detail;
    QString m_selectedKey;
    QPushButton* m_back;
    ReleaseHeader* m_header;
    FieldMessage* m_message;
    ReleaseActionBar* m_actions;
    ReleaseTaskModel* m_model;
    QTreeView* m_tasks;
    TaskDetailsView* m_details;
    QTabWidget* m_tabs;
    ReleaseChangesView* m_changes;
    ReleaseTimelineView* m_timeline;
};

} // namespace ReleaseDeck
