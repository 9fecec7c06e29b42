#pragma once

#include <QWidget>

class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class QTimer;

namespace ReleaseDeck {

class ActivityModel;
class ConnectionBackend;
class FieldMessage;

// Who did what, when: the workspace's events, newest first, filtered as you type. New
// events are fetched by seq (the feed's commit order) every few seconds and added on top.
class ActivityPage : public QWidget
{
    Q_OBJECT

public:
    explicit ActivityPage(ConnectionBackend& backend, QWidget* parent = nullptr);

    void setWorkspace(qint64 workspaceId);
    void refresh();
    ActivityModel* model() const { return m_model; }
    QSortFilterProxyModel* filtered() const { return m_filter; }

private:
    ConnectionBackend& m_backend;
    qint64 m_workspaceId = 0;
    ActivityModel* m_model;
    QSortFilterProxyModel* m_filter;
    QLineEdit* m_search;
    QTableView* m_view;
    FieldMessage* m_message;
    QTimer* m_poll;
    bool m_fetching = false;
};

} // namespace ReleaseDeck
