#include "wizard/JiraPage.h"

#include "widgets/FieldMessage.h"
#include "widgets/StatusColors.h"
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
    addProviderFields();
    addTokenField(tr("&Token:"), tr("An API token"));

    auto* group = new QGroupBox(tr("Projects"), this);
    group->setObjectName(QStringLiteral("jiraProjectsGroup"));
    auto* grid = new QGridLayout(group);
    // A column per field kept per platform (project key, ready state), a row per platform.
    const QList<ProviderField> columns = mapFields();
    for (int column = 0; column < columns.size(); ++column) {
        grid->setColumnStretch(column + 1, column + 1);
        grid->addWidget(new QLabel(columns.at(column).shownLabel(), group), 0, column + 1);
    }
    int row = 1;
    for (const QString& platform : columns.constFirst().members()) {
        auto* label = new QLabel(columns.constFirst().memberName(platform), group);
        grid->addWidget(label, row, 0, Qt::AlignRight | Qt::AlignVCenter);
        for (int column = 0; column < columns.size(); ++column) {
            const ProviderField& field = columns.at(column);
            FieldMessage* message = nullptr;
            QLineEdit* edit =
                makeField(field.formKey(platform),
                          tr("%1: %2").arg(field.memberName(platform), field.shownLabel()),
                          field.shownPlaceholder(), &message);
            if (column == 0)
                label->setBuddy(edit);
            grid->addWidget(edit, row, column + 1);
            grid->addWidget(message, row + 1, column + 1);
        }
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
    if (auto* token = findChild<QLineEdit*>(QStringLiteral("jiraTokenEdit")))
        token->setPlaceholderText(cloud ? tr("An API token from id.atlassian.com")
                                        : tr("A personal access token"));
    ConnectionPage::render();
}

} // namespace ReleaseDeck
