#pragma once

#include <snow/error.h>
#include <snow/query.h>
#include <snow/resource.h>

#include <QtWidgets/QWidget>

class MessageBanner;
class QLabel;
class QTableView;
class RecordTableModel;
class Session;

namespace snow {
class Pager;
class Record;
}

/// The records of one table and query in a paged table view, with a count line and an
/// inline error banner. Further pages load as the user scrolls.
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
    QString encodedQuery() const { return m_query; }
    /// Runs @p encodedQuery on the current table.
    void setEncodedQuery(const QString &encodedQuery);
    Session *session() const { return m_session; }

    /// Shows @p record in place of the loaded row with the same sys_id, without a
    /// reload (after a save elsewhere). Returns false when no such row is loaded.
    bool applyUpdatedRecord(const snow::Record &record);
    /// The records of the selected rows, in row order.
    QList<snow::Record> selectedRecords() const;

    RecordTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    MessageBanner *banner() const { return m_banner; }
    /// The "N of TOTAL loaded" text.
    QString countText() const;

Q_SIGNALS:
    /// The first rows of the current query are in the view.
    void firstRowsShown();
    void countTextChanged(const QString &text);
    void errorShown(const snow::Error &error);
    /// The table or query changed (through open() or setEncodedQuery()).
    void queryChanged(const QString &table, const QString &encodedQuery);
    /// The user opened a record (double-click or Enter on a row).
    void recordActivated(const QString &table, const QString &sysId);

private:
    void showError(const snow::Error &error);
    void updateCount();
    void fetchMoreIfAtEnd();

    Session *m_session;
    QString m_table;
    QString m_query;
    snow::Pager *m_pager = nullptr;
    RecordTableModel *m_model;
    QTableView *m_view;
    MessageBanner *m_banner;
    bool m_firstRowsSignalled = false;
    QString m_countText;
};
