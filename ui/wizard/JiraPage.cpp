#include "wizard/JiraPage.h"

#include "widgets/DisplayNames.h"
#include "widgets/FieldMessage.h"
#include "widgets/StatusColors.h"
#include "wizard/ConnectionRules.h"
#include "wizard/ConnectionStep.h"

#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace ReleaseDeck {

JiraPage::JiraPage(ConnectionStep& step, QWidget* parent)
    : ConnectionPage(step, QStringLiteral("jira"), parent)
{
    setTitle(tr("Jira"));
    setSubTitle(tr("Release Deck opens a release ticket per platform and waits until each one "
                   "is ready to release."));
    addProviderChoice(tr("&Edition:"));
    addField(QStringLiteral("siteUrl"), tr("&Site address:"), tr("https://acme.atlassian.net"));
    addField(QStringLiteral("email"), tr("E&mail:"), tr("The account the token belongs to"));
    addTokenField(tr("&Token:"), tr("An API token"));

    auto* group = new QGroupBox(tr("Projects"), this);
    group->setObjectName(QStringLiteral("jiraProjectsGroup"));
    auto* grid = new QGridLayout(group);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(2, 2);
    auto* keyHeader = new QLabel(tr("Project key"), group);
    auto* stateHeader = new QLabel(tr("Ready to release when the ticket is in"), group);
    grid->addWidget(keyHeader, 0, 1);
    grid->addWidget(stateHeader, 0, 2);
    int row = 1;
    for (Platform platform : ConnectionRules::platforms()) {
        const QString name = DisplayNames::platform(platform);
        FieldMessage* keyMessage = nullptr;
        FieldMessage* stateMessage = nullptr;
        QLineEdit* key = makeField(QStringLiteral("projectKey.") + toText(platform),
                                   tr("%1 project key").arg(name), tr("e.g. APP"), &keyMessage);
        QLineEdit* state =
            makeField(QStringLiteral("readyState.") + toText(platform),
                      tr("%1 ready state").arg(name), tr("e.g. Ready for Release"), &stateMessage);
        auto* label = new QLabel(name, group);
        label->setBuddy(key);
        grid->addWidget(label, row, 0, Qt::AlignRight | Qt::AlignVCenter);
        grid->addWidget(key, row, 1);
        grid->addWidget(state, row, 2);
        grid->addWidget(keyMessage, row + 1, 1);
        grid->addWidget(stateMessage, row + 1, 2);
        row += 2;
    }
    auto* hint = new QLabel(tr("Leave a platform's key empty if you do not release it."), group);
    hint->setWordWrap(true);
    QPalette muted = hint->palette();
    muted.setColor(QPalette::WindowText, StatusColors::muted(palette()));
    hint->setPalette(muted);
    grid->addWidget(hint, row, 0, 1, 3);
    form()->addRow(group);

    addVerifyRow();
    render();
}

void JiraPage::render()
{
    const bool cloud = step().provider() == u"jira-cloud";
    setFieldShown(QStringLiteral("email"), cloud);
    if (auto* token = findChild<QLineEdit*>(QStringLiteral("jiraTokenEdit")))
        token->setPlaceholderText(cloud ? tr("An API token from id.atlassian.com")
                                        : tr("A personal access token"));
    ConnectionPage::render();
}

} // namespace ReleaseDeck
