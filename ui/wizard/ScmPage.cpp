#include "wizard/ScmPage.h"

#include "wizard/ConnectionStep.h"

#include <QComboBox>
#include <QFormLayout>

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
    addProviderFields();
    addTokenField(tr("&Token:"), tr("A token that can push branches and tags"));
    addVerifyRow();

    const ProviderField& branch = pickedField(FieldChoices::Branches);
    m_branch->setObjectName(QStringLiteral("scmBranchCombo"));
    m_branch->setAccessibleName(branch.shownLabel());
    form()->addRow(formLabel(branch.shownLabel()), m_branch);
    setTabOrder(verifyButton(), m_branch);
    connect(m_branch, &QComboBox::activated, this, [this, key = branch.formKey()](int index) {
        this->step().setField(key, m_branch->itemData(index).toString());
    });
    render();
}

void ScmPage::render()
{
    ConnectionPage::render();

    const QList<ChoicePage::Choice> branches = step().choices().items;
    const QString chosen = step().field(pickedField(FieldChoices::Branches).formKey());
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
