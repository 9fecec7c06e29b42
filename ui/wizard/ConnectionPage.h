#pragma once

#include "providers/ProviderField.h"

#include <QList>
#include <QSet>
#include <QWizardPage>

#include <optional>

class QComboBox;
class QFormLayout;
class QLineEdit;
class QPushButton;

namespace ReleaseDeck {

class BusyIndicator;
class ConnectionStep;
class FieldMessage;

// What every connection page shares: a form whose fields write into a ConnectionStep, the
// Verify row, and Next enabled only when the step is complete. Usable outside a wizard
// too (the Connections page's Edit shows one page alone).
class ConnectionPage : public QWizardPage
{
    Q_OBJECT

public:
    ConnectionPage(ConnectionStep& step, const QString& namePrefix, QWidget* parent = nullptr);

    // The page for the step's category: ScmPage, SlackPage, JiraPage or CiPage.
    static ConnectionPage* create(ConnectionStep& step, QWidget* parent = nullptr);

    bool isComplete() const override;
    ConnectionStep& step() const { return m_step; }

protected:
    QFormLayout* form() const { return m_form; }
    QComboBox* addProviderChoice(const QString& label);
    QLineEdit* addField(const QString& key, const QString& label, const QString& placeholder);
    QLineEdit* addTokenField(const QString& label, const QString& placeholder);
    // One row per typed single field the category's providers show (core's registry),
    // shown while the chosen provider has it, with that provider's placeholder.
    void addProviderFields();
    // The category's map fields (per platform or per CI purpose), in the registry's order.
    QList<ProviderField> mapFields() const;
    // The category's field picked from this list once the token works.
    const ProviderField& pickedField(FieldChoices list) const;
    // The chosen provider's field under this config key, when its form shows it.
    std::optional<ProviderField> providerField(const QString& fieldKey) const;
    // "Default branch" → "&Default branch:", with a letter no other label here uses.
    QString formLabel(const QString& label);
    // A bound field the subclass lays out itself (grids, groups).
    QLineEdit* makeField(const QString& key, const QString& accessibleName,
                         const QString& placeholder, FieldMessage** message);
    void addVerifyRow();
    QWidget* verifyButton() const;
    // Shows or hides a field's row together with its inline message.
    void setFieldShown(const QString& key, bool shown);
    QString objectNameFor(const QString& part) const;

    // Brings every widget in line with the step; subclasses add their own parts.
    virtual void render();

private:
    struct BoundField
    {
        QString key;
        QLineEdit* edit = nullptr;
        FieldMessage* message = nullptr;
    };

    // Notes the mnemonic of a label that has one ("AP&I address:").
    void reserveMnemonic(const QString& label);

    ConnectionStep& m_step;
    QString m_prefix;
    QSet<QChar> m_mnemonics;
    // What the forms of the category's providers show, and the rows made from it.
    const QList<ProviderField> m_categoryFields;
    QList<ProviderField> m_providerFields;
    QFormLayout* m_form;
    QComboBox* m_provider = nullptr;
    QList<BoundField> m_fields;
    QPushButton* m_verify = nullptr;
    BusyIndicator* m_busy = nullptr;
    FieldMessage* m_outcome = nullptr;
};

} // namespace ReleaseDeck
