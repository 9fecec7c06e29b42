#include "TokenInput.h"

#include "logging/Redactor.h"

#include <QIODevice>
#include <QStringDecoder>

#include <algorithm>

namespace ReleaseDeck {

Result<QString> readTokenFrom(QIODevice& input)
{
    if (!input.isReadable())
        return Error::usage(
            QStringLiteral("Standard input cannot be read: pipe the token in, for example "
                           "from a password manager."));

    // read() returns what has arrived; a pipe delivers a token in several pieces.
    QByteArray bytes;
    while (bytes.size() <= MaximumTokenBytes) {
        const QByteArray chunk = input.read(MaximumTokenBytes + 1 - bytes.size());
        if (chunk.isEmpty())
            break;
        bytes += chunk;
    }
    if (bytes.size() > MaximumTokenBytes)
        return Error::usage(QStringLiteral(
            "The token on standard input is longer than 64 KiB: pipe in the token alone."));

    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString token = QString(decoder.decode(bytes)).trimmed();
    if (decoder.hasError())
        return Error::usage(QStringLiteral(
            "The token on standard input is not UTF-8 text: pipe in the token alone."));
    if (token.isEmpty())
        return Error::usage(QStringLiteral(
            "No token on standard input: pipe the token in, for example from a password "
            "manager."));
    Redactor::instance().addSecret(token);
    if (std::any_of(token.cbegin(), token.cend(), [](QChar c) { return c.isSpace(); }))
        return Error::usage(QStringLiteral(
            "The token on standard input contains whitespace: pipe in the token alone, on one "
            "line."));
    return token;
}

} // namespace ReleaseDeck
