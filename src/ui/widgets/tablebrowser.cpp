#include "tablebrowser.h"

#include "app/errortext.h"
#include "app/session.h"
#include "logging.h"
#include "models/recordtablemodel.h"
#include "widgets/messagebanner.h"

#include <snow/client.h>
#include <snow/pager.h>

#include <QtCore/QLocale>
#include <QtCore/QItemSelectionModel>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QScrollBar>
#include <QtWidgets/QTableView>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

// The columns of the incident list until the column chooser stores a choice per table.
QList<RecordColumn> defaultColumns(const QString &table)
{
    if (table == u"incident") {
        return {
            {u"number"_s, QObject::tr("Number")},
            {u"short_description"_s, QObject::tr("Short description")},
            {u"state"_s, QObject::tr("State")},
            {u"priority"_s, QObject::tr("Priority")},
            {u"assigned_to"_s, QObject::tr("Assigned to")},
            {u"sys_updated_on"_s, QObject::tr("Updated")},
        };
    }
    return {{u"sys_id"_s, QObject::tr("Sys ID")}, {u"sys_updated_on"_s, QObject::tr("Updated")}};
}

} // namespace

TableBrowser::TableBrowser(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new RecordTableModel(this))
    , m_view(new QTableView(this))
    , m_banner(new MessageBanner(this))
{
    m_view->setObjectName(u"recordTable"_s);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_banner);
    layout->addWidget(m_view, 1);

    connect(m_model, &RecordTableModel::countsChanged, this, &TableBrowser::updateCount);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_firstRowsSignalled)
            return;
        m_firstRowsSignalled = true;
        m_view->resizeColumnsToContents();
        Q_EMIT firstRowsShown();
    });
    connect(m_view, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        const QString sysId = index.data(RecordTableModel::SysIdRole).toString();
        if (!sysId.isEmpty())
            Q_EMIT recordActivated(m_table, sysId);
    });
    connect(m_banner, &MessageBanner::actionTriggered, this, [this] {
        m_banner->hide();
        if (m_pager)
            m_pager->fetchNext();
    });
}

TableBrowser::~TableBrowser() = default;

void TableBrowser::open(const QString &table, const QString &encodedQuery)
{
    m_table = table;
    m_query = encodedQuery;
    reload();
}

void TableBrowser::setEncodedQuery(const QString &encodedQuery)
{
    m_query = encodedQuery;
    reload();
}

void TableBrowser::reload()
{
    m_banner->hide();
    m_firstRowsSignalled = false;

    snow::Pager::Options options;
    options.pageSize = 200;
    options.displayValue = snow::ParamsBuilder::DisplayValue::All;
    const QList<RecordColumn> columns = defaultColumns(m_table);
    for (const RecordColumn &column : columns)
        options.fields.append(column.field);
    options.fields.append(u"sys_id"_s);

    const QString query = m_query.isEmpty() && m_table == u"incident" ? u"ORDERBYnumber"_s : m_query;
    auto *pager = new snow::Pager(m_session->client()->resource(u"/table/"_s + m_table), query, options, this);
    connect(pager, &snow::Pager::failed, this, [this](qint64, const snow::Error &error) { showError(error); });
    connect(pager, &snow::Pager::loadingChanged, this, [this] { updateCount(); });
    connect(pager, &snow::Pager::pageFinished, this, &TableBrowser::fetchMoreIfAtEnd, Qt::QueuedConnection);

    m_model->setColumns(columns);
    m_model->setPager(pager);
    if (m_pager)
        m_pager->deleteLater();
    m_pager = pager;

    qCInfo(lcModel).noquote() << "Opening table" << m_table << "with query" << pager->encodedQuery();
    pager->fetchNext();
    updateCount();
    Q_EMIT queryChanged(m_table, m_query);
}

// The view asks for more rows only when its geometry changes; when the user reached
// the end while a page was still loading, ask again once that page is done.
void TableBrowser::fetchMoreIfAtEnd()
{
    const QScrollBar *scrollBar = m_view->verticalScrollBar();
    if (scrollBar->value() >= scrollBar->maximum() - scrollBar->pageStep() && m_model->canFetchMore(QModelIndex()))
        m_model->fetchMore(QModelIndex());
}

bool TableBrowser::applyUpdatedRecord(const snow::Record &record)
{
    return m_model->replaceRecord(record);
}

QList<snow::Record> TableBrowser::selectedRecords() const
{
    QList<snow::Record> records;
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &left, const QModelIndex &right) { return left.row() < right.row(); });
    for (const QModelIndex &row : std::as_const(rows))
        records.append(m_model->record(row.row()));
    return records;
}

QString TableBrowser::countText() const
{
    return m_countText;
}

void TableBrowser::updateCount()
{
    const QLocale locale;
    const qint64 loaded = m_model->rowCount();
    const qint64 total = m_model->totalCount();

    QString text;
    if (total < 0)
        text = m_pager && m_pager->isLoading() ? tr("Loading…") : tr("%1 loaded").arg(locale.toString(loaded));
    else
        text = tr("%1 of %2 loaded").arg(locale.toString(loaded), locale.toString(total));
    if (m_pager && m_pager->isLoading() && total >= 0)
        text += tr(" (loading)");

    if (text != m_countText) {
        m_countText = text;
        Q_EMIT countTextChanged(text);
    }
}

void TableBrowser::showError(const snow::Error &error)
{
    m_banner->showMessage(MessageBanner::Kind::Error, userMessage(error), technicalDetails(error));
    m_banner->setActionText(tr("Retry"));
    updateCount();
    Q_EMIT errorShown(error);
}
