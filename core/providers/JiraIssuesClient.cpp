#include "JiraIssuesClient.h"

#include "ProviderConfig.h"

namespace ReleaseDeck {

namespace {

constexpr int PageSize = 50;

QString serviceName(bool cloud)
{
    return cloud ? QStringLiteral("Jira Cloud") : QStringLiteral("Jira");
}

// A JQL string literal.
QString quoted(QString text)
{
    text.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    text.replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QLatin1Char('"') + text + QLatin1Char('"');
}

// Atlassian Document Format: one paragraph per non-empty line.
QJsonObject documentOf(const QString& text)
{
    QJsonArray paragraphs;
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        if (line.trimmed().isEmpty())
            continue;
        paragraphs.append(
            QJsonObject{{QStringLiteral("type"), QStringLiteral("paragraph")},
                        {QStringLiteral("content"),
                         QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                                                {QStringLiteral("text"), line}}}}});
    }
    return {{QStringLiteral("type"), QStringLiteral("doc")},
            {QStringLiteral("version"), 1},
            {QStringLiteral("content"), paragraphs}};
}

QMap<Platform, QString> platformMap(const QJsonObject& config, const QString& key)
{
    QMap<Platform, QString> result;
    const QJsonObject map = config.value(key).toObject();
    for (auto it = map.begin(); it != map.end(); ++it) {
        if (const auto platform = platformFromText(it.key()))
            result.insert(*platform, it.value().toString().trimmed());
    }
    return result;
}

// Jira Server/DC: {"startAt", "maxResults", "total", "issues"}.
Result<Pagination::Page> readOffsetPage(const HttpRequest& sent, const HttpResponse& response)
{
    auto json = response.jsonObject();
    if (!json)
        return json.error();
    Pagination::Page page{json->value(QStringLiteral("issues")).toArray(), std::nullopt};
    const int startAt = json->value(QStringLiteral("startAt")).toInt();
    const int total = json->value(QStringLiteral("total")).toInt();
    const int nextStart = startAt + int(page.items.size());
    if (!page.items.isEmpty() && nextStart < total &&
        !json->value(QStringLiteral("isLast")).toBool()) {
        HttpRequest next = sent;
        QUrlQuery query(next.url);
        query.removeAllQueryItems(QStringLiteral("startAt"));
        query.addQueryItem(QStringLiteral("startAt"), QString::number(nextStart));
        next.url.setQuery(query);
        page.next = next;
    }
    return page;
}

// Jira Cloud enhanced search: {"issues", "nextPageToken", "isLast"}.
Result<Pagination::Page> readTokenPage(const HttpRequest& sent, const HttpResponse& response)
{
    auto json = response.jsonObject();
    if (!json)
        return json.error();
    Pagination::Page page{json->value(QStringLiteral("issues")).toArray(), std::nullopt};
    const QString token = json->value(QStringLiteral("nextPageToken")).toString();
    if (!token.isEmpty() && !json->value(QStringLiteral("isLast")).toBool()) {
        HttpRequest next = sent;
        QUrlQuery query(next.url);
        query.removeAllQueryItems(QStringLiteral("nextPageToken"));
        query.addQueryItem(QStringLiteral("nextPageToken"),
                           QString::fromLatin1(QUrl::toPercentEncoding(token)));
        next.url.setQuery(query);
        page.next = next;
    }
    return page;
}

} // namespace

QUrl JiraTarget::apiUrl() const
{
    QUrl url = siteUrl;
    url.setPath(siteUrl.path() +
                (cloud ? QStringLiteral("/rest/api/3") : QStringLiteral("/rest/api/2")));
    return url;
}

QList<ProviderField> JiraTarget::fields(bool cloud)
{
    QList<ProviderField> fields{
        ProviderField(QStringLiteral("siteUrl"), FieldKind::Url,
                      QT_TRANSLATE_NOOP("ProviderField", "Site address"),
                      QT_TRANSLATE_NOOP("ProviderField", "the Jira site address"))
            .example(QT_TRANSLATE_NOOP("ProviderField", "https://acme.atlassian.net"))
            .value(QStringLiteral("URL"))};
    if (cloud)
        fields << ProviderField(
                      QStringLiteral("email"), FieldKind::Email,
                      QT_TRANSLATE_NOOP("ProviderField", "Email"),
                      QT_TRANSLATE_NOOP("ProviderField", "the Jira account's email address"))
                      .example(
                          QT_TRANSLATE_NOOP("ProviderField", "The account the token belongs to"))
                      .value(QStringLiteral("EMAIL"));
    fields << ProviderField(QStringLiteral("projectKeys"), FieldKind::ProjectKey,
                            QT_TRANSLATE_NOOP("ProviderField", "Project key"),
                            QT_TRANSLATE_NOOP("ProviderField", "the project key"))
                  .perPlatform(QStringLiteral("projectKey"))
                  .example(QT_TRANSLATE_NOOP("ProviderField", "e.g. APP"))
                  .value(QStringLiteral("KEY"))
           << ProviderField(
                  QStringLiteral("readyStates"), FieldKind::Text,
                  QT_TRANSLATE_NOOP("ProviderField", "Ready to release when the ticket is in"),
                  QT_TRANSLATE_NOOP("ProviderField", "the ready state"))
                  .perPlatform(QStringLiteral("readyState"))
                  .optional()
                  .example(QT_TRANSLATE_NOOP("ProviderField", "e.g. Ready for Release"))
                  .value(QStringLiteral("STATE"));
    return fields;
}

Result<JiraTarget> JiraTarget::fromConfig(const QJsonObject& config, bool cloud)
{
    if (Status checked = ProviderField::checkConfig(fields(cloud), config, false); !checked)
        return checked.error();
    JiraTarget target;
    target.cloud = cloud;
    target.siteUrl = ProviderConfig::url(config, QStringLiteral("siteUrl"));
    if (cloud)
        target.email = ProviderConfig::text(config, QStringLiteral("email"));
    target.projectKeys = platformMap(config, QStringLiteral("projectKeys"));
    target.readyStates = platformMap(config, QStringLiteral("readyStates"));
    const QString issueType = ProviderConfig::text(config, QStringLiteral("issueType"));
    if (!issueType.isEmpty())
        target.issueType = issueType;
    target.caBundle = config.value(QStringLiteral("caBundle")).toString();
    return target;
}

JiraIssuesClient::JiraIssuesClient(const JiraTarget& target, const QString& token,
                                   const HttpClient& http)
    : m_target(target)
    , m_api(target.apiUrl(),
            target.cloud ? HttpAuth::basic(target.email, token) : HttpAuth::bearer(token),
            serviceName(target.cloud), http, target.caBundle)
{}

ProviderInfo JiraIssuesClient::provider(bool cloud)
{
    ProviderInfo info;
    info.id = cloud ? QStringLiteral("jira-cloud") : QStringLiteral("jira-server");
    info.category = ConnectionCategory::Issues;
    info.displayName = QString::fromUtf8(
        cloud ? QT_TRANSLATE_NOOP("ProviderRegistry", "Jira Cloud")
              : QT_TRANSLATE_NOOP("ProviderRegistry", "Jira Server / Data Center"));
    info.family = QStringLiteral("jira");
    // An account email means Jira Cloud's Basic auth; without one, a Server/DC token.
    info.fitsConfig = [cloud](const QJsonObject& config) {
        return config.contains(QStringLiteral("email")) == cloud;
    };
    info.fields = JiraTarget::fields(cloud);
    info.createIssues = [cloud](const Connection& connection, const QString& token,
                                const HttpClient& http,
                                Database*) -> std::unique_ptr<IssuesClient> {
        return std::make_unique<JiraIssuesClient>(
            JiraTarget::fromConfig(connection.config, cloud).value(), token, http);
    };
    return info;
}

Issue JiraIssuesClient::issueFrom(const QJsonObject& json) const
{
    const QJsonObject fields = json.value(QStringLiteral("fields")).toObject();
    Issue issue;
    issue.id = json.value(QStringLiteral("id")).toString();
    issue.key = json.value(QStringLiteral("key")).toString();
    issue.summary = fields.value(QStringLiteral("summary")).toString();
    issue.status =
        fields.value(QStringLiteral("status")).toObject().value(QStringLiteral("name")).toString();
    for (const QJsonValue& label : fields.value(QStringLiteral("labels")).toArray())
        issue.labels << label.toString();
    issue.webUrl = m_target.siteUrl;
    issue.webUrl.setPath(m_target.siteUrl.path() + QStringLiteral("/browse/") + issue.key);
    return issue;
}

Result<IssuesUser> JiraIssuesClient::myself()
{
    auto json = m_api.sendForObject(m_api.get(QStringLiteral("/myself")));
    if (!json)
        return json.error();
    QString id = json->value(QStringLiteral("accountId")).toString();
    if (id.isEmpty())
        id = json->value(QStringLiteral("name")).toString();
    return IssuesUser{id, json->value(QStringLiteral("displayName")).toString(),
                      json->value(QStringLiteral("emailAddress")).toString()};
}

Result<bool> JiraIssuesClient::projectExists(const QString& projectKey)
{
    auto project =
        m_api.send(m_api.get(RestEndpoint::path({QStringLiteral("project"), projectKey})));
    if (project)
        return true;
    if (RestEndpoint::isNotFound(project.error()))
        return false;
    return project.error();
}

Result<VerificationReport> JiraIssuesClient::verify()
{
    auto user = myself();
    if (!user)
        return user.error();
    QStringList missing;
    QStringList found;
    for (auto it = m_target.projectKeys.cbegin(); it != m_target.projectKeys.cend(); ++it) {
        auto exists = projectExists(it.value());
        if (!exists)
            return exists.error();
        (*exists ? found : missing)
            << QStringLiteral("%1 (%2)").arg(it.value(), displayName(it.key()));
    }
    const QString site = m_target.siteUrl.toString();
    if (missing.size() == 1)
        return Error::notFound(QStringLiteral("The Jira project key %1 does not exist on %2 or "
                                              "%3 cannot see it.")
                                   .arg(missing.first(), site, user->displayName));
    if (!missing.isEmpty())
        return Error::notFound(
            QStringLiteral("The Jira project keys %1 do not exist on %2 or %3 "
                           "cannot see them.")
                .arg(missing.join(QStringLiteral(", ")), site, user->displayName));
    VerificationReport report;
    report.summary = QStringLiteral("Signed in to %1 as %2; projects %3 exist.")
                         .arg(site, user->displayName, found.join(QStringLiteral(", ")));
    report.details = {{QStringLiteral("site"), site},
                      {QStringLiteral("account"), user->displayName},
                      {QStringLiteral("accountId"), user->accountId},
                      {QStringLiteral("projects"), QJsonArray::fromStringList(found)}};
    return report;
}

Result<Issue> JiraIssuesClient::createIssue(const QString& projectKey, const QString& summary,
                                            const QString& description, const QStringList& labels)
{
    QJsonObject fields{
        {QStringLiteral("project"), QJsonObject{{QStringLiteral("key"), projectKey}}},
        {QStringLiteral("summary"), summary},
        {QStringLiteral("issuetype"), QJsonObject{{QStringLiteral("name"), m_target.issueType}}},
        {QStringLiteral("labels"), QJsonArray::fromStringList(labels)}};
    if (!description.isEmpty())
        fields.insert(QStringLiteral("description"), m_target.cloud
                                                         ? QJsonValue(documentOf(description))
                                                         : QJsonValue(description));
    auto created = m_api.sendForObject(
        m_api.json("POST", QStringLiteral("/issue"), {{QStringLiteral("fields"), fields}}));
    if (!created)
        return created.error();
    Issue issue = issueFrom(*created);
    issue.summary = summary;
    issue.labels = labels;
    return issue;
}

Result<QList<Issue>> JiraIssuesClient::search(const QString& jql)
{
    QUrlQuery query{{QStringLiteral("jql"), jql},
                    {QStringLiteral("fields"), QStringLiteral("summary,status,labels")},
                    {QStringLiteral("maxResults"), QString::number(PageSize)}};
    if (!m_target.cloud)
        query.addQueryItem(QStringLiteral("startAt"), QStringLiteral("0"));
    auto items =
        m_target.cloud
            ? m_api.collect(m_api.get(QStringLiteral("/search/jql"), query), &readTokenPage)
            : m_api.collect(m_api.get(QStringLiteral("/search"), query), &readOffsetPage);
    if (!items)
        return items.error();
    QList<Issue> issues;
    for (const QJsonValue& item : std::as_const(*items))
        issues.append(issueFrom(item.toObject()));
    return issues;
}

Result<std::optional<Issue>> JiraIssuesClient::findReleaseIssue(const QString& projectKey,
                                                                const QString& releaseLabel)
{
    auto issues = search(QStringLiteral("project = %1 AND labels = %2 ORDER BY created ASC")
                             .arg(quoted(projectKey), quoted(releaseLabel)));
    if (!issues)
        return issues.error();
    if (issues->isEmpty())
        return std::optional<Issue>();
    return std::optional<Issue>(issues->first());
}

Result<QString> JiraIssuesClient::issueStatus(const QString& issueKey)
{
    auto json = m_api.sendForObject(
        m_api.get(RestEndpoint::path({QStringLiteral("issue"), issueKey}),
                  QUrlQuery{{QStringLiteral("fields"), QStringLiteral("status")}}));
    if (!json)
        return json.error();
    return issueFrom(*json).status;
}

Result<QList<IssueTransition>> JiraIssuesClient::transitions(const QString& issueKey)
{
    auto json = m_api.sendForObject(m_api.get(
        RestEndpoint::path({QStringLiteral("issue"), issueKey, QStringLiteral("transitions")})));
    if (!json)
        return json.error();
    QList<IssueTransition> result;
    for (const QJsonValue& item : json->value(QStringLiteral("transitions")).toArray()) {
        const QJsonObject transition = item.toObject();
        result.append({transition.value(QStringLiteral("id")).toString(),
                       transition.value(QStringLiteral("name")).toString(),
                       transition.value(QStringLiteral("to"))
                           .toObject()
                           .value(QStringLiteral("name"))
                           .toString()});
    }
    return result;
}

Status JiraIssuesClient::transition(const QString& issueKey, const QString& transitionId)
{
    auto done = m_api.send(m_api.json(
        "POST",
        RestEndpoint::path({QStringLiteral("issue"), issueKey, QStringLiteral("transitions")}),
        {{QStringLiteral("transition"), QJsonObject{{QStringLiteral("id"), transitionId}}}}));
    if (!done)
        return done.error();
    return {};
}

} // namespace ReleaseDeck
