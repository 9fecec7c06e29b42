#include "wizard/ConnectionStep.h"

#include "backend/ConnectionBackend.h"
#include "backend/FutureReply.h"
#include "wizard/ConnectionRules.h"
#include "wizard/RepositoryUrl.h"

namespace ReleaseDeck {

ConnectionStep::ConnectionStep(ConnectionCategory category, ConnectionBackend& backend,
                               QObject* parent)
    : QObject(parent)
    , m_category(category)
    , m_backend(backend)
{
    const auto providers = ConnectionRules::providers(category);
    m_provider = providers.isEmpty() ? QString() : providers.first().id;
    recheck();
}

void ConnectionStep::setProvider(const QString& provider)
{
    if (provider == m_provider)
        return;
    m_provider = provider;
    m_savedChoices.clear();
    invalidate();
}

void ConnectionStep::setField(const QString& key, const QString& value)
{
    if (m_fields.value(key) == value)
        return;
    if (value.isEmpty())
        m_fields.remove(key);
    else
        m_fields.insert(key, value);
    m_touched.insert(key);
    m_skipped = false;
    if (!ConnectionRules::isChoiceKey(key))
        m_savedChoices.clear();
    if (key == u"channel")
        m_fields.insert(QStringLiteral("channelName"), [&] {
            for (const auto& choice : std::as_const(m_choices.items)) {
                if (choice.id == value)
                    return choice.label;
            }
            return QString();
        }());
    if (ConnectionRules::isChoiceKey(key)) {
        recheck();
        emit changed();
        return;
    }
    invalidate();
}

void ConnectionStep::setToken(const QString& token)
{
    if (token == m_token)
        return;
    m_token = token;
    m_touched.insert(QStringLiteral("token"));
    m_skipped = false;
    invalidate();
}

void ConnectionStep::setRepositoryUrl(const QString& text)
{
    m_repositoryUrl = text;
    m_repositoryUrlError.clear();
    if (text.trimmed().isEmpty()) {
        emit changed();
        return;
    }
    const Result<RepositoryUrl> parsed = RepositoryUrl::parse(text, m_provider);
    if (!parsed) {
        m_repositoryUrlError = parsed.error().message;
        emit changed();
        return;
    }
    const bool forCi = m_category == ConnectionCategory::Ci;
    if (!forCi)
        m_provider = parsed->provider;
    const QList<std::pair<QString, QString>> values = {
        {QStringLiteral("owner"), parsed->provider == u"bitbucket" ? QString() : parsed->owner},
        {QStringLiteral("workspace"), parsed->provider == u"bitbucket" ? parsed->owner : QString()},
        {QStringLiteral("repo"), parsed->repo},
        {QStringLiteral("project"), parsed->project},
        {QStringLiteral("apiUrl"), parsed->apiUrl}};
    for (const auto& [key, value] : values) {
        if (value.isEmpty())
            m_fields.remove(key);
        else
            m_fields.insert(key, value);
        m_touched.insert(key);
    }
    m_skipped = false;
    m_savedChoices.clear();
    invalidate();
}

QString ConnectionStep::fieldError(const QString& key) const
{
    if (key == u"repoUrl")
        return m_repositoryUrlError;
    if (!m_showAllErrors && !m_touched.contains(key))
        return {};
    return m_errors.value(key);
}

QString ConnectionStep::message() const
{
    switch (m_state) {
    case State::Unverified:
        return fieldsValid() ? tr("Not verified yet.") : tr("Fill in the fields, then verify.");
    case State::Verifying:
        return tr("Verifying…");
    case State::Valid:
        if (const QString missing = ConnectionRules::missingChoice(m_provider, m_fields);
            !missing.isEmpty())
            return tr("Verified. %1").arg(missing);
        return m_outcomeText.isEmpty() ? tr("Verified.") : m_outcomeText;
    case State::Invalid:
    case State::Expired:
    case State::Unreachable:
        return m_outcomeText;
    }
    return {};
}

void ConnectionStep::verify()
{
    m_showAllErrors = true;
    if (!canVerify()) {
        emit changed();
        return;
    }
    const int generation = ++m_generation;
    m_state = State::Verifying;
    m_outcomeText.clear();
    emit changed();
    whenFinished(m_backend.verifyDraft(draft()), this,
                 [this, generation](const VerificationOutcome& outcome) {
                     if (generation != m_generation)
                         return;
                     m_details = outcome.details;
                     m_outcomeText = outcome.error;
                     if (!outcome.conclusive) {
                         m_state = State::Unreachable;
                     } else if (outcome.status == VerificationStatus::Valid) {
                         m_state = State::Valid;
                         for (auto it = m_savedChoices.cbegin(); it != m_savedChoices.cend(); ++it)
                             m_fields.insert(it.key(), it.value());
                         const QString bot = outcome.details.value(u"bot").toString();
                         m_outcomeText = bot.isEmpty() ? tr("Verified.")
                                                       : tr("Verified. Posting as %1.").arg(bot);
                         const QString branch = outcome.details.value(u"defaultBranch").toString();
                         if (!branch.isEmpty() &&
                             !m_fields.contains(QStringLiteral("defaultBranch")))
                             m_fields.insert(QStringLiteral("defaultBranch"), branch);
                     } else if (outcome.status == VerificationStatus::Expired) {
                         m_state = State::Expired;
                     } else {
                         m_state = State::Invalid;
                     }
                     if (m_state != State::Valid && m_outcomeText.isEmpty())
                         m_outcomeText = tr("The provider refused the token.");
                     emit changed();
                     if (m_state == State::Valid &&
                         ConnectionRules::choiceList(m_provider) != FieldChoices::None)
                         loadChoices({}, {});
                 });
}

void ConnectionStep::searchChoices(const QString& search)
{
    if (m_state != State::Valid)
        return;
    m_search = search;
    m_choices = {};
    loadChoices(search, {});
}

void ConnectionStep::loadMoreChoices()
{
    if (m_state != State::Valid || m_choices.nextCursor.isEmpty() || m_loadingChoices)
        return;
    loadChoices(m_search, m_choices.nextCursor);
}

void ConnectionStep::loadChoices(const QString& search, const QString& cursor)
{
    const int generation = m_generation;
    m_loadingChoices = true;
    m_choicesError.clear();
    emit changed();
    QFuture<Result<ChoicePage>> future;
    switch (ConnectionRules::choiceList(m_provider)) {
    case FieldChoices::Branches:
        future = m_backend.listBranches(draft());
        break;
    case FieldChoices::Channels:
        future = m_backend.listChannels(draft(), search, cursor);
        break;
    case FieldChoices::Workflows:
        future = m_backend.listWorkflows(draft());
        break;
    case FieldChoices::None:
        m_loadingChoices = false;
        emit changed();
        return;
    }
    whenFinished(future, this, [this, generation, cursor](const Result<ChoicePage>& page) {
        if (generation != m_generation)
            return;
        m_loadingChoices = false;
        if (!page) {
            m_choicesError = page.error().message;
        } else {
            if (cursor.isEmpty())
                m_choices.items.clear();
            m_choices.items += page->items;
            m_choices.nextCursor = page->nextCursor;
        }
        emit changed();
    });
}

void ConnectionStep::setSkipped(bool skipped)
{
    if (skipped == m_skipped)
        return;
    m_skipped = skipped;
    emit changed();
}

bool ConnectionStep::isComplete() const
{
    if (m_skipped)
        return true;
    return fieldsValid() && m_state == State::Valid &&
           ConnectionRules::missingChoice(m_provider, m_fields).isEmpty();
}

ConnectionDraft ConnectionStep::draft() const
{
    return {m_category, m_provider, ConnectionRules::displayName(m_provider, m_fields),
            ConnectionRules::config(m_provider, m_fields), m_token.trimmed()};
}

void ConnectionStep::load(const Connection& connection)
{
    m_provider = connection.provider;
    m_fields = ConnectionRules::fields(connection.provider, connection.config);
    m_savedChoices.clear();
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        if (ConnectionRules::isChoiceKey(it.key()))
            m_savedChoices.insert(it.key(), it.value());
    }
    m_token.clear();
    m_skipped = false;
    invalidate();
}

void ConnectionStep::discard()
{
    ++m_generation;
    m_token.clear();
    m_state = State::Unverified;
    m_loadingChoices = false;
    recheck();
    emit changed();
}

void ConnectionStep::recheck()
{
    m_errors = ConnectionRules::check(m_provider, m_fields, m_token);
}

void ConnectionStep::invalidate()
{
    ++m_generation;
    m_state = State::Unverified;
    m_outcomeText.clear();
    m_details = {};
    m_choices = {};
    m_loadingChoices = false;
    m_choicesError.clear();
    for (const QString& key : m_fields.keys()) {
        if (ConnectionRules::isChoiceKey(key))
            m_fields.remove(key);
    }
    recheck();
    emit changed();
}

} // namespace ReleaseDeck
