#pragma once

#include "model/ConnectionEnums.h"

#include <QWidget>

class QAbstractButton;
class QButtonGroup;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTimer;

namespace ReleaseDeck {

class FieldMessage;
class NextKickoffStrip;
class ReleaseBackend;
class ReleaseFilterModel;
class ReleaseTableModel;
struct BoardSnapshot;
struct ReleaseSummary;

// The workspace's releases: version (HOTFIX badge), stage bar, status with the pause
// reason, kickoff and target dates, pilot and what happens next. Filter Active /
// Completed / All, search by version, sort by any column; with no release yet, a sentence
// and New release. It follows the event feed: changed releases update in place, new ones
// appear and gone ones leave, never by a reset, so the selection and scroll stay.
class DashboardPage : public QWidget
{
    Q_OBJECT

public:
    explicit DashboardPage(ReleaseBackend& backend, QWidget* parent = nullptr);

    void setWorkspace(qint64 workspaceId, Role role);
    // Reads the whole board again (F5); rows change in place.
    void refresh();

    ReleaseTableModel* model() const { return m_model; }
    ReleaseFilterModel* filtered() const { return m_filter; }
    QTableView* view() const { return m_view; }
    // The release of the current row, 0 without one.
    qint64 currentReleaseId() const;

signals:
    // New release (the button here or in the empty state).
    void newReleaseRequested();
    // Enter or a double click on a release.
    void releaseOpened(qint64 releaseId);

private:
    void load();
    void loadRest(int generation, qint64 followFrom);
    void mergeBoard(int generation, const BoardSnapshot& board, qint64 followFrom);
    void applyFeed(qint64 workspaceId, const QList<ReleaseSummary>& changed,
                   const QList<qint64>& removed);
    void updateEmptyState();
    void keepScrollOnInsert(int first, int last);
    void keepScrollOnRemove(int first, int last);
    QAbstractButton* filterButton(const QString& name, const QString& text, int filter);

    ReleaseBackend& m_backend;
    qint64 m_workspaceId = 0;
    Role m_role = Role::Viewer;
    int m_generation = 0;
    bool m_loaded = false;
    ReleaseTableModel* m_model;
    ReleaseFilterModel* m_filter;
    QTableView* m_view;
    QButtonGroup* m_filters;
    QLineEdit* m_search;
    QPushButton* m_newRelease;
    QStackedWidget* m_stack;
    QLabel* m_emptyText;
    QPushButton* m_emptyNewRelease;
    FieldMessage* m_message;
    NextKickoffStrip* m_nextKickoff;
    QTimer* m_clock;
    int m_topRowBeforeChange = -1;
};

} // namespace ReleaseDeck
