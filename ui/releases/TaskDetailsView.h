#pragma once

#include <QLabel>
#include <QModelIndex>

namespace ReleaseDeck {

// Below the task list: the chosen task or build in full — its status, attempts, the last
// error in plain words, why it waits, and its links (branch, ticket, CI run, tag, release),
// which open in the browser (QDesktopServices), by mouse or by Tab and Enter.
class TaskDetailsView : public QLabel
{
    Q_OBJECT

public:
    explicit TaskDetailsView(QWidget* parent = nullptr);

    void showRow(const QModelIndex& index);

signals:
    void linkOpened(const QUrl& url);
};

} // namespace ReleaseDeck
