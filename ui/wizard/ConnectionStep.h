#pragma once

#include "backend/ChoicePage.h"
#include "model/Connection.h"
#include "model/ConnectionDraft.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>

namespace ReleaseDeck {

class ConnectionBackend;

// One connection page's state, free of widgets: provider, fields, token, the live
// verification and the list to pick from once verified. Pages render it; tests drive it.
class ConnectionStep : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Unverified,
        Verifying,
        Valid,
        Invalid,
        Expired,
        Unreachable
    };
    Q_ENUM(State)

    ConnectionStep(ConnectionCategory category, ConnectionBackend& backend,
                   QObject* parent = nullptr);

    ConnectionCategory category() const { return m_category; }
    QString provider() const { return m_provider; }
    void setProvider(const QString& provider);

    QString field(const QString& key) const { return m_fields.value(key); }
    void setField(const QString& key, const QString& value);
    QString token() const { return m_token; }
    void setToken(const QString& token);
    // Fills the fields from a pasted repository address; a bad one is the "repoUrl" error.
    void setRepositoryUrl(const QString& text);
    QString repositoryUrl() const { return m_repositoryUrl; }

    // The message under a field, once the person has typed in it (or tried to verify).
    QString fieldError(const QString& key) const;
    bool fieldsValid() const { return m_errors.isEmpty(); }

    State state() const { return m_state; }
    // The verification outcome or what still has to be done, in one sentence.
    QString message() const;
    QJsonObject details() const { return m_details; }
    bool busy() const { return m_state == State::Verifying || m_loadingChoices; }
    bool canVerify() const { return fieldsValid() && !busy(); }
    void verify();

    ChoicePage choices() const { return m_choices; }
    bool loadingChoices() const { return m_loadingChoices; }
    QString choicesError() const { return m_choicesError; }
    void searchChoices(const QString& search);
    void loadMoreChoices();

    bool skipped() const { return m_skipped; }
    void setSkipped(bool skipped);
    // Verified and everything picked, or set up later.
    bool isComplete() const;

    ConnectionDraft draft() const;
    // Prefills from a saved connection (Edit); the token must be entered again.
    void load(const Connection& connection);
    // Forgets the token and ignores answers still on their way (Cancel).
    void discard();

signals:
    void changed();

private:
    void recheck();
    void invalidate();
    void loadChoices(const QString& search, const QString& cursor);

    ConnectionCategory m_category;
    ConnectionBackend& m_backend;
    QString m_provider;
    QHash<QString, QString> m_fields;
    // What an edited connection had picked; restored once verified again with the same fields.
    QHash<QString, QString> m_savedChoices;
    QString m_token;
    QString m_repositoryUrl;
    QString m_repositoryUrlError;
    QHash<QString, QString> m_errors;
    QSet<QString> m_touched;
    bool m_showAllErrors = false;
    State m_state = State::Unverified;
    QString m_outcomeText;
    QJsonObject m_details;
    ChoicePage m_choices;
    QString m_search;
    bool m_loadingChoices = false;
    QString m_choicesError;
    bool m_skipped = false;
    // Answers of an earlier generation arrive after the fields changed: ignored.
    int m_generation = 0;
};

} // namespace ReleaseDeck
