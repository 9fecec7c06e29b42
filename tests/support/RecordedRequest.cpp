#include "RecordedRequest.h"

namespace ReleaseDeck::Test {

QByteArray RecordedRequest::header(const QByteArray& name) const
{
    const QByteArray wanted = name.toLower();
    for (const auto& [key, value] : headers) {
        if (key == wanted)
            return value;
    }
    return {};
}

} // namespace ReleaseDeck::Test
