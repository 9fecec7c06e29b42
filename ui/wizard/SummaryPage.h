#pragma once

#include <QWizardPage>

class QFormLayout;
class QLabel;

namespace ReleaseDeck {

class BusyIndicator;
class FieldMessage;
class WizardController;

// What Finish will save, each connection's status, and Finish itself: the first
// validatePage() starts saving and returns false; success accepts the wizard.
class SummaryPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit SummaryPage(WizardController& controller, QWidget* parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

private:
    void render();
    void setRow(int row, const QString& label, const QString& text, const QColor& color = {});

    WizardController& m_controller;
    QFormLayout* m_form;
    QList<QLabel*> m_values;
    BusyIndicator* m_busy;
    FieldMessage* m_error;
};

} // namespace ReleaseDeck
