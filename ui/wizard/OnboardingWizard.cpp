#include "wizard/OnboardingWizard.h"

#include "backend/ConnectionBackend.h"
#include "wizard/ConnectionPage.h"
#include "wizard/ConnectionStep.h"
#include "wizard/DatabasePage.h"
#include "wizard/SummaryPage.h"
#include "wizard/WelcomePage.h"
#include "wizard/WizardController.h"

#include <QAbstractButton>
#include <QIcon>

namespace ReleaseDeck {

OnboardingWizard::OnboardingWizard(ConnectionBackend& backend, QWidget* parent)
    : QWizard(parent)
    , m_controller(new WizardController(backend, this))
{
    setObjectName(QStringLiteral("onboardingWizard"));
    setWindowTitle(tr("Set up Release Deck"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    const int logoSize = fontMetrics().height() * 3;
    setPixmap(QWizard::LogoPixmap,
              QIcon(QStringLiteral(":/icons/releasedeck.svg")).pixmap(logoSize, logoSize));
    setOption(QWizard::NoCancelButtonOnLastPage, false);
    setButtonText(QWizard::CustomButton1, tr("Set up &later"));
    button(QWizard::CustomButton1)->setObjectName(QStringLiteral("setUpLaterButton"));
    button(QWizard::NextButton)->setObjectName(QStringLiteral("nextButton"));
    button(QWizard::BackButton)->setObjectName(QStringLiteral("backButton"));
    button(QWizard::FinishButton)->setObjectName(QStringLiteral("finishButton"));
    button(QWizard::CancelButton)->setObjectName(QStringLiteral("cancelButton"));

    m_welcome = new WelcomePage(*m_controller->workspace(), backend.sandbox() != nullptr, this);
    connect(m_welcome, &WelcomePage::sandboxRequested, this, &OnboardingWizard::sandboxRequested);
    setPage(WizardController::WelcomePage, m_welcome);
    setPage(WizardController::DatabasePage,
            new DatabasePage(*m_controller->database(), *m_controller->workspace(), this));
    for (int page = WizardController::SourceControlPage; page <= WizardController::CiPage; ++page)
        setPage(page, ConnectionPage::create(
                          *m_controller->connection(WizardController::Page(page)), this));
    setPage(WizardController::SummaryPage, new SummaryPage(*m_controller, this));
    setStartId(WizardController::WelcomePage);

    connect(this, &QWizard::currentIdChanged, this, &OnboardingWizard::followPage);
    connect(this, &QWizard::customButtonClicked, this, [this](int which) {
        if (which != QWizard::CustomButton1)
            return;
        m_controller->skip();
        next();
    });
    connect(m_controller, &WizardController::changed, this, [this] {
        button(QWizard::CancelButton)->setEnabled(!m_controller->finishing());
        button(QWizard::BackButton)->setEnabled(!m_controller->finishing());
    });
    resize(880, 680);
    followPage(WizardController::WelcomePage);
}

void OnboardingWizard::showSandboxProgress(bool busy, const QString& error)
{
    m_welcome->showSandboxProgress(busy, error);
}

void OnboardingWizard::reject()
{
    if (m_controller->finishing())
        return;
    m_controller->cancel();
    QWizard::reject();
}

void OnboardingWizard::followPage(int id)
{
    m_controller->setPage(id);
    const bool connectionPage = m_controller->connection(WizardController::Page(id)) != nullptr;
    setOption(QWizard::HaveCustomButton1, connectionPage);
    // "Set up later" sits apart, on the left, only where a connection can be skipped.
    QList<QWizard::WizardButton> layout;
    if (connectionPage)
        layout << QWizard::CustomButton1;
    layout << QWizard::Stretch << QWizard::BackButton << QWizard::NextButton
           << QWizard::FinishButton << QWizard::CancelButton;
    setButtonLayout(layout);
}

} // namespace ReleaseDeck
