#pragma once

#include "Result.h"
#include "providers/ScmClient.h"

#include <QWidget>

class QLabel;
class QListWidget;

namespace ReleaseDeck {

class BusyIndicator;

// "Changes in this release": the commits since the previous release's tag, as the source
// control's compare API tells them. Busy while they are on their way; a plain sentence
// when they cannot be had (no source control connection, the first release…).
class ReleaseChangesView : public QWidget
{
    Q_OBJECT

public:
    explicit ReleaseChangesView(QWidget* parent = nullptr);

    void setLoading();
    void setComparison(const Result<ScmComparison>& comparison);

    QListWidget* list() const { return m_list; }
    QLabel* message() const { return m_message; }

private:
    BusyIndicator* m_busy;
    QLabel* m_message;
    QListWidget* m_list;
};

} // namespace ReleaseDeck
