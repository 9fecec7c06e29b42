#pragma once

#include "services/ReleaseDetail.h"

#include <QWidget>

class QLabel;

namespace ReleaseDeck {

// The top of a release's page: version (with a HOTFIX badge), type, status with the reason
// it is paused, stage, what happens next, branch, tag, and the kickoff, target and release
// dates (relative, exact in the tooltip, the target red when overdue).
class ReleaseHeader : public QWidget
{
    Q_OBJECT

public:
    explicit ReleaseHeader(QWidget* parent = nullptr);

    void showRelease(const ReleaseDetail& detail);
    // The status in words, as the dashboard says it.
    static QString statusText(const ReleaseDetail& detail);

private:
    QLabel* field(const QString& name, const QString& accessibleName);
    void setDate(QLabel* label, const QString& what, const QDateTime& at, const QDateTime& now,
                 bool overdue);

    QLabel* m_version;
    QLabel* m_hotfix;
    QLabel* m_type;
    QLabel* m_status;
    QLabel* m_stage;
    QLabel* m_next;
    QLabel* m_branch;
    QLabel* m_tag;
    QLabel* m_kickoff;
    QLabel* m_target;
    QLabel* m_released;
};

} // namespace ReleaseDeck
