#include "query/referencevalueeditor.h"

#include "app/session.h"
#include "logging.h"
#include "metadata/schemacache.h"
#include "query/referencenames.h"

#include <snow/client.h>
#include <snow/querybuilder.h>
#include <snow/resource.h>
#include <snow/response.h>

#include <QtGui/QStandardItemModel>
#include <QtWidgets/QAbstractItemView>
#include <QtWidgets/QCompleter>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLineEdit>
#include <QtCore/QTimer>

using namespace Qt::StringLiterals;

ReferenceValueEditor::ReferenceValueEditor(Session *session, const QString &referenceTable, QWidget *parent)
    : ValueEditor(parent)
    , m_session(session)
    , m_table(referenceTable)
    , m_edit(new QLineEdit(this))
    , m_completer(new QCompleter(this))
    , m_results(new QStandardItemModel(this))
    , m_searchTimer(new QTimer(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit);
    setFocusProxy(m_edit);

    m_edit->setObjectName(u"valueReference"_s);
    m_edit->setMinimumWidth(180);
    m_edit->setPlaceholderText(tr("Search %1").arg(referenceTable));
    m_edit->setToolTip(tr("Type the start of a name to search %1; the condition uses the picked record's sys_id").arg(referenceTable));
    m_edit->setClearButtonEnabled(true);

    // The server already filtered the results, so the popup shows them unfiltered.
    m_completer->setModel(m_results);
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setWidget(m_edit);

    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(SearchDelayMs);

    connect(m_edit, &QLineEdit::textEdited, this, [this] {
        m_sysId.clear();
        m_searchTimer->start();
        Q_EMIT valuesChanged();
    });
    connect(m_searchTimer, &QTimer::timeout, this, &ReferenceValueEditor::search);
    connect(m_completer, qOverload<const QModelIndex &>(&QCompleter::activated), this, [this](const QModelIndex &index) {
        const QString sysId = index.data(Qt::UserRole).toString();
        for (int row = 0; row < m_results->rowCount(); ++row) {
            if (m_results->item(row)->data(Qt::UserRole).toString() == sysId) {
                pickResult(row);
                return;
            }
        }
    });

    ReferenceNames *names = ReferenceNames::of(session);
    connect(names, &ReferenceNames::nameResolved, this, &ReferenceValueEditor::showName);
    connect(session->schemas(), &SchemaCache::schemaLoaded, this, [this](const QString &table) {
        if (table == m_table && m_waitingForSchema) {
            m_waitingForSchema = false;
            search();
        }
    });
}

ReferenceValueEditor::~ReferenceValueEditor()
{
    // Deleting the Response aborts a search still running.
    delete m_search;
}

QStringList ReferenceValueEditor::values() const
{
    return {m_sysId.isEmpty() ? m_edit->text() : m_sysId};
}

void ReferenceValueEditor::setValues(const QStringList &values)
{
    const QString value = values.value(0);
    if (!ReferenceNames::isSysId(value)) {
        m_sysId.clear();
        m_edit->setText(value);
        return;
    }

    m_sysId = value;
    ReferenceNames *names = ReferenceNames::of(m_session);
    const QString name = names->name(m_table, value);
    m_edit->setText(name.isEmpty() ? value : name);
    if (name.isEmpty())
        names->request(m_table, value);
}

bool ReferenceValueEditor::canShow(const QStringList &values) const
{
    return values.size() == 1;
}

void ReferenceValueEditor::pickResult(int row)
{
    const QStandardItem *item = m_results->item(row);
    if (!item)
        return;

    m_sysId = item->data(Qt::UserRole).toString();
    ReferenceNames::of(m_session)->insert(m_table, m_sysId, item->text());
    m_edit->setText(item->text());
    m_completer->popup()->hide();
    Q_EMIT valuesChanged();
}

void ReferenceValueEditor::showName(const QString &table, const QString &sysId, const QString &name)
{
    if (table == m_table && sysId == m_sysId && m_edit->text() == sysId)
        m_edit->setText(name);
}

void ReferenceValueEditor::search()
{
    const QString text = m_edit->text();
    if (text.trimmed().isEmpty() || !m_sysId.isEmpty())
        return;

    // The display field ("name" for users, "number" for tasks) comes from the schema.
    const auto schema = m_session->schemas()->schema(m_table);
    if (!schema) {
        m_waitingForSchema = true;
        return;
    }
    sendSearch(schema->displayField(), text);
}

void ReferenceValueEditor::sendSearch(const QString &displayField, const QString &text)
{
    delete m_search;

    snow::GetOptions options;
    options.limit = SearchLimit;
    options.fields = {u"sys_id"_s, displayField};
    options.displayValue = snow::ParamsBuilder::DisplayValue::True;
    options.excludeReferenceLink = true;
    options.noCount = true;
    const QString query = displayField + u"STARTSWITH"_s + snow::QueryBuilder::escapeValue(text) + u"^ORDERBY"_s + displayField;
    qCDebug(lcQuery).noquote() << "Searching" << m_table << "with" << query;
    snow::Response *response = m_session->client()->resource(u"/table/"_s + m_table).get(query, options);
    response->setParent(this);
    m_search = response;

    connect(response, &snow::Response::finished, this, [this, response, displayField] {
        response->deleteLater();
        if (response->error().isError()) {
            qCWarning(lcQuery).noquote() << "Searching" << m_table << "failed:" << response->error().toString();
            m_edit->setToolTip(tr("Searching %1 failed: %2").arg(m_table, response->error().message()));
            return;
        }

        m_results->clear();
        const QList<snow::Record> records = response->records();
        for (const snow::Record &record : records) {
            auto *item = new QStandardItem(record.value(displayField));
            item->setData(record.sysId(), Qt::UserRole);
            item->setToolTip(record.sysId());
            m_results->appendRow(item);
        }
        Q_EMIT resultsReady();
        if (m_edit->hasFocus() && m_results->rowCount() > 0)
            m_completer->complete();
    });
}
