#pragma once

#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtCore/QUrl>

class AttachmentCountProxyModel;
class AttachmentCounts;
class TableBrowser;
class UploadManager;

namespace snow {
class Error;
class Record;
}

/// Attachments in a TableBrowser: an "Attachments" count column, and files dropped
/// on a row uploaded to that row's record.
///
/// The browser's view shows an AttachmentCountProxyModel over its RecordTableModel.
/// Row and column numbers stay those of the RecordTableModel, because the count column
/// is the model's last one; on screen it comes first. Counts are fetched for the rows as they load, under any
/// table, so a list of `task` records counts the attachments that each record keeps
/// under its real table.
///
/// A drop goes to the row under the cursor, which becomes the current row while the
/// drag moves. The upload uses the record's real table: its `sys_class_name` when the
/// row carries it, otherwise read from the instance first (RecordTableLookup). The
/// uploads run in @p uploads; a form open on the same record shows their progress,
/// and statusMessage() reports the start and the end. A failed upload shows in the
/// browser's banner and waits in the UploadManager, where the record's form offers
/// Retry.
///
/// Lives in the GUI thread; @p browser and @p uploads must outlive it.
class TableAttachments : public QObject
{
    Q_OBJECT

public:
    TableAttachments(TableBrowser *browser, UploadManager *uploads, QObject *parent = nullptr);
    ~TableAttachments() override;

    AttachmentCountProxyModel *model() const { return m_model; }
    AttachmentCounts *counts() const { return m_counts; }

    /// Queues @p urls for upload to the record of @p row. Returns false, with a message,
    /// when the row's record is not loaded or there is nothing to upload.
    bool attachToRow(int row, const QList<QUrl> &urls);

Q_SIGNALS:
    /// A short text for the window's status bar.
    void statusMessage(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void installModel();
    void placeCountColumn();
    void fetchCounts(int firstRow, int lastRow);
    void upload(const QString &table, const QString &recordSysId, const QString &title, const QList<QUrl> &urls);
    QString titleOf(const snow::Record &record) const;
    int rowAt(const QPoint &viewportPosition) const;
    bool handleDrag(QEvent *event);

    TableBrowser *m_browser;
    UploadManager *m_uploads;
    AttachmentCounts *m_counts;
    AttachmentCountProxyModel *m_model;
    // The record title of each upload started here, by UploadManager item id.
    QHash<int, QString> m_titles;
    // The title for the items that UploadManager::uploadFiles() adds while it runs,
    // because it may fail an item before it returns the ids.
    QString m_addingTitle;
};
