#pragma once

#include <QtCore/QPointer>
#include <QtWidgets/QWidget>

class QLabel;
class QProgressBar;
class QToolButton;
class UploadManager;

/// The Status cell of one upload row: a progress bar while queued or sending, the
/// error while failed, and buttons to cancel, retry or remove the upload from the list.
///
/// It follows UploadManager::itemChanged() for its item. Views show it with
/// QAbstractItemView::setIndexWidget() and delete it with the row.
class UploadStatusWidget : public QWidget
{
    Q_OBJECT

public:
    UploadStatusWidget(UploadManager *uploads, int uploadId, QWidget *parent = nullptr);
    ~UploadStatusWidget() override;

    int uploadId() const { return m_uploadId; }
    QProgressBar *progressBar() const { return m_progress; }
    QToolButton *cancelButton() const { return m_cancel; }
    QToolButton *retryButton() const { return m_retry; }
    QToolButton *dismissButton() const { return m_dismiss; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateFromItem();
    void showMessage(const QString &text);
    void elideMessage();
    QPalette errorPalette() const;

    QPointer<UploadManager> m_uploads;
    int m_uploadId;
    QProgressBar *m_progress;
    QLabel *m_message;
    QToolButton *m_cancel;
    QToolButton *m_retry;
    QToolButton *m_dismiss;
    QString m_messageText;
};
