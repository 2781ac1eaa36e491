#include "query/querypanel.h"

#include "app/errortext.h"
#include "app/session.h"
#include "logging.h"
#include "metadata/schemacache.h"
#include "query/conditionrowwidget.h"
#include "query/orderrowwidget.h"
#include "query/queryrowmodel.h"
#include "query/savedqueriesdialog.h"
#include "query/savedquerystore.h"
#include "query/termdescriber.h"

#include <QtGui/QAction>
#include <QtGui/QClipboard>
#include <QtGui/QGuiApplication>
#include <QtGui/QKeyEvent>
#include <QtWidgets/QApplication>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QInputDialog>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMenu>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QScrollArea>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

using snow::QueryBuilder;
using Term = QueryBuilder::Term;

QueryPanel::QueryPanel(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new QueryRowModel(this))
    , m_store(new SavedQueryStore(session->profileId(), this))
    , m_title(new QLabel(this))
    , m_savedButton(new QToolButton(this))
    , m_recentButton(new QToolButton(this))
    , m_runButton(new QPushButton(tr("Run"), this))
    , m_scroll(new QScrollArea(this))
    , m_rowsHost(new QWidget)
    , m_rowsLayout(new QVBoxLayout(m_rowsHost))
    , m_emptyLabel(new QLabel(m_rowsHost))
    , m_queryText(new QLineEdit(this))
    , m_pasteField(new QLineEdit(this))
    , m_status(new QLabel(this))
{
    setObjectName(u"queryPanel"_s);
    createLayout();
    createActions();

    connect(m_model, &QAbstractItemModel::modelReset, this, &QueryPanel::rebuildRows);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &QueryPanel::rebuildRows);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &QueryPanel::rebuildRows);
    connect(m_model, &QAbstractItemModel::rowsMoved, this, &QueryPanel::rebuildRows);
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &first, const QModelIndex &last) {
        // Rows edit the model themselves; only a change made elsewhere needs new widgets.
        for (int row = first.row(); row <= last.row() && row < m_rows.size(); ++row) {
            if (m_rows.at(row)->term() != m_model->term(row)) {
                rebuildRows();
                return;
            }
        }
    });
    connect(m_model, &QueryRowModel::encodedQueryChanged, this, &QueryPanel::updateQueryText);

    SchemaCache *schemas = session->schemas();
    connect(schemas, &SchemaCache::schemaLoaded, this, [this](const QString &table) {
        if (table == m_table)
            updateTitle();
    });
    connect(schemas, &SchemaCache::schemaFailed, this, [this](const QString &table, const snow::Error &error) {
        if (table == m_table)
            showStatus(tr("Loading the fields of %1 failed: %2. The rows show field names; reopen the table to try again.")
                           .arg(table, userMessage(error)));
    });

    rebuildRows();
    updateQueryText(QString());
}

QueryPanel::~QueryPanel() = default;

void QueryPanel::createLayout()
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);

    auto *header = new QHBoxLayout;
    m_title->setObjectName(u"queryTitle"_s);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_savedButton->setObjectName(u"savedQueriesButton"_s);
    m_savedButton->setText(tr("Saved"));
    m_savedButton->setToolTip(tr("Saved queries of this table"));
    m_savedButton->setPopupMode(QToolButton::InstantPopup);
    m_savedButton->setMenu(new QMenu(m_savedButton));
    m_recentButton->setObjectName(u"recentQueriesButton"_s);
    m_recentButton->setText(tr("Recent"));
    m_recentButton->setToolTip(tr("The last %1 queries run on this table").arg(SavedQueryStore::RecentLimit));
    m_recentButton->setPopupMode(QToolButton::InstantPopup);
    m_recentButton->setMenu(new QMenu(m_recentButton));
    for (QToolButton *button : {m_savedButton, m_recentButton}) {
        button->setFocusPolicy(Qt::StrongFocus);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    }
    m_runButton->setObjectName(u"runQueryButton"_s);
    m_runButton->setToolTip(tr("Run the query (Enter)"));
    header->addWidget(m_title);
    header->addStretch(1);
    header->addWidget(m_savedButton);
    header->addWidget(m_recentButton);
    header->addWidget(m_runButton);
    layout->addLayout(header);

    m_rowsLayout->setContentsMargins(0, 0, 0, 0);
    m_rowsLayout->setSpacing(2);
    m_emptyLabel->setObjectName(u"emptyQueryLabel"_s);
    m_emptyLabel->setText(tr("No conditions: every record is shown. Add a condition with Ctrl+Shift+A."));
    m_rowsLayout->addWidget(m_emptyLabel);
    m_rowsLayout->addStretch(1);
    m_scroll->setObjectName(u"queryRows"_s);
    m_scroll->setWidget(m_rowsHost);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::StyledPanel);
    m_scroll->setMinimumHeight(90);
    layout->addWidget(m_scroll, 1);

    auto *structure = new QHBoxLayout;
    const auto addButton = [this, structure](const char *name, const QString &text, const QString &tip, auto slot) {
        auto *button = new QPushButton(text, this);
        button->setObjectName(QString::fromLatin1(name));
        button->setToolTip(tip);
        connect(button, &QPushButton::clicked, this, slot);
        structure->addWidget(button);
        return button;
    };
    m_addButton = addButton("addAndButton", tr("Add condition"), tr("Add a condition that must also match (Ctrl+Shift+A)"),
              [this] { addCondition(QueryBuilder::Join::And); });
    addButton("addOrButton", tr("Add OR condition"), tr("Add a condition that may match instead (Ctrl+Shift+O)"),
              [this] { addCondition(QueryBuilder::Join::Or); });
    addButton("addGroupButton", tr("New query"), tr("Start a new group of conditions; records matching any group are shown (Ctrl+Shift+N)"),
              [this] { addCondition(QueryBuilder::Join::NewQuery); });
    addButton("addOrderButton", tr("Add sort"), tr("Add an ordering (Ctrl+Shift+D)"), [this] { addOrdering(); });
    addButton("clearButton", tr("Clear"), tr("Remove every row"), [this] { clearRows(); });
    structure->addStretch(1);
    layout->addLayout(structure);

    auto *encoded = new QHBoxLayout;
    auto *encodedLabel = new QLabel(tr("&Encoded query:"), this);
    encodedLabel->setBuddy(m_queryText);
    m_queryText->setObjectName(u"encodedQueryText"_s);
    m_queryText->setReadOnly(true);
    m_queryText->setPlaceholderText(tr("(empty: every record)"));
    auto *copyButton = new QPushButton(tr("Copy"), this);
    copyButton->setObjectName(u"copyQueryButton"_s);
    copyButton->setToolTip(tr("Copy the encoded query (Ctrl+Shift+C)"));
    connect(copyButton, &QPushButton::clicked, this, &QueryPanel::copyQuery);
    encoded->addWidget(encodedLabel);
    encoded->addWidget(m_queryText, 1);
    encoded->addWidget(copyButton);
    layout->addLayout(encoded);

    auto *paste = new QHBoxLayout;
    auto *pasteLabel = new QLabel(tr("&Paste a query:"), this);
    pasteLabel->setBuddy(m_pasteField);
    m_pasteField->setObjectName(u"pasteQueryField"_s);
    m_pasteField->setPlaceholderText(tr("An encoded query, such as one copied from a ServiceNow list (Ctrl+Shift+V)"));
    m_pasteField->setClearButtonEnabled(true);
    auto *applyButton = new QPushButton(tr("Apply"), this);
    applyButton->setObjectName(u"applyPasteButton"_s);
    applyButton->setToolTip(tr("Show the pasted query as rows"));
    connect(applyButton, &QPushButton::clicked, this, [this] { pasteEncodedQuery(m_pasteField->text()); });
    // Enter applies the pasted text; the key then reaches the panel, which runs it.
    connect(m_pasteField, &QLineEdit::returnPressed, this, [this] { pasteEncodedQuery(m_pasteField->text()); });
    paste->addWidget(pasteLabel);
    paste->addWidget(m_pasteField, 1);
    paste->addWidget(applyButton);
    layout->addLayout(paste);

    m_status->setObjectName(u"queryStatus"_s);
    m_status->setWordWrap(true);
    m_status->hide();
    layout->addWidget(m_status);

    connect(m_runButton, &QPushButton::clicked, this, &QueryPanel::submit);
    connect(m_savedButton->menu(), &QMenu::aboutToShow, this, &QueryPanel::fillSavedMenu);
    connect(m_recentButton->menu(), &QMenu::aboutToShow, this, &QueryPanel::fillRecentMenu);
}

void QueryPanel::createActions()
{
    const auto add = [this](const char *name, const QString &text, const QKeySequence &shortcut, auto slot) {
        auto *action = new QAction(text, this);
        action->setObjectName(QString::fromLatin1(name));
        action->setShortcut(shortcut);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        return action;
    };

    add("runQueryAction", tr("Run Query"), QKeySequence(Qt::CTRL | Qt::Key_Return), [this] { submit(); });
    add("addAndAction", tr("Add Condition"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A),
        [this] { addCondition(QueryBuilder::Join::And); });
    add("addOrAction", tr("Add OR Condition"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O),
        [this] { addCondition(QueryBuilder::Join::Or); });
    add("addGroupAction", tr("New Query Group"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N),
        [this] { addCondition(QueryBuilder::Join::NewQuery); });
    add("addOrderAction", tr("Add Sort"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D), [this] { addOrdering(); });
    add("moveUpAction", tr("Move Row Up"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Up), [this] {
        moveRow(focusedRow(), -1);
    });
    add("moveDownAction", tr("Move Row Down"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Down), [this] {
        moveRow(focusedRow(), 1);
    });
    add("removeRowAction", tr("Remove Row"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete), [this] {
        removeRow(focusedRow());
    });
    add("copyQueryAction", tr("Copy Encoded Query"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), [this] { copyQuery(); });
    add("pasteQueryAction", tr("Paste Encoded Query"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V),
        [this] { pasteFromClipboard(); });
    add("saveQueryAction", tr("Save Query…"), QKeySequence(Qt::CTRL | Qt::Key_S), [this] { promptSaveQuery(); });
}

void QueryPanel::setTable(const QString &table)
{
    if (table == m_table)
        return;

    m_table = table;
    m_shownQuery.clear();
    m_status->hide();
    m_model->setDescriber([describer = TermDescriber(m_session, table)](const Term &term) { return describer.describe(term); });
    m_model->clear();
    m_session->schemas()->load(table);
    updateTitle();
}

void QueryPanel::setEncodedQuery(const QString &encodedQuery)
{
    if (encodedQuery == m_shownQuery)
        return;
    m_shownQuery = encodedQuery;
    m_model->setEncodedQuery(encodedQuery);
}

void QueryPanel::pasteEncodedQuery(const QString &text)
{
    const QString query = text.trimmed();
    if (m_pasteField->text().trimmed() != query)
        m_pasteField->setText(query);
    m_model->setEncodedQuery(query);
    qCDebug(lcQuery) << "Pasted a query with" << m_model->rowCount() << "rows on" << m_table;
    focusRow(0);
}

QString QueryPanel::encodedQuery() const
{
    return m_model->encodedQuery();
}

void QueryPanel::submit()
{
    const QString query = encodedQuery();
    m_shownQuery = query;
    m_status->hide();
    qCDebug(lcQuery).noquote() << "Running the query" << query << "on" << m_table;
    Q_EMIT querySubmitted(query);
}

void QueryPanel::addCondition(QueryBuilder::Join join)
{
    // The new row goes after the current one, else before the orderings at the end,
    // so conditions stay together.
    int row = focusedRow();
    if (row >= 0) {
        ++row;
    } else {
        row = m_model->rowCount();
        while (row > 0 && m_model->term(row - 1).kind == Term::Kind::OrderBy)
            --row;
    }

    Term term;
    term.kind = Term::Kind::Condition;
    term.join = join;
    m_focusAfterRebuild = row;
    m_model->insertTerm(row, term);
}

void QueryPanel::addOrdering()
{
    Term term;
    term.kind = Term::Kind::OrderBy;
    m_focusAfterRebuild = m_model->rowCount();
    m_model->appendTerm(term);
}

void QueryPanel::removeRow(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    m_focusAfterRebuild = qMin(row, m_model->rowCount() - 2);
    m_model->removeTerm(row);
}

void QueryPanel::moveRow(int row, int delta)
{
    const int target = row + delta;
    if (row < 0 || target < 0 || target >= m_model->rowCount())
        return;
    m_focusAfterRebuild = target;
    m_model->moveTerm(row, target);
}

void QueryPanel::clearRows()
{
    m_model->clear();
}

void QueryPanel::copyQuery()
{
    QGuiApplication::clipboard()->setText(encodedQuery());
    showStatus(tr("Copied the encoded query to the clipboard."));
}

void QueryPanel::pasteFromClipboard()
{
    pasteEncodedQuery(QGuiApplication::clipboard()->text());
}

int QueryPanel::focusedRow() const
{
    const QWidget *focus = QApplication::focusWidget();
    for (qsizetype row = 0; row < m_rows.size(); ++row) {
        if (focus && (focus == m_rows.at(row) || m_rows.at(row)->isAncestorOf(focus)))
            return int(row);
    }
    return -1;
}

void QueryPanel::keyPressEvent(QKeyEvent *event)
{
    // Editors leave Return to their parents, so Enter anywhere in the panel runs the query.
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)
        && (event->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier) {
        submit();
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

void QueryPanel::rebuildRows()
{
    if (m_rowsRebuilding)
        return;
    m_rowsRebuilding = true;

    const int focus = m_focusAfterRebuild >= 0 ? m_focusAfterRebuild : focusedRow();
    m_focusAfterRebuild = -1;

    for (QueryRowWidget *row : std::as_const(m_rows)) {
        row->hide();
        row->deleteLater();
    }
    m_rows.clear();

    const QList<Term> terms = m_model->terms();
    for (qsizetype index = 0; index < terms.size(); ++index) {
        const Term &term = terms.at(index);
        QueryRowWidget *row = nullptr;
        switch (term.kind) {
        case Term::Kind::Condition:
            row = new ConditionRowWidget(m_session, m_table, term, m_rowsHost);
            break;
        case Term::Kind::OrderBy:
            row = new OrderRowWidget(m_session, m_table, term, m_rowsHost);
            break;
        case Term::Kind::Verbatim:
            row = new VerbatimRowWidget(term, m_rowsHost);
            break;
        }
        row->setObjectName(u"queryRow%1"_s.arg(index));
        row->setFirst(index == 0);
        connect(row, &QueryRowWidget::termEdited, this, [this, row] {
            const int at = int(m_rows.indexOf(row));
            if (at >= 0)
                m_model->setTerm(at, row->term());
        });
        connect(row, &QueryRowWidget::moveRequested, this, [this, row](int delta) { moveRow(int(m_rows.indexOf(row)), delta); });
        connect(row, &QueryRowWidget::removeRequested, this, [this, row] { removeRow(int(m_rows.indexOf(row))); });
        m_rowsLayout->insertWidget(int(index), row);
        m_rows.append(row);
    }

    m_emptyLabel->setVisible(m_rows.isEmpty());
    updateRowButtons();
    m_rowsRebuilding = false;

    if (focus >= 0)
        focusRow(qMin(focus, int(m_rows.size()) - 1));
}

void QueryPanel::focusRows()
{
    if (m_rows.isEmpty())
        m_addButton->setFocus(Qt::ShortcutFocusReason);
    else
        focusRow(0);
}

void QueryPanel::focusRow(int row)
{
    if (row < 0 || row >= m_rows.size())
        return;
    QueryRowWidget *widget = m_rows.at(row);
    widget->setFocus(Qt::OtherFocusReason);
    m_scroll->ensureWidgetVisible(widget);
}

void QueryPanel::updateRowButtons()
{
    for (qsizetype row = 0; row < m_rows.size(); ++row) {
        m_rows.at(row)->upButton()->setEnabled(row > 0);
        m_rows.at(row)->downButton()->setEnabled(row + 1 < m_rows.size());
    }
}

void QueryPanel::updateTitle()
{
    const auto schema = m_session->schemas()->cached(m_table);
    const QString label = schema && !schema->label.isEmpty() ? schema->label : m_table;
    m_title->setText(tr("Filter %1").arg(label));
    m_title->setToolTip(m_table);
}

void QueryPanel::updateQueryText(const QString &encoded)
{
    m_queryText->setText(encoded);
    m_queryText->setCursorPosition(0);
    m_queryText->setToolTip(encoded);
}

void QueryPanel::showStatus(const QString &text)
{
    m_status->setText(text);
    m_status->show();
}

QString QueryPanel::describeQuery(const QString &encoded) const
{
    const TermDescriber describer(m_session, m_table);
    QStringList parts;
    const QList<Term> terms = QueryBuilder::fromString(encoded).terms();
    for (const Term &term : terms)
        parts.append(describer.describe(term));
    return parts.join(u" > "_s);
}

bool QueryPanel::saveQuery(const QString &name)
{
    if (m_table.isEmpty() || !m_store->save(m_table, name, encodedQuery()))
        return false;
    showStatus(tr("Saved the query as \"%1\".").arg(name.trimmed()));
    return true;
}

bool QueryPanel::loadSavedQuery(const QString &name)
{
    if (!m_store->contains(m_table, name))
        return false;
    pasteEncodedQuery(m_store->savedQuery(m_table, name));
    submit();
    return true;
}

void QueryPanel::promptSaveQuery()
{
    if (m_table.isEmpty())
        return;
    bool accepted = false;
    const QString name = QInputDialog::getText(this, tr("Save Query"), tr("Name of the query on %1:").arg(m_table),
                                               QLineEdit::Normal, QString(), &accepted);
    if (!accepted)
        return;
    if (name.trimmed().isEmpty()) {
        QMessageBox::warning(this, tr("Save Query"), tr("The query was not saved because the name is empty; save again and type a name."));
        return;
    }
    if (m_store->contains(m_table, name.trimmed())) {
        const auto answer = QMessageBox::question(this, tr("Save Query"),
                                                  tr("A query named \"%1\" exists on %2. Replace it?").arg(name.trimmed(), m_table));
        if (answer != QMessageBox::Yes)
            return;
    }
    saveQuery(name);
}

void QueryPanel::manageSavedQueries()
{
    auto *dialog = new SavedQueriesDialog(m_store, m_table, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SavedQueriesDialog::loadRequested, this, [this](const QString &name) { loadSavedQuery(name); });
    dialog->open();
}

void QueryPanel::fillSavedMenu()
{
    QMenu *menu = m_savedButton->menu();
    menu->clear();

    QAction *save = menu->addAction(tr("Save Current Query…"), this, &QueryPanel::promptSaveQuery);
    save->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_S));
    menu->addSeparator();

    const QList<SavedQuery> saved = m_store->savedQueries(m_table);
    for (const SavedQuery &query : saved) {
        QAction *load = menu->addAction(query.name, this, [this, name = query.name] { loadSavedQuery(name); });
        load->setToolTip(query.query);
    }
    if (saved.isEmpty())
        menu->addAction(tr("(no saved queries)"))->setEnabled(false);
    menu->addSeparator();
    menu->addAction(tr("Manage Saved Queries…"), this, &QueryPanel::manageSavedQueries)->setEnabled(!saved.isEmpty());
}

void QueryPanel::fillRecentMenu()
{
    QMenu *menu = m_recentButton->menu();
    menu->clear();

    const QStringList recent = m_store->recentQueries(m_table);
    for (const QString &query : recent) {
        const QString text = describeQuery(query);
        QAction *load = menu->addAction(menu->fontMetrics().elidedText(text, Qt::ElideRight, 480), this, [this, query] {
            pasteEncodedQuery(query);
            submit();
        });
        load->setToolTip(query);
    }
    if (recent.isEmpty())
        menu->addAction(tr("(no recent queries)"))->setEnabled(false);
    menu->addSeparator();
    menu->addAction(tr("Clear Recent Queries"), this, [this] { m_store->clearRecent(m_table); })->setEnabled(!recent.isEmpty());
}
