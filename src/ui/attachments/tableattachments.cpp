#include "tableattachments.h"

#include "app/errortext.h"
#include "app/session.h"
#include "attachments/attachmentcountproxymodel.h"
#include "attachments/attachmentcounts.h"
#include "attachments/attachmenttarget.h"
#include "attachments/clipboardfiles.h"
#include "attachments/uploadmanager.h"
#include "browse/browsefeedback.h"
#include "logging.h"
#include "metadata/schemacache.h"
#include "models/recordtablemodel.h"
#include "widgets/tablebrowser.h"

#include <snow/client.h>
#include <snow/record.h>

#include <QtCore/QMimeData>
#include <QtGui/QDragMoveEvent>
#include <QtGui/QDropEvent>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QTableView>

using namespace Qt::StringLiterals;

namespace {

const QString RealTableField = u"sys_class_name"_s;

} // namespace

TableAttachments::TableAttachments(TableBrowser *browser, UploadManager *uploads, QObject *parent)
    : QObject(parent)
    , m_browser(browser)
    , m_uploads(uploads)
    , m_counts(new AttachmentCounts(browser->session()->client(), this))
    , m_model(new AttachmentCountProxyModel(m_counts, this))
{
    m_counts->trackChanges(uploads);
    installModel();

    RecordTableModel *records = browser->model();
    connect(records, &RecordTableModel::rowsLoaded, this, &TableAttachments::fetchCounts);
    // A new query reads the counts again, so attachments added elsewhere show up.
    connect(browser, &TableBrowser::queryChanged, m_counts, &AttachmentCounts::clear);
    connect(m_counts, &AttachmentCounts::countsChanged, this, [this](const QString &table, const QStringList &sysIds) {
        if (table.isEmpty())
            m_model->updateRows(sysIds);
    });
    connect(m_counts, &AttachmentCounts::failed, this, [this](const QString &, const snow::Error &error) {
        Q_EMIT statusMessage(tr("Counting the attachments failed: %1").arg(userMessage(error)));
    });

    connect(m_uploads, &UploadManager::itemAdded, this, [this](int id) {
        if (!m_addingTitle.isEmpty())
            m_titles.insert(id, m_addingTitle);
    });
    connect(m_uploads, &UploadManager::itemChanged, this, [this](int id) {
        const auto title = m_titles.constFind(id);
        if (title == m_titles.cend())
            return;
        const UploadItem item = m_uploads->item(id);
        if (item.state == UploadState::Done)
            Q_EMIT statusMessage(tr("Attached \"%1\" to %2.").arg(item.fileName, *title));
        else if (item.state == UploadState::Cancelled)
            Q_EMIT statusMessage(tr("Upload of \"%1\" to %2 cancelled.").arg(item.fileName, *title));
    });
    connect(m_uploads, &UploadManager::uploadFailed, this, [this](int id, const snow::Error &error) {
        const auto title = m_titles.constFind(id);
        if (title == m_titles.cend())
            return;
        const UploadItem item = m_uploads->item(id);
        m_browser->feedback()->showWarning(
            tr("Uploading \"%1\" to %2 failed: %3 Open the record to retry the upload.").arg(item.fileName, *title, userMessage(error)),
            error.isError() ? technicalDetails(error) : QString());
    });
    connect(m_uploads, &UploadManager::itemRemoved, this, [this](int id) { m_titles.remove(id); });
}

TableAttachments::~TableAttachments() = default;

void TableAttachments::installModel()
{
    QTableView *view = m_browser->view();
    m_model->setSourceModel(m_browser->model());
    QItemSelectionModel *oldSelection = view->selectionModel();
    view->setModel(m_model);
    // QAbstractItemView::setModel() leaves the old selection model to the caller.
    delete oldSelection;

    view->setAcceptDrops(true);
    view->viewport()->setAcceptDrops(true);
    view->viewport()->installEventFilter(this);

    // The count column is the last one of the model, so the browser's column numbers
    // stay valid; on screen it comes first. A reset of the header undoes the move.
    connect(m_model, &QAbstractItemModel::modelReset, this, &TableAttachments::placeCountColumn, Qt::QueuedConnection);
    for (const auto signal : {&QAbstractItemModel::columnsInserted, &QAbstractItemModel::columnsRemoved})
        connect(m_model, signal, this, &TableAttachments::placeCountColumn, Qt::QueuedConnection);
    placeCountColumn();
}

void TableAttachments::placeCountColumn()
{
    QHeaderView *header = m_browser->view()->horizontalHeader();
    const int column = m_model->countColumn();
    if (column >= header->count())
        return;
    const int visual = header->visualIndex(column);
    if (visual > 0)
        header->moveSection(visual, 0);
    header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
}

void TableAttachments::fetchCounts(int firstRow, int lastRow)
{
    RecordTableModel *records = m_browser->model();
    QStringList unknown;
    for (int row = firstRow; row <= lastRow; ++row) {
        const QString sysId = records->index(row, 0).data(RecordTableModel::SysIdRole).toString();
        if (!sysId.isEmpty() && m_counts->count(QString(), sysId) < 0)
            unknown.append(sysId);
    }
    if (!unknown.isEmpty())
        m_counts->fetch(QString(), unknown);
}

QString TableAttachments::titleOf(const snow::Record &record) const
{
    const std::shared_ptr<const TableSchema> schema = m_browser->session()->schemas()->cached(m_browser->table());
    const QString field = schema ? schema->displayField() : u"number"_s;
    QString title = record.displayValue(field);
    if (title.isEmpty())
        title = record.value(field);
    return title.isEmpty() ? record.sysId() : title;
}

bool TableAttachments::attachToRow(int row, const QList<QUrl> &urls)
{
    const snow::Record record = m_browser->model()->record(row);
    if (record.isEmpty() || record.sysId().isEmpty()) {
        Q_EMIT statusMessage(tr("Row %1 is not loaded yet. Wait until it shows, then drop the files again.").arg(row + 1));
        return false;
    }
    if (urls.isEmpty())
        return false;

    const QString browsed = m_browser->table();
    const QString sysId = record.sysId();
    const QString title = titleOf(record);

    // A table without sys_class_name is never extended, so its records are its own.
    const std::shared_ptr<const TableSchema> schema = m_browser->session()->schemas()->cached(browsed);
    const bool mayBeExtended = !schema || schema->field(RealTableField);
    if (record.contains(RealTableField) || !mayBeExtended) {
        upload(attachmenttarget::tableOf(record, browsed), sysId, title, urls);
        return true;
    }

    // The row does not carry its real table, so read it first.
    auto *lookup = new RecordTableLookup(m_browser->session()->client(), this);
    connect(lookup, &RecordTableLookup::resolved, this,
            [this, lookup, title, urls](const QString &, const QString &recordSysId, const QString &realTable) {
                lookup->deleteLater();
                upload(realTable, recordSysId, title, urls);
            });
    connect(lookup, &RecordTableLookup::failed, this,
            [this, lookup, title](const QString &table, const QString &, const snow::Error &error) {
                lookup->deleteLater();
                m_browser->feedback()->showWarning(
                    tr("The files were not attached to %1, because reading its table from %2 failed: %3 Try the drop again.")
                        .arg(title, table, userMessage(error)),
                    technicalDetails(error));
            });
    lookup->lookUp(browsed, sysId);
    Q_EMIT statusMessage(tr("Preparing the upload to %1…").arg(title));
    return true;
}

void TableAttachments::upload(const QString &table, const QString &recordSysId, const QString &title, const QList<QUrl> &urls)
{
    qCInfo(lcAttachments).noquote() << "Attaching" << urls.size() << "dropped files to" << table << recordSysId;
    m_addingTitle = title;
    const QList<int> ids = m_uploads->uploadFiles(table, recordSysId, urls);
    m_addingTitle.clear();

    if (ids.size() == 1)
        Q_EMIT statusMessage(tr("Uploading \"%1\" to %2…").arg(m_uploads->item(ids.first()).fileName, title));
    else
        Q_EMIT statusMessage(tr("Uploading %1 files to %2…").arg(ids.size()).arg(title));
}

int TableAttachments::rowAt(const QPoint &viewportPosition) const
{
    const QModelIndex index = m_browser->view()->indexAt(viewportPosition);
    if (!index.isValid() || !index.data(RecordTableModel::LoadedRole).toBool())
        return -1;
    return index.row();
}

bool TableAttachments::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_browser->view()->viewport())
        return QObject::eventFilter(watched, event);

    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove:
    case QEvent::Drop:
        return handleDrag(event);
    case QEvent::DragLeave:
        Q_EMIT statusMessage(QString());
        return true;
    default:
        return false;
    }
}

bool TableAttachments::handleDrag(QEvent *event)
{
    auto *drag = static_cast<QDropEvent *>(event);
    if (!clipboardfiles::hasAttachableContent(drag->mimeData())) {
        drag->ignore();
        return true;
    }

    // A drag that is not accepted on entry gets no move events, so the entry is
    // accepted anywhere and each move decides for the row under the cursor.
    const int row = rowAt(drag->position().toPoint());
    if (event->type() == QEvent::DragEnter && row < 0) {
        drag->setDropAction(Qt::CopyAction);
        drag->accept();
        return true;
    }
    if (row < 0) {
        drag->ignore();
        return true;
    }

    const snow::Record record = m_browser->model()->record(row);
    if (event->type() != QEvent::Drop) {
        QTableView *view = m_browser->view();
        view->selectionModel()->setCurrentIndex(m_model->index(row, 0),
                                                QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        const qsizetype files = drag->mimeData()->urls().size();
        Q_EMIT statusMessage(files > 1 ? tr("Drop to attach %1 files to %2").arg(files).arg(titleOf(record))
                                       : tr("Drop to attach to %1").arg(titleOf(record)));
        drag->setDropAction(Qt::CopyAction);
        drag->accept();
        return true;
    }

    QString errorMessage;
    const QList<QUrl> urls = clipboardfiles::attachableUrls(drag->mimeData(), m_uploads->temporaryFolder(), &errorMessage);
    if (urls.isEmpty()) {
        m_browser->feedback()->showNotice(errorMessage);
        drag->ignore();
        return true;
    }
    drag->setDropAction(Qt::CopyAction);
    drag->accept();
    attachToRow(row, urls);
    return true;
}
