#pragma once

#include "browse/recordcopy.h"
#include "browse/recordexporter.h"
#include "models/recordtablemodel.h"

#include <snow/error.h>
#include <snow/query.h>
#include <snow/resource.h>

#include <QtCore/QPointer>
#include <QtWidgets/QWidget>

class BrowseFeedback;
class ExportRunner;
class FindBar;
class GroupByPanel;
class LoadingBar;
class MessageBanner;
class QAction;
class QMenu;
class QSplitter;
class QTableView;
class QToolButton;
class Session;
class TableListModel;
class VisibleRowsLoader;
struct TableSchema;

namespace snow {
class Pager;
class Record;
}

/// The records of one table and encoded query in a paged table view, with find
/// controls, a column chooser, a group-by chart, row actions and inline feedback.
///
/// Records load page by page through a snow::Pager and a RecordTableModel: small
/// results grow as the user scrolls, large ones span the whole result at once and
/// load the rows on screen (see RecordTableModel). Sorting by a column header, quick
/// search, a pasted query and clicking a group-by bar all make a new encoded query
/// that the instance evaluates. Nothing is sorted or filtered locally.
///
/// Columns come from the table's dictionary (Session::schemas()) and are saved per
/// table and connection profile, as are the recently opened tables (BrowseSettings).
///
/// Errors appear in a MessageBanner with the ServiceNow message and a Details view
/// of the request; a rate-limited instance shows when requests resume. Every feature
/// has an action in tableMenu(), so the keyboard reaches it, and the frequent ones
/// have shortcuts.
///
/// Lives in the GUI thread; the Session must outlive it.
class TableBrowser : public QWidget
{
    Q_OBJECT

public:
    explicit TableBrowser(Session *session, QWidget *parent = nullptr);
    ~TableBrowser() override;

    /// Shows @p table filtered by @p encodedQuery.
    void open(const QString &table, const QString &encodedQuery = QString());
    /// Fetches the current query again from the start.
    void reload();

    QString table() const { return m_table; }
    /// The query as the user gave it (without the default ordering).
    QString encodedQuery() const { return m_query; }
    /// Runs @p encodedQuery on the current table.
    void setEncodedQuery(const QString &encodedQuery);
    /// The query sent to the instance: encodedQuery() with the ordering added when it
    /// has none.
    QString effectiveQuery() const;
    Session *session() const { return m_session; }

    /// Shows @p record in place of the loaded row with the same sys_id, without a
    /// reload (after a save elsewhere). Returns false when no such row is loaded.
    bool applyUpdatedRecord(const snow::Record &record);
    /// The records of the rows with a selected cell, in row order. Rows not loaded (a
    /// large result loaded on demand) are left out.
    QList<snow::Record> selectedRecords() const;

    RecordTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    MessageBanner *banner() const { return m_banner; }
    FindBar *findBar() const { return m_findBar; }
    GroupByPanel *groupByPanel() const { return m_groupBy; }
    LoadingBar *loadingBar() const { return m_loadingBar; }
    TableListModel *tableList() const { return m_tables; }
    /// The "N of TOTAL loaded" text.
    QString countText() const;
    BrowseFeedback *feedback() const { return m_feedback; }

    /// The browse actions (open table, find, columns, copy, export, ...), for the
    /// main window's menu bar. Owned by the browser.
    QMenu *tableMenu() const { return m_tableMenu; }
    /// Returns the action named @p objectName, such as "openTableAction".
    QAction *action(const QString &objectName) const;

    /// Shows and saves @p fields as the columns of the current table, then reloads.
    void setColumnFields(const QStringList &fields);
    QList<RecordColumn> columns() const { return m_columns; }
    /// Orders the query by @p field only.
    void sortByField(const QString &field, bool descending);
    /// Narrows the query with `<field>=<value>` (`<field>ISEMPTY` for an empty value).
    void filterByValue(const QString &field, const QString &value);

    /// Opens the table picker (non-blocking); the chosen table opens when accepted.
    void chooseTable();
    /// Opens the column chooser (non-blocking) once the table's schema is loaded.
    void chooseColumns();
    void setGroupByVisible(bool visible);

    /// Copies the selected cells, or one column of the selected rows, or their sys_ids.
    void copySelection(recordcopy::Values values);
    void copyCurrentColumn(recordcopy::Values values);
    void copySysIds();
    /// Opens the current row's record in the web browser; returns false when no
    /// loaded row is current or no browser could be started.
    bool openCurrentRecordInBrowser();

    /// Exports the current query to @p path with a progress dialog; returns false when
    /// an export is running or the file cannot be created.
    bool exportTo(const QString &path, RecordExporter::Format format);
    /// The export running or last run; nullptr before the first.
    RecordExporter *exporter() const;
    /// Stops every page in flight.
    void cancelLoading();

Q_SIGNALS:
    /// The first rows of the current query are in the view.
    void firstRowsShown();
    void countTextChanged(const QString &text);
    void errorShown(const snow::Error &error);
    /// The table or query changed (through open() or setEncodedQuery()).
    void queryChanged(const QString &table, const QString &encodedQuery);
    /// The user opened a record (double-click or Enter on a row).
    void recordActivated(const QString &table, const QString &sysId);
    /// An export ended; no error when the file is complete at @p path.
    void exportFinished(const QString &path, const snow::Error &error);

private:
    void createLayout();
    void createActions();
    void connectSession();
    void resolveColumns(const TableSchema *schema);
    void takeSchema(const QString &table);
    void failSchema(const QString &table, const snow::Error &error);
    void sortBySection(int section);
    void updateSortIndicator();
    void updateTableButton();
    void applySearch(const QString &condition);
    void applyQueryText(const QString &encoded);
    void showError(const snow::Error &error);
    void fetchMoreIfAtEnd();
    void chooseExportFile(RecordExporter::Format format);
    RecordExporter::Request exportRequest(RecordExporter::Format format) const;
    void reportExport(const QString &path, qint64 written, const snow::Error &error);
    void showContextMenu(const QPoint &position);
    QList<int> selectedRowNumbers() const;
    void reportCopy(const recordcopy::CopiedText &copied);

    Session *m_session;
    QString m_table;
    QString m_query;
    QString m_searchCondition;
    QList<RecordColumn> m_columns;
    bool m_waitingForSchema = false;
    bool m_chooserWaitingForSchema = false;
    snow::Pager *m_pager = nullptr;

    RecordTableModel *m_model;
    TableListModel *m_tables;
    QTableView *m_view;
    MessageBanner *m_banner;
    FindBar *m_findBar;
    GroupByPanel *m_groupBy;
    LoadingBar *m_loadingBar;
    QSplitter *m_splitter;
    QToolButton *m_tableButton;
    VisibleRowsLoader *m_rowsLoader;
    BrowseFeedback *m_feedback;
    ExportRunner *m_exports;
    QMenu *m_tableMenu;
    QMenu *m_exportMenu;

    bool m_firstRowsSignalled = false;
};
