#include "wizard/WizardController.h"

#include "backend/ConnectionBackend.h"
#include "backend/FutureReply.h"
#include "wizard/ConnectionStep.h"
#include "wizard/DatabaseStep.h"
#include "wizard/WorkspaceStep.h"

namespace ReleaseDeck {

WizardController::WizardController(ConnectionBackend& backend, QObject* parent)
    : QObject(parent)
    , m_backend(backend)
    , m_workspace(new WorkspaceStep(this))
    , m_database(new DatabaseStep(backend, this))
{
    connect(m_workspace, &WorkspaceStep::changed, this, &WizardController::changed);
    connect(m_database, &DatabaseStep::changed, this, &WizardController::changed);
    for (int page = SourceControlPage; page <= CiPage; ++page) {
        auto* step = new ConnectionStep(category(Page(page)), backend, this);
        connect(step, &ConnectionStep::changed, this, &WizardController::changed);
        m_connections.append(step);
    }
    // CI on GitHub Actions usually runs in the repository just connected.
    connect(connection(SourceControlPage), &ConnectionStep::changed, this, [this] {
        ConnectionStep* scm = connection(SourceControlPage);
        ConnectionStep* ci = connection(CiPage);
        if (ci->field(QStringLiteral("owner")).isEmpty() &&
            ci->field(QStringLiteral("repo")).isEmpty() &&
            (scm->provider() == u"github" || scm->provider() == u"github-enterprise") &&
            scm->state() == ConnectionStep::State::Valid) {
            ci->setField(QStringLiteral("apiUrl"), scm->field(QStringLiteral("apiUrl")));
            ci->setField(QStringLiteral("owner"), scm->field(QStringLiteral("owner")));
            ci->setField(QStringLiteral("repo"), scm->field(QStringLiteral("repo")));
        }
    });
}

ConnectionStep* WizardController::connection(Page page) const
{
    if (page < SourceControlPage || page > CiPage)
        return nullptr;
    return m_connections.at(page - SourceControlPage);
}

ConnectionCategory WizardController::category(Page page)
{
    switch (page) {
    case ChatPage:
        return ConnectionCategory::Chat;
    case IssuesPage:
        return ConnectionCategory::Issues;
    case CiPage:
        return ConnectionCategory::Ci;
    default:
        return ConnectionCategory::Scm;
    }
}

bool WizardController::busy() const
{
    if (m_finishing || m_database->busy())
        return true;
    for (const ConnectionStep* step : m_connections) {
        if (step->busy())
            return true;
    }
    return false;
}

bool WizardController::isPageComplete(int page) const
{
    switch (page) {
    case WelcomePage:
        return m_workspace->isComplete();
    case DatabasePage:
        return m_database->isComplete(m_workspace->joining());
    case SourceControlPage:
    case ChatPage:
    case IssuesPage:
    case CiPage:
        return connection(Page(page))->isComplete();
    case SummaryPage:
        return !m_finishing;
    }
    return false;
}

bool WizardController::canGoNext() const
{
    return m_page != SummaryPage && !busy() && isPageComplete(m_page);
}

bool WizardController::canFinish() const
{
    if (m_page != SummaryPage || busy() || m_finished || m_cancelled)
        return false;
    for (int page = WelcomePage; page < SummaryPage; ++page) {
        if (!isPageComplete(page))
            return false;
    }
    return true;
}

bool WizardController::next()
{
    if (!canGoNext()) {
        if (m_page == WelcomePage)
            m_workspace->showAllErrors();
        else if (ConnectionStep* step = connection(Page(m_page));
                 step && !step->busy() && !step->fieldsValid())
            step->verify();
        return false;
    }
    setPage(m_page + 1);
    return true;
}

void WizardController::back()
{
    if (m_page > WelcomePage && !m_finishing)
        setPage(m_page - 1);
}

void WizardController::setPage(int page)
{
    if (page == m_page || page < WelcomePage || page > SummaryPage)
        return;
    m_page = page;
    m_errorText.clear();
    emit changed();
}

void WizardController::skip()
{
    ConnectionStep* step = connection(Page(m_page));
    if (!step || m_finishing)
        return;
    step->setSkipped(true);
    next();
}

WizardResult WizardController::result() const
{
    WizardResult result;
    result.joinWorkspaceId = m_workspace->joining() ? m_database->chosenWorkspace() : 0;
    result.workspaceName =
        m_workspace->joining() ? QString() : m_workspace->workspaceName().trimmed();
    result.displayName = m_workspace->displayName().trimmed();
    result.email = m_workspace->email().trimmed();
    result.database = m_database->draft();
    for (const ConnectionStep* step : m_connections) {
        if (!step->skipped() && step->isComplete())
            result.connections.append(step->draft());
    }
    return result;
}

void WizardController::finish()
{
    if (!canFinish())
        return;
    m_finishing = true;
    m_errorText.clear();
    emit changed();
    whenFinished(m_backend.finish(result()), this, [this](const Status& status) {
        if (m_cancelled)
            return;
        m_finishing = false;
        if (status) {
            m_finished = true;
            emit changed();
            emit finishSucceeded();
            return;
        }
        m_errorText = status.error().message;
        emit changed();
    });
}

void WizardController::cancel()
{
    m_cancelled = true;
    m_finishing = false;
    m_database->discard();
    for (ConnectionStep* step : std::as_const(m_connections))
        step->discard();
    emit changed();
}

} // namespace ReleaseDeck
