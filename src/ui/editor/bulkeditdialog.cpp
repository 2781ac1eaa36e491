#include "bulkeditdialog.h"

#include "app/errortext.h"
#include "app/session.h"
#include "editor/bulkeditjob.h"
#include "editor/bulkeditmodel.h"
#include "editor/fieldeditor.h"
#include "editor/pluraltext.h"
#include "editor/usertimezone.h"
#include "metadata/schemacache.h"

#include <snow/client.h>

#include <QtWidgets/QComboBox>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QProgressBar>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTableView>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

// Fields a bulk edit may set: not read-only, not system fields, and for journals only
// those that take new entries.
bool isBulkEditable(const FieldInfo &info)
{
    if (info.readOnly || info.name.startsWith(u"sys_"))
        return false;
    if (info.type == FieldType::Journal)
        return info.internalType == u"journal_input";
    return true;
}

} // namespace

BulkEditDialog::BulkEditDialog(Session *session, const QString &table, const QList<snow::Record> &records, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_table(table)
    , m_records(records)
    , m_intro(new QLabel(this))
    , m_fieldBox(new QComboBox(this))
    , m_editorHolder(new QVBoxLayout)
    , m_problem(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_view(new QTableView(this))
    , m_summary(new QLabel(this))
{
    setObjectName(u"bulkEditDialog"_s);
    setWindowTitle(pluralText(records.size(), tr("Bulk edit 1 record"), tr("Bulk edit %1 records")));

    m_intro->setText(tr("Loading the fields of %1…").arg(table));
    m_intro->setWordWrap(true);
    m_fieldBox->setEnabled(false);
    m_fieldBox->setObjectName(u"bulkField"_s);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(u"color: #c62828"_s);
    m_problem->hide();
    m_progress->setVisible(false);
    m_summary->setObjectName(u"bulkSummary"_s);

    m_view->setObjectName(u"bulkResults"_s);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);

    auto *form = new QFormLayout;
    form->addRow(tr("&Field:"), m_fieldBox);
    form->addRow(tr("&Value:"), m_editorHolder);

    auto *buttons = new QDialogButtonBox(this);
    m_applyButton = buttons->addButton(pluralText(records.size(), tr("&Apply to 1 record"), tr("&Apply to %1 records")),
                                       QDialogButtonBox::ActionRole);
    m_retryButton = buttons->addButton(tr("&Retry failed"), QDialogButtonBox::ActionRole);
    m_cancelButton = buttons->addButton(tr("&Stop"), QDialogButtonBox::ActionRole);
    m_closeButton = buttons->addButton(QDialogButtonBox::Close);
    m_applyButton->setDefault(true);
    m_cancelButton->setToolTip(tr("Send no more updates; those already sent finish"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_progress);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);
    resize(720, 480);

    // The job exists from the start, so the result list shows the records before any
    // change is sent.
    const auto cachedSchema = session->schemas()->cached(table);
    m_job = new BulkEditJob(session->client(), table, records, cachedSchema ? cachedSchema->displayField() : u"number"_s, this);
    m_model = new BulkEditModel(m_job, this);
    m_view->setModel(m_model);
    m_view->resizeColumnToContents(BulkEditModel::RecordColumn);

    connect(m_applyButton, &QPushButton::clicked, this, &BulkEditDialog::apply);
    connect(m_retryButton, &QPushButton::clicked, this, [this] { m_job->retryFailed(); updateButtons(); });
    connect(m_cancelButton, &QPushButton::clicked, this, [this] { m_job->cancel(); updateButtons(); });
    connect(m_closeButton, &QPushButton::clicked, this, &BulkEditDialog::reject);
    connect(m_fieldBox, &QComboBox::currentIndexChanged, this, &BulkEditDialog::showEditor);
    connect(m_job, &BulkEditJob::recordSaved, this, &BulkEditDialog::recordSaved);
    connect(m_job, &BulkEditJob::progress, this, [this](int done, int total) {
        m_progress->setRange(0, total);
        m_progress->setValue(done);
        updateButtons();
    });
    connect(m_job, &BulkEditJob::finished, this, &BulkEditDialog::updateButtons);

    SchemaCache *schemas = session->schemas();
    connect(schemas, &SchemaCache::schemaLoaded, this, [this](const QString &loaded) {
        if (loaded == m_table && !m_schema)
            takeSchema();
    });
    connect(schemas, &SchemaCache::schemaFailed, this, [this](const QString &failed, const snow::Error &error) {
        if (failed != m_table || m_schema)
            return;
        m_intro->setText(tr("The fields of %1 could not be loaded: %2 Close this dialog and try again.")
                             .arg(m_table, userMessage(error)));
    });
    // The time zone is needed by date-time editors; it is usually known already.
    UserTimeZone *zone = UserTimeZone::forSession(session);
    if (!zone->isReady())
        connect(zone, &UserTimeZone::ready, this, [this] {
            if (m_schema)
                showEditor();
        });
    if (schemas->schema(table))
        takeSchema();
    updateButtons();
}

BulkEditDialog::~BulkEditDialog() = default;

bool BulkEditDialog::selectField(const QString &field)
{
    const int index = m_fieldBox->findData(field);
    if (index < 0)
        return false;
    m_fieldBox->setCurrentIndex(index);
    return true;
}

void BulkEditDialog::apply()
{
    if (!m_editor || m_job->isRunning())
        return;

    const FieldInfo &info = m_editor->field();
    QString problem = m_editor->validationError();
    if (problem.isEmpty() && info.mandatory && m_editor->value().value.isEmpty())
        problem = tr("%1 is mandatory; choose a value to set.").arg(info.label);
    if (problem.isEmpty() && info.type == FieldType::Journal && m_editor->value().value.isEmpty())
        problem = tr("Type the entry to add to %1.").arg(info.label);
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    if (!problem.isEmpty())
        return;

    m_progress->setVisible(true);
    m_job->start(info.name, m_editor->value());
    updateButtons();
}

void BulkEditDialog::reject()
{
    // Closing while updates are in flight would hide their results; stop sending and
    // let them finish first.
    if (m_job->isRunning()) {
        m_job->cancel();
        updateButtons();
        return;
    }
    QDialog::reject();
}

void BulkEditDialog::takeSchema()
{
    m_schema = m_session->schemas()->cached(m_table);
    if (!m_schema)
        return;

    m_fieldBox->clear();
    for (const FieldInfo &info : m_schema->fields) {
        if (isBulkEditable(info))
            m_fieldBox->addItem(u"%1 (%2)"_s.arg(info.label, info.name), info.name);
    }
    m_fieldBox->setEnabled(true);
    const QString tableLabel = m_schema->label.isEmpty() ? m_table : m_schema->label;
    const QString selection = pluralText(m_records.size(), tr("the selected %2 record"), tr("the %1 selected %2 records"))
                                  .arg(tableLabel);
    m_intro->setText(tr("Set one field of %1 to the same value. Each record is saved on its own, and the list shows the "
                        "result of each.")
                         .arg(selection));
    showEditor();
    Q_EMIT ready();
}

void BulkEditDialog::showEditor()
{
    delete m_editor;
    m_editor = nullptr;
    m_problem->hide();
    const FieldInfo *info = m_schema ? m_schema->field(m_fieldBox->currentData().toString()) : nullptr;
    if (!info)
        return;

    EditorContext context;
    context.session = m_session;
    context.schema = m_schema;
    context.timeZone = UserTimeZone::forSession(m_session)->timeZone();
    m_editor = createFieldEditor(*info, context, this);
    m_editor->setValue({});
    m_editorHolder->addWidget(m_editor);
    updateButtons();
}

void BulkEditDialog::updateButtons()
{
    const bool running = m_job->isRunning();
    const int failed = m_job->count(BulkEditEntry::State::Failed) + m_job->count(BulkEditEntry::State::Cancelled);
    const int saved = m_job->count(BulkEditEntry::State::Saved);

    m_applyButton->setEnabled(!running && m_editor);
    m_retryButton->setEnabled(!running && failed > 0 && !m_job->field().isEmpty());
    m_retryButton->setText(failed > 0 ? tr("&Retry %n failed", nullptr, failed) : tr("&Retry failed"));
    m_cancelButton->setEnabled(running);
    m_fieldBox->setEnabled(!running && m_schema);

    if (m_job->field().isEmpty()) {
        m_summary->clear();
        return;
    }
    QString summary = tr("%n saved", nullptr, saved);
    if (failed > 0)
        summary += u", "_s + tr("%n failed or not sent", nullptr, failed);
    if (running)
        summary += u", "_s + tr("sending…");
    m_summary->setText(summary + u'.');
}
