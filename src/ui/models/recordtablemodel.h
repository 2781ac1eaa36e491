#pragma once

#include <snow/error.h>
#include <snow/pager.h>
#include <snow/record.h>

#include <QtCore/QAbstractTableModel>
#include <QtCore/QHash>
#include <QtCore/QPointer>
#include <QtCore/QSet>

/// One column of a RecordTableModel: a field name and its header label.
struct RecordColumn
{
    QString field;
    QString label;
};

/// A table of records fed by a snow::Pager, one row per record.
///
/// The model never touches the network itself: it requests pages from the Pager and
/// turns the Pager's recordsReceived() into row insertions or updates. It runs in one of two
/// modes, chosen when the first response brings the total from X-Total-Count:
///
/// - Appending, while the result fits in the page cap (total <= maxLoadedPages() *
///   page size) or when the total is unknown. Rows are appended as pages arrive, and
///   views load more through canFetchMore()/fetchMore(). canFetchMore() is false while
///   a page is in flight, after an error and at the end, and the Pager ignores a second
///   request for a page in flight, so a view cannot cause duplicate requests.
/// - OnDemand, for larger results. The switch resets the model, and from then on
///   rowCount() is the total, so the scroll bar spans the whole result. Rows that are
///   not loaded show a placeholder (LoadedRole is false); requestRows() fetches the
///   pages that cover rows a view needs. At most maxLoadedPages() pages stay loaded:
///   the least recently used page is dropped first, so memory stays bounded whatever
///   the total. canFetchMore() is always false.
///
/// Roles:
/// - Qt::DisplayRole: the display value (a reference's name, a choice's label), or the
///   raw value while rawValuesShown();
/// - DisplayValueRole: always the display value;
/// - RawValueRole: always the stored value (a sys_id, a choice value);
/// - LinkRole: the reference link;
/// - RecordRole: the whole snow::Record;
/// - SysIdRole: the row's sys_id;
/// - LoadedRole: whether the row's record is in memory.
///
/// The model lives in the GUI thread. It does not own the Pager.
class RecordTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role {
        RawValueRole = Qt::UserRole + 1,
        LinkRole,
        RecordRole,
        SysIdRole,
        DisplayValueRole,
        LoadedRole,
    };

    enum class Mode {
        Appending,
        OnDemand,
    };
    Q_ENUM(Mode)

    /// 50 pages of 200 records keep about 10,000 records, a few megabytes.
    static constexpr int DefaultMaxLoadedPages = 50;

    explicit RecordTableModel(QObject *parent = nullptr);
    ~RecordTableModel() override;

    void setColumns(const QList<RecordColumn> &columns);
    QList<RecordColumn> columns() const { return m_columns; }
    /// Replaces the header labels of the columns named in @p labels (field to label),
    /// without a reset.
    void setColumnLabels(const QHash<QString, QString> &labels);

    /// Replaces the rows with those of @p pager, which the caller owns and keeps alive
    /// while it is set. nullptr clears the model.
    void setPager(snow::Pager *pager);
    snow::Pager *pager() const { return m_pager; }

    /// Shows raw values in Qt::DisplayRole instead of display values.
    void setRawValuesShown(bool shown);
    bool rawValuesShown() const { return m_rawValuesShown; }

    /// The number of pages kept in memory in OnDemand mode; it also sets the largest
    /// result kept whole in Appending mode. At least 2. Takes effect at the next
    /// setPager().
    void setMaxLoadedPages(int pages);
    int maxLoadedPages() const { return m_maxLoadedPages; }

    Mode mode() const { return m_mode; }
    /// The total from X-Total-Count, or -1 while unknown.
    qint64 totalCount() const;
    /// Records held in memory.
    qint64 loadedCount() const { return m_loadedRecords; }
    /// Pages held in memory in OnDemand mode; 0 in Appending mode.
    int loadedPageCount() const { return int(m_pages.size()); }
    bool isRowLoaded(int row) const;
    /// True while a page is in flight.
    bool isLoading() const;

    /// Returns the record of @p row, or an empty record when the row is not loaded.
    snow::Record record(int row) const;
    /// Returns the row of the loaded record @p sysId, or -1.
    int rowOf(const QString &sysId) const;
    /// Returns the rows of the loaded records among @p sysIds, by sys_id, in one pass
    /// over the loaded records. Sys_ids not loaded are left out.
    QHash<QString, int> rowsOf(const QSet<QString> &sysIds) const;
    /// Replaces the loaded row that has @p record's sys_id; returns false when none has.
    bool replaceRecord(const snow::Record &record);

    /// Fetches the pages covering rows @p first to @p last that are neither loaded, in
    /// flight nor failed, in OnDemand mode. Does nothing in Appending mode. When every
    /// page in flight lies outside these rows, those requests are aborted first. So a
    /// long jump through the result does not wait behind pages the user passed.
    void requestRows(int first, int last);
    /// Fetches the failed pages again (OnDemand) or the next page (Appending).
    void retry();
    /// Aborts every page in flight. Rows already loaded stay; loadingChanged(false)
    /// follows.
    void cancelLoading();

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    /// The loaded record count or the total changed.
    void countsChanged(qint64 loaded, qint64 total);
    /// Records for rows @p first to @p last arrived (inserted or filled in).
    void rowsLoaded(int first, int last);
    /// The Pager started or stopped loading, or loading was cancelled.
    void loadingChanged(bool loading);
    void modeChanged(RecordTableModel::Mode mode);

private:
    struct LoadedPage
    {
        QList<snow::Record> records;
        mutable quint64 lastUse = 0;
        bool finished = false;
    };

    void takeTotal(qint64 total);
    void takeRecords(qint64 offset, const QList<snow::Record> &records);
    void appendRecords(const QList<snow::Record> &records);
    void storeRecords(qint64 offset, const QList<snow::Record> &records);
    void placeRecords(qint64 offset, const QList<snow::Record> &records);
    void finishPage(qint64 offset);
    void failPage(qint64 offset);
    void switchToOnDemand(qint64 total);
    void resizeOnDemand(qint64 total);
    void dropLeastRecentPages();
    void emitPageChanged(qint64 page);
    qint64 pageSize() const;
    const snow::Record *findRecord(int row) const;
    QVariant placeholder(int row, int column, int role) const;

    QList<RecordColumn> m_columns;
    QPointer<snow::Pager> m_pager;
    Mode m_mode = Mode::Appending;
    bool m_rawValuesShown = false;
    int m_maxLoadedPages = DefaultMaxLoadedPages;

    // Appending mode: the records in order.
    QList<snow::Record> m_rows;

    // OnDemand mode: the row count, and the loaded pages by page number.
    int m_onDemandRows = 0;
    QHash<qint64, LoadedPage> m_pages;
    QSet<qint64> m_requestedPages;
    QSet<qint64> m_failedPages;
    mutable quint64 m_useClock = 0;

    qint64 m_loadedRecords = 0;
};
