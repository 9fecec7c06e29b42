#pragma once

#include "Result.h"

#include <QString>

class QIODevice;

namespace ReleaseDeck {

// The most a token read from standard input may be; real tokens are far smaller.
constexpr qint64 MaximumTokenBytes = 64 * 1024;

// Reads one token from input (the CLI's standard input) until end of file: surrounding
// whitespace and trailing newlines are trimmed; empty input, inner whitespace, input over
// MaximumTokenBytes or not UTF-8 fail with ErrorKind::Usage. The token is registered
// with the Redactor before it is returned.
Result<QString> readTokenFrom(QIODevice& input);

} // namespace ReleaseDeck
