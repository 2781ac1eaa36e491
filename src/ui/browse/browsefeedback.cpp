#include "browsefeedback.h"

#include "app/errortext.h"
#include "browse/loadingbar.h"
#include "models/recordtablemodel.h"
#include "widgets/messagebanner.h"

#include <snow/client.h>

#include <QtCore/QLocale>

using namespace Qt::StringLiterals;

BrowseFeedback::BrowseFeedback(MessageBanner *banner, LoadingBar *loadingBar, RecordTableModel *model, snow::Client *client,
                               QObject *parent)
    : QObject(parent)
    , m_banner(banner)
    , m_loadingBar(loadingBar)
    , m_model(model)
    , m_client(client)
{
    connect(model, &RecordTableModel::countsChanged, this, &BrowseFeedback::update);
    connect(model, &RecordTableModel::loadingChanged, this, &BrowseFeedback::update);
    connect(client, &snow::Client::rateLimited, this, &BrowseFeedback::showRateLimit);
    connect(client, &snow::Client::retrying, this,
            [this](const QString &, const QUrl &, int retryNumber, qint64 delayMs, const snow::Error &reason) {
                showRetry(retryNumber, delayMs, reason);
            });
    connect(banner, &MessageBanner::actionTriggered, this, [this] {
        clear();
        Q_EMIT retryRequested();
    });
}

bool BrowseFeedback::showsError() const
{
    return m_errorShown && m_banner->isVisible();
}

void BrowseFeedback::showError(const snow::Error &error)
{
    m_banner->showMessage(MessageBanner::Kind::Error, userMessage(error), technicalDetails(error));
    m_banner->setActionText(tr("Retry"));
    m_errorShown = true;
    update();
}

void BrowseFeedback::showNotice(const QString &text)
{
    if (showsError())
        return;
    m_banner->showMessage(MessageBanner::Kind::Information, text);
    m_banner->setActionText(QString());
    m_errorShown = false;
}

void BrowseFeedback::showWarning(const QString &text, const QString &details)
{
    if (showsError())
        return;
    m_banner->showMessage(MessageBanner::Kind::Warning, text, details);
    m_banner->setActionText(QString());
    m_errorShown = false;
}

void BrowseFeedback::hideTransient()
{
    if (!showsError())
        m_banner->hide();
}

void BrowseFeedback::clear()
{
    m_banner->hide();
    m_errorShown = false;
}

void BrowseFeedback::setPreparing(const QString &text)
{
    m_preparing = text;
    update();
}

void BrowseFeedback::showRateLimit(const QDateTime &until)
{
    const qint64 seconds = std::max<qint64>(0, QDateTime::currentDateTime().secsTo(until));
    showWarning(tr("The instance is rate-limiting requests. Snowscope waits and sends them again at %1 (in %2 s).")
                    .arg(QLocale().toString(until.time(), QLocale::LongFormat))
                    .arg(seconds));
    update();
}

void BrowseFeedback::showRetry(int retryNumber, qint64 delayMs, const snow::Error &reason)
{
    // A rate limit has its own, more precise warning.
    if (reason.retryAfterSeconds() >= 0)
        return;
    showWarning(tr("A request failed (%1); retry %2 follows in %3 s.")
                    .arg(userMessage(reason))
                    .arg(retryNumber)
                    .arg(QLocale().toString(double(delayMs) / 1000.0, 'f', 1)),
                technicalDetails(reason));
}

void BrowseFeedback::update()
{
    const QLocale locale;
    const qint64 loaded = m_model->loadedCount();
    const qint64 total = m_model->totalCount();
    const bool loading = m_model->isLoading();

    QString text;
    if (total < 0)
        text = loading || !m_preparing.isEmpty() ? tr("Loading…") : tr("%1 loaded").arg(locale.toString(loaded));
    else
        text = tr("%1 of %2 loaded").arg(locale.toString(loaded), locale.toString(total));
    if (loading && total >= 0)
        text += tr(" (loading)");

    if (text != m_countText) {
        m_countText = text;
        Q_EMIT countTextChanged(text);
    }
    updateLoadingBar();
}

void BrowseFeedback::updateLoadingBar()
{
    if (!m_model->isLoading()) {
        if (m_preparing.isEmpty())
            m_loadingBar->finish();
        else
            m_loadingBar->showLoading(m_preparing);
        return;
    }

    const QLocale locale;
    const qint64 total = m_model->totalCount();
    const QDateTime until = m_client->rateLimitedUntil();
    QString text = total >= 0 ? tr("Loading %1 records…").arg(locale.toString(total)) : tr("Loading records…");
    if (until.isValid() && until > QDateTime::currentDateTime())
        text = tr("Waiting for the instance's rate limit until %1…").arg(locale.toString(until.time(), QLocale::LongFormat));

    if (m_model->mode() == RecordTableModel::Mode::Appending && total > 0)
        m_loadingBar->showLoading(text, m_model->loadedCount(), total);
    else
        m_loadingBar->showLoading(text);
}
