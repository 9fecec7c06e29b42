#include "CliRunner.h"

#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QTest>

using namespace ReleaseDeck::Test;

namespace {

// The man page's text as a reader sees it: roff's escaped hyphens and font changes gone.
QString plainRoff(QString line)
{
    line.replace(QLatin1String("\\-"), QLatin1String("-"));
    static const QRegularExpression fonts(QStringLiteral(R"(\\f[BIRP])"));
    line.remove(fonts);
    return line;
}

// The words that name each command in --help ("db migrate", "connection add"): the
// synopsis column's leading lower-case words.
QStringList commandsInHelp(const QString& help)
{
    QStringList commands;
    const QStringList lines =
        help.section(QLatin1String("\nCommands:\n"), 1).split(QLatin1Char('\n'));
    static const QRegularExpression words(
        QStringLiteral(R"(^  ([a-z][a-z-]*(?: [a-z][a-z-]*)*)(?: |$))"));
    for (const QString& line : lines) {
        if (line.isEmpty())
            break;
        const QRegularExpressionMatch match = words.match(line);
        if (match.hasMatch())
            commands.append(match.captured(1));
    }
    return commands;
}

QStringList flagsInHelp(const QString& help)
{
    QStringList flags;
    static const QRegularExpression flag(QStringLiteral(R"(^  (--[a-z][a-z0-9-]*))"),
                                         QRegularExpression::MultilineOption);
    for (QRegularExpressionMatchIterator it = flag.globalMatch(help); it.hasNext();)
        flags.append(it.next().captured(1));
    return flags;
}

} // namespace

// The man page (packaging/releasedeck-cli.1) against the program: every command --help
// lists has a section named by its words, every flag of that command's --help appears in
// its section, and every global option in GLOBAL OPTIONS.
class TestManPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QFile file(QStringLiteral(RELEASEDECK_MAN_PAGE));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        QString heading;
        const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
        for (const QString& raw : lines) {
            const QString line = plainRoff(raw);
            if (line.startsWith(QLatin1String(".SH "))) {
                heading = line.mid(4).remove(QLatin1Char('"'));
                continue;
            }
            if (line.startsWith(QLatin1String(".SS "))) {
                heading = commandWords(line.mid(4));
                m_commandSections.append(heading);
                continue;
            }
            m_sections[heading] += line + QLatin1Char('\n');
        }

        const CliRun help = m_cli.run({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        m_help = help.out;
        QVERIFY2(commandsInHelp(m_help).size() > 20, qPrintable(m_help));
    }

    void everyGlobalOptionIsDescribed()
    {
        const QString globals = m_help.section(QLatin1String("Global options:\n"), 1)
                                    .section(QLatin1String("\n\n"), 0, 0);
        const QStringList flags = flagsInHelp(globals);
        QVERIFY2(flags.contains(QLatin1String("--secrets")), qPrintable(globals));
        for (const QString& flag : flags)
            QVERIFY2(m_sections.value(QStringLiteral("GLOBAL OPTIONS")).contains(flag),
                     qPrintable(flag + QStringLiteral(" is not in GLOBAL OPTIONS")));
    }

    void everyCommandHasItsSection()
    {
        for (const QString& command : commandsInHelp(m_help))
            QVERIFY2(m_commandSections.contains(command),
                     qPrintable(QStringLiteral("no .SS section for '%1'").arg(command)));
    }

    void everySectionIsACommand()
    {
        const QStringList commands = commandsInHelp(m_help);
        for (const QString& section : std::as_const(m_commandSections))
            QVERIFY2(commands.contains(section),
                     qPrintable(QStringLiteral("'%1' is not a command of --help").arg(section)));
    }

    void everyFlagIsInItsCommandsSection()
    {
        int checked = 0;
        for (const QString& command : commandsInHelp(m_help)) {
            QStringList arguments = command.split(QLatin1Char(' '));
            arguments.append(QStringLiteral("--help"));
            const CliRun help = m_cli.run(arguments);
            QVERIFY2(help.exitCode == 0, qPrintable(command + help.err));
            const QString section = m_sections.value(command);
            for (const QString& flag : flagsInHelp(help.out)) {
                const QRegularExpression named(QRegularExpression::escape(flag) +
                                               QStringLiteral("(?![a-z0-9-])"));
                QVERIFY2(section.contains(named),
                         qPrintable(QStringLiteral("'%1 %2' is not in the man page's section %1")
                                        .arg(command, flag)));
                ++checked;
            }
        }
        QVERIFY2(checked > 60, qPrintable(QString::number(checked)));
    }

private:
    // ".SS connection verify [CATEGORY|ID]" names the command "connection verify".
    static QString commandWords(const QString& heading)
    {
        static const QRegularExpression words(
            QStringLiteral("^\"?([a-z][a-z-]*(?: [a-z][a-z-]*)*)"));
        return words.match(heading).captured(1);
    }

    CliRunner m_cli;
    QString m_help;
    QStringList m_commandSections;
    QHash<QString, QString> m_sections;
};

QTEST_GUILESS_MAIN(TestManPage)
#include "tst_manpage.moc"
