#include "recordform.h"

#include "app/errortext.h"
#include "app/session.h"
#include "editor/conflictdialog.h"
#include "editor/conflictmodel.h"
#include "editor/conflicts.h"
#include "editor/fieldpanel.h"
#include "editor/pluraltext.h"
#include "editor/recoverystore.h"
#include "editor/usertimezone.h"
#include "logging.h"
#include "metadata/schemacache.h"
#include "widgets/messagebanner.h"

#include <snow/client.h>
#include <snow/response.h>

#include <QtCore/QJsonObject>
#include <QtCore/QLocale>
#include <QtCore/QTime>
#include <QtCore/QUuid>
#include <QtGui/QAction>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QScrollArea>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

const QString ModCountField = u"sys_mod_count"_s;
const QString UpdatedOnField = u"sys_updated_on"_s;

QJsonObject payloadOf(const QMap<QString, FieldValue> &edits)
{
    QJsonObject payload;
    for (auto it = edits.cbegin(); it != edits.cend(); ++it)
        payload.insert(it.key(), it->value);
    return payload;
}

} // namespace

RecordForm::RecordForm(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_draftId(QUuid::createUuid().toString(QUuid::WithoutBraces))
    , m_banner(new MessageBanner(this))
    , m_titleLabel(new QLabel(this))
    , m_statusLabel(new QLabel(this))
    , m_saveButton(new QPushButton(tr("&Save"), this))
    , m_revertButton(new QPushButton(tr("Re&vert"), this))
    , m_reloadButton(new QPushButton(tr("Re&load"), this))
    , m_deleteButton(new QPushButton(tr("&Delete…"), this))
    , m_scrollArea(new QScrollArea(this))
    , m_saveAction(new QAction(tr("Save Record"), this))
    , m_revertFieldAction(new QAction(tr("Undo Field Change"), this))
{
    setObjectName(u"recordForm"_s);

    QFont titleFont = m_titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_titleLabel->setFont(titleFont);
    m_titleLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_statusLabel->setObjectName(u"formStatus"_s);
    m_statusLabel->setForegroundRole(QPalette::PlaceholderText);

    m_saveButton->setToolTip(tr("Send the changed fields to the instance (Ctrl+S)"));
    m_revertButton->setToolTip(tr("Undo every change that is not saved"));
    m_reloadButton->setToolTip(tr("Read the record from the instance again"));
    m_deleteButton->setToolTip(tr("Delete this record on the instance"));
    m_saveButton->setDefault(true);

    auto *header = new QHBoxLayout;
    header->addWidget(m_titleLabel);
    header->addWidget(m_statusLabel, 1);
    header->addWidget(m_saveButton);
    header->addWidget(m_revertButton);
    header->addWidget(m_reloadButton);
    header->addWidget(m_deleteButton);

    m_scrollArea->setWidgetResizable(true);
    m_scrollArea->setFrameShape(QFrame::NoFrame);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(header);
    layout->addWidget(m_scrollArea, 1);

    // The shortcuts work anywhere inside the form, and only there, so several forms
    // in one window never compete for Ctrl+S.
    m_saveAction->setShortcut(QKeySequence::Save);
    m_saveAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_revertFieldAction->setShortcut(Qt::Key_Escape);
    m_revertFieldAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_saveAction);
    addAction(m_revertFieldAction);

    connect(m_saveAction, &QAction::triggered, this, &RecordForm::save);
    connect(m_revertFieldAction, &QAction::triggered, this, &RecordForm::revertFocusedField);
    connect(m_saveButton, &QPushButton::clicked, this, &RecordForm::save);
    connect(m_revertButton, &QPushButton::clicked, this, [this] {
        const auto answer = QMessageBox::question(this, tr("Revert %1").arg(title()),
                                                  tr("Undo every change to %1 that is not saved?").arg(title()),
                                                  QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer == QMessageBox::Discard)
            discardChanges();
    });
    connect(m_reloadButton, &QPushButton::clicked, this, [this] {
        if (hasUnsavedChanges()) {
            const auto answer = QMessageBox::question(
                this, tr("Reload %1").arg(title()),
                tr("Reloading drops your changes to %1 that are not saved. Reload anyway?").arg(title()),
                QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
            if (answer != QMessageBox::Discard)
                return;
        }
        reload();
    });
    connect(m_deleteButton, &QPushButton::clicked, this, &RecordForm::deleteRecord);
    connect(m_banner, &MessageBanner::actionTriggered, this, [this] {
        m_banner->hide();
        if (m_state == State::Failed)
            startLoading();
    });

    updateHeader();
}

RecordForm::~RecordForm()
{
    for (const QMetaObject::Connection &connection : std::as_const(m_schemaConnections))
        disconnect(connection);
    // Deleting a Response aborts it without signals, so no handler runs on a half-destroyed form.
    delete m_response;
}

void RecordForm::openRecord(const QString &table, const QString &sysId)
{
    reset(table, sysId);
    startLoading();
}

void RecordForm::newRecord(const QString &table)
{
    reset(table, QString());
    startLoading();
}

void RecordForm::restoreDraft(const RecordDraft &draft)
{
    reset(draft.table, draft.sysId);
    m_draftId = draft.id;
    m_pendingDraft = draft;
    if (m_recovery)
        m_recovery->claim(m_draftId);
    startLoading();
}

void RecordForm::setRecoveryStore(RecoveryStore *store)
{
    m_recovery = store;
    if (m_recovery && m_pendingDraft)
        m_recovery->claim(m_draftId);
}

QString RecordForm::title() const
{
    if (isNewRecord()) {
        const QString label = m_schema && !m_schema->label.isEmpty() ? m_schema->label : m_table;
        return tr("New %1").arg(label);
    }
    if (m_schema && !m_record.isEmpty()) {
        const QString displayValue = m_record.displayValue(m_schema->displayField());
        if (!displayValue.isEmpty())
            return displayValue;
    }
    if (m_pendingDraft && !m_pendingDraft->title.isEmpty())
        return m_pendingDraft->title;
    return m_sysId;
}

QString RecordForm::longTitle() const
{
    if (isNewRecord())
        return title();
    const QString label = m_schema && !m_schema->label.isEmpty() ? m_schema->label : m_table;
    return label + u' ' + title();
}

bool RecordForm::isBusy() const
{
    return m_state == State::Checking || m_state == State::Resolving || m_state == State::Saving
        || m_state == State::Deleting;
}

bool RecordForm::hasUnsavedChanges() const
{
    if (m_pendingDraft && !m_pendingDraft->edits.isEmpty())
        return true;
    return m_panel && m_state != State::Deleted && !m_panel->edits().isEmpty();
}

QMap<QString, FieldValue> RecordForm::edits() const
{
    if (!m_panel || m_state == State::Deleted)
        return {};
    return m_panel->edits();
}

RecordDraft RecordForm::draft() const
{
    if (m_pendingDraft)
        return *m_pendingDraft;

    RecordDraft draft;
    draft.id = m_draftId;
    draft.profileId = m_session->profileId();
    draft.instanceLabel = m_session->label();
    draft.table = m_table;
    draft.tableLabel = m_schema ? m_schema->label : QString();
    draft.sysId = m_sysId;
    draft.title = title();
    draft.loadedModCount = m_loadedModCount;
    draft.loadedUpdatedOn = m_loadedUpdatedOn;
    draft.edits = edits();
    for (auto it = draft.edits.cbegin(); it != draft.edits.cend(); ++it)
        draft.loadedValues.insert(it.key(), baselineValue(it.key()));
    draft.savedAt = QDateTime::currentDateTimeUtc();
    return draft;
}

FieldEditor *RecordForm::editor(const QString &field) const
{
    return m_panel ? m_panel->editor(field) : nullptr;
}

void RecordForm::reload()
{
    if (isBusy() || m_table.isEmpty())
        return;
    m_pendingDraft.reset();
    m_loadedOverrides.clear();
    if (m_recovery)
        m_recovery->remove(m_draftId);
    startLoading();
}

void RecordForm::revertFocusedField()
{
    if (!m_panel)
        return;
    if (FieldEditor *editor = m_panel->focusedEditor())
        m_panel->revertField(editor->field().name);
}

void RecordForm::discardChanges()
{
    if (m_recovery)
        m_recovery->remove(m_draftId);
    m_pendingDraft.reset();
    if (m_panel)
        m_panel->revertAll();
    m_banner->hide();
    onFieldEdited();
}

void RecordForm::reset(const QString &table, const QString &sysId)
{
    delete m_response;
    if (!m_schema || m_schema->table != table) {
        delete m_panel;
        m_panel = nullptr;
        m_schema.reset();
    }
    m_table = table;
    m_sysId = sysId;
    m_record = snow::Record();
    m_loadedModCount.clear();
    m_loadedUpdatedOn.clear();
    m_loadedOverrides.clear();
    m_pendingDraft.reset();
    m_banner->hide();
}

void RecordForm::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    updateHeader();
    Q_EMIT stateChanged(state);
}

snow::Resource RecordForm::resource() const
{
    snow::Resource resource = m_session->client()->resource(u"/table/"_s + m_table);
    resource.parameters().setDisplayValue(snow::ParamsBuilder::DisplayValue::All);
    return resource;
}

snow::Response *RecordForm::track(snow::Response *response)
{
    delete m_response;
    response->setParent(this);
    m_response = response;
    return response;
}

// Loading: the schema, the time zone and the record arrive in any order.
void RecordForm::startLoading()
{
    setState(State::Loading);
    m_loadError = snow::Error();
    m_recordReady = isNewRecord();
    m_timeZoneReady = false;

    SchemaCache *schemas = m_session->schemas();
    for (const QMetaObject::Connection &connection : std::as_const(m_schemaConnections))
        disconnect(connection);
    m_schemaConnections.clear();
    if (!m_schema) {
        m_schemaConnections.append(connect(schemas, &SchemaCache::schemaLoaded, this, [this](const QString &table) {
            if (table == m_table)
                finishLoadingIfReady();
        }));
        m_schemaConnections.append(
            connect(schemas, &SchemaCache::schemaFailed, this, [this](const QString &table, const snow::Error &error) {
                if (table != m_table || m_state != State::Loading)
                    return;
                m_loadError = error;
                finishLoadingIfReady();
            }));
        schemas->load(m_table);
    }

    UserTimeZone *zone = UserTimeZone::forSession(m_session);
    m_timeZoneReady = zone->isReady();
    if (!m_timeZoneReady) {
        connect(zone, &UserTimeZone::ready, this, [this] {
            m_timeZoneReady = true;
            finishLoadingIfReady();
        }, Qt::SingleShotConnection);
    }

    if (!isNewRecord()) {
        snow::Response *response = track(resource().getRecord(m_sysId));
        connect(response, &snow::Response::finished, this, [this, response] {
            response->deleteLater();
            if (response->error().isError()) {
                m_loadError = response->error();
            } else if (const auto record = response->firstOrNone()) {
                m_record = *record;
                m_recordReady = true;
            } else {
                m_loadError = snow::Error(snow::Error::NoResults, tr("The instance returned no record"));
            }
            finishLoadingIfReady();
        });
    }
    finishLoadingIfReady();
}

void RecordForm::finishLoadingIfReady()
{
    if (m_state != State::Loading)
        return;

    if (m_loadError.isError()) {
        delete m_response;
        setState(State::Failed);
        showFailure(tr("%1 could not be loaded.").arg(longTitle()), m_loadError);
        m_banner->setActionText(tr("Retry"));
        if (m_pendingDraft)
            m_banner->showMessage(MessageBanner::Kind::Error,
                                  m_banner->text() + u' ' + tr("Your restored changes are kept until you discard them."),
                                  m_banner->details());
        return;
    }

    if (!m_schema)
        m_schema = m_session->schemas()->cached(m_table);
    if (!m_schema || !m_timeZoneReady || !m_recordReady)
        return;

    for (const QMetaObject::Connection &connection : std::as_const(m_schemaConnections))
        disconnect(connection);
    m_schemaConnections.clear();

    if (!m_panel)
        buildPanel();
    showRecord(m_record);
    m_loadedModCount = m_record.value(ModCountField);
    m_loadedUpdatedOn = m_record.value(UpdatedOnField);

    if (m_pendingDraft) {
        // The conflict check compares with the record the draft started from.
        const RecordDraft draft = *std::exchange(m_pendingDraft, std::nullopt);
        if (!draft.isNewRecord()) {
            m_loadedModCount = draft.loadedModCount;
            m_loadedUpdatedOn = draft.loadedUpdatedOn;
            for (auto it = draft.loadedValues.cbegin(); it != draft.loadedValues.cend(); ++it)
                m_loadedOverrides.insert(it.key(), *it);
        }
        m_panel->applyEdits(draft.edits);
        m_banner->showMessage(MessageBanner::Kind::Information,
                              pluralText(draft.edits.size(),
                                         tr("Restored 1 unsaved change from %2. Review it, then save or revert."),
                                         tr("Restored %1 unsaved changes from %2. Review them, then save or revert."))
                                  .arg(QLocale().toString(draft.savedAt.toLocalTime(), QLocale::ShortFormat)));
        m_banner->setActionText(QString());
    }

    setState(State::Ready);
    onFieldEdited();
    Q_EMIT titleChanged(title());
    Q_EMIT loaded();
    qCDebug(lcEditor).noquote() << "Form loaded" << m_table << (isNewRecord() ? u"(new)"_s : m_sysId);
}

void RecordForm::buildPanel()
{
    EditorContext context;
    context.session = m_session;
    context.schema = m_schema;
    context.timeZone = UserTimeZone::forSession(m_session)->timeZone();

    m_panel = new FieldPanel(context);
    m_scrollArea->setWidget(m_panel);
    connect(m_panel, &FieldPanel::edited, this, &RecordForm::onFieldEdited);
}

void RecordForm::showRecord(const snow::Record &record)
{
    m_panel->showRecord(record);
    m_panel->setNotes({});
}

FieldValue RecordForm::baselineValue(const QString &field) const
{
    const auto it = m_loadedOverrides.constFind(field);
    return it != m_loadedOverrides.cend() ? *it : fieldValueOf(m_record, field);
}

void RecordForm::onFieldEdited()
{
    const bool modified = hasUnsavedChanges();
    updateDraftFile();
    updateHeader();
    if (modified != m_modified) {
        m_modified = modified;
        Q_EMIT modifiedChanged(modified);
    }
}

void RecordForm::updateDraftFile()
{
    if (!m_recovery || m_state == State::Loading || m_state == State::Failed)
        return;
    if (hasUnsavedChanges())
        m_recovery->schedule(draft());
    else
        m_recovery->remove(m_draftId);
}

void RecordForm::updateHeader()
{
    m_titleLabel->setText(longTitle());

    QString status;
    switch (m_state) {
    case State::Empty:
        break;
    case State::Loading:
        status = tr("Loading…");
        break;
    case State::Failed:
        status = tr("Not loaded");
        break;
    case State::Ready: {
        const qsizetype count = edits().size();
        if (count > 0)
            status = pluralText(count, tr("1 unsaved change"), tr("%1 unsaved changes"));
        break;
    }
    case State::Checking:
        status = tr("Checking for changes on the instance…");
        break;
    case State::Resolving:
        status = tr("Changed on the instance; waiting for your choice");
        break;
    case State::Saving:
        status = tr("Saving…");
        break;
    case State::Deleting:
        status = tr("Deleting…");
        break;
    case State::Deleted:
        status = tr("Deleted");
        break;
    }
    m_statusLabel->setText(status);

    const bool ready = m_state == State::Ready;
    m_saveButton->setEnabled(ready);
    m_saveAction->setEnabled(ready);
    m_revertButton->setEnabled(ready && hasUnsavedChanges());
    m_reloadButton->setEnabled((ready || m_state == State::Failed) && !isNewRecord());
    m_deleteButton->setEnabled(ready && !isNewRecord());
    m_scrollArea->setEnabled(m_state != State::Deleted);
}

void RecordForm::showFailure(const QString &failure, const snow::Error &error)
{
    qCWarning(lcEditor).noquote() << failure << error.toString();
    m_banner->showMessage(MessageBanner::Kind::Error, failure + u' ' + userMessage(error), technicalDetails(error));
    m_banner->setActionText(QString());
    Q_EMIT failed(error);
}

// Saving.
void RecordForm::save()
{
    if (m_state != State::Ready || !m_panel)
        return;

    const QStringList problems = m_panel->validate(true);
    if (!problems.isEmpty()) {
        m_banner->showMessage(MessageBanner::Kind::Warning, tr("%1 was not saved.").arg(title()) + u' ' + problems.join(u' '));
        m_banner->setActionText(QString());
        m_panel->focusEditor(m_panel->firstProblem());
        return;
    }

    const QMap<QString, FieldValue> changes = edits();
    if (isNewRecord()) {
        sendCreate(changes);
        return;
    }
    if (changes.isEmpty()) {
        m_banner->showMessage(MessageBanner::Kind::Information, tr("There are no changes to save."));
        m_banner->setActionText(QString());
        return;
    }
    checkBeforePatch();
}

void RecordForm::sendCreate(const QMap<QString, FieldValue> &edits)
{
    setState(State::Saving);
    qCInfo(lcEditor).noquote() << "Creating a record in" << m_table << "with fields" << edits.keys().join(u", "_s);
    snow::Response *response = track(resource().create(payloadOf(edits)));
    connect(response, &snow::Response::finished, this, [this, response, edits] {
        response->deleteLater();
        setState(State::Ready);
        const std::optional<snow::Record> record = response->firstOrNone();
        if (response->error().isError() || !record) {
            const snow::Error error = response->error().isError()
                ? response->error()
                : snow::Error(snow::Error::NoResults, tr("The instance returned no record"));
            showFailure(tr("The new record was not created; your entries are kept."), error);
            return;
        }
        m_sysId = record->sysId();
        takeSavedRecord(*record, edits);
        Q_EMIT created(*record);
        Q_EMIT saved(*record);
    });
}

void RecordForm::checkBeforePatch()
{
    setState(State::Checking);
    snow::Response *response = track(resource().getRecord(m_sysId));
    connect(response, &snow::Response::finished, this, [this, response] {
        response->deleteLater();
        if (response->error().isError()) {
            setState(State::Ready);
            const QString failure = response->error().httpStatus() == 404
                ? tr("%1 was not saved: it no longer exists on the instance or you may no longer read it. Your edits are kept.")
                      .arg(title())
                : tr("%1 was not saved, because checking it for changes on the instance failed. Your edits are kept.")
                      .arg(title());
            showFailure(failure, response->error());
            return;
        }

        const std::optional<snow::Record> fresh = response->firstOrNone();
        if (fresh && changedSinceLoad(*fresh)) {
            showConflicts(*fresh);
            return;
        }
        sendPatch();
    });
}

bool RecordForm::changedSinceLoad(const snow::Record &fresh) const
{
    if (!m_loadedModCount.isEmpty() && fresh.contains(ModCountField))
        return fresh.value(ModCountField) != m_loadedModCount;
    if (!m_loadedUpdatedOn.isEmpty() && fresh.contains(UpdatedOnField))
        return fresh.value(UpdatedOnField) != m_loadedUpdatedOn;
    // NOTE: a user who may read neither field gets no conflict check at all.
    qCWarning(lcEditor).noquote() << "No sys_mod_count or sys_updated_on on" << m_table << m_sysId
                                  << "; saving without a conflict check";
    return false;
}

void RecordForm::showConflicts(const snow::Record &fresh)
{
    QHash<QString, FieldValue> loaded;
    for (FieldEditor *editor : m_panel->editors())
        loaded.insert(editor->field().name, baselineValue(editor->field().name));
    const QList<FieldConflict> conflicts = findConflicts(*m_schema, loaded, fresh, edits());

    const QString changedBy = fresh.displayValue(u"sys_updated_by");
    qCInfo(lcEditor).noquote() << m_table << m_sysId << "changed on the instance by" << changedBy << "since it was loaded;"
                               << conflicts.size() << "fields differ";
    if (conflicts.isEmpty()) {
        // Only fields the form does not show as conflicts changed (system fields,
        // journal entries), so the edits apply on top of them.
        rebase(fresh, {});
        sendPatch();
        return;
    }

    setState(State::Resolving);
    auto *dialog = new ConflictDialog(title(), changedBy, fresh.displayValue(UpdatedOnField), conflicts, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this, dialog, fresh, conflicts] {
        const ConflictDialog::Outcome outcome = dialog->outcome();
        setState(State::Ready);
        if (outcome == ConflictDialog::Outcome::Cancel) {
            m_banner->showMessage(MessageBanner::Kind::Warning,
                                  tr("%1 was not saved, because it changed on the instance after you opened it. Your edits "
                                     "are kept; save again to compare.")
                                      .arg(title()));
            m_banner->setActionText(QString());
            return;
        }

        rebase(fresh, dialog->model()->fieldsKeepingTheirs());
        if (outcome == ConflictDialog::Outcome::Save) {
            save();
            return;
        }

        QHash<QString, QString> notes;
        for (const FieldConflict &conflict : conflicts) {
            const QString loadedText = conflict.loaded.displayValue.isEmpty() ? conflict.loaded.value : conflict.loaded.displayValue;
            notes.insert(conflict.field, tr("Changed on the instance after you opened the record; it was %1.")
                                             .arg(loadedText.isEmpty() ? tr("(empty)") : loadedText));
        }
        m_panel->setNotes(notes);
        m_banner->showMessage(MessageBanner::Kind::Information,
                              tr("The form now shows the record as it is on the instance, with the values you chose. "
                                 "Fields marked ▲ changed there. Save when you are done."));
        m_banner->setActionText(QString());
    });
    Q_EMIT conflictShown(dialog);
    dialog->open();
}

// Makes @p fresh the record the edits start from. Edits of @p fieldsKeepingTheirs are
// dropped; every other edit stays.
void RecordForm::rebase(const snow::Record &fresh, const QStringList &fieldsKeepingTheirs)
{
    QMap<QString, FieldValue> keptEdits = edits();
    for (const QString &field : fieldsKeepingTheirs)
        keptEdits.remove(field);

    m_record = fresh;
    m_loadedModCount = fresh.value(ModCountField);
    m_loadedUpdatedOn = fresh.value(UpdatedOnField);
    m_loadedOverrides.clear();
    m_panel->showRecord(fresh);
    m_panel->applyEdits(keptEdits);
    onFieldEdited();
}

void RecordForm::sendPatch()
{
    const QMap<QString, FieldValue> sent = edits();
    setState(State::Saving);
    qCInfo(lcEditor).noquote() << "Saving" << m_table << m_sysId << "fields" << sent.keys().join(u", "_s);
    snow::Response *response = track(resource().updateRecord(m_sysId, payloadOf(sent)));
    connect(response, &snow::Response::finished, this, [this, response, sent] {
        response->deleteLater();
        setState(State::Ready);
        const std::optional<snow::Record> record = response->firstOrNone();
        if (response->error().isError() || !record) {
            const snow::Error error = response->error().isError()
                ? response->error()
                : snow::Error(snow::Error::NoResults, tr("The instance returned no record"));
            showFailure(tr("%1 was not saved; your edits are kept.").arg(title()), error);
            return;
        }
        takeSavedRecord(*record, sent);
        Q_EMIT saved(*record);
    });
}

// Shows the record the instance returned. Edits made while the request was in flight
// are not in @p sent and stay in the form.
void RecordForm::takeSavedRecord(const snow::Record &record, const QMap<QString, FieldValue> &sent)
{
    QMap<QString, FieldValue> later = edits();
    for (auto it = sent.cbegin(); it != sent.cend(); ++it) {
        if (later.value(it.key()) == *it)
            later.remove(it.key());
    }

    m_record = record;
    m_loadedModCount = record.value(ModCountField);
    m_loadedUpdatedOn = record.value(UpdatedOnField);
    m_loadedOverrides.clear();
    showRecord(record);
    m_panel->applyEdits(later);

    m_banner->showMessage(MessageBanner::Kind::Information,
                          tr("Saved %1 at %2.").arg(title(), QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
    m_banner->setActionText(QString());
    onFieldEdited();
    Q_EMIT titleChanged(title());
    qCInfo(lcEditor).noquote() << "Saved" << m_table << m_sysId << "sys_mod_count" << m_loadedModCount;
}

void RecordForm::deleteRecord()
{
    if (m_state != State::Ready || isNewRecord())
        return;

    const auto answer = QMessageBox::warning(
        this, tr("Delete %1").arg(title()),
        tr("Delete %1 on %2? This cannot be undone in Snowscope.").arg(longTitle(), m_session->label()),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;

    setState(State::Deleting);
    qCInfo(lcEditor).noquote() << "Deleting" << m_table << m_sysId;
    snow::Response *response = track(resource().removeRecord(m_sysId));
    connect(response, &snow::Response::finished, this, [this, response] {
        response->deleteLater();
        if (response->error().isError()) {
            setState(State::Ready);
            showFailure(tr("%1 was not deleted.").arg(title()), response->error());
            return;
        }
        if (m_recovery)
            m_recovery->remove(m_draftId);
        setState(State::Deleted);
        m_banner->showMessage(MessageBanner::Kind::Information, tr("%1 was deleted.").arg(title()));
        m_banner->setActionText(QString());
        onFieldEdited();
        Q_EMIT deleted(m_table, m_sysId);
    });
}
