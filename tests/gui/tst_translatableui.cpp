#include "FakeConnectionBackend.h"
#include "MainWindow.h"
#include "ReleaseDetailSamples.h"
#include "ReleaseSamples.h"
#include "TranslationCatalogue.h"
#include "WizardDriver.h"
#include "activity/ActivityModel.h"
#include "activity/ActivityPage.h"
#include "connections/ConnectionTableModel.h"
#include "connections/ConnectionsPage.h"
#include "releases/DashboardPage.h"
#include "releases/NewReleaseDialog.h"
#include "releases/ReleaseFilterModel.h"
#include "releases/ReleasePage.h"
#include "releases/ReleaseTableModel.h"
#include "releases/ReleaseTaskModel.h"
#include "wizard/OnboardingWizard.h"
#include "wizard/WizardController.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QTreeView>
#include <QWizardPage>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

namespace {

// Translates exactly what lupdate finds in the UI's sources, and Qt's own texts, into
// "⟦text⟧". A text a person reads without the brackets did not go through tr(), or went
// through it under a context lupdate does not see, so no translator could ever reach it.
class PseudoTranslator : public QTranslator
{
public:
    explicit PseudoTranslator(QSet<QString> known)
        : m_known(std::move(known))
    {}

    bool isEmpty() const override { return false; }

    QString translate(const char* context, const char* sourceText, const char*, int) const override
    {
        const QString name = QString::fromUtf8(context);
        const QString source = QString::fromUtf8(sourceText);
        // Qt's own contexts (QWizard, QPlatformTheme…) are translated by Qt's catalogues.
        const bool qt = name.size() > 1 && name.at(0) == u'Q' && name.at(1).isUpper();
        if (qt || m_known.contains(name + u'\x1f' + source))
            return QStringLiteral("⟦") + source + QStringLiteral("⟧");
        return {};
    }

private:
    QSet<QString> m_known;
};

} // namespace

// Every text of the wizard and the main window goes through tr() under a context lupdate
// extracts: shown with a pseudo-translation, every one comes out translated.
class TestTranslatableUi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("ReleaseDeckTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_translatableui"));
        QSettings().clear();
        QTemporaryDir folder;
        const QString path = folder.filePath(QStringLiteral("everything.ts"));
        QString error;
        QVERIFY2(TranslationCatalogue::extract(path, {}, &error), qPrintable(error));
        QSet<QString> known;
        for (const CatalogueMessage& message : TranslationCatalogue::read(path, &error))
            known.insert(message.context + u'\x1f' + message.source);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(known.size() > 100);
        m_translator = std::make_unique<PseudoTranslator>(known);
        QCoreApplication::installTranslator(m_translator.get());
    }

    void theWizardIsTranslated()
    {
        FakeConnectionBackend backend;
        OnboardingWizard wizard(backend);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        collect(&wizard);
        type(&wizard, QStringLiteral("displayNameEdit"), QStringLiteral("x"));
        type(&wizard, QStringLiteral("emailEdit"), QStringLiteral("not an address"));
        collect(&wizard);
        type(&wizard, QStringLiteral("displayNameEdit"), QStringLiteral("Ana Lima"));
        type(&wizard, QStringLiteral("emailEdit"), QStringLiteral("ana@example.com"));
        type(&wizard, QStringLiteral("workspaceNameEdit"), QStringLiteral("Acme Mobile"));
        next(wizard, WizardController::DatabasePage);

        click(&wizard, QStringLiteral("sharedDatabaseRadio"));
        collect(&wizard);
        click(&wizard, QStringLiteral("localDatabaseRadio"));
        next(wizard, WizardController::SourceControlPage);

        type(&wizard, QStringLiteral("scmRepoUrlEdit"), QStringLiteral("http://example.com/x"));
        collect(&wizard);
        type(&wizard, QStringLiteral("scmRepoUrlEdit"),
             QStringLiteral("https://github.com/acme/app"));
        verify(wizard, QStringLiteral("scm"), QStringLiteral("fake-invalid-token"));
        verify(wizard, QStringLiteral("scm"), QStringLiteral("fake-token"));
        next(wizard, WizardController::ChatPage);

        verify(wizard, QStringLiteral("slack"), QStringLiteral("fake-token"));
        auto* channels = find<QListWidget>(&wizard, QStringLiteral("slackChannelList"));
        QTRY_VERIFY(channels->count() > 0);
        channels->setCurrentRow(0);
        next(wizard, WizardController::IssuesPage);

        type(&wizard, QStringLiteral("jiraSiteUrlEdit"),
             QStringLiteral("https://acme.atlassian.net"));
        type(&wizard, QStringLiteral("jiraProjectKeyAndroidEdit"), QStringLiteral("and"));
        verify(wizard, QStringLiteral("jira"), QStringLiteral("fake-expired-token"));
        click(&wizard, QStringLiteral("setUpLaterButton"));
        QTRY_COMPARE(wizard.currentId(), int(WizardController::CiPage));
        collect(&wizard);

        verify(wizard, QStringLiteral("ci"), QStringLiteral("fake-unreachable-token"));
        click(&wizard, QStringLiteral("setUpLaterButton"));
        QTRY_COMPARE(wizard.currentId(), int(WizardController::SummaryPage));
        collect(&wizard);
        report(100);
    }

    void theMainWindowIsTranslated()
    {
        FakeConnectionBackend backend;
        backend.workspaceList = {{1, QStringLiteral("Acme Mobile"), Role::Owner}};
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const auto& [id, provider, status] :
             {std::tuple{1, "github", VerificationStatus::Valid},
              std::tuple{2, "slack", VerificationStatus::Expired},
              std::tuple{3, "jira-cloud", VerificationStatus::Pending},
              std::tuple{4, "jenkins", VerificationStatus::Invalid}}) {
            ConnectionRow row;
            row.connection.id = id;
            row.connection.workspaceId = 1;
            row.connection.category = ConnectionCategory(id - 1);
            row.connection.provider = QString::fromLatin1(provider);
            row.connection.displayName = QStringLiteral("acme");
            row.connection.status = status;
            row.connection.lastVerifiedAt =
                status == VerificationStatus::Pending ? QDateTime() : now.addSecs(-180 * id);
            row.tokenOnThisMachine = id % 2 == 1;
            backend.rows.append(row);
        }
        backend.eventList = {{1, now.addSecs(-60), QStringLiteral("Ana Lima"),
                              QStringLiteral("connection.added"), QStringLiteral("acme")}};
        backend.currentStatus = {true, QStringLiteral("db.example.com"), false,
                                 QStringLiteral("acme"), false};
        FakeReleaseBackend& releases = backend.releaseFake();
        releases.summaries = sampleReleases(now);
        OrchestratorLease lease;
        lease.workspaceId = 1;
        lease.holder = QStringLiteral("orchestrator@build-01/77");
        lease.heartbeatAt = now.addSecs(-4);
        lease.expiresAt = now.addSecs(26);
        releases.lease = lease;
        MainWindow window(&backend);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // The dashboard, all of its releases in every state, and its empty state.
        QTRY_COMPARE(window.dashboardPage()->model()->rowCount(), 12);
        click(&window, QStringLiteral("allFilterButton"));
        QCOMPARE(window.dashboardPage()->filtered()->rowCount(), 12);
        collect(&window);
        type(&window, QStringLiteral("releaseSearchEdit"), QStringLiteral("9.9"));
        collect(&window);
        click(&window, QStringLiteral("completedFilterButton"));
        collect(&window);
        find<QLineEdit>(&window, QStringLiteral("releaseSearchEdit"))->clear();
        releases.orchestrator().setEnabled(false);
        releases.lease.reset();
        window.dashboardPage()->refresh();
        QTRY_VERIFY(window.findChild<QLabel*>(QStringLiteral("orchestratorStatusLabel"))
                        ->text()
                        .contains(u"No orchestrator"));
        collect(&window);
        window.showPage(MainWindow::ConnectionsPageIndex);
        QTRY_COMPARE(window.connectionsPage()->model()->rowCount(), 4);
        collect(&window);
        window.showPage(MainWindow::ActivityPageIndex);
        QTRY_COMPARE(window.activityPage()->model()->rowCount(), 1);
        collect(&window);
        // A release's page mid-regression with a failed task.
        releases.summaries.append(midRegressionSummary(now));
        releases.details.insert(10, midRegressionDetail(now));
        releases.change(midRegressionSummary(now));
        QSignalSpy shown(window.releasePage(), &ReleasePage::detailShown);
        window.openRelease(1, 10);
        QTRY_VERIFY(shown.size() >= 1);
        window.releasePage()->taskView()->setCurrentIndex(
            window.releasePage()->taskModel()->indexOfKey(QStringLiteral("task:CREATE_RC_TAG:2")));
        collect(&window);
        collectModel(QStringLiteral("release tasks"), window.releasePage()->taskModel());
        report(80);
    }

    void theNewReleaseDialogIsTranslated()
    {
        FakeConnectionBackend backend;
        FakeReleaseBackend& releases = backend.releaseFake();
        releases.summaries = sampleReleases(QDateTime::currentDateTimeUtc());
        releases.branchesError = Error::unavailable(QStringLiteral("GitHub did not answer."));
        NewReleaseDialog dialog(backend, 1);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTRY_VERIFY(!find<QLineEdit>(&dialog, QStringLiteral("versionEdit"))->text().isEmpty());
        QTRY_VERIFY(find<QLabel>(&dialog, QStringLiteral("trainNote"))->isVisible());
        collect(&dialog);
        // Every field's sentence: a taken version, no platform, a bad branch, a target
        // before kickoff, a slot after it; then a hotfix of an older release.
        type(&dialog, QStringLiteral("versionEdit"), QStringLiteral("2.4.0"));
        for (QCheckBox* box : dialog.findChildren<QCheckBox*>()) {
            if (box->objectName().startsWith(QLatin1String("platformCheck")))
                box->setChecked(false);
        }
        find<QComboBox>(&dialog, QStringLiteral("baseBranchCombo"))
            ->setEditText(QStringLiteral("my branch"));
        find<QCheckBox>(&dialog, QStringLiteral("targetCheck"))->setChecked(true);
        auto* kickoff = find<QDateTimeEdit>(&dialog, QStringLiteral("kickoffEdit"));
        find<QDateTimeEdit>(&dialog, QStringLiteral("targetEdit"))
            ->setDateTime(kickoff->dateTime().addSecs(-3600));
        click(&dialog, QStringLiteral("addSlotButton"));
        QTRY_VERIFY(find<QLabel>(&dialog, QStringLiteral("slotMessage1"))->isVisible());
        collect(&dialog);
        find<QComboBox>(&dialog, QStringLiteral("typeCombo"))->setCurrentIndex(1);
        auto* fixes = find<QComboBox>(&dialog, QStringLiteral("fixesCombo"));
        fixes->setCurrentIndex(fixes->count() - 1);
        type(&dialog, QStringLiteral("versionEdit"), QStringLiteral("9.9.9"));
        collect(&dialog);
        report(40);
    }

private:
    void next(QWizard& wizard, int page)
    {
        collect(&wizard);
        QTRY_VERIFY(find<QPushButton>(&wizard, QStringLiteral("nextButton"))->isEnabled());
        click(&wizard, QStringLiteral("nextButton"));
        QTRY_COMPARE(wizard.currentId(), page);
        collect(&wizard);
    }

    // Verifies with token and records what the page says while and after it verifies.
    void verify(QWizard& wizard, const QString& prefix, const QString& token)
    {
        type(&wizard, prefix + QStringLiteral("TokenEdit"), token);
        click(&wizard, prefix + QStringLiteral("VerifyButton"));
        collect(&wizard);
        auto* outcome = find<QLabel>(&wizard, prefix + QStringLiteral("OutcomeLabel"));
        QTRY_VERIFY(
            !outcome->text().isEmpty() &&
            find<QAbstractButton>(&wizard, prefix + QStringLiteral("VerifyButton"))->isEnabled());
        collect(&wizard);
    }

    // Every text a person can read on root and its children, where the text is ours: what
    // the fake backend answers ("acme", branch and channel names) is data, and so is what
    // was typed.
    void collect(QWidget* root)
    {
        QList<QWidget*> widgets = root->findChildren<QWidget*>();
        widgets.prepend(root);
        for (QWidget* widget : std::as_const(widgets)) {
            if (!widget->isVisible())
                continue;
            const QString where = widget->objectName().isEmpty()
                                      ? QString::fromLatin1(widget->metaObject()->className())
                                      : widget->objectName();
            if (widget->isWindow())
                check(where + QStringLiteral(" title"), widget->windowTitle());
            check(where + QStringLiteral(" tooltip"), widget->toolTip());
            check(where + QStringLiteral(" accessible name"), widget->accessibleName());
            check(where + QStringLiteral(" accessible description"),
                  widget->accessibleDescription());
            if (auto* label = qobject_cast<QLabel*>(widget))
                check(where, label->text());
            if (auto* button = qobject_cast<QAbstractButton*>(widget))
                check(where, button->text());
            if (auto* button = qobject_cast<QPushButton*>(widget); button && button->menu())
                collectActions(where, button->menu()->actions());
            if (auto* edit = qobject_cast<QLineEdit*>(widget))
                check(where + QStringLiteral(" placeholder"), edit->placeholderText());
            if (auto* group = qobject_cast<QGroupBox*>(widget))
                check(where, group->title());
            if (auto* page = qobject_cast<QWizardPage*>(widget)) {
                check(where + QStringLiteral(" title"), page->title());
                check(where + QStringLiteral(" subtitle"), page->subTitle());
            }
            if (auto* combo = qobject_cast<QComboBox*>(widget);
                combo && !combo->isEditable() && !isDataList(combo->objectName())) {
                for (int i = 0; i < combo->count(); ++i)
                    check(where, combo->itemText(i));
            }
            if (auto* list = qobject_cast<QListWidget*>(widget);
                list && !isDataList(list->objectName())) {
                for (int i = 0; i < list->count(); ++i)
                    check(where, list->item(i)->text());
            }
            if (auto* view = qobject_cast<QAbstractItemView*>(widget);
                view && view->model() && !qobject_cast<QComboBox*>(widget->parentWidget()) &&
                !qobject_cast<QListWidget*>(widget) && !qobject_cast<QHeaderView*>(widget))
                collectModel(where, view->model());
            if (auto* bar = qobject_cast<QMenuBar*>(widget))
                collectActions(where, bar->actions());
        }
    }

    void collectModel(const QString& where, const QAbstractItemModel* model,
                      const QModelIndex& parent = {})
    {
        if (!parent.isValid()) {
            for (int column = 0; column < model->columnCount(); ++column)
                check(where + QStringLiteral(" header"),
                      model->headerData(column, Qt::Horizontal).toString());
        }
        // Every row, and the rows under it in a tree.
        for (int row = 0; row < model->rowCount(parent); ++row) {
            for (int column = 0; column < model->columnCount(parent); ++column) {
                const QModelIndex index = model->index(row, column, parent);
                for (int role :
                     {int(Qt::DisplayRole), int(Qt::ToolTipRole), int(Qt::AccessibleTextRole)})
                    check(where + QStringLiteral(" cell"), index.data(role).toString());
            }
            collectModel(where, model, model->index(row, 0, parent));
        }
    }

    void collectActions(const QString& where, const QList<QAction*>& actions)
    {
        for (QAction* action : actions) {
            if (action->isSeparator())
                continue;
            check(where + QStringLiteral(" action"), action->text());
            check(where + QStringLiteral(" action tooltip"), action->toolTip());
            if (action->menu())
                collectActions(where, action->menu()->actions());
        }
    }

    // Lists filled from the provider: branches, channels, workflows, workspaces.
    static bool isDataList(const QString& name)
    {
        return name.endsWith(QLatin1String("BranchCombo")) ||
               name.endsWith(QLatin1String("ChannelList")) ||
               name.startsWith(QLatin1String("ciWorkflow")) ||
               name.startsWith(QLatin1String("ciJob")) || name == u"workspaceCombo";
    }

    void check(const QString& where, const QString& text)
    {
        static const QSet<QString> data = {
            QStringLiteral("acme"), QStringLiteral("Ana Lima"), QStringLiteral("connection.added"),
            QStringLiteral("Acme Mobile"), QStringLiteral("db.example.com"),
            QStringLiteral("Bo Chen"), QStringLiteral("Chidi Okafor"), QStringLiteral("Dana Ruiz"),
            // A task's last error, stored as it happened.
            QStringLiteral("GitHub refused to create the tag: the "
                           "token may not write to acme/app."),
            QStringLiteral("No test management connection.")};
        const QString trimmed = text.trimmed();
        if (trimmed.contains(u'⟦'))
            m_translated.insert(trimmed);
        if (trimmed.isEmpty() || data.contains(trimmed) || trimmed.contains(u'⟦'))
            return;
        // Numbers, dates and punctuation carry no words to translate.
        if (std::none_of(trimmed.cbegin(), trimmed.cend(), [](QChar c) { return c.isLetter(); }))
            return;
        // Exact times ("2025-03-12 14:05:00 UTC") are numbers and a zone name.
        static const QRegularExpression exactTime(QStringLiteral("^\\d{4}-\\d\\d-\\d\\d "));
        if (exactTime.match(trimmed).hasMatch())
            return;
        // Dates older than a month are the locale's own short date ("2 Nov 2025").
        if (QLocale().toDate(trimmed, QLocale::ShortFormat).isValid())
            return;
        m_untranslated.insert(QStringLiteral("%1: \"%2\"").arg(where, trimmed));
    }

    void report(qsizetype minimumSeen)
    {
        QStringList lines(m_untranslated.cbegin(), m_untranslated.cend());
        lines.sort();
        m_untranslated.clear();
        // One line each: a single message would be cut short.
        for (const QString& line : std::as_const(lines))
            qWarning().noquote() << "not translatable:" << line;
        QVERIFY2(lines.isEmpty(),
                 qPrintable(QStringLiteral("%1 texts are not translatable").arg(lines.size())));
        // The walk really read the windows: this many different translated texts at least.
        QVERIFY2(m_translated.size() >= minimumSeen,
                 qPrintable(QString::number(m_translated.size())));
        m_translated.clear();
    }

    std::unique_ptr<PseudoTranslator> m_translator;
    QSet<QString> m_untranslated;
    QSet<QString> m_translated;
};

QTEST_MAIN(TestTranslatableUi)
#include "tst_translatableui.moc"
