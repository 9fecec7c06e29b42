#pragma once

#include "Result.h"

#include <QByteArray>

namespace ReleaseDeck::Test {

// For QVERIFY2 (which evaluates its message even on success): the failure's message, or
// nothing when the result is ok.
template<typename T>
QByteArray failureOf(const Result<T>& result)
{
    return result.ok() ? QByteArray() : result.error().message.toUtf8();
}

} // namespace ReleaseDeck::Test
