#pragma once

#include <QList>
#include <QWizardPage>

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

    ConnectionStep& m_step;
    QString m_prefix;
    QFormLayout* m_form;
    QComboBox* m_provider = nullptr;
    QList<BoundField> m_fields;
    QPushButton* m_verify = nullptr;
    BusyIndicator* m_busy = nullptr;
    FieldMessage* m_outcome = nullptr;
};

} // namespace ReleaseDeck
