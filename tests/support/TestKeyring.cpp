#include "TestKeyring.h"

#include "secrets/KeychainSecretStore.h"

#include <QProcess>

namespace ReleaseDeck::Test {

int keychainEntries()
{
    QProcess tool;
    tool.setProcessChannelMode(QProcess::MergedChannels);
    tool.start(QStringLiteral("secret-tool"),
               {QStringLiteral("search"), QStringLiteral("--all"), QStringLiteral("server"),
                KeychainSecretStore::serviceName()});
    if (!tool.waitForFinished(10000))
        return -1;
    // Each entry prints one "attribute.server = <service>" line.
    return int(
        QString::fromUtf8(tool.readAll())
            .count(QStringLiteral("attribute.server = ") + KeychainSecretStore::serviceName()));
}

} // namespace ReleaseDeck::Test
