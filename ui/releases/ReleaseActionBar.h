#pragma once

#include "backend/ReleaseAction.h"
#include "model/ConnectionEnums.h"
#include "services/ReleaseDetail.h"

#include <QWidget>

#include <optional>

class QPushButton;

namespace ReleaseDeck {

// The decisions a person may take on the release as it stands, by role (OWNER and EDITOR
// act; a VIEWER sees none) and state: approve, pause or resume, retry or skip the failed
// task, add a regression slot, start kickoff now, cancel, and create a hotfix of a
// completed release. Core decides in the end; this only offers what could be accepted.
class ReleaseActionBar : public QWidget
{
    Q_OBJECT

public:
    explicit ReleaseActionBar(QWidget* parent = nullptr);

    // task: the failed task Retry and Skip act on (the chosen one, else the first).
    void update(Role role, const ReleaseDetail& detail, const std::optional<Task>& failed);
    void setBusy(bool busy);

    QPushButton* button(ReleaseAction::Kind kind) const;
    QPushButton* hotfixButton() const { return m_hotfix; }

signals:
    void actionRequested(ReleaseAction::Kind kind);
    void hotfixRequested();

private:
    QPushButton* add(ReleaseAction::Kind kind, const QString& name, const QString& text,
                     const QString& accessibleName);

    QHash<int, QPushButton*> m_buttons;
    QPushButton* m_hotfix;
    bool m_busy = false;
};

} // namespace ReleaseDeck
