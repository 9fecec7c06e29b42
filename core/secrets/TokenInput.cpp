#include "TokenInput.h"

#include "logging/Redactor.h"

#include <QIODevice>
#include <QStringDecoder>

#include <algorithm>

namespace ReleaseDeck {

namespace {

// All of input as UTF-8 text; what names the secret in the error ("token", "password").
Result<QString> readText(QIODevice& input, const QString& what)
{
    if (!input.isReadable())
        return Error::usage(
            QStringLiteral("Standard input cannot be read: pipe the %1 in, for example "
                           "from a password manager.")
                .arg(what));

    // read() returns what has arrived; a pipe delivers a secret in several pieces.
    QByteArray bytes;
    while (bytes.size() <= MaximumTokenBytes) {
        const QByteArray chunk = input.read(MaximumTokenBytes + 1 - bytes.size());
        if (chunk.isEmpty())
            break;
        bytes += chunk;
    }
    if (bytes.size() > MaximumTokenBytes)
        return Error::usage(
            QStringLiteral("The %1 on standard input is longer than 64 KiB: pipe in the %1 alone.")
                .arg(what));

    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return Error::usage(
            QStringLiteral("The %1 on standard input is not UTF-8 text: pipe in the %1 alone.")
                .arg(what));
    return text;
}

Error nothingGiven(const QString& what)
{
    return Error::usage(QStringLiteral("No %1 on standard input: pipe the %1 in, for example "
                                       "from a password manager.")
                            .arg(what));
}

} // namespace

Result<QString> readTokenFrom(QIODevice& input)
{
    const QString what = QStringLiteral("token");
    Result<QString> text = readText(input, what);
    if (!text)
        return text;
    const QString token = text->trimmed();
    if (token.isEmpty())
        return nothingGiven(what);
    Redactor::instance().addSecret(token);
    if (std::any_of(token.cbegin(), token.cend(), [](QChar c) { return c.isSpace(); }))
        return Error::usage(QStringLiteral(
            "The token on standard input contains whitespace: pipe in the token alone, on one "
            "line."));
    return token;
}

Result<QString> readPasswordFrom(QIODevice& input)
{
    const QString what = QStringLiteral("password");
    Result<QString> text = readText(input, what);
    if (!text)
        return text;
    QString password = *text;
    if (password.endsWith(QLatin1String("\r\n")))
        password.chop(2);
    else if (password.endsWith(QLatin1Char('\n')))
        password.chop(1);
    if (password.isEmpty())
        return nothingGiven(what);
    Redactor::instance().addSecret(password);
    if (password.contains(QLatin1Char('\n')) || password.contains(QLatin1Char('\r')))
        return Error::usage(QStringLiteral(
            "The password on standard input has more than one line: pipe in the password "
            "alone, on one line."));
    return password;
}

} // namespace ReleaseDeck
