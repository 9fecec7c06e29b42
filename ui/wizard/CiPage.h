#pragma once

#include "wizard/ConnectionPage.h"

#include <QHash>

class QComboBox;
class QGroupBox;

namespace ReleaseDeck {

// CI: GitHub Actions, with each purpose's workflow picked from the repository's real
// list, or Jenkins, with each purpose's job typed in. Verified like every connection.
class CiPage : public ConnectionPage
{
    Q_OBJECT

public:
    explicit CiPage(ConnectionStep& step, QWidget* parent = nullptr);

protected:
    void render() override;

private:
    QGroupBox* m_workflows;
    QGroupBox* m_jobs;
    QHash<QString, QComboBox*> m_workflowCombos;
};

} // namespace ReleaseDeck
