#include "FakeJira.h"

#include <QJsonArray>
#include <QMutexLocker>
#include <QRegularExpression>

#include <optional>

namespace ReleaseDeck::Test {

namespace {

const QString Api = QStringLiteral("/rest/api/3");

struct Issue
{
    QString id;
    QString key;
    QString project;
    QString summary;
    QString status;
    QString issueType;
    QStringList labels;
};

// The JQL the fake understands: field = value clauses joined by AND, ORDER BY created.
struct Jql
{
    QList<QPair<QString, QString>> clauses; // field (lower-case) → value
    bool newestFirst = false;
};

FakeResponse json(int status, const QJsonObject& body)
{
    return FakeResponse::json(status, QJsonDocument(body));
}

FakeResponse errorMessages(int status, const QString& message)
{
    return json(status, {{QStringLiteral("errorMessages"), QJsonArray{message}},
                         {QStringLiteral("errors"), QJsonObject()}});
}

FakeResponse fieldError(const QString& field, const QString& message)
{
    return json(400, {{QStringLiteral("errorMessages"), QJsonArray()},
                      {QStringLiteral("errors"), QJsonObject{{field, message}}}});
}

std::optional<Jql> parseJql(const QString& text)
{
    static const QRegularExpression order(
        QStringLiteral(R"(\s+ORDER\s+BY\s+created(?:\s+(ASC|DESC))?\s*$)"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression conjunction(QStringLiteral(R"(\s+AND\s+)"),
                                                QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression clause(
        QStringLiteral(R"re(^\s*(\w+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s"]+))\s*$)re"));
    Jql jql;
    QString conditions = text;
    if (const auto match = order.match(text); match.hasMatch()) {
        jql.newestFirst =
            match.captured(1).compare(QStringLiteral("DESC"), Qt::CaseInsensitive) == 0;
        conditions = text.left(match.capturedStart());
    }
    for (const QString& part : conditions.split(conjunction)) {
        const auto match = clause.match(part);
        if (!match.hasMatch())
            return std::nullopt;
        QString value = match.captured(2).isNull() ? match.captured(3) : match.captured(2);
        value.replace(QStringLiteral("\\\""), QStringLiteral("\""));
        value.replace(QStringLiteral("\\\\"), QStringLiteral("\\"));
        jql.clauses.append({match.captured(1).toLower(), value});
    }
    return jql;
}

} // namespace

struct FakeJira::State
{
    QMutex mutex;
    QString token;
    QHash<QString, QString> projects; // key → name
    QStringList statuses{QStringLiteral("To Do"), QStringLiteral("In Progress"),
                         FakeJira::readyState(), QStringLiteral("Done")};
    QList<Issue> issues;         // oldest first
    QHash<QString, int> created; // project → issues created
    int nextId = 10000;

    Issue* find(const QString& key)
    {
        for (Issue& issue : issues) {
            if (issue.key == key)
                return &issue;
        }
        return nullptr;
    }

    QJsonObject issueJson(const Issue& issue, const QUrl& site) const
    {
        QUrl self = site;
        self.setPath(Api + QStringLiteral("/issue/") + issue.id);
        return {{QStringLiteral("id"), issue.id},
                {QStringLiteral("key"), issue.key},
                {QStringLiteral("self"), self.toString()},
                {QStringLiteral("fields"),
                 QJsonObject{{QStringLiteral("summary"), issue.summary},
                             {QStringLiteral("status"),
                              QJsonObject{{QStringLiteral("name"), issue.status},
                                          {QStringLiteral("id"),
                                           QString::number(statuses.indexOf(issue.status) + 1)}}},
                             {QStringLiteral("labels"), QJsonArray::fromStringList(issue.labels)},
                             {QStringLiteral("issuetype"),
                              QJsonObject{{QStringLiteral("name"), issue.issueType}}},
                             {QStringLiteral("project"),
                              QJsonObject{{QStringLiteral("key"), issue.project}}}}}};
    }

    FakeResponse search(const RecordedRequest& request, const QUrl& site) const;
    FakeResponse create(const QJsonObject& body, const QUrl& site);
    FakeResponse transitions(const QString& key, const RecordedRequest& request);
};

FakeResponse FakeJira::State::search(const RecordedRequest& request, const QUrl& site) const
{
    const QString text = request.query.queryItemValue(QStringLiteral("jql"), QUrl::FullyDecoded);
    const auto jql = parseJql(text);
    if (!jql)
        return errorMessages(400, QStringLiteral("Error in the JQL Query: the query \"%1\" is "
                                                 "not valid.")
                                      .arg(text));
    for (const auto& [field, value] : jql->clauses) {
        if (field != QLatin1String("project") && field != QLatin1String("labels") &&
            field != QLatin1String("status"))
            return errorMessages(400, QStringLiteral("Field '%1' does not exist or you do not "
                                                     "have permission to view it.")
                                          .arg(field));
        if (field == QLatin1String("project") && !projects.contains(value))
            return errorMessages(
                400, QStringLiteral("The value '%1' does not exist for the field 'project'.")
                         .arg(value));
    }
    QList<QJsonObject> matching;
    for (const Issue& issue : issues) {
        const bool matches =
            std::all_of(jql->clauses.cbegin(), jql->clauses.cend(), [&issue](const auto& clause) {
                if (clause.first == QLatin1String("project"))
                    return issue.project == clause.second;
                if (clause.first == QLatin1String("labels"))
                    return issue.labels.contains(clause.second);
                return issue.status.compare(clause.second, Qt::CaseInsensitive) == 0;
            });
        if (matches)
            matching.append(issueJson(issue, site));
    }
    if (jql->newestFirst)
        std::reverse(matching.begin(), matching.end());
    const int maxResults =
        std::clamp(request.query.queryItemValue(QStringLiteral("maxResults")).toInt() > 0
                       ? request.query.queryItemValue(QStringLiteral("maxResults")).toInt()
                       : 50,
                   1, 5000);
    const qsizetype start =
        QByteArray::fromBase64(
            request.query.queryItemValue(QStringLiteral("nextPageToken"), QUrl::FullyDecoded)
                .toLatin1())
            .toLongLong();
    QJsonArray page;
    for (qsizetype i = start; i < matching.size() && i < start + maxResults; ++i)
        page.append(matching[i]);
    const bool last = start + maxResults >= matching.size();
    QJsonObject body{{QStringLiteral("issues"), page}, {QStringLiteral("isLast"), last}};
    if (!last)
        body.insert(QStringLiteral("nextPageToken"),
                    QString::fromLatin1(QByteArray::number(start + maxResults).toBase64()));
    return json(200, body);
}

FakeResponse FakeJira::State::create(const QJsonObject& body, const QUrl& site)
{
    const QJsonObject fields = body.value(QStringLiteral("fields")).toObject();
    const QString project =
        fields.value(QStringLiteral("project")).toObject().value(QStringLiteral("key")).toString();
    if (!projects.contains(project))
        return fieldError(QStringLiteral("project"), QStringLiteral("valid project is required"));
    const QString summary = fields.value(QStringLiteral("summary")).toString();
    if (summary.trimmed().isEmpty())
        return fieldError(QStringLiteral("summary"), QStringLiteral("You must specify a summary "
                                                                    "of the issue."));
    const QString type = fields.value(QStringLiteral("issuetype"))
                             .toObject()
                             .value(QStringLiteral("name"))
                             .toString();
    if (!QStringList{QStringLiteral("Task"), QStringLiteral("Story"), QStringLiteral("Bug")}
             .contains(type))
        return fieldError(QStringLiteral("issuetype"),
                          QStringLiteral("Specify an issue type ID or name that exists."));
    QStringList labels;
    for (const QJsonValue& label : fields.value(QStringLiteral("labels")).toArray()) {
        if (label.toString().contains(QLatin1Char(' ')))
            return fieldError(QStringLiteral("labels"),
                              QStringLiteral("The label '%1' contains spaces which is invalid.")
                                  .arg(label.toString()));
        labels << label.toString();
    }
    const int number = ++created[project];
    Issue issue{QString::number(++nextId),
                QStringLiteral("%1-%2").arg(project).arg(number),
                project,
                summary,
                statuses.value(0),
                type,
                labels};
    issues.append(issue);
    const QJsonObject full = issueJson(issue, site);
    return json(201, {{QStringLiteral("id"), issue.id},
                      {QStringLiteral("key"), issue.key},
                      {QStringLiteral("self"), full.value(QStringLiteral("self"))}});
}

FakeResponse FakeJira::State::transitions(const QString& key, const RecordedRequest& request)
{
    Issue* issue = find(key);
    if (!issue)
        return errorMessages(404, QStringLiteral("Issue does not exist or you do not have "
                                                 "permission to see it."));
    if (request.method == "GET") {
        QJsonArray available;
        for (qsizetype i = 0; i < statuses.size(); ++i) {
            if (statuses[i] != issue->status)
                available.append(QJsonObject{
                    {QStringLiteral("id"), QString::number((i + 1) * 10 + 1)},
                    {QStringLiteral("name"), statuses[i]},
                    {QStringLiteral("to"), QJsonObject{{QStringLiteral("name"), statuses[i]}}}});
        }
        return json(200, {{QStringLiteral("transitions"), available}});
    }
    const int id = request.json()
                       .object()
                       .value(QStringLiteral("transition"))
                       .toObject()
                       .value(QStringLiteral("id"))
                       .toString()
                       .toInt();
    const qsizetype index = (id - 1) / 10 - 1;
    if (id % 10 != 1 || index < 0 || index >= statuses.size() || statuses[index] == issue->status)
        return fieldError(
            QStringLiteral("transition"),
            QStringLiteral("Transition id '%1' is not valid for this issue.").arg(id));
    issue->status = statuses[index];
    return FakeResponse::empty(204);
}

FakeJira::FakeJira()
    : m_state(std::make_shared<State>())
{
    addProject(QStringLiteral("DROID"), QStringLiteral("Android app"));
    addProject(QStringLiteral("IOS"), QStringLiteral("iOS app"));
    for (const QByteArray& method : {QByteArray("GET"), QByteArray("POST")})
        m_server.onRequest(method, Api + QStringLiteral("/*"),
                           [this](const RecordedRequest& request) { return answer(request); });
}

QJsonObject FakeJira::config() const
{
    return {{QStringLiteral("siteUrl"), siteUrl().toString()},
            {QStringLiteral("email"), email()},
            {QStringLiteral("projectKeys"),
             QJsonObject{{QStringLiteral("ANDROID"), QStringLiteral("DROID")},
                         {QStringLiteral("IOS"), QStringLiteral("IOS")}}},
            {QStringLiteral("readyStates"), QJsonObject{{QStringLiteral("ANDROID"), readyState()},
                                                        {QStringLiteral("IOS"), readyState()}}}};
}

void FakeJira::setToken(const QString& token)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->token = token;
}

void FakeJira::addProject(const QString& key, const QString& name)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->projects.insert(key, name);
}

void FakeJira::setStatuses(const QStringList& statuses)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->statuses = statuses;
}

void FakeJira::setIssueStatus(const QString& issueKey, const QString& status)
{
    QMutexLocker lock(&m_state->mutex);
    if (Issue* issue = m_state->find(issueKey))
        issue->status = status;
}

QString FakeJira::issueStatus(const QString& issueKey) const
{
    QMutexLocker lock(&m_state->mutex);
    const Issue* issue = m_state->find(issueKey);
    return issue ? issue->status : QString();
}

void FakeJira::failNext(const QByteArray& method, const QString& apiPath,
                        const FakeResponse& response, int times)
{
    m_server.failNext(method, Api + apiPath, response, times);
}

int FakeJira::issuesCreated(const QString& projectKey) const
{
    QMutexLocker lock(&m_state->mutex);
    if (!projectKey.isEmpty())
        return m_state->created.value(projectKey);
    int all = 0;
    for (int count : std::as_const(m_state->created))
        all += count;
    return all;
}

QList<QJsonObject> FakeJira::issues(const QString& projectKey) const
{
    QMutexLocker lock(&m_state->mutex);
    QList<QJsonObject> result;
    for (const Issue& issue : std::as_const(m_state->issues)) {
        if (issue.project == projectKey)
            result << m_state->issueJson(issue, siteUrl());
    }
    return result;
}

QList<RecordedRequest> FakeJira::requests(const QByteArray& method, const QString& apiPath) const
{
    return m_server.requests(method, Api + apiPath);
}

FakeResponse FakeJira::answer(const RecordedRequest& request)
{
    QMutexLocker lock(&m_state->mutex);
    State& state = *m_state;
    const QString path = request.path.mid(Api.size());
    if (!state.token.isEmpty() &&
        request.header("authorization") !=
            "Basic " + (email() + QLatin1Char(':') + state.token).toUtf8().toBase64()) {
        FakeResponse refused = FakeResponse::empty(401);
        refused.body = "Client must be authenticated to access this resource.";
        refused.withHeader("Content-Type", "text/plain;charset=UTF-8");
        return refused;
    }
    const QString key = path.section(QLatin1Char('/'), 2, 2);
    if (request.method == "GET" && path == QLatin1String("/myself"))
        return json(200, {{QStringLiteral("accountId"), QStringLiteral("5b10ac8d82e05b22cc7d4ef5")},
                          {QStringLiteral("displayName"), QStringLiteral("Ada Lovelace")},
                          {QStringLiteral("emailAddress"), email()},
                          {QStringLiteral("active"), true}});
    if (request.method == "GET" && path.startsWith(QStringLiteral("/project/"))) {
        if (!state.projects.contains(key))
            return errorMessages(
                404, QStringLiteral("No project could be found with key '%1'.").arg(key));
        return json(200, {{QStringLiteral("id"), QString::number(qHash(key) % 100000)},
                          {QStringLiteral("key"), key},
                          {QStringLiteral("name"), state.projects.value(key)}});
    }
    if (request.method == "GET" && path == QLatin1String("/search/jql"))
        return state.search(request, siteUrl());
    if (request.method == "POST" && path == QLatin1String("/issue"))
        return state.create(request.json().object(), siteUrl());
    if (path.startsWith(QStringLiteral("/issue/")) && path.endsWith(QStringLiteral("/transitions")))
        return state.transitions(key, request);
    if (request.method == "GET" && path.startsWith(QStringLiteral("/issue/"))) {
        if (const Issue* issue = state.find(key))
            return json(200, state.issueJson(*issue, siteUrl()));
        return errorMessages(404, QStringLiteral("Issue does not exist or you do not have "
                                                 "permission to see it."));
    }
    return errorMessages(404, QStringLiteral("Not Found"));
}

} // namespace ReleaseDeck::Test
