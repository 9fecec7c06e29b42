#include "HttpFailure.h"

#include "logging/Redactor.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>

namespace ReleaseDeck {

namespace {

constexpr qsizetype MaxMessageLength = 300;

QString oneLine(QString text)
{
    text.replace(QRegularExpression(QStringLiteral("\\s+")), QStringLiteral(" "));
    text = text.trimmed();
    if (text.size() > MaxMessageLength)
        text = text.left(MaxMessageLength) + QStringLiteral("…");
    return text;
}

QString describeErrorItem(const QJsonValue& item)
{
    if (item.isString())
        return item.toString();
    const QJsonObject object = item.toObject();
    if (object.value(QStringLiteral("message")).isString())
        return object.value(QStringLiteral("message")).toString();
    QStringList words;
    for (const char* key : {"resource", "field", "code"}) {
        const QString word = object.value(QLatin1String(key)).toString();
        if (!word.isEmpty())
            words << word;
    }
    return words.join(QLatin1Char(' '));
}

QString messageFromJson(const QJsonObject& object)
{
    QStringList parts;
    const QJsonValue message = object.value(QStringLiteral("message"));
    if (message.isString())
        parts << message.toString();
    else if (message.isObject() || message.isArray())
        parts << QString::fromUtf8(
            message.isObject() ? QJsonDocument(message.toObject()).toJson(QJsonDocument::Compact)
                               : QJsonDocument(message.toArray()).toJson(QJsonDocument::Compact));

    const QJsonValue error = object.value(QStringLiteral("error"));
    if (error.isString())
        parts << error.toString();
    else if (error.isObject())
        parts << describeErrorItem(error);
    const QJsonValue description = object.value(QStringLiteral("error_description"));
    if (description.isString())
        parts << description.toString();

    QStringList details;
    const QJsonValue errors = object.value(QStringLiteral("errors"));
    if (errors.isArray()) {
        for (const QJsonValue& item : errors.toArray())
            details << describeErrorItem(item);
    } else if (errors.isObject()) {
        const QJsonObject fields = errors.toObject();
        for (auto it = fields.begin(); it != fields.end(); ++it)
            details << it.key() + QStringLiteral(": ") + it.value().toString();
    }
    const QJsonValue errorMessages = object.value(QStringLiteral("errorMessages"));
    for (const QJsonValue& item : errorMessages.toArray())
        details << item.toString();
    details.removeAll(QString());

    QString text = parts.join(QStringLiteral(": "));
    if (!details.isEmpty())
        text = text.isEmpty() ? details.join(QStringLiteral("; "))
                              : text + QStringLiteral(" (") + details.join(QStringLiteral("; ")) +
                                    QLatin1Char(')');
    return text;
}

bool looksLikeHtml(const HttpResponse& response)
{
    if (response.header("Content-Type").contains("html"))
        return true;
    const QByteArray start = response.body.trimmed().left(20).toLower();
    return start.startsWith("<!doctype") || start.startsWith("<html") || start.startsWith('<');
}

QString clock(const QDateTime& time)
{
    return QLocale::c().toString(time.toUTC(), QStringLiteral("HH:mm")) + QStringLiteral(" UTC");
}

} // namespace

QString HttpFailure::sentence(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.endsWith(QLatin1Char('.')) || trimmed.endsWith(QLatin1Char('!')) ||
        trimmed.endsWith(QLatin1Char('?')))
        return trimmed;
    return trimmed + QLatin1Char('.');
}

QString HttpFailure::providerMessage(const HttpResponse& response)
{
    if (response.body.trimmed().isEmpty() || looksLikeHtml(response))
        return {};
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(response.body, &parseError);
    if (parseError.error == QJsonParseError::NoError && document.isObject())
        return redacted(oneLine(messageFromJson(document.object())));
    if (parseError.error == QJsonParseError::NoError)
        return {};
    return redacted(oneLine(QString::fromUtf8(response.body)));
}

std::optional<QDateTime> HttpFailure::rateLimitReset(const HttpResponse& response,
                                                     const QDateTime& now)
{
    const QByteArray retryAfter = response.header("Retry-After").trimmed();
    if (!retryAfter.isEmpty()) {
        bool isNumber = false;
        const qint64 seconds = retryAfter.toLongLong(&isNumber);
        if (isNumber)
            return now.addSecs(qMax<qint64>(0, seconds));
        const QDateTime date =
            QDateTime::fromString(QString::fromLatin1(retryAfter), Qt::RFC2822Date);
        if (date.isValid())
            return date.toUTC();
    }
    const QByteArray remaining = response.header("x-ratelimit-remaining").trimmed();
    const QByteArray reset = response.header("x-ratelimit-reset").trimmed();
    if (remaining == "0" && !reset.isEmpty()) {
        bool isNumber = false;
        const qint64 epoch = reset.toLongLong(&isNumber);
        if (isNumber)
            return QDateTime::fromSecsSinceEpoch(epoch, Qt::UTC);
    }
    return std::nullopt;
}

Error HttpFailure::rateLimited(const QString& service, const QDateTime& resetsAt)
{
    if (!resetsAt.isValid())
        return {ErrorKind::RateLimited,
                QStringLiteral("%1 rate limit reached; try again in a few minutes.").arg(service),
                {}};
    return {ErrorKind::RateLimited,
            QStringLiteral("%1 rate limit reached; resets at %2.").arg(service, clock(resetsAt)),
            resetsAt.toUTC()};
}

Error HttpFailure::fromResponse(const HttpResponse& response)
{
    const QString service = response.service;
    const QString said = providerMessage(response);
    const int status = response.status;
    const auto withReason = [&said](const QString& text) {
        return sentence(said.isEmpty() ? text : text + QStringLiteral(": ") + said);
    };

    Error error;
    if (status == 401) {
        const bool expired = said.contains(QStringLiteral("expired"), Qt::CaseInsensitive);
        error.kind = expired ? ErrorKind::Expired : ErrorKind::Unauthorized;
        error.message = expired
                            ? withReason(service + QStringLiteral(" says the token has expired"))
                            : withReason(service + QStringLiteral(" refused the credentials"));
    } else if (status == 403 || status == 429) {
        if (const auto reset = rateLimitReset(response, QDateTime::currentDateTimeUtc());
            reset || status == 429)
            return rateLimited(service, reset.value_or(QDateTime()));
        error.kind = ErrorKind::Forbidden;
        error.message = withReason(service + QStringLiteral(" denied the request"));
    } else if (status == 404) {
        error.kind = ErrorKind::NotFound;
        error.message = withReason(service + QStringLiteral(" found nothing at ") +
                                   redacted(response.url.path()));
    } else if (status == 409) {
        error.kind = ErrorKind::Conflict;
        error.message = withReason(service + QStringLiteral(" reported a conflict"));
    } else if (status >= 500) {
        error.kind = ErrorKind::Transient;
        error.message =
            said.isEmpty()
                ? QStringLiteral("%1 failed: HTTP %2 from %3.")
                      .arg(service, QString::number(status), response.url.host())
                : withReason(QStringLiteral("%1 failed with HTTP %2").arg(service).arg(status));
    } else {
        error.kind = ErrorKind::Validation;
        error.message = withReason(
            QStringLiteral("%1 rejected the request (HTTP %2)").arg(service).arg(status));
    }
    error.message = redacted(error.message);
    return error;
}

} // namespace ReleaseDeck
