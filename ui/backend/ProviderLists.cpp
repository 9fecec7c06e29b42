#include "ProviderLists.h"

#include "net/HttpClient.h"
#include "providers/ProviderRegistry.h"

#include <QFileInfo>

#include <algorithm>

namespace ReleaseDeck {

namespace {

constexpr int ChannelPageSize = 100;

} // namespace

Connection ProviderLists::connectionOf(const ConnectionDraft& draft)
{
    Connection connection;
    connection.category = draft.category;
    connection.provider = draft.provider;
    connection.displayName = draft.displayName;
    connection.config = draft.config;
    return connection;
}

Result<ChoicePage> ProviderLists::branches(const ConnectionDraft& draft) const
{
    const HttpClient http(m_http);
    auto client = ProviderRegistry::builtIn().createScm(connectionOf(draft), draft.token, http);
    if (!client)
        return client.error();
    Result<QList<ScmBranch>> branches = (*client)->listBranches();
    if (!branches)
        return branches.error();
    ChoicePage page;
    for (const ScmBranch& branch : std::as_const(*branches))
        page.items.append({branch.name, branch.name});
    return page;
}

Result<ChoicePage> ProviderLists::channels(const ConnectionDraft& draft, const QString& search,
                                           const QString& cursor) const
{
    const HttpClient http(m_http);
    auto client = ProviderRegistry::builtIn().createChat(connectionOf(draft), draft.token, http);
    if (!client)
        return client.error();
    Result<QList<ChatChannel>> channels = (*client)->listChannels();
    if (!channels)
        return channels.error();
    QList<ChatChannel> matching;
    for (const ChatChannel& channel : std::as_const(*channels)) {
        if (!channel.isArchived && channel.name.contains(search.trimmed(), Qt::CaseInsensitive))
            matching.append(channel);
    }
    std::sort(matching.begin(), matching.end(), [](const ChatChannel& a, const ChatChannel& b) {
        return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
    });
    // The provider's pages are gathered by the client; people page through matches.
    const qsizetype start = std::max<qsizetype>(0, cursor.toLongLong());
    ChoicePage page;
    for (qsizetype i = start; i < matching.size() && i < start + ChannelPageSize; ++i) {
        const ChatChannel& channel = matching.at(i);
        // The bare name: the wizard shows it as "#name" and names the connection so.
        page.items.append({channel.id, channel.name});
    }
    if (start + ChannelPageSize < matching.size())
        page.nextCursor = QString::number(start + ChannelPageSize);
    return page;
}

Result<ChoicePage> ProviderLists::workflows(const ConnectionDraft& draft) const
{
    const HttpClient http(m_http);
    auto client = ProviderRegistry::builtIn().createCi(connectionOf(draft), draft.token, http);
    if (!client)
        return client.error();
    Result<QList<CiWorkflow>> workflows = (*client)->listWorkflows();
    if (!workflows)
        return workflows.error();
    ChoicePage page;
    for (const CiWorkflow& workflow : std::as_const(*workflows)) {
        // A GitHub workflow is configured by its file name, a Jenkins job by its name.
        const QFileInfo file(workflow.path);
        const bool isFile =
            file.suffix() == QLatin1String("yml") || file.suffix() == QLatin1String("yaml");
        const QString id = isFile ? file.fileName() : workflow.path;
        page.items.append({id, QStringLiteral("%1 (%2)").arg(workflow.name, id)});
    }
    return page;
}

} // namespace ReleaseDeck
