#pragma once

#include "wizard/ConnectionPage.h"

namespace ReleaseDeck {

// Jira: Cloud or Server / Data Center, the site, the credentials, and per platform the
// project key and the state a ticket reaches when it is ready to release.
class JiraPage : public ConnectionPage
{
    Q_OBJECT

public:
    explicit JiraPage(ConnectionStep& step, QWidget* parent = nullptr);

protected:
    void render() override;
};

} // namespace ReleaseDeck
