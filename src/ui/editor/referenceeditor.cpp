#include "referenceeditor.h"

#include "app/errortext.h"
#include "app/session.h"
#include "logging.h"
#include "metadata/schemacache.h"

#include <snow/client.h>
#include <snow/querybuilder.h>
#include <snow/resource.h>
#include <snow/response.h>

#include <QtCore/QTimer>
#include <QtGui/QStandardItemModel>
#include <QtWidgets/QAbstractItemView>
#include <QtWidgets/QCompleter>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

// Enough to pick from while typing; a longer list means the text is too short.
constexpr int MaxSuggestions = 20;

} // namespace

ReferenceFieldEditor::ReferenceFieldEditor(const FieldInfo &field, Session *session, QWidget *parent)
    : FieldEditor(field, parent)
    , m_session(session)
    , m_line(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_completer(new QCompleter(this))
    , m_suggestions(new QStandardItemModel(this))
    , m_delay(new QTimer(this))
{
    m_line->setPlaceholderText(tr("Type to search %1").arg(field.referenceTable));
    m_status->setWordWrap(true);
    m_status->setVisible(false);

    // The instance filters the suggestions, so the completer shows them as they are.
    m_completer->setModel(m_suggestions);
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setMaxVisibleItems(12);
    m_completer->setWidget(m_line);

    m_delay->setSingleShot(true);
    m_delay->setInterval(250);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_line);
    layout->addWidget(m_status);
    setFocusProxy(m_line);

    connect(m_line, &QLineEdit::textEdited, this, &ReferenceFieldEditor::onTextEdited);
    connect(m_line, &QLineEdit::editingFinished, this, &ReferenceFieldEditor::resolveTypedText);
    connect(m_delay, &QTimer::timeout, this, &ReferenceFieldEditor::runSearch);
    connect(m_completer, qOverload<const QModelIndex &>(&QCompleter::activated), this, [this](const QModelIndex &index) {
        choose({index.data(Qt::UserRole).toString(), index.data(Qt::DisplayRole).toString()});
    });
}

ReferenceFieldEditor::~ReferenceFieldEditor()
{
    // Deleting the Response aborts the look-up before this editor's members go.
    delete m_response;
}

void ReferenceFieldEditor::setReadOnly(bool readOnly)
{
    rememberReadOnly(readOnly);
    m_line->setReadOnly(readOnly);
    if (readOnly)
        m_line->setPlaceholderText(QString());
}

QString ReferenceFieldEditor::validationError() const
{
    if (!m_sysId.isEmpty() || m_line->text().isEmpty() || !isChanged())
        return QString();
    return tr("%1: no single %2 record matches \"%3\". Pick one of the suggestions, or clear the field.")
        .arg(field().label, tableLabel(), m_line->text());
}

void ReferenceFieldEditor::search(const QString &text)
{
    m_delay->stop();
    m_searchText = text;
    runSearch();
}

void ReferenceFieldEditor::chooseSuggestion(int row)
{
    const QModelIndex index = m_suggestions->index(row, 0);
    if (index.isValid())
        choose({index.data(Qt::UserRole).toString(), index.data(Qt::DisplayRole).toString()});
}

void ReferenceFieldEditor::setSearchDelay(int milliseconds)
{
    m_delay->setInterval(milliseconds);
}

void ReferenceFieldEditor::display(const FieldValue &value)
{
    m_sysId = value.value;
    m_line->setText(value.displayValue.isEmpty() ? value.value : value.displayValue);
    m_status->setVisible(false);
}

QVariant ReferenceFieldEditor::widgetState() const
{
    return QStringList{m_sysId, m_line->text()};
}

FieldValue ReferenceFieldEditor::editedValue() const
{
    return {m_sysId, m_line->text()};
}

void ReferenceFieldEditor::onTextEdited()
{
    // Typed text stands for no record until a suggestion is picked.
    m_sysId.clear();
    m_searchText = m_line->text();
    m_status->setVisible(false);
    notifyEdited();
    if (m_searchText.trimmed().isEmpty()) {
        m_delay->stop();
        m_suggestions->clear();
        return;
    }
    m_delay->start();
}

void ReferenceFieldEditor::runSearch()
{
    if (!m_session || m_searchText.trimmed().isEmpty())
        return;

    // The referenced table's display field comes from its schema, loaded once per session.
    SchemaCache *schemas = m_session->schemas();
    const QString table = field().referenceTable;
    if (const auto schema = schemas->schema(table)) {
        sendSearch(schema->displayField());
        return;
    }
    if (!m_schemaConnections.isEmpty())
        return;

    const auto finish = [this, table](const QString &loadedTable) {
        if (loadedTable != table)
            return;
        for (const QMetaObject::Connection &connection : std::as_const(m_schemaConnections))
            disconnect(connection);
        m_schemaConnections.clear();
        const auto schema = m_session->schemas()->cached(table);
        // NOTE: without the schema, "name" is a guess; a failed look-up then shows the error.
        sendSearch(schema ? schema->displayField() : u"name"_s);
    };
    m_schemaConnections.append(connect(schemas, &SchemaCache::schemaLoaded, this, finish));
    m_schemaConnections.append(connect(schemas, &SchemaCache::schemaFailed, this, finish));
}

void ReferenceFieldEditor::sendSearch(const QString &displayField)
{
    delete m_response;

    snow::QueryBuilder query;
    query.field(displayField).contains(m_searchText.trimmed()).AND().field(displayField).orderAscending();

    snow::GetOptions options;
    options.limit = MaxSuggestions;
    options.fields = {u"sys_id"_s, displayField};
    options.displayValue = snow::ParamsBuilder::DisplayValue::True;
    options.excludeReferenceLink = true;
    options.noCount = true;

    snow::Resource resource = m_session->client()->resource(u"/table/"_s + field().referenceTable);
    snow::Response *response = resource.get(query, options);
    response->setParent(this);
    response->setProperty("displayField", displayField);
    m_response = response;
    connect(response, &snow::Response::finished, this, [this, response] { takeResults(response); });
}

void ReferenceFieldEditor::takeResults(snow::Response *response)
{
    response->deleteLater();
    if (response != m_response)
        return;
    m_response = nullptr;

    if (response->error().isError()) {
        qCWarning(lcEditor).noquote() << "Looking up" << field().referenceTable << "for" << field().name
                                      << "failed:" << response->error().toString();
        m_status->setText(tr("The search in %1 failed: %2").arg(tableLabel(), userMessage(response->error())));
        m_status->setVisible(true);
        Q_EMIT searchFailed(response->error());
        return;
    }

    const QString displayField = response->property("displayField").toString();
    m_suggestions->clear();
    for (const snow::Record &record : response->records()) {
        auto *item = new QStandardItem(record.displayValue(displayField));
        item->setData(record.sysId(), Qt::UserRole);
        item->setEditable(false);
        m_suggestions->appendRow(item);
    }

    const int count = m_suggestions->rowCount();
    m_status->setText(count == 0 ? tr("No %1 record contains \"%2\".").arg(tableLabel(), m_searchText) : QString());
    m_status->setVisible(count == 0);
    if (m_line->hasFocus() && count > 0)
        m_completer->complete();
    if (m_resolvePending)
        resolveTypedText();
    Q_EMIT suggestionsReady(count);
}

void ReferenceFieldEditor::choose(const FieldValue &value)
{
    m_delay->stop();
    m_resolvePending = false;
    m_sysId = value.value;
    m_line->setText(value.displayValue);
    m_status->setVisible(false);
    if (m_completer->popup()->isVisible())
        m_completer->popup()->hide();
    notifyEdited();
}

// Leaving the field with typed text picks the one suggestion with exactly that name.
void ReferenceFieldEditor::resolveTypedText()
{
    const QString text = m_line->text().trimmed();
    if (!m_sysId.isEmpty() || text.isEmpty()) {
        m_resolvePending = false;
        return;
    }

    if (m_delay->isActive() || m_response) {
        m_resolvePending = true;
        return;
    }
    m_resolvePending = false;

    int match = -1;
    for (int row = 0; row < m_suggestions->rowCount(); ++row) {
        if (m_suggestions->item(row)->text().compare(text, Qt::CaseInsensitive) != 0)
            continue;
        if (match >= 0)
            return; // two records with this name: the user must pick one
        match = row;
    }
    if (match >= 0)
        chooseSuggestion(match);
}

QString ReferenceFieldEditor::tableLabel() const
{
    if (m_session) {
        if (const auto schema = m_session->schemas()->cached(field().referenceTable); schema && !schema->label.isEmpty())
            return schema->label;
    }
    return field().referenceTable;
}
