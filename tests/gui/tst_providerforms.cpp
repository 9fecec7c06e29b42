#include "FakeConnectionBackend.h"
#include "Screenshots.h"
#include "providers/ProviderRegistry.h"
#include "wizard/ConnectionPage.h"
#include "wizard/ConnectionStep.h"

#include <QApplication>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QTest>

#include <memory>

using namespace ReleaseDeck;
using ReleaseDeck::Test::FakeConnectionBackend;

namespace {

// "projectKey.ANDROID" → "ProjectKeyAndroid", as widgets are named.
QString namePart(const QString& key)
{
    QString part;
    for (const QString& word : key.split(u'.')) {
        const QStringList pieces = word.split(u'_');
        for (const QString& piece : pieces) {
            const bool allCaps = piece == piece.toUpper();
            part += piece.left(1).toUpper() + (allCaps ? piece.mid(1).toLower() : piece.mid(1));
        }
    }
    return part;
}

QString visibleText(const QWidget* widget)
{
    if (const auto* label = qobject_cast<const QLabel*>(widget))
        return label->text();
    if (const auto* group = qobject_cast<const QGroupBox*>(widget))
        return group->title();
    return {};
}

// Whether the page shows a label or group titled like the field ("&Owner:" for "Owner").
bool showsTitle(QWidget* page, const QString& title)
{
    const QList<QWidget*> widgets = page->findChildren<QWidget*>();
    return std::any_of(widgets.cbegin(), widgets.cend(), [page, &title](QWidget* widget) {
        QString text = visibleText(widget);
        text.remove(u'&');
        if (text.endsWith(u':'))
            text.chop(1);
        return text == title && widget->isVisibleTo(page);
    });
}

} // namespace

// Every connection form is made from the registry: each provider is offered, each of its
// fields the forms show has a visible input, and nothing of another provider shows.
class TestProviderForms : public QObject
{
    Q_OBJECT

private slots:
    void everyProviderFieldHasItsInput_data()
    {
        QTest::addColumn<QString>("provider");
        // The wizard offers every provider but the sandbox's simulated ones.
        for (const QString& id : ProviderRegistry::builtIn().providerIds()) {
            if (!ProviderRegistry::builtIn().isSimulated(id))
                QTest::newRow(qPrintable(id)) << id;
        }
    }

    void everyProviderFieldHasItsInput()
    {
        QFETCH(QString, provider);
        const ProviderInfo* info = ProviderRegistry::builtIn().find(provider);
        FakeConnectionBackend backend;
        ConnectionStep step(info->category, backend);
        std::unique_ptr<ConnectionPage> page(ConnectionPage::create(step));
        const QString prefix = page->objectName().chopped(4); // "scmPage" → "scm"

        if (auto* choice = page->findChild<QComboBox*>(prefix + QStringLiteral("ProviderCombo")))
            QVERIFY2(choice->findData(provider) >= 0, "the provider is not offered");
        step.setProvider(provider);
        QCOMPARE(step.provider(), provider);

        QStringList own;
        for (const ProviderField& field : info->fields) {
            const QStringList keys =
                field.isMap() ? QStringList(field.members()) : QStringList{QString()};
            for (const QString& member : keys) {
                const QString key = field.formKey(member);
                own << key;
                auto* input = page->findChild<QWidget*>(prefix + namePart(key) +
                                                        (field.isPicked() ? u"Combo" : u"Edit"));
                if (!field.inForms) {
                    QVERIFY2(!input || !input->isVisibleTo(page.get()), qPrintable(key));
                    continue;
                }
                if (!field.isPicked() || field.isMap())
                    QVERIFY2(input && input->isVisibleTo(page.get()), qPrintable(key));
            }
            if (field.inForms)
                QVERIFY2(showsTitle(page.get(), field.label), qPrintable(field.label));
        }
        // The fields of the category's other providers are hidden.
        for (const QString& other : ProviderRegistry::builtIn().providerIds(info->category)) {
            for (const ProviderField& field : ProviderRegistry::builtIn().find(other)->fields) {
                if (field.isMap() || field.isPicked() || own.contains(field.formKey()))
                    continue;
                auto* input = page->findChild<QLineEdit*>(prefix + namePart(field.formKey()) +
                                                          QStringLiteral("Edit"));
                QVERIFY2(!input || !input->isVisibleTo(page.get()), qPrintable(field.formKey()));
            }
        }
    }

    // The pages no wizard test walks through: GitLab, Bitbucket and Jenkins.
    void screenshots()
    {
        FakeConnectionBackend backend;
        const auto shoot = [&backend](ConnectionCategory category, const QString& provider,
                                      const QString& name) {
            ConnectionStep step(category, backend);
            std::unique_ptr<ConnectionPage> page(ConnectionPage::create(step));
            step.setProvider(provider);
            step.verify(); // every required field says what it needs
            page->resize(720, 560);
            page->show();
            QVERIFY(QTest::qWaitForWindowExposed(page.get()));
            Test::saveScreenshot(page.get(), name);
        };
        shoot(ConnectionCategory::Scm, QStringLiteral("gitlab"), QStringLiteral("form-gitlab"));
        shoot(ConnectionCategory::Scm, QStringLiteral("bitbucket"),
              QStringLiteral("form-bitbucket"));
        shoot(ConnectionCategory::Ci, QStringLiteral("jenkins"), QStringLiteral("form-jenkins"));
        Test::useDarkPalette();
        shoot(ConnectionCategory::Ci, QStringLiteral("jenkins"),
              QStringLiteral("form-jenkins-dark"));
    }
};

QTEST_MAIN(TestProviderForms)
#include "tst_providerforms.moc"
