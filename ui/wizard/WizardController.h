#pragma once

#include "backend/WizardResult.h"
#include "model/ConnectionEnums.h"

#include <QObject>

namespace ReleaseDeck {

class ConnectionBackend;
class ConnectionStep;
class DatabaseStep;
class WorkspaceStep;

// The onboarding wizard without its widgets: which page is current, whether it may go
// on, and Finish. Nothing is written anywhere before finish(); cancel() forgets secrets.
class WizardController : public QObject
{
    Q_OBJECT
    Q_PROPERTY(int page READ page NOTIFY changed)
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    Q_PROPERTY(bool canGoNext READ canGoNext NOTIFY changed)
    Q_PROPERTY(bool canFinish READ canFinish NOTIFY changed)
    Q_PROPERTY(QString errorText READ errorText NOTIFY changed)

public:
    enum Page
    {
        WelcomePage,
        DatabasePage,
        SourceControlPage,
        ChatPage,
        IssuesPage,
        CiPage,
        SummaryPage
    };
    Q_ENUM(Page)

    explicit WizardController(ConnectionBackend& backend, QObject* parent = nullptr);

    WorkspaceStep* workspace() const { return m_workspace; }
    DatabaseStep* database() const { return m_database; }
    // For SourceControlPage, ChatPage, IssuesPage, CiPage.
    ConnectionStep* connection(Page page) const;
    static ConnectionCategory category(Page page);

    int page() const { return m_page; }
    bool busy() const;
    bool isPageComplete(int page) const;
    bool canGoNext() const;
    bool canFinish() const;
    QString errorText() const { return m_errorText; }

    // Moves on if the current page is complete; false (and every inline message shown) if not.
    bool next();
    void back();
    // Follows the wizard's own navigation.
    void setPage(int page);
    // "Set up later" on a connection page: skips it and moves on.
    void skip();

    WizardResult result() const;
    void finish();
    void cancel();
    bool finished() const { return m_finished; }
    bool finishing() const { return m_finishing; }

signals:
    void changed();
    void finishSucceeded();

private:
    ConnectionBackend& m_backend;
    WorkspaceStep* m_workspace;
    DatabaseStep* m_database;
    QList<ConnectionStep*> m_connections;
    int m_page = WelcomePage;
    bool m_finishing = false;
    bool m_finished = false;
    bool m_cancelled = false;
    QString m_errorText;
};

} // namespace ReleaseDeck
