#include "tablebrowser.h"

#include "app/errortext.h"
#include "app/session.h"
#include "browse/browsefeedback.h"
#include "browse/browsesettings.h"
#include "browse/columnchoice.h"
#include "browse/columnchooserdialog.h"
#include "browse/exportrunner.h"
#include "browse/findbar.h"
#include "browse/groupbypanel.h"
#include "browse/loadingbar.h"
#include "browse/querytext.h"
#include "browse/recordurl.h"
#include "browse/tablepickerdialog.h"
#include "browse/visiblerowsloader.h"
#include "logging.h"
#include "metadata/schemacache.h"
#include "models/recordtablemodel.h"
#include "models/tablelistmodel.h"
#include "widgets/messagebanner.h"

#include <snow/client.h>
#include <snow/pager.h>

#include <QtCore/QDir>
#include <QtCore/QItemSelectionModel>
#include <QtCore/QLocale>
#include <QtGui/QAction>
#include <QtGui/QClipboard>
#include <QtGui/QDesktopServices>
#include <QtGui/QGuiApplication>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMenu>
#include <QtWidgets/QScrollBar>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QTableView>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

// Records per request while browsing: a screen or two, small enough to arrive fast.
constexpr qint64 BrowsePageSize = 200;

} // namespace

TableBrowser::TableBrowser(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new RecordTableModel(this))
    , m_tables(new TableListModel(session->client(), this))
    , m_view(new QTableView(this))
    , m_banner(new MessageBanner(this))
    , m_findBar(new FindBar(this))
    , m_groupBy(new GroupByPanel(session->client(), this))
    , m_loadingBar(new LoadingBar(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_tableButton(new QToolButton(this))
    , m_rowsLoader(new VisibleRowsLoader(m_view, m_model, this))
    , m_feedback(new BrowseFeedback(m_banner, m_loadingBar, m_model, session->client(), this))
    , m_exports(new ExportRunner(this))
    , m_tableMenu(new QMenu(tr("&Table"), this))
    , m_exportMenu(new QMenu(tr("&Export"), this))
{
    createActions();
    createLayout();
    connectSession();
    m_tables->setRecentTables(BrowseSettings(session->profileId()).recentTables());
}

TableBrowser::~TableBrowser() = default;

void TableBrowser::createLayout()
{
    m_view->setObjectName(u"recordTable"_s);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionsClickable(true);
    m_view->horizontalHeader()->setSortIndicatorShown(true);
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    // Fit columns to the rows on screen only. Measuring the first 1,000 rows (Qt's
    // default) took about 7 ms of GUI-thread CPU when a million-row result opened.
    m_view->horizontalHeader()->setResizeContentsPrecision(0);
    m_view->horizontalHeader()->setToolTip(tr("Click a column to sort by it on the instance; click again to reverse."));
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);

    m_tableButton->setObjectName(u"tableButton"_s);
    m_tableButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_tableButton->setToolTip(tr("Open another table (Ctrl+T)"));

    m_groupBy->hide();
    m_splitter->addWidget(m_view);
    m_splitter->addWidget(m_groupBy);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);

    auto *topRow = new QHBoxLayout();
    topRow->setContentsMargins(4, 4, 4, 0);
    topRow->addWidget(m_tableButton);
    topRow->addWidget(m_findBar, 1);
    // The most used actions also sit beside the find bar, for the mouse.
    for (const char *name : {"chooseColumnsAction", "rawValuesAction", "groupByAction"}) {
        auto *button = new QToolButton(this);
        button->setDefaultAction(action(QString::fromLatin1(name)));
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        topRow->addWidget(button);
    }
    auto *exportButton = new QToolButton(this);
    exportButton->setObjectName(u"exportButton"_s);
    exportButton->setText(tr("Export"));
    exportButton->setMenu(m_exportMenu);
    exportButton->setPopupMode(QToolButton::InstantPopup);
    topRow->addWidget(exportButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(topRow);
    layout->addWidget(m_banner);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_loadingBar);

    connect(m_view->horizontalHeader(), &QHeaderView::sectionClicked, this, &TableBrowser::sortBySection);
    connect(m_view, &QWidget::customContextMenuRequested, this, &TableBrowser::showContextMenu);
    connect(m_view, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        const QString sysId = index.data(RecordTableModel::SysIdRole).toString();
        if (!sysId.isEmpty())
            Q_EMIT recordActivated(m_table, sysId);
    });
    connect(m_tableButton, &QToolButton::clicked, this, &TableBrowser::chooseTable);

    connect(m_feedback, &BrowseFeedback::countTextChanged, this, &TableBrowser::countTextChanged);
    connect(m_feedback, &BrowseFeedback::retryRequested, m_model, &RecordTableModel::retry);
    connect(m_exports, &ExportRunner::finished, this, &TableBrowser::reportExport);
    connect(m_model, &RecordTableModel::rowsLoaded, this, [this] {
        if (m_firstRowsSignalled)
            return;
        m_firstRowsSignalled = true;
        m_view->resizeColumnsToContents();
        Q_EMIT firstRowsShown();
    });

    connect(m_findBar, &FindBar::searchRequested, this, &TableBrowser::applySearch);
    connect(m_findBar, &FindBar::queryEntered, this, &TableBrowser::applyQueryText);
    connect(m_groupBy, &GroupByPanel::filterRequested, this, &TableBrowser::filterByValue);
    connect(m_loadingBar, &LoadingBar::cancelRequested, this, &TableBrowser::cancelLoading);
}

void TableBrowser::createActions()
{
    const auto add = [this](const char *name, const QString &text, const QKeySequence &shortcut, auto slot) {
        auto *action = new QAction(text, this);
        action->setObjectName(QString::fromLatin1(name));
        action->setShortcut(shortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        return action;
    };
    // Copy and cancel act on the table, so they work only while it has the focus:
    // Ctrl+C in a text field copies its text, Esc in the query field restores it.
    const auto tableOnly = [this](QAction *action) {
        removeAction(action);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_view->addAction(action);
        return action;
    };

    QAction *openTable = add("openTableAction", tr("&Open Table…"), QKeySequence(Qt::CTRL | Qt::Key_T), &TableBrowser::chooseTable);
    QAction *find = add("findAction", tr("&Find…"), QKeySequence::Find, [this] {
        m_findBar->searchField()->setFocus(Qt::ShortcutFocusReason);
        m_findBar->searchField()->selectAll();
    });
    QAction *editQuery = add("editQueryAction", tr("Edit &Query"), QKeySequence(Qt::CTRL | Qt::Key_L), [this] {
        m_findBar->queryField()->setFocus(Qt::ShortcutFocusReason);
        m_findBar->queryField()->selectAll();
    });
    QAction *columns = add("chooseColumnsAction", tr("&Columns…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L),
                           &TableBrowser::chooseColumns);
    QAction *raw = add("rawValuesAction", tr("Show &Raw Values"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
                       [this](bool checked) { m_model->setRawValuesShown(checked); });
    raw->setCheckable(true);
    raw->setToolTip(tr("Show stored values (sys_ids, choice values) instead of display values"));
    QAction *groupBy = add("groupByAction", tr("&Group By…"), QKeySequence(Qt::CTRL | Qt::Key_G),
                           [this](bool checked) { setGroupByVisible(checked); });
    groupBy->setCheckable(true);

    QAction *sortAscending = add("sortAscendingAction", tr("Sort &Ascending"), QKeySequence(), [this] {
        const int column = m_view->currentIndex().column();
        if (column >= 0 && column < m_columns.size())
            sortByField(m_columns.at(column).field, false);
    });
    QAction *sortDescending = add("sortDescendingAction", tr("Sort &Descending"), QKeySequence(), [this] {
        const int column = m_view->currentIndex().column();
        if (column >= 0 && column < m_columns.size())
            sortByField(m_columns.at(column).field, true);
    });

    QAction *copy = tableOnly(add("copyAction", tr("&Copy"), QKeySequence::Copy, [this] { copySelection(recordcopy::Values::Display); }));
    QAction *copyRaw = tableOnly(add("copyRawAction", tr("Copy Ra&w Values"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C),
                                     [this] { copySelection(recordcopy::Values::Raw); }));
    QAction *copyColumn = tableOnly(add("copyColumnAction", tr("Copy Colu&mn"), QKeySequence(),
                                        [this] { copyCurrentColumn(recordcopy::Values::Display); }));
    QAction *copyColumnRaw = tableOnly(add("copyColumnRawAction", tr("Copy Column (Raw Values)"), QKeySequence(),
                                           [this] { copyCurrentColumn(recordcopy::Values::Raw); }));
    QAction *copySysIdsAction = tableOnly(add("copySysIdsAction", tr("Copy &sys_ids"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_C),
                                              &TableBrowser::copySysIds));
    QAction *openInBrowser = add("openInBrowserAction", tr("Open in &Web Browser"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B),
                                 [this] { openCurrentRecordInBrowser(); });

    QAction *exportCsv = add("exportCsvAction", tr("Export to &CSV…"), QKeySequence(Qt::CTRL | Qt::Key_E),
                             [this] { chooseExportFile(RecordExporter::Format::Csv); });
    QAction *exportJson = add("exportJsonAction", tr("Export to &JSON…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E),
                              [this] { chooseExportFile(RecordExporter::Format::Json); });
    QAction *cancel = tableOnly(add("cancelLoadingAction", tr("&Stop Loading"), QKeySequence(Qt::Key_Escape), &TableBrowser::cancelLoading));

    m_exportMenu->addActions({exportCsv, exportJson});

    m_tableMenu->setObjectName(u"tableMenu"_s);
    m_tableMenu->addActions({openTable, find, editQuery});
    m_tableMenu->addSeparator();
    m_tableMenu->addActions({columns, raw, groupBy, sortAscending, sortDescending});
    m_tableMenu->addSeparator();
    m_tableMenu->addActions({copy, copyRaw, copyColumn, copyColumnRaw, copySysIdsAction, openInBrowser});
    m_tableMenu->addSeparator();
    m_tableMenu->addActions({exportCsv, exportJson, cancel});
}

QAction *TableBrowser::action(const QString &objectName) const
{
    return findChild<QAction *>(objectName);
}

void TableBrowser::connectSession()
{
    SchemaCache *schemas = m_session->schemas();
    connect(schemas, &SchemaCache::schemaLoaded, this, &TableBrowser::takeSchema);
    connect(schemas, &SchemaCache::schemaFailed, this, &TableBrowser::failSchema);

    connect(m_tables, &TableListModel::loaded, this, &TableBrowser::updateTableButton);
}

void TableBrowser::open(const QString &table, const QString &encodedQuery)
{
    if (table != m_table) {
        m_searchCondition.clear();
        m_findBar->clearSearch();
    }
    m_table = table;
    m_query = encodedQuery;

    BrowseSettings settings(m_session->profileId());
    settings.addRecentTable(table);
    m_tables->setRecentTables(settings.recentTables());
    updateTableButton();

    // A table without saved columns needs its dictionary to pick good ones, except
    // incident, whose usual columns are known.
    const std::shared_ptr<const TableSchema> schema = m_session->schemas()->schema(table);
    m_waitingForSchema = !schema && settings.columns(table).isEmpty() && table != u"incident";
    m_groupBy->setTable(table, schema.get());
    if (m_waitingForSchema) {
        m_model->setPager(nullptr);
        if (m_pager) {
            m_pager->cancel();
            m_pager->deleteLater();
            m_pager = nullptr;
        }
        m_feedback->setPreparing(tr("Loading the columns of %1…").arg(table));
        Q_EMIT queryChanged(m_table, m_query);
        return;
    }

    resolveColumns(schema.get());
    reload();
}

void TableBrowser::resolveColumns(const TableSchema *schema)
{
    const QStringList saved = BrowseSettings(m_session->profileId()).columns(m_table);
    const QStringList fields = saved.isEmpty() ? defaultColumnFields(m_table, schema) : saved;
    m_columns = columnsFor(fields, schema, true);
    if (m_columns.isEmpty())
        m_columns = columnsFor(defaultColumnFields(m_table, schema), schema);
    m_findBar->setColumns(m_columns, schema ? schema->displayField() : u"number"_s);
}

void TableBrowser::takeSchema(const QString &table)
{
    if (table != m_table)
        return;

    const std::shared_ptr<const TableSchema> schema = m_session->schemas()->cached(table);
    m_groupBy->setTable(table, schema.get());
    updateTableButton();
    if (m_waitingForSchema) {
        m_waitingForSchema = false;
        m_feedback->setPreparing(QString());
        resolveColumns(schema.get());
        reload();
    } else {
        QStringList fields;
        for (const RecordColumn &column : std::as_const(m_columns))
            fields.append(column.field);
        QHash<QString, QString> labels;
        for (const RecordColumn &column : columnsFor(fields, schema.get()))
            labels.insert(column.field, column.label);
        m_model->setColumnLabels(labels);
        m_columns = m_model->columns();
        m_findBar->setColumns(m_columns, schema->displayField());
    }

    if (m_chooserWaitingForSchema) {
        m_chooserWaitingForSchema = false;
        chooseColumns();
    }
}

void TableBrowser::failSchema(const QString &table, const snow::Error &error)
{
    if (table != m_table)
        return;

    m_chooserWaitingForSchema = false;
    if (m_waitingForSchema) {
        m_waitingForSchema = false;
        m_feedback->setPreparing(QString());
        resolveColumns(nullptr);
        reload();
    }
    m_feedback->showWarning(tr("The columns of %1 could not be loaded, so the table shows a few standard columns: %2")
                                .arg(table, userMessage(error)),
                            technicalDetails(error));
}

void TableBrowser::setEncodedQuery(const QString &encodedQuery)
{
    m_query = encodedQuery;
    reload();
}

QString TableBrowser::effectiveQuery() const
{
    if (!querytext::sortKeys(m_query).isEmpty())
        return m_query;

    // Without an ordering the rows come in the table's display order, like a list on
    // the instance. When even that is unknown, the Pager adds ORDERBYsys_id.
    const std::shared_ptr<const TableSchema> schema = m_session->schemas()->cached(m_table);
    const QString display = schema ? schema->displayField() : (m_table == u"incident" ? u"number"_s : QString());
    if (display.isEmpty() || display == u"sys_id")
        return m_query;
    return querytext::withSort(m_query, display, false);
}

void TableBrowser::reload()
{
    if (m_table.isEmpty() || m_waitingForSchema)
        return;

    m_feedback->clear();
    m_firstRowsSignalled = false;

    snow::Pager::Options options;
    options.pageSize = BrowsePageSize;
    options.displayValue = snow::ParamsBuilder::DisplayValue::All;
    for (const RecordColumn &column : std::as_const(m_columns))
        options.fields.append(column.field);
    if (!options.fields.contains(u"sys_id"_s))
        options.fields.append(u"sys_id"_s);

    auto *pager = new snow::Pager(m_session->client()->resource(u"/table/"_s + m_table), effectiveQuery(), options, this);
    connect(pager, &snow::Pager::failed, this, [this](qint64, const snow::Error &error) { showError(error); });
    connect(pager, &snow::Pager::pageFinished, this, &TableBrowser::fetchMoreIfAtEnd, Qt::QueuedConnection);

    if (m_pager) {
        m_pager->cancel();
        m_pager->deleteLater();
    }
    m_model->setColumns(m_columns);
    m_model->setPager(pager);
    m_pager = pager;
    updateSortIndicator();
    m_findBar->setQuery(m_query);
    m_groupBy->setQuery(m_query);

    qCInfo(lcModel).noquote() << "Opening table" << m_table << "with query" << pager->encodedQuery();
    m_model->fetchMore(QModelIndex());
    m_feedback->update();
    Q_EMIT queryChanged(m_table, m_query);
}

// The view requests more rows only when its geometry changes. When the user reached
// the end while a page was still loading, request them once that page is done.
void TableBrowser::fetchMoreIfAtEnd()
{
    m_feedback->hideTransient(); // a rate-limit or retry warning is over once a page arrives

    const QScrollBar *scrollBar = m_view->verticalScrollBar();
    if (scrollBar->value() >= scrollBar->maximum() - scrollBar->pageStep() && m_model->canFetchMore(QModelIndex()))
        m_model->fetchMore(QModelIndex());
}

void TableBrowser::setColumnFields(const QStringList &fields)
{
    if (fields.isEmpty() || m_table.isEmpty())
        return;

    BrowseSettings(m_session->profileId()).setColumns(m_table, fields);
    m_columns = columnsFor(fields, m_session->schemas()->cached(m_table).get());
    const std::shared_ptr<const TableSchema> schema = m_session->schemas()->cached(m_table);
    m_findBar->setColumns(m_columns, schema ? schema->displayField() : QString());
    reload();
}

void TableBrowser::sortBySection(int section)
{
    if (section < 0 || section >= m_columns.size())
        return;

    // A second click on the column the query is ordered by reverses the order.
    const QString field = m_columns.at(section).field;
    const QList<querytext::SortKey> keys = querytext::sortKeys(m_pager ? m_pager->encodedQuery() : effectiveQuery());
    const bool descending = !keys.isEmpty() && keys.first().field == field && !keys.first().descending;
    sortByField(field, descending);
}

void TableBrowser::sortByField(const QString &field, bool descending)
{
    setEncodedQuery(querytext::withSort(m_query, field, descending));
}

void TableBrowser::updateSortIndicator()
{
    QHeaderView *header = m_view->horizontalHeader();
    const QSignalBlocker blocker(header);
    const QList<querytext::SortKey> keys = querytext::sortKeys(m_pager ? m_pager->encodedQuery() : effectiveQuery());
    int section = -1;
    for (int column = 0; column < m_columns.size() && !keys.isEmpty(); ++column) {
        if (m_columns.at(column).field == keys.first().field)
            section = column;
    }
    header->setSortIndicator(section, !keys.isEmpty() && keys.first().descending ? Qt::DescendingOrder : Qt::AscendingOrder);
}

void TableBrowser::filterByValue(const QString &field, const QString &value)
{
    setEncodedQuery(querytext::withCondition(m_query, querytext::equalsCondition(field, value)));
}

void TableBrowser::applySearch(const QString &condition)
{
    QString query = m_searchCondition.isEmpty() ? m_query : querytext::withoutCondition(m_query, m_searchCondition);
    query = querytext::withCondition(query, condition);
    m_searchCondition = condition;
    setEncodedQuery(query);
}

void TableBrowser::applyQueryText(const QString &encoded)
{
    // A query typed or pasted over the search's condition ends that search.
    if (!m_searchCondition.isEmpty() && querytext::withoutCondition(encoded, m_searchCondition) == encoded) {
        m_searchCondition.clear();
        m_findBar->clearSearch();
    }
    setEncodedQuery(encoded);
}

void TableBrowser::updateTableButton()
{
    QString label = m_tables->labelOf(m_table);
    if (label.isEmpty()) {
        if (const auto schema = m_session->schemas()->cached(m_table))
            label = schema->label;
    }
    m_tableButton->setText(label.isEmpty() || label == m_table ? m_table : u"%1 (%2)"_s.arg(label, m_table));
}

void TableBrowser::chooseTable()
{
    auto *dialog = new TablePickerDialog(m_tables, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { open(dialog->selectedTable()); });
    dialog->open();
}

void TableBrowser::chooseColumns()
{
    if (m_table.isEmpty())
        return;

    const std::shared_ptr<const TableSchema> schema = m_session->schemas()->schema(m_table);
    if (!schema) {
        m_chooserWaitingForSchema = true;
        m_feedback->showNotice(tr("Loading the columns of %1…").arg(m_table));
        return;
    }

    QStringList chosen;
    for (const RecordColumn &column : std::as_const(m_columns))
        chosen.append(column.field);
    auto *dialog = new ColumnChooserDialog(*schema, chosen, defaultColumnFields(m_table, schema.get()), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // The dialog reads the schema while open; keep it alive even if the cache drops it.
    connect(dialog, &QDialog::accepted, this, [this, dialog, schema] { setColumnFields(dialog->chosenFields()); });
    dialog->open();
}

void TableBrowser::setGroupByVisible(bool visible)
{
    m_groupBy->setVisible(visible);
    if (QAction *groupBy = action(u"groupByAction"_s))
        groupBy->setChecked(visible);
}

QList<int> TableBrowser::selectedRowNumbers() const
{
    QList<int> rows = recordcopy::selectedRows(m_view->selectionModel()->selection());
    if (rows.isEmpty() && m_view->currentIndex().isValid())
        rows.append(m_view->currentIndex().row());
    return rows;
}

bool TableBrowser::applyUpdatedRecord(const snow::Record &record)
{
    return m_model->replaceRecord(record);
}

QList<snow::Record> TableBrowser::selectedRecords() const
{
    QList<snow::Record> records;
    for (const int row : recordcopy::selectedRows(m_view->selectionModel()->selection())) {
        const snow::Record record = m_model->record(row);
        if (!record.isEmpty())
            records.append(record);
    }
    return records;
}

void TableBrowser::copySelection(recordcopy::Values values)
{
    const QItemSelection selection = m_view->selectionModel()->selection();
    QList<int> columns = recordcopy::selectedColumns(selection);
    if (columns.isEmpty() && m_view->currentIndex().isValid())
        columns.append(m_view->currentIndex().column());

    // Columns go in the order the header shows them.
    const QHeaderView *header = m_view->horizontalHeader();
    std::sort(columns.begin(), columns.end(), [header](int left, int right) {
        return header->visualIndex(left) < header->visualIndex(right);
    });
    reportCopy(recordcopy::cells(*m_model, selectedRowNumbers(), columns, values));
}

void TableBrowser::copyCurrentColumn(recordcopy::Values values)
{
    reportCopy(recordcopy::column(*m_model, selectedRowNumbers(), m_view->currentIndex().column(), values));
}

void TableBrowser::copySysIds()
{
    reportCopy(recordcopy::sysIds(*m_model, selectedRowNumbers()));
}

void TableBrowser::reportCopy(const recordcopy::CopiedText &copied)
{
    if (copied.rows > 0)
        QGuiApplication::clipboard()->setText(copied.text);

    if (copied.skippedRows > 0) {
        const QLocale locale;
        m_feedback->showNotice(tr("Copied %1 rows; %2 selected rows are not loaded and were left out. Export the query to get every record.")
                       .arg(locale.toString(copied.rows), locale.toString(copied.skippedRows)));
    }
}

bool TableBrowser::openCurrentRecordInBrowser()
{
    const QString sysId = m_model->record(m_view->currentIndex().row()).sysId();
    if (sysId.isEmpty()) {
        m_feedback->showNotice(tr("Select a loaded row to open its record in the web browser."));
        return false;
    }

    const QUrl url = recordWebUrl(m_session->instanceUrl(), m_table, sysId);
    if (QDesktopServices::openUrl(url))
        return true;

    m_feedback->showWarning(tr("No web browser could be started for %1. Copy the address and open it yourself.").arg(url.toString()));
    return false;
}

RecordExporter::Request TableBrowser::exportRequest(RecordExporter::Format format) const
{
    RecordExporter::Request request;
    request.resource = m_session->client()->resource(u"/table/"_s + m_table);
    request.encodedQuery = m_pager ? m_pager->encodedQuery() : effectiveQuery();
    request.columns = m_columns;
    request.format = format;
    request.rawValues = m_model->rawValuesShown();
    request.path = m_table + (format == RecordExporter::Format::Csv ? u".csv"_s : u".json"_s);
    return request;
}

void TableBrowser::chooseExportFile(RecordExporter::Format format)
{
    if (m_table.isEmpty())
        return;
    if (m_exports->isRunning()) {
        m_feedback->showNotice(tr("An export is running; wait for it or cancel it first."));
        return;
    }
    m_exports->chooseFileAndStart(exportRequest(format));
}

bool TableBrowser::exportTo(const QString &path, RecordExporter::Format format)
{
    if (m_exports->isRunning()) {
        m_feedback->showNotice(tr("An export is running; wait for it or cancel it first."));
        return false;
    }
    RecordExporter::Request request = exportRequest(format);
    request.path = path;
    return m_exports->start(request);
}

RecordExporter *TableBrowser::exporter() const
{
    return m_exports->exporter();
}

void TableBrowser::reportExport(const QString &path, qint64 written, const snow::Error &error)
{
    if (!error.isError())
        m_feedback->showNotice(tr("Exported %1 records to %2.").arg(QLocale().toString(written), QDir::toNativeSeparators(path)));
    else if (error.kind() == snow::Error::Aborted)
        m_feedback->showNotice(error.message());
    else
        showError(error);
    Q_EMIT exportFinished(path, error);
}

void TableBrowser::cancelLoading()
{
    if (!m_model->isLoading())
        return;
    m_model->cancelLoading();
    m_feedback->showNotice(tr("Loading stopped. Scroll to load more rows, or press F5 to load the query again."));
}

void TableBrowser::showContextMenu(const QPoint &position)
{
    QMenu menu(this);
    for (const char *name : {"copyAction", "copyRawAction", "copyColumnAction", "copyColumnRawAction", "copySysIdsAction"})
        menu.addAction(action(QString::fromLatin1(name)));
    menu.addSeparator();
    menu.addAction(action(u"openInBrowserAction"_s));
    menu.addSeparator();
    menu.addAction(action(u"sortAscendingAction"_s));
    menu.addAction(action(u"sortDescendingAction"_s));

    const int column = m_view->indexAt(position).column();
    if (column >= 0 && column < m_columns.size()) {
        const QString field = m_columns.at(column).field;
        menu.addAction(tr("Group by %1").arg(m_columns.at(column).label), this, [this, field] {
            setGroupByVisible(true);
            m_groupBy->setField(field);
        });
    }
    menu.addSeparator();
    menu.addMenu(m_exportMenu);
    menu.exec(m_view->viewport()->mapToGlobal(position));
}

QString TableBrowser::countText() const
{
    return m_feedback->countText();
}

void TableBrowser::showError(const snow::Error &error)
{
    m_feedback->showError(error);
    Q_EMIT errorShown(error);
}
