#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QString& program, const QStringList& arguments,
        const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    if (!process.waitForFinished(60000))
        return {
            -1, {}, QStringLiteral("%1 did not finish: %2").arg(program, process.errorString())};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

const QString AppId = QStringLiteral("io.releasedeck.ReleaseDeck");
const QList<int> IconSizes = {16, 24, 32, 48, 64, 128, 256};

} // namespace

// The .deb that `cpack -G DEB` made from this build tree (the package_deb fixture): what it
// holds, its control fields, and, unpacked into a temporary root, that its programs run on
// the system's libraries, its icons are drawn, its service unit verifies and its bash
// completion completes.
class TestDebPackage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(m_deb), qPrintable(m_deb + QStringLiteral(" is missing")));
        QVERIFY(m_root.isValid());
        const Run unpacked =
            run(QStringLiteral("dpkg-deb"), {QStringLiteral("-x"), m_deb, m_root.path()});
        QVERIFY2(unpacked.exitCode == 0, qPrintable(unpacked.err));
    }

    void holdsExactlyTheFilesItMust()
    {
        const Run listed = run(QStringLiteral("dpkg-deb"), {QStringLiteral("-c"), m_deb});
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.err));
        QStringList files;
        for (const QString& line : listed.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const QStringList fields = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            QVERIFY2(fields.size() >= 6 && fields.at(1) == QLatin1String("root/root"),
                     qPrintable(line));
            if (!line.startsWith(QLatin1Char('-')))
                continue;
            files.append(fields.last());
            const bool program = fields.last().startsWith(QLatin1String("./usr/bin/"));
            QVERIFY2(fields.first() == QLatin1String(program ? "-rwxr-xr-x" : "-rw-r--r--"),
                     qPrintable(line));
        }
        QStringList expected = {
            QStringLiteral("./usr/bin/releasedeck"),
            QStringLiteral("./usr/bin/releasedeck-cli"),
            QStringLiteral("./usr/lib/systemd/user/releasedeck-orchestrator.service"),
            QStringLiteral("./usr/share/applications/%1.desktop").arg(AppId),
            QStringLiteral("./usr/share/bash-completion/completions/releasedeck-cli"),
            QStringLiteral("./usr/share/doc/releasedeck/copyright"),
            QStringLiteral("./usr/share/icons/hicolor/scalable/apps/%1.svg").arg(AppId),
            QStringLiteral("./usr/share/man/man1/releasedeck-cli.1.gz"),
            QStringLiteral("./usr/share/metainfo/%1.metainfo.xml").arg(AppId),
        };
        for (int size : IconSizes)
            expected.append(
                QStringLiteral("./usr/share/icons/hicolor/%1x%1/apps/%2.png").arg(size).arg(AppId));
        files.sort();
        expected.sort();
        QCOMPARE(files, expected);
    }

    void controlFieldsNameItsDependencies()
    {
        const Run fields =
            run(QStringLiteral("dpkg-deb"),
                {QStringLiteral("-f"), m_deb, QStringLiteral("Package"), QStringLiteral("Version"),
                 QStringLiteral("Architecture"), QStringLiteral("Section"),
                 QStringLiteral("Depends"), QStringLiteral("Recommends")});
        QVERIFY2(fields.exitCode == 0, qPrintable(fields.err));
        QHash<QString, QString> control;
        for (const QString& line : fields.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            control.insert(line.section(QLatin1String(": "), 0, 0),
                           line.section(QLatin1String(": "), 1));
        QCOMPARE(control.value(QStringLiteral("Package")), QStringLiteral("releasedeck"));
        QCOMPARE(control.value(QStringLiteral("Version")), QStringLiteral(RELEASEDECK_VERSION));
        QCOMPARE(control.value(QStringLiteral("Architecture")), QStringLiteral("amd64"));
        QCOMPARE(control.value(QStringLiteral("Section")), QStringLiteral("utils"));
        QCOMPARE(control.value(QStringLiteral("Recommends")),
                 QStringLiteral("libqt6sql6-mysql, gnome-keyring"));
        const QStringList depends =
            control.value(QStringLiteral("Depends")).split(QStringLiteral(", "));
        // The plugins loaded at run time, then what dpkg-shlibdeps found in the programs.
        for (const char* package :
             {"libqt6sql6-sqlite", "libqt6svg6", "libqt6core6", "libqt6widgets6", "libqt6sql6",
              "libqt6network6", "libqt6keychain1", "libc6"}) {
            const QRegularExpression named(
                QStringLiteral("^%1( \\(.*\\))?$").arg(QLatin1String(package)));
            QVERIFY2(
                !depends.filter(named).isEmpty(),
                qPrintable(QStringLiteral("%1 not in Depends: %2")
                               .arg(QLatin1String(package), depends.join(QStringLiteral(", ")))));
        }
    }

    // Every version gets its <release> entry, newest first, before it ships.
    void metainfoListsThisVersionsRelease()
    {
        QFile metainfo(
            m_root.filePath(QStringLiteral("usr/share/metainfo/%1.metainfo.xml").arg(AppId)));
        QVERIFY(metainfo.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&metainfo);
        QString newest;
        while (newest.isEmpty() && !xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == QLatin1String("release"))
                newest = xml.attributes().value(QLatin1String("version")).toString();
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(newest, QStringLiteral(RELEASEDECK_VERSION));
    }

    void unpackedProgramsRunOnTheSystemLibraries()
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        environment.remove(QStringLiteral("LD_LIBRARY_PATH"));
        for (const QString& program :
             {QStringLiteral("releasedeck-cli"), QStringLiteral("releasedeck")}) {
            const Run version = run(m_root.filePath(QStringLiteral("usr/bin/") + program),
                                    {QStringLiteral("--version")}, environment);
            QVERIFY2(version.exitCode == 0, qPrintable(program + version.err));
            QCOMPARE(version.out, program + QStringLiteral(" " RELEASEDECK_VERSION "\n"));
        }
    }

    void iconsAreDrawnAtEverySize()
    {
        for (int size : IconSizes) {
            const QString file = m_root.filePath(
                QStringLiteral("usr/share/icons/hicolor/%1x%1/apps/%2.png").arg(size).arg(AppId));
            const QImage icon(file);
            QVERIFY2(!icon.isNull(), qPrintable(file));
            QCOMPARE(icon.size(), QSize(size, size));
            QCOMPARE(qAlpha(icon.pixel(0, 0)), 0);                 // the rounded corner
            QCOMPARE(qAlpha(icon.pixel(size / 2, size / 2)), 255); // the mark
        }
    }

    // systemd-analyze cannot verify a user unit under --root, so it verifies a copy whose
    // ExecStart names the unpacked program instead of /usr/bin's: the only line changed.
    // MANPATH lets it find the unpacked man page that Documentation= names.
    void serviceUnitVerifies()
    {
        QFile unit(m_root.filePath(
            QStringLiteral("usr/lib/systemd/user/releasedeck-orchestrator.service")));
        QVERIFY(unit.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(unit.readAll());
        const QString execStart = QStringLiteral(
            "\nExecStart=/usr/bin/releasedeck-cli --secrets credentials-dir orchestrate\n");
        QVERIFY2(text.contains(execStart), qPrintable(text));
        QVERIFY(text.contains(QLatin1String("\nRestart=on-failure\n")));

        QTemporaryDir runtime;
        QVERIFY(runtime.isValid());
        QString copy = text;
        copy.replace(QLatin1String("\nExecStart=/usr/bin/"),
                     QStringLiteral("\nExecStart=%1/usr/bin/").arg(m_root.path()));
        const QString copyPath =
            runtime.filePath(QStringLiteral("releasedeck-orchestrator.service"));
        QFile copied(copyPath);
        QVERIFY(copied.open(QIODevice::WriteOnly));
        copied.write(copy.toUtf8());
        copied.close();

        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime.path());
        environment.insert(QStringLiteral("MANPATH"),
                           m_root.filePath(QStringLiteral("usr/share/man")));
        const Run verified =
            run(QStringLiteral("systemd-analyze"),
                {QStringLiteral("--user"), QStringLiteral("verify"), copyPath}, environment);
        QVERIFY2(verified.exitCode == 0 && verified.out.isEmpty() && verified.err.isEmpty(),
                 qPrintable(verified.out + verified.err));
    }

    void bashCompletionCompletesFromHelp_data()
    {
        QTest::addColumn<QStringList>("words");
        QTest::addColumn<QString>("completions");
        QTest::newRow("command") << QStringList{QStringLiteral("orch")}
                                 << QStringLiteral("orchestrate");
        QTest::newRow("second word") << QStringList{QStringLiteral("release"), QStringLiteral("ap")}
                                     << QStringLiteral("approve");
        QTest::newRow("after a global option")
            << QStringList{QStringLiteral("--secrets"), QStringLiteral("credentials-dir"),
                           QStringLiteral("orchestrate"), QStringLiteral("--d")}
            << QStringLiteral("--dry-run");
        QTest::newRow("secret stores") << QStringList{QStringLiteral("--secrets"), QString()}
                                       << QStringLiteral("keychain credentials-dir");
    }

    void bashCompletionCompletesFromHelp()
    {
        QFETCH(QStringList, words);
        QFETCH(QString, completions);
        QStringList arguments = {
            QStringLiteral("--norc"),
            QStringLiteral("-c"),
            QStringLiteral("source \"$1\"; shift; COMP_WORDS=(\"$@\"); COMP_CWORD=$(($# - 1)); "
                           "_releasedeck_cli; echo \"${COMPREPLY[*]}\""),
            QStringLiteral("bash"),
            m_root.filePath(
                QStringLiteral("usr/share/bash-completion/completions/releasedeck-cli")),
            m_root.filePath(QStringLiteral("usr/bin/releasedeck-cli"))};
        arguments.append(words);
        const Run completed = run(QStringLiteral("bash"), arguments);
        QVERIFY2(completed.exitCode == 0, qPrintable(completed.err));
        QCOMPARE(completed.out.trimmed(), completions);
    }

private:
    const QString m_deb = QStringLiteral(RELEASEDECK_DEB_FILE);
    QTemporaryDir m_root;
};

QTEST_GUILESS_MAIN(TestDebPackage)
#include "tst_debpackage.moc"
