#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QSpinBox;

namespace ReleaseDeck {

class FieldMessage;
class LocalOrchestrator;

// Edit › Preferences…: whether this app orchestrates (the same setting as the Releases
// menu's "Orchestrate Releases on This Computer", kept in step with it), which kinds of
// notification to show, the appearance, and in an advanced section the orchestrator's tick
// interval (core's OrchestratorOptions::checkTickSeconds decides what fits, said inline).
// Every change applies and is saved at once; Close only closes.
class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PreferencesDialog(LocalOrchestrator& orchestrator, QWidget* parent = nullptr);

private:
    QWidget* orchestrationSection();
    QWidget* notificationSection();
    QWidget* appearanceSection();
    QWidget* advancedSection();
    void showOrchestrator();
    void applyTick(int seconds);

    LocalOrchestrator& m_orchestrator;
    QCheckBox* m_orchestrate = nullptr;
    QComboBox* m_theme = nullptr;
    QSpinBox* m_tick = nullptr;
    FieldMessage* m_tickMessage = nullptr;
};

} // namespace ReleaseDeck
