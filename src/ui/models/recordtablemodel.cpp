#include "recordtablemodel.h"

#include "logging.h"

#include <snow/pager.h>

#include <QtGui/QColor>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

// A QAbstractItemModel counts rows in int; a larger total is shown up to this row.
int clampRows(qint64 rows)
{
    return int(std::clamp<qint64>(rows, 0, std::numeric_limits<int>::max()));
}

} // namespace

RecordTableModel::RecordTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

RecordTableModel::~RecordTableModel() = default;

void RecordTableModel::setColumns(const QList<RecordColumn> &columns)
{
    beginResetModel();
    m_columns = columns;
    endResetModel();
}

void RecordTableModel::setColumnLabels(const QHash<QString, QString> &labels)
{
    for (int column = 0; column < m_columns.size(); ++column) {
        const auto found = labels.constFind(m_columns.at(column).field);
        if (found == labels.cend() || found->isEmpty() || *found == m_columns.at(column).label)
            continue;
        m_columns[column].label = *found;
        Q_EMIT headerDataChanged(Qt::Horizontal, column, column);
    }
}

void RecordTableModel::setPager(snow::Pager *pager)
{
    if (m_pager)
        m_pager->disconnect(this);

    const Mode previousMode = m_mode;
    beginResetModel();
    m_rows.clear();
    m_pages.clear();
    m_requestedPages.clear();
    m_failedPages.clear();
    m_onDemandRows = 0;
    m_loadedRecords = 0;
    m_mode = Mode::Appending;
    m_pager = pager;
    endResetModel();

    if (previousMode != m_mode)
        Q_EMIT modeChanged(m_mode);
    Q_EMIT countsChanged(0, totalCount());

    if (!pager)
        return;

    connect(pager, &snow::Pager::totalCountChanged, this, &RecordTableModel::takeTotal);
    connect(pager, &snow::Pager::recordsReceived, this, &RecordTableModel::takeRecords);
    connect(pager, &snow::Pager::pageFinished, this, &RecordTableModel::finishPage);
    connect(pager, &snow::Pager::failed, this, [this](qint64 offset, const snow::Error &) { failPage(offset); });
    connect(pager, &snow::Pager::loadingChanged, this, &RecordTableModel::loadingChanged);
}

void RecordTableModel::setRawValuesShown(bool shown)
{
    if (shown == m_rawValuesShown)
        return;

    m_rawValuesShown = shown;
    if (rowCount() > 0 && columnCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1), {Qt::DisplayRole, Qt::ToolTipRole});
}

void RecordTableModel::setMaxLoadedPages(int pages)
{
    m_maxLoadedPages = std::max(2, pages);
}

qint64 RecordTableModel::totalCount() const
{
    return m_pager ? m_pager->totalCount() : -1;
}

qint64 RecordTableModel::pageSize() const
{
    return m_pager ? m_pager->pageSize() : 1;
}

bool RecordTableModel::isLoading() const
{
    return m_pager && m_pager->isLoading();
}

bool RecordTableModel::isRowLoaded(int row) const
{
    const snow::Record *record = findRecord(row);
    return record && !record->isEmpty();
}

const snow::Record *RecordTableModel::findRecord(int row) const
{
    if (row < 0)
        return nullptr;

    if (m_mode == Mode::Appending)
        return row < m_rows.size() ? &m_rows.at(row) : nullptr;

    const qint64 size = pageSize();
    const auto page = m_pages.constFind(row / size);
    if (page == m_pages.cend())
        return nullptr;

    // Reading a row counts as a use of its page, so pages on screen are dropped last.
    page->lastUse = ++m_useClock;
    const qint64 within = row % size;
    return within < page->records.size() ? &page->records.at(within) : nullptr;
}

snow::Record RecordTableModel::record(int row) const
{
    const snow::Record *found = findRecord(row);
    return found ? *found : snow::Record();
}

int RecordTableModel::rowOf(const QString &sysId) const
{
    if (sysId.isEmpty())
        return -1;
    return rowsOf({sysId}).value(sysId, -1);
}

QHash<QString, int> RecordTableModel::rowsOf(const QSet<QString> &sysIds) const
{
    // One pass over the loaded records, whatever the number of sys_ids: each record's
    // sys_id is converted from UTF-8 once, not once per sys_id looked for.
    QHash<QString, int> rows;
    const auto visit = [&](const snow::Record &record, qint64 row) {
        const QString sysId = record.sysId();
        if (!sysId.isEmpty() && sysIds.contains(sysId) && !rows.contains(sysId))
            rows.insert(sysId, int(row));
        return rows.size() < sysIds.size();
    };

    if (sysIds.isEmpty())
        return rows;
    if (m_mode == Mode::Appending) {
        for (int row = 0; row < m_rows.size(); ++row) {
            if (!visit(m_rows.at(row), row))
                break;
        }
        return rows;
    }

    const qint64 size = pageSize();
    for (auto page = m_pages.cbegin(); page != m_pages.cend(); ++page) {
        for (qsizetype within = 0; within < page->records.size(); ++within) {
            if (!visit(page->records.at(within), page.key() * size + within))
                return rows;
        }
    }
    return rows;
}

bool RecordTableModel::replaceRecord(const snow::Record &record)
{
    const int row = rowOf(record.sysId());
    if (row < 0)
        return false;

    if (m_mode == Mode::Appending)
        m_rows[row] = record;
    else
        m_pages[row / pageSize()].records[row % pageSize()] = record;
    if (columnCount() > 0)
        Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
    return true;
}

void RecordTableModel::takeTotal(qint64 total)
{
    if (total < 0)
        return;

    const qint64 keptWhole = qint64(m_maxLoadedPages) * pageSize();
    if (m_mode == Mode::Appending && total > keptWhole)
        switchToOnDemand(total);
    else if (m_mode == Mode::OnDemand)
        resizeOnDemand(total);

    Q_EMIT countsChanged(m_loadedRecords, total);
}

void RecordTableModel::switchToOnDemand(qint64 total)
{
    // A reset costs the views less than inserting the rows: for 1,000,000 rows in a
    // QTableView (Qt 6.4) about 5 ms of CPU against 11 ms.
    beginResetModel();
    // The total arrives with the headers of the first page, before its records, so
    // normally nothing was appended yet. Rows appended anyway keep their places.
    const QList<snow::Record> appended = std::exchange(m_rows, {});
    m_mode = Mode::OnDemand;
    m_onDemandRows = clampRows(std::max<qint64>(total, appended.size()));
    m_loadedRecords = 0;
    placeRecords(0, appended);
    if (m_pager && m_pager->isPageLoading(0))
        m_requestedPages.insert(0);
    endResetModel();

    qCInfo(lcModel) << "Result of" << total << "records is loaded on demand, at most" << m_maxLoadedPages << "pages of"
                    << pageSize() << "at a time";
    Q_EMIT modeChanged(m_mode);
}

void RecordTableModel::resizeOnDemand(qint64 total)
{
    const int rows = clampRows(total);
    if (rows > m_onDemandRows) {
        beginInsertRows(QModelIndex(), m_onDemandRows, rows - 1);
        m_onDemandRows = rows;
        endInsertRows();
        return;
    }
    if (rows == m_onDemandRows)
        return;

    // The result shrank since the first page (records deleted meanwhile): drop the
    // rows past the new end with the pages that held them.
    beginRemoveRows(QModelIndex(), rows, m_onDemandRows - 1);
    m_onDemandRows = rows;
    const qint64 size = pageSize();
    for (auto page = m_pages.begin(); page != m_pages.end();) {
        const qint64 firstRow = page.key() * size;
        if (firstRow >= rows) {
            m_loadedRecords -= std::count_if(page->records.cbegin(), page->records.cend(),
                                             [](const snow::Record &record) { return !record.isEmpty(); });
            page = m_pages.erase(page);
            continue;
        }
        const qsizetype remaining = std::min<qsizetype>(page->records.size(), rows - firstRow);
        for (qsizetype within = remaining; within < page->records.size(); ++within)
            m_loadedRecords -= page->records.at(within).isEmpty() ? 0 : 1;
        page->records.resize(remaining);
        ++page;
    }
    endRemoveRows();
}

void RecordTableModel::takeRecords(qint64 offset, const QList<snow::Record> &records)
{
    if (records.isEmpty())
        return;

    if (m_mode == Mode::Appending)
        appendRecords(records);
    else
        storeRecords(offset, records);
}

void RecordTableModel::appendRecords(const QList<snow::Record> &records)
{
    const int first = int(m_rows.size());
    const int last = first + int(records.size()) - 1;
    beginInsertRows(QModelIndex(), first, last);
    m_rows.append(records);
    m_loadedRecords = m_rows.size();
    endInsertRows();

    qCDebug(lcModel) << "Rows" << first << "to" << last << "appended";
    Q_EMIT rowsLoaded(first, last);
    Q_EMIT countsChanged(m_loadedRecords, totalCount());
}

void RecordTableModel::storeRecords(qint64 offset, const QList<snow::Record> &records)
{
    const qint64 end = std::min<qint64>(offset + records.size(), std::numeric_limits<int>::max());
    if (end > m_onDemandRows)
        resizeOnDemand(end);

    placeRecords(offset, records);
    if (columnCount() > 0)
        Q_EMIT dataChanged(index(int(offset), 0), index(int(end) - 1, columnCount() - 1));
    Q_EMIT rowsLoaded(int(offset), int(end) - 1);
    dropLeastRecentPages();
    Q_EMIT countsChanged(m_loadedRecords, totalCount());
}

// Puts @p records into their pages from row @p offset on, without signals.
void RecordTableModel::placeRecords(qint64 offset, const QList<snow::Record> &records)
{
    const qint64 end = std::min<qint64>(offset + records.size(), m_onDemandRows);
    const qint64 size = pageSize();
    qint64 at = offset;
    qsizetype copied = 0;
    while (at < end) {
        auto page = m_pages.find(at / size);
        if (page == m_pages.end()) {
            page = m_pages.insert(at / size, LoadedPage());
            page->lastUse = ++m_useClock;
        }

        const qint64 within = at % size;
        const qint64 count = std::min(end - at, size - within);
        if (page->records.size() < within + count)
            page->records.resize(within + count);
        for (qint64 i = 0; i < count; ++i) {
            snow::Record &slot = page->records[within + i];
            if (slot.isEmpty())
                ++m_loadedRecords;
            slot = records.at(copied + i);
        }
        at += count;
        copied += count;
    }
}

void RecordTableModel::finishPage(qint64 offset)
{
    if (m_mode != Mode::OnDemand)
        return;

    const qint64 page = offset / pageSize();
    m_requestedPages.remove(page);
    m_failedPages.remove(page);

    // A page that came back short (access rules hide records, or records were deleted
    // since the count) is still finished. Its missing rows show "Not available"
    // instead of loading again and again.
    auto loaded = m_pages.find(page);
    if (loaded == m_pages.end()) {
        loaded = m_pages.insert(page, LoadedPage());
        loaded->lastUse = ++m_useClock;
    }
    loaded->finished = true;
    if (loaded->records.size() < pageSize())
        emitPageChanged(page);
    dropLeastRecentPages();
}

void RecordTableModel::failPage(qint64 offset)
{
    if (m_mode != Mode::OnDemand)
        return;

    const qint64 page = offset / pageSize();
    m_requestedPages.remove(page);
    m_failedPages.insert(page);
    emitPageChanged(page);
}

void RecordTableModel::emitPageChanged(qint64 page)
{
    const qint64 first = page * pageSize();
    const qint64 last = std::min<qint64>(first + pageSize(), m_onDemandRows) - 1;
    if (first <= last && columnCount() > 0)
        Q_EMIT dataChanged(index(int(first), 0), index(int(last), columnCount() - 1));
}

// Drops the least recently used pages until at most maxLoadedPages() remain. Pages
// still receiving records are kept whole.
void RecordTableModel::dropLeastRecentPages()
{
    while (m_pages.size() > m_maxLoadedPages) {
        auto oldest = m_pages.end();
        for (auto page = m_pages.begin(); page != m_pages.end(); ++page) {
            if (m_requestedPages.contains(page.key()))
                continue;
            if (oldest == m_pages.end() || page->lastUse < oldest->lastUse)
                oldest = page;
        }
        if (oldest == m_pages.end())
            return;

        const qint64 page = oldest.key();
        m_loadedRecords -= std::count_if(oldest->records.cbegin(), oldest->records.cend(),
                                         [](const snow::Record &record) { return !record.isEmpty(); });
        m_pages.erase(oldest);
        qCDebug(lcModel) << "Page" << page << "dropped from memory";
        emitPageChanged(page);
    }
}

void RecordTableModel::requestRows(int first, int last)
{
    if (m_mode != Mode::OnDemand || !m_pager || m_onDemandRows == 0)
        return;

    first = std::clamp(first, 0, m_onDemandRows - 1);
    last = std::clamp(last, first, m_onDemandRows - 1);
    const qint64 size = pageSize();
    const qint64 firstPage = first / size;
    // Never ask for more pages than are kept, or the new pages would push out each other.
    const qint64 lastPage = std::min<qint64>(last / size, firstPage + m_maxLoadedPages - 1);

    QList<qint64> missingPages;
    bool inFlightInside = false;
    for (qint64 page = firstPage; page <= lastPage; ++page) {
        if (const auto loaded = m_pages.constFind(page); loaded != m_pages.cend()) {
            loaded->lastUse = ++m_useClock;
            continue;
        }
        if (m_requestedPages.contains(page) || m_pager->isPageLoading(page * size)) {
            inFlightInside = true;
            continue;
        }
        if (!m_failedPages.contains(page))
            missingPages.append(page);
    }
    if (missingPages.isEmpty())
        return;

    if (!inFlightInside && m_pager->isLoading()) {
        qCDebug(lcModel) << "Aborting" << m_requestedPages.size() << "page requests outside rows" << first << "to" << last;
        m_pager->cancel();
        const QSet<qint64> abandoned = std::exchange(m_requestedPages, {});
        for (const qint64 page : abandoned)
            emitPageChanged(page);
    }

    for (const qint64 page : std::as_const(missingPages)) {
        m_requestedPages.insert(page);
        m_pager->fetchPage(page * size);
    }
}

void RecordTableModel::retry()
{
    if (!m_pager)
        return;

    if (m_mode == Mode::Appending) {
        if (!m_pager->isLoading())
            m_pager->fetchNext();
        return;
    }

    const QSet<qint64> failed = std::exchange(m_failedPages, {});
    for (const qint64 page : failed) {
        m_requestedPages.insert(page);
        emitPageChanged(page);
        m_pager->fetchPage(page * pageSize());
    }
}

void RecordTableModel::cancelLoading()
{
    if (!m_pager || !m_pager->isLoading())
        return;

    m_pager->cancel();
    const QSet<qint64> abandoned = std::exchange(m_requestedPages, {});
    for (const qint64 page : abandoned)
        emitPageChanged(page);
    qCInfo(lcModel) << "Loading cancelled";
    Q_EMIT loadingChanged(false);
}

int RecordTableModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return m_mode == Mode::Appending ? int(m_rows.size()) : m_onDemandRows;
}

int RecordTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant RecordTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();

    const snow::Record *record = findRecord(index.row());
    if (!record || record->isEmpty())
        return placeholder(index.row(), index.column(), role);

    const QString &field = m_columns.at(index.column()).field;
    switch (role) {
    case Qt::DisplayRole:
        return m_rawValuesShown ? record->value(field) : record->displayValue(field);
    case Qt::ToolTipRole: {
        const QString display = record->displayValue(field);
        const QString raw = record->value(field);
        return raw.isEmpty() || raw == display ? display : u"%1 (%2)"_s.arg(display, raw);
    }
    case DisplayValueRole:
        return record->displayValue(field);
    case RawValueRole:
        return record->value(field);
    case LinkRole:
        return record->link(field);
    case RecordRole:
        return QVariant::fromValue(*record);
    case SysIdRole:
        return record->sysId();
    case LoadedRole:
        return true;
    default:
        return QVariant();
    }
}

QVariant RecordTableModel::placeholder(int row, int column, int role) const
{
    if (role == LoadedRole)
        return false;
    if (role == Qt::ForegroundRole)
        return QColor(Qt::gray);
    if (column != 0 || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return QVariant();

    const qint64 page = row / pageSize();
    const auto loaded = m_pages.constFind(page);
    if (loaded != m_pages.cend() && loaded->finished) {
        return role == Qt::DisplayRole
            ? tr("Not available")
            : tr("The instance returned fewer records than its count for this page; access rules may hide them.");
    }
    if (m_failedPages.contains(page))
        return role == Qt::DisplayRole ? tr("Not loaded") : tr("Loading this page failed; use Retry to load it again.");
    if (m_requestedPages.contains(page) || (m_pager && m_pager->isPageLoading(page * pageSize())))
        return tr("Loading…");
    return u"…"_s;
}

QVariant RecordTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && section >= 0 && section < m_columns.size()) {
        if (role == Qt::DisplayRole)
            return m_columns.at(section).label;
        if (role == Qt::ToolTipRole)
            return m_columns.at(section).field;
    }
    if (orientation == Qt::Vertical && role == Qt::DisplayRole)
        return section + 1;
    return QVariant();
}

bool RecordTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_mode == Mode::Appending && m_pager && !m_pager->atEnd() && !m_pager->isLoading()
        && !m_pager->lastError().isError();
}

void RecordTableModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        m_pager->fetchNext();
}
