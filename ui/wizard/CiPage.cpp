#include "wizard/CiPage.h"

#include "widgets/FieldMessage.h"
#include "wizard/ConnectionStep.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLineEdit>
#include <QVBoxLayout>

namespace ReleaseDeck {

CiPage::CiPage(ConnectionStep& step, QWidget* parent)
    : ConnectionPage(step, QStringLiteral("ci"), parent)
{
    setTitle(tr("Continuous integration"));
    setSubTitle(tr("Release Deck starts builds and automation runs here and waits for them. "
                   "Pick what runs for each purpose; leave unused ones empty."));
    addProviderChoice(tr("&Provider:"));
    addProviderFields();
    addTokenField(tr("&Token:"), tr("A token that can start and read runs"));
    addVerifyRow();

    for (const ProviderField& field : mapFields()) {
        auto* group = new QGroupBox(field.shownLabel(), this);
        group->setObjectName(objectNameFor(field.key) + QStringLiteral("Group"));
        auto* rows = new QFormLayout(group);
        rows->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
        rows->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        for (const QString& purpose : field.members()) {
            const QString name = field.memberName(purpose);
            const QString key = field.formKey(purpose);
            const QString accessible = tr("%1: %2").arg(name, field.shownLabel());
            if (field.isPicked()) {
                auto* combo = new QComboBox(group);
                combo->setObjectName(objectNameFor(key) + QStringLiteral("Combo"));
                combo->setAccessibleName(accessible);
                rows->addRow(name + u':', combo);
                m_pickedCombos.insert(key, combo);
                connect(combo, &QComboBox::activated, this, [this, key, combo](int index) {
                    this->step().setField(key, combo->itemData(index).toString());
                });
                continue;
            }
            FieldMessage* message = nullptr;
            QLineEdit* edit =
                makeField(key, accessible,
                          tr("e.g. app/%1").arg(purpose.toLower().replace(u'_', u'-')), &message);
            edit->setParent(group);
            message->setParent(group);
            rows->addRow(name + u':', edit);
            rows->addRow(QString(), message);
        }
        form()->addRow(group);
        m_groups.insert(field.key, group);
    }
    render();
}

void CiPage::render()
{
    for (auto it = m_groups.cbegin(); it != m_groups.cend(); ++it)
        form()->setRowVisible(it.value(), providerField(it.key()).has_value());
    ConnectionPage::render();

    const QList<ChoicePage::Choice> workflows = step().choices().items;
    for (auto it = m_pickedCombos.cbegin(); it != m_pickedCombos.cend(); ++it) {
        QComboBox* combo = it.value();
        const QString chosen = step().field(it.key());
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
