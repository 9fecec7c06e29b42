#include "wizard/ScmPage.h"

#include "wizard/ConnectionStep.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>

namespace ReleaseDeck {

ScmPage::ScmPage(ConnectionStep& step, QWidget* parent)
    : ConnectionPage(step, QStringLiteral("scm"), parent)
    , m_branch(new QComboBox(this))
{
    setTitle(tr("Source control"));
    setSubTitle(tr("Release Deck creates release branches and tags in this repository. "
                   "Paste its address to fill in the details."));
    addProviderChoice(tr("&Provider:"));
    addField(QStringLiteral("repoUrl"), tr("Repository &address:"),
             tr("Paste e.g. https://github.com/acme/app"));
    addField(QStringLiteral("owner"), tr("&Owner:"), tr("acme"));
    addField(QStringLiteral("workspace"), tr("&Workspace:"), tr("acme"));
    addField(QStringLiteral("repo"), tr("&Repository:"), tr("app"));
    addField(QStringLiteral("project"), tr("Pro&ject path:"), tr("group/subgroup/app"));
    addField(QStringLiteral("apiUrl"), tr("AP&I address:"), tr("https://git.example.com/api/v3"));
    addTokenField(tr("&Token:"), tr("A token that can push branches and tags"));
    addVerifyRow();

    m_branch->setObjectName(QStringLiteral("scmBranchCombo"));
    m_branch->setAccessibleName(tr("Default branch"));
    form()->addRow(tr("De&fault branch:"), m_branch);
    setTabOrder(verifyButton(), m_branch);
    connect(m_branch, &QComboBox::activated, this, [this](int index) {
        this->step().setField(QStringLiteral("defaultBranch"),
                              m_branch->itemData(index).toString());
    });
    render();
}

void ScmPage::render()
{
    const QString provider = step().provider();
    const bool github = provider == u"github" || provider == u"github-enterprise";
    setFieldShown(QStringLiteral("owner"), github);
    setFieldShown(QStringLiteral("workspace"), provider == u"bitbucket");
    setFieldShown(QStringLiteral("repo"), provider != u"gitlab");
    setFieldShown(QStringLiteral("project"), provider == u"gitlab");
    setFieldShown(QStringLiteral("apiUrl"),
                  provider == u"github-enterprise" || provider == u"gitlab");
    if (auto* api = findChild<QLineEdit*>(QStringLiteral("scmApiUrlEdit")))
        api->setPlaceholderText(provider == u"gitlab" ? tr("https://gitlab.com/api/v4 when empty")
                                                      : tr("https://github.example.com/api/v3"));
    ConnectionPage::render();

    const QList<ChoicePage::Choice> branches = step().choices().items;
    const QString chosen = step().field(QStringLiteral("defaultBranch"));
    m_branch->clear();
    if (step().loadingChoices())
        m_branch->addItem(tr("Loading branches…"));
    else if (branches.isEmpty())
        m_branch->addItem(step().choicesError().isEmpty() ? tr("Verify to list the branches")
                                                          : step().choicesError());
    for (const auto& branch : branches)
        m_branch->addItem(branch.label, branch.id);
    const int index = m_branch->findData(chosen);
    m_branch->setCurrentIndex(index >= 0 ? index : 0);
    m_branch->setEnabled(!branches.isEmpty());
}

} // namespace ReleaseDeck
