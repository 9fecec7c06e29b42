#pragma once

#include "Result.h"

#include <QString>

class QIODevice;

namespace ReleaseDeck {

// The most a token or password read from standard input may be; real ones are far smaller.
constexpr qint64 MaximumTokenBytes = 64 * 1024;

// Reads one token from input (the CLI's standard input) until end of file: surrounding
// whitespace and trailing newlines are trimmed; empty input, inner whitespace, input over
// MaximumTokenBytes or not UTF-8 fail with ErrorKind::Usage. The token is registered
// with the Redactor before it is returned.
Result<QString> readTokenFrom(QIODevice& input);

// Reads one password from input until end of file. A password is taken as typed: spaces
// and tabs inside it, before it and after it are part of it. Only one line ending at the
// very end ("\n" or "\r\n", as echo, printf '%s\n' and here-strings add) is removed.
// Empty input, a line break left inside, input over MaximumTokenBytes or not UTF-8 fail
// with ErrorKind::Usage, in sentences about a password. Registered with the Redactor.
Result<QString> readPasswordFrom(QIODevice& input);

} // namespace ReleaseDeck
