#pragma once

#include <snow/error.h>

#include <QtCore/QDateTime>
#include <QtCore/QObject>

class LoadingBar;
class MessageBanner;
class RecordTableModel;

namespace snow {
class Client;
}

/// The table browser's feedback to the user: the count line ("1,234 of 56,789
/// loaded"), the loading bar, and the message banner with errors, notices and the
/// instance's rate limit.
///
/// An error stays in the banner until the next reload or Retry: notices, retry and
/// rate-limit warnings do not cover it. Warnings about retries and rate limits go
/// away once a page arrives (hideTransient()). Lives in the GUI thread; every object
/// given to it must outlive it.
class BrowseFeedback : public QObject
{
    Q_OBJECT

public:
    BrowseFeedback(MessageBanner *banner, LoadingBar *loadingBar, RecordTableModel *model, snow::Client *client,
                   QObject *parent = nullptr);

    /// Shows @p error with its Details and a Retry button (retryRequested()).
    void showError(const snow::Error &error);
    /// Shows an information line, unless an error is shown.
    void showNotice(const QString &text);
    /// Shows a warning with @p details, unless an error is shown.
    void showWarning(const QString &text, const QString &details = QString());
    /// Hides a notice or warning, but not an error.
    void hideTransient();
    /// Hides whatever the banner shows, for a new query.
    void clear();
    bool showsError() const;

    /// Shows @p text in the loading bar while no records load yet (a table's
    /// dictionary); an empty text ends it.
    void setPreparing(const QString &text);

    QString countText() const { return m_countText; }
    /// Updates the count line and the loading bar from the model.
    void update();

Q_SIGNALS:
    void countTextChanged(const QString &text);
    void retryRequested();

private:
    void showRateLimit(const QDateTime &until);
    void showRetry(int retryNumber, qint64 delayMs, const snow::Error &reason);
    void updateLoadingBar();

    MessageBanner *m_banner;
    LoadingBar *m_loadingBar;
    RecordTableModel *m_model;
    snow::Client *m_client;
    bool m_errorShown = false;
    QString m_preparing;
    QString m_countText;
};
