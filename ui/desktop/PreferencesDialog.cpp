#include "desktop/PreferencesDialog.h"

#include "backend/LocalOrchestrator.h"
#include "desktop/DesktopSettings.h"
#include "desktop/Theme.h"
#include "widgets/FieldMessage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace ReleaseDeck {

namespace {

// Wide enough for any value a person may try; core says which ones fit.
constexpr int LargestTypedSeconds = 3600;
constexpr int HintChars = 64;

QLabel* hint(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    // A comfortable line, so the dialog is not made as narrow as its widest field.
    label->setMinimumWidth(label->fontMetrics().averageCharWidth() * HintChars);
    QPalette muted = label->palette();
    muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
    label->setPalette(muted);
    return label;
}

} // namespace

PreferencesDialog::PreferencesDialog(LocalOrchestrator& orchestrator, QWidget* parent)
    : QDialog(parent)
    , m_orchestrator(orchestrator)
{
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));
    setAccessibleName(tr("Preferences"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(orchestrationSection());
    layout->addWidget(notificationSection());
    layout->addWidget(appearanceSection());
    layout->addWidget(advancedSection());
    layout->addStretch(1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(QStringLiteral("preferencesButtons"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Enter commits the field being edited (everything applies at once); Escape closes.
    QPushButton* close = buttons->button(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("preferencesCloseButton"));
    close->setAutoDefault(false);
    close->setDefault(false);
    layout->addWidget(buttons);
    connect(&m_orchestrator, &LocalOrchestrator::changed, this,
            &PreferencesDialog::showOrchestrator);
    showOrchestrator();
    // As large as the wrapped texts need, growing when the inline message shows.
    layout->setSizeConstraint(QLayout::SetFixedSize);
}

QWidget* PreferencesDialog::orchestrationSection()
{
    auto* box = new QGroupBox(tr("Orchestration"), this);
    box->setObjectName(QStringLiteral("orchestrationGroup"));
    auto* layout = new QVBoxLayout(box);
    m_orchestrate = new QCheckBox(tr("&Orchestrate releases on this computer"), box);
    m_orchestrate->setObjectName(QStringLiteral("orchestrateCheck"));
    m_orchestrate->setAccessibleName(tr("Orchestrate releases on this computer"));
    connect(m_orchestrate, &QCheckBox::toggled, &m_orchestrator, &LocalOrchestrator::setEnabled);
    layout->addWidget(m_orchestrate);
    layout->addWidget(hint(tr("While the app runs it moves releases along, unless another "
                              "computer already does. Turn it off when a build host runs "
                              "releasedeck-cli orchestrate."),
                           box));
    return box;
}

QWidget* PreferencesDialog::notificationSection()
{
    auto* box = new QGroupBox(tr("Notify me when"), this);
    box->setObjectName(QStringLiteral("notificationsGroup"));
    auto* layout = new QVBoxLayout(box);
    const QList<std::tuple<NotificationKind, QString, QString>> kinds{
        {NotificationKind::ApprovalNeeded, QStringLiteral("notifyApprovalCheck"),
         tr("A release &awaits approval")},
        {NotificationKind::TaskFailed, QStringLiteral("notifyTaskFailedCheck"),
         tr("A &task fails")},
        {NotificationKind::ReleaseCompleted, QStringLiteral("notifyCompletedCheck"),
         tr("A release &completes")},
        {NotificationKind::ConnectionProblem, QStringLiteral("notifyConnectionCheck"),
         tr("A co&nnection turns invalid or expires")},
    };
    for (const auto& [kind, name, text] : kinds) {
        auto* check = new QCheckBox(text, box);
        check->setObjectName(name);
        check->setAccessibleName(QString(text).remove(QLatin1Char('&')));
        check->setChecked(DesktopSettings::notifies(kind));
        connect(check, &QCheckBox::toggled, this,
                [kind](bool on) { DesktopSettings::setNotifies(kind, on); });
        layout->addWidget(check);
    }
    layout->addWidget(hint(tr("Only for what others and the orchestrators do in your "
                              "workspaces while Release Deck runs; never for your own actions."),
                           box));
    return box;
}

QWidget* PreferencesDialog::appearanceSection()
{
    auto* box = new QGroupBox(tr("Appearance"), this);
    box->setObjectName(QStringLiteral("appearanceGroup"));
    auto* form = new QFormLayout(box);
    m_theme = new QComboBox(box);
    m_theme->setObjectName(QStringLiteral("themeCombo"));
    m_theme->setAccessibleName(tr("Theme"));
    m_theme->addItem(tr("Follow the system"), int(Appearance::System));
    m_theme->addItem(tr("Light"), int(Appearance::Light));
    m_theme->addItem(tr("Dark"), int(Appearance::Dark));
    m_theme->setCurrentIndex(m_theme->findData(int(DesktopSettings::appearance())));
    connect(m_theme, &QComboBox::activated, this, [this] {
        const auto chosen = Appearance(m_theme->currentData().toInt());
        DesktopSettings::setAppearance(chosen);
        Theme::apply(chosen);
    });
    auto* label = new QLabel(tr("T&heme:"), box);
    label->setBuddy(m_theme);
    form->addRow(label, m_theme);
    form->addRow(hint(tr("Following the system uses the colours your desktop gives "
                         "applications, light or dark, and changes with them."),
                      box));
    return box;
}

QWidget* PreferencesDialog::advancedSection()
{
    auto* box = new QGroupBox(tr("Advanced"), this);
    box->setObjectName(QStringLiteral("advancedGroup"));
    auto* form = new QFormLayout(box);
    m_tick = new QSpinBox(box);
    m_tick->setObjectName(QStringLiteral("tickIntervalSpin"));
    m_tick->setAccessibleName(tr("Tick interval"));
    m_tick->setRange(1, LargestTypedSeconds);
    m_tick->setSuffix(tr(" s"));
    // Applied when the person is done typing (Enter, Tab, the arrows), not at each digit.
    m_tick->setKeyboardTracking(false);
    m_tick->setValue(m_orchestrator.tickSeconds());
    connect(m_tick, &QSpinBox::valueChanged, this, &PreferencesDialog::applyTick);
    auto* label = new QLabel(tr("Orchestrator tick &interval:"), box);
    label->setBuddy(m_tick);
    form->addRow(label, m_tick);
    m_tickMessage = new FieldMessage(box);
    m_tickMessage->setObjectName(QStringLiteral("tickIntervalMessage"));
    m_tickMessage->setWordWrap(true);
    m_tickMessage->setMinimumWidth(fontMetrics().averageCharWidth() * HintChars);
    form->addRow(m_tickMessage);
    form->addRow(hint(tr("How often this computer's orchestrator looks for due work. "
                         "Shorter reacts sooner and asks the database more often."),
                      box));
    return box;
}

void PreferencesDialog::showOrchestrator()
{
    const QSignalBlocker blocker(m_orchestrate);
    m_orchestrate->setChecked(m_orchestrator.enabled());
}

void PreferencesDialog::applyTick(int seconds)
{
    const Status applied = m_orchestrator.setTickSeconds(seconds);
    m_tickMessage->showMessage(applied ? QString() : applied.error().message);
    m_tick->setAccessibleDescription(m_tickMessage->text());
}

} // namespace ReleaseDeck
