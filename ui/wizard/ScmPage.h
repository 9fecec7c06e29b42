#pragma once

#include "wizard/ConnectionPage.h"

class QComboBox;

namespace ReleaseDeck {

// Source control: provider, a pasted repository address that fills the fields, the
// token, Verify, then the default branch from the repository's real branches.
class ScmPage : public ConnectionPage
{
    Q_OBJECT

public:
    explicit ScmPage(ConnectionStep& step, QWidget* parent = nullptr);

protected:
    void render() override;

private:
    QComboBox* m_branch;
};

} // namespace ReleaseDeck
