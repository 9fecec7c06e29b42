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
    // A group per field kept per purpose (workflows, jobs), by the field's config key.
    QHash<QString, QGroupBox*> m_groups;
    // The combo of each picked purpose, by form key ("workflow.AUTOMATION").
    QHash<QString, QComboBox*> m_pickedCombos;
};

} // namespace ReleaseDeck
