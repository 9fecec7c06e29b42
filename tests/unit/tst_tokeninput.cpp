#include "logging/Redactor.h"
#include "secrets/TokenInput.h"

#include <QBuffer>
#include <QTest>

using namespace ReleaseDeck;

namespace {

Result<QString> readToken(const QByteArray& bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    return readTokenFrom(buffer);
}

Result<QString> readPassword(const QByteArray& bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    return readPasswordFrom(buffer);
}

} // namespace

// `connection add --token-stdin` reads the token with readTokenFrom(), `db login
// --password-stdin` the password with readPasswordFrom().
class TestTokenInput : public QObject
{
    Q_OBJECT

private slots:
    void trimsSurroundingWhitespace_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::newRow("bare") << QByteArray("rd-test-token-1234");
        QTest::newRow("newline") << QByteArray("rd-test-token-1234\n");
        QTest::newRow("crlf") << QByteArray("rd-test-token-1234\r\n");
        QTest::newRow("several newlines") << QByteArray("rd-test-token-1234\n\n\n");
        QTest::newRow("spaces around") << QByteArray("  \trd-test-token-1234 \n");
    }

    void trimsSurroundingWhitespace()
    {
        QFETCH(QByteArray, input);
        const Result<QString> token = readToken(input);
        QVERIFY2(token.ok(), qPrintable(token.ok() ? QString() : token.error().message));
        QCOMPARE(token.value(), QStringLiteral("rd-test-token-1234"));
    }

    void registersTheTokenWithTheRedactor()
    {
        const Result<QString> token = readToken("rd-test-token-redact-me-5678\n");
        QVERIFY(token.ok());
        QVERIFY(!redacted(QStringLiteral("echo rd-test-token-redact-me-5678"))
                     .contains(QLatin1String("rd-test-token-redact-me-5678")));
    }

    void keepsUnicode()
    {
        const Result<QString> token = readToken(QStringLiteral("rd-test-ключ-🔑\n").toUtf8());
        QVERIFY(token.ok());
        QCOMPARE(token.value(), QStringLiteral("rd-test-ключ-🔑"));
    }

    void refusesBadInput_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("says");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("No token");
        QTest::newRow("only newline") << QByteArray("\n") << QStringLiteral("No token");
        QTest::newRow("only whitespace") << QByteArray(" \t \r\n ") << QStringLiteral("No token");
        QTest::newRow("inner space")
            << QByteArray("rd-test token\n") << QStringLiteral("whitespace");
        QTest::newRow("two lines")
            << QByteArray("rd-test-one\nrd-test-two\n") << QStringLiteral("whitespace");
        QTest::newRow("inner tab") << QByteArray("rd-test\ttoken") << QStringLiteral("whitespace");
        QTest::newRow("too long") << QByteArray(MaximumTokenBytes + 1, 'x')
                                  << QStringLiteral("64 KiB");
        QTest::newRow("not utf-8")
            << QByteArray("rd-test-\xff\xfe-token") << QStringLiteral("UTF-8");
    }

    void refusesBadInput()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, says);
        const Result<QString> token = readToken(input);
        QVERIFY(!token.ok());
        QCOMPARE(token.error().kind, ErrorKind::Usage);
        QVERIFY2(token.error().message.contains(says), qPrintable(token.error().message));
        QVERIFY(!token.error().message.contains(QLatin1String("rd-test")));
    }

    void capsTheSizeAt64KiB()
    {
        const QByteArray largest(MaximumTokenBytes, 'y');
        const Result<QString> token = readToken(largest + '\n');
        QVERIFY(!token.ok()); // the newline makes it one byte too many
        const Result<QString> exact = readToken(largest);
        QVERIFY(exact.ok());
        QCOMPARE(exact.value().size(), MaximumTokenBytes);
    }

    void takesAPasswordAsTyped_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("password");
        QTest::newRow("bare") << QByteArray("fake pass") << QStringLiteral("fake pass");
        QTest::newRow("newline") << QByteArray("fake pass\n") << QStringLiteral("fake pass");
        QTest::newRow("crlf") << QByteArray("fake pass\r\n") << QStringLiteral("fake pass");
        QTest::newRow("spaces around")
            << QByteArray("  fake pass \n") << QStringLiteral("  fake pass ");
        QTest::newRow("tabs") << QByteArray("\tfake\tpass\t") << QStringLiteral("\tfake\tpass\t");
        QTest::newRow("only spaces") << QByteArray("   \n") << QStringLiteral("   ");
        QTest::newRow("unicode") << QStringLiteral("fake ключ 🔑\n").toUtf8()
                                 << QStringLiteral("fake ключ 🔑");
    }

    void takesAPasswordAsTyped()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, password);
        const Result<QString> read = readPassword(input);
        QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().message));
        QCOMPARE(read.value(), password);
    }

    void refusesABadPassword_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("says");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("No password on standard input");
        QTest::newRow("only newline") << QByteArray("\n") << QStringLiteral("No password");
        QTest::newRow("two lines")
            << QByteArray("fake-one\nfake-two\n") << QStringLiteral("more than one line");
        QTest::newRow("two line endings")
            << QByteArray("fake-one\n\n") << QStringLiteral("more than one line");
        QTest::newRow("carriage return")
            << QByteArray("fake\rpass") << QStringLiteral("more than one line");
        QTest::newRow("too long") << QByteArray(MaximumTokenBytes + 1, 'x')
                                  << QStringLiteral(
                                         "password on standard input is longer than 64 KiB");
        QTest::newRow("not utf-8") << QByteArray("fake-\xff\xfe-pass")
                                   << QStringLiteral("password on standard input is not UTF-8");
    }

    void refusesABadPassword()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, says);
        const Result<QString> read = readPassword(input);
        QVERIFY(!read.ok());
        QCOMPARE(read.error().kind, ErrorKind::Usage);
        QVERIFY2(read.error().message.contains(says), qPrintable(read.error().message));
        QVERIFY2(!read.error().message.contains(QLatin1String("token")),
                 qPrintable(read.error().message));
        QVERIFY(!read.error().message.contains(QLatin1String("fake")));
    }

    void registersThePasswordWithTheRedactor()
    {
        QVERIFY(readPassword(" fake password redact me 9012\n").ok());
        QVERIFY(!redacted(QStringLiteral("echo fake password redact me 9012"))
                     .contains(QLatin1String("fake password redact me 9012")));
    }

    void refusesAClosedDevice()
    {
        QBuffer closed;
        const Result<QString> token = readTokenFrom(closed);
        QVERIFY(!token.ok());
        QCOMPARE(token.error().kind, ErrorKind::Usage);
    }
};

QTEST_GUILESS_MAIN(TestTokenInput)
#include "tst_tokeninput.moc"
