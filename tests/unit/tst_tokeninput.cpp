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

} // namespace

// `connection add --token-stdin` reads the token with readTokenFrom().
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
