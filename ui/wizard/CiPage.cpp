#include "wizard/CiPage.h"

#include "widgets/FieldMessage.h"
#include "wizard/ConnectionRules.h"
#include "wizard/ConnectionStep.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLineEdit>
#include <QVBoxLayout>

namespace ReleaseDeck {

CiPage::CiPage(ConnectionStep& step, QWidget* parent)
    : ConnectionPage(step, QStringLiteral("ci"), parent)
    , m_workflows(new QGroupBox(tr("Workflow per purpose"), this))
    , m_jobs(new QGroupBox(tr("Job per purpose"), this))
{
    setTitle(tr("Continuous integration"));
    setSubTitle(tr("Release Deck starts builds and automation runs here and waits for them. "
                   "Pick what runs for each purpose; leave unused ones empty."));
    addProviderChoice(tr("&Provider:"));
    addField(QStringLiteral("owner"), tr("&Owner:"), tr("acme"));
    addField(QStringLiteral("repo"), tr("&Repository:"), tr("app"));
    addField(QStringLiteral("apiUrl"), tr("AP&I address:"),
             tr("https://api.github.com when empty"));
    addField(QStringLiteral("url"), tr("Jenkins &address:"), tr("https://ci.example.com"));
    addField(QStringLiteral("user"), tr("&User:"), tr("release-bot"));
    addTokenField(tr("&Token:"), tr("A token that can start and read runs"));
    addVerifyRow();

    m_workflows->setObjectName(QStringLiteral("ciWorkflowsGroup"));
    m_jobs->setObjectName(QStringLiteral("ciJobsGroup"));
    auto* workflowForm = new QFormLayout(m_workflows);
    auto* jobForm = new QFormLayout(m_jobs);
    for (auto* each : {workflowForm, jobForm}) {
        each->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
        each->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    }
    for (const QString& purpose : ConnectionRules::purposes()) {
        const QString name = ConnectionRules::purposeName(purpose);
        auto* combo = new QComboBox(m_workflows);
        combo->setObjectName(objectNameFor(QStringLiteral("workflow.") + purpose) +
                             QStringLiteral("Combo"));
        combo->setAccessibleName(tr("%1 workflow").arg(name));
        workflowForm->addRow(name + u':', combo);
        m_workflowCombos.insert(purpose, combo);
        connect(combo, &QComboBox::activated, this, [this, purpose, combo](int index) {
            this->step().setField(QStringLiteral("workflow.") + purpose,
                                  combo->itemData(index).toString());
        });

        FieldMessage* message = nullptr;
        QLineEdit* job =
            makeField(QStringLiteral("job.") + purpose, tr("%1 job").arg(name),
                      tr("e.g. app/%1").arg(purpose.toLower().replace(u'_', u'-')), &message);
        job->setParent(m_jobs);
        message->setParent(m_jobs);
        jobForm->addRow(name + u':', job);
        jobForm->addRow(QString(), message);
    }
    form()->addRow(m_workflows);
    form()->addRow(m_jobs);
    render();
}

void CiPage::render()
{
    const bool actions = step().provider() == u"github-actions";
    setFieldShown(QStringLiteral("owner"), actions);
    setFieldShown(QStringLiteral("repo"), actions);
    setFieldShown(QStringLiteral("apiUrl"), actions);
    setFieldShown(QStringLiteral("url"), !actions);
    setFieldShown(QStringLiteral("user"), !actions);
    form()->setRowVisible(m_workflows, actions);
    form()->setRowVisible(m_jobs, !actions);
    ConnectionPage::render();

    const QList<ChoicePage::Choice> workflows = step().choices().items;
    for (auto it = m_workflowCombos.cbegin(); it != m_workflowCombos.cend(); ++it) {
        QComboBox* combo = it.value();
        const QString chosen = step().field(QStringLiteral("workflow.") + it.key());
        combo->clear();
        combo->addItem(workflows.isEmpty()
                           ? (step().loadingChoices() ? tr("Loading workflows…")
                                                      : tr("Verify to list the workflows"))
                           : tr("Not used"),
                       QString());
        for (const auto& workflow : workflows)
            combo->addItem(workflow.label, workflow.id);
        combo->setCurrentIndex(qMax(0, combo->findData(chosen)));
        combo->setEnabled(!workflows.isEmpty());
    }
}

} // namespace ReleaseDeck
