#include "wizard/ConnectionPage.h"

#include "widgets/BusyIndicator.h"
#include "widgets/FieldMessage.h"
#include "wizard/CiPage.h"
#include "wizard/ConnectionRules.h"
#include "wizard/ConnectionStep.h"
#include "wizard/JiraPage.h"
#include "wizard/ScmPage.h"
#include "wizard/SlackPage.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace ReleaseDeck {

namespace {

// "apiUrl" → "ApiUrl", "projectKey.ANDROID" → "ProjectKeyAndroid", for object names.
QString capitalized(const QString& text)
{
    QString result;
    bool wordStart = true;
    bool previousUpper = false;
    for (const QChar c : text) {
        if (c == u'.' || c == u'_' || c == u'-') {
            wordStart = true;
            continue;
        }
        result += wordStart ? c.toUpper() : (previousUpper ? c.toLower() : c);
        previousUpper = c.isUpper();
        wordStart = false;
    }
    return result;
}

} // namespace

ConnectionPage::ConnectionPage(ConnectionStep& step, const QString& namePrefix, QWidget* parent)
    : QWizardPage(parent)
    , m_step(step)
    , m_prefix(namePrefix)
    , m_categoryFields(ConnectionRules::formFields(step.category()))
    , m_form(new QFormLayout)
{
    setObjectName(namePrefix + QStringLiteral("Page"));
    m_form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    m_form->setVerticalSpacing(6);
    // The wizard's own buttons: Next, Back, Verify and every page's Token field.
    for (const char16_t letter : {u'n', u'b', u'v', u't'})
        m_mnemonics.insert(QChar(letter));
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addStretch(1);
    connect(&step, &ConnectionStep::changed, this, [this] {
        render();
        emit completeChanged();
    });
}

ConnectionPage* ConnectionPage::create(ConnectionStep& step, QWidget* parent)
{
    switch (step.category()) {
    case ConnectionCategory::Chat:
        return new SlackPage(step, parent);
    case ConnectionCategory::Issues:
        return new JiraPage(step, parent);
    case ConnectionCategory::Ci:
        return new CiPage(step, parent);
    case ConnectionCategory::Scm:
    case ConnectionCategory::Tests:
    case ConnectionCategory::Store:
        break;
    }
    return new ScmPage(step, parent);
}

bool ConnectionPage::isComplete() const
{
    return m_step.isComplete() && !m_step.busy();
}

QComboBox* ConnectionPage::addProviderChoice(const QString& label)
{
    m_provider = new QComboBox(this);
    m_provider->setObjectName(objectNameFor(QStringLiteral("provider")) + QStringLiteral("Combo"));
    m_provider->setAccessibleName(tr("Provider"));
    for (const auto& provider : ConnectionRules::providers(m_step.category()))
        m_provider->addItem(provider.name, provider.id);
    reserveMnemonic(label);
    m_form->addRow(label, m_provider);
    connect(m_provider, &QComboBox::activated, this,
            [this](int index) { m_step.setProvider(m_provider->itemData(index).toString()); });
    return m_provider;
}

QLineEdit* ConnectionPage::addField(const QString& key, const QString& label,
                                    const QString& placeholder)
{
    QString accessible = label;
    accessible.remove(u'&');
    accessible.remove(u':');
    FieldMessage* message = nullptr;
    QLineEdit* edit = makeField(key, accessible, placeholder, &message);
    reserveMnemonic(label);
    m_form->addRow(label, edit);
    m_form->addRow(QString(), message);
    return edit;
}

QLineEdit* ConnectionPage::makeField(const QString& key, const QString& accessibleName,
                                     const QString& placeholder, FieldMessage** message)
{
    auto* edit = new QLineEdit(this);
    edit->setObjectName(objectNameFor(key) + QStringLiteral("Edit"));
    edit->setPlaceholderText(placeholder);
    edit->setAccessibleName(accessibleName);
    *message = new FieldMessage(this);
    (*message)->setObjectName(objectNameFor(key) + QStringLiteral("Message"));
    if (key == u"token") {
        edit->setEchoMode(QLineEdit::Password);
        connect(edit, &QLineEdit::textEdited, this,
                [this](const QString& text) { m_step.setToken(text); });
        // Enter in the token field verifies; once verified it moves on like Next.
        connect(edit, &QLineEdit::returnPressed, this, [this] {
            if (m_step.state() != ConnectionStep::State::Valid)
                m_step.verify();
        });
    } else if (key == u"repoUrl") {
        edit->setClearButtonEnabled(true);
        connect(edit, &QLineEdit::textChanged, this,
                [this](const QString& text) { m_step.setRepositoryUrl(text); });
    } else {
        connect(edit, &QLineEdit::textEdited, this,
                [this, key](const QString& text) { m_step.setField(key, text); });
    }
    m_fields.append({key, edit, *message});
    return edit;
}

QLineEdit* ConnectionPage::addTokenField(const QString& label, const QString& placeholder)
{
    return addField(QStringLiteral("token"), label, placeholder);
}

void ConnectionPage::addProviderFields()
{
    for (const ProviderField& field : m_categoryFields) {
        if (field.isMap() || field.isPicked())
            continue;
        addField(field.formKey(), formLabel(field.shownLabel()), field.shownPlaceholder());
        m_providerFields.append(field);
    }
}

QList<ProviderField> ConnectionPage::mapFields() const
{
    QList<ProviderField> maps;
    for (const ProviderField& field : m_categoryFields) {
        if (field.isMap())
            maps.append(field);
    }
    return maps;
}

const ProviderField& ConnectionPage::pickedField(FieldChoices list) const
{
    return *std::find_if(m_categoryFields.cbegin(), m_categoryFields.cend(),
                         [list](const ProviderField& field) { return field.pickedFrom == list; });
}

std::optional<ProviderField> ConnectionPage::providerField(const QString& fieldKey) const
{
    for (const ProviderField& field : ConnectionRules::formFields(m_step.provider())) {
        if (field.key == fieldKey)
            return field;
    }
    return std::nullopt;
}

QString ConnectionPage::formLabel(const QString& label)
{
    for (qsizetype i = 0; i < label.size(); ++i) {
        const QChar letter = label.at(i).toLower();
        if (letter.isLetter() && !m_mnemonics.contains(letter)) {
            m_mnemonics.insert(letter);
            return label.left(i) + u'&' + label.mid(i) + u':';
        }
    }
    return label + u':';
}

void ConnectionPage::reserveMnemonic(const QString& label)
{
    const qsizetype amp = label.indexOf(u'&');
    if (amp >= 0 && amp + 1 < label.size())
        m_mnemonics.insert(label.at(amp + 1).toLower());
}

void ConnectionPage::addVerifyRow()
{
    m_verify = new QPushButton(tr("&Verify"), this);
    m_verify->setObjectName(objectNameFor(QStringLiteral("verify")) + QStringLiteral("Button"));
    m_verify->setAutoDefault(false);
    m_busy = new BusyIndicator(this);
    m_busy->setObjectName(objectNameFor(QStringLiteral("verify")) + QStringLiteral("Busy"));
    m_outcome = new FieldMessage(this);
    m_outcome->setObjectName(objectNameFor(QStringLiteral("outcome")) + QStringLiteral("Label"));
    m_outcome->setWordWrap(true);
    m_outcome->setAccessibleName(tr("Verification outcome"));
    auto* row = new QHBoxLayout;
    row->addWidget(m_verify);
    row->addWidget(m_busy);
    row->addWidget(m_outcome, 1);
    m_form->addRow(QString(), row);
    connect(m_verify, &QPushButton::clicked, this, [this] { m_step.verify(); });
}

QWidget* ConnectionPage::verifyButton() const
{
    return m_verify;
}

void ConnectionPage::setFieldShown(const QString& key, bool shown)
{
    for (const BoundField& field : std::as_const(m_fields)) {
        if (field.key != key || m_form->indexOf(field.edit) < 0)
            continue;
        m_form->setRowVisible(field.edit, shown);
        m_form->setRowVisible(field.message, shown && !field.message->text().isEmpty());
    }
}

QString ConnectionPage::objectNameFor(const QString& part) const
{
    return m_prefix + capitalized(part);
}

void ConnectionPage::render()
{
    if (m_provider) {
        const int index = m_provider->findData(m_step.provider());
        if (index != m_provider->currentIndex())
            m_provider->setCurrentIndex(index);
        m_provider->setEnabled(!m_step.busy());
    }
    for (const ProviderField& field : std::as_const(m_providerFields)) {
        const std::optional<ProviderField> own = providerField(field.key);
        setFieldShown(field.formKey(), own.has_value());
        auto* edit = findChild<QLineEdit*>(objectNameFor(field.formKey()) + u"Edit");
        if (own && edit)
            edit->setPlaceholderText(own->shownPlaceholder());
    }
    for (const BoundField& field : std::as_const(m_fields)) {
        const QString value = field.key == u"token"     ? m_step.token()
                              : field.key == u"repoUrl" ? m_step.repositoryUrl()
                                                        : m_step.field(field.key);
        if (field.edit->text() != value && !field.edit->hasFocus())
            field.edit->setText(value);
        const QString error = m_step.fieldError(field.key);
        field.message->showMessage(error);
        if (m_form->indexOf(field.edit) >= 0)
            m_form->setRowVisible(field.message,
                                  m_form->isRowVisible(field.edit) && !error.isEmpty());
    }
    if (!m_verify)
        return;
    m_verify->setEnabled(!m_step.busy());
    m_busy->setBusy(m_step.busy());
    const QString message = m_step.message();
    switch (m_step.state()) {
    case ConnectionStep::State::Valid:
        m_outcome->showMessage(tr("Valid — %1").arg(message), FieldMessage::Tone::Success);
        break;
    case ConnectionStep::State::Invalid:
        m_outcome->showMessage(tr("Invalid — %1").arg(message), FieldMessage::Tone::Error);
        break;
    case ConnectionStep::State::Expired:
        m_outcome->showMessage(tr("Expired — %1").arg(message), FieldMessage::Tone::Warning);
        break;
    case ConnectionStep::State::Unreachable:
        m_outcome->showMessage(tr("Not verified — %1").arg(message), FieldMessage::Tone::Warning);
        break;
    case ConnectionStep::State::Verifying:
    case ConnectionStep::State::Unverified:
        m_outcome->showMessage(m_step.skipped() ? tr("You chose to set this up later.") : message,
                               FieldMessage::Tone::Neutral);
        break;
    }
}

} // namespace ReleaseDeck
