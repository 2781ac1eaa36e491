#include "recordtabs.h"

#include "attachments/formattachments.h"
#include "editor/conflictdialog.h"
#include "editor/recordform.h"
#include "editor/recoverystore.h"
#include "logging.h"

#include <QtWidgets/QMessageBox>
#include <QtWidgets/QPushButton>

using namespace Qt::StringLiterals;

RecordTabs::RecordTabs(Session *session, RecoveryStore *store, QWidget *parent)
    : QTabWidget(parent)
    , m_session(session)
    , m_recovery(store)
{
    setObjectName(u"recordTabs"_s);
    setTabsClosable(true);
    setMovable(true);
    setDocumentMode(true);
    connect(this, &QTabWidget::tabCloseRequested, this, [this](int index) {
        if (auto *form = qobject_cast<RecordForm *>(widget(index)))
            requestClose(form);
    });
}

RecordForm *RecordTabs::openRecord(const QString &table, const QString &sysId)
{
    if (RecordForm *open = findForm(table, sysId)) {
        setCurrentWidget(open);
        return open;
    }
    RecordForm *form = addForm();
    form->openRecord(table, sysId);
    updateTab(form);
    return form;
}

RecordForm *RecordTabs::newRecord(const QString &table)
{
    RecordForm *form = addForm();
    form->newRecord(table);
    updateTab(form);
    return form;
}

RecordForm *RecordTabs::restoreDraft(const RecordDraft &draft)
{
    RecordForm *form = addForm();
    form->restoreDraft(draft);
    updateTab(form);
    return form;
}

RecordForm *RecordTabs::currentForm() const
{
    return qobject_cast<RecordForm *>(currentWidget());
}

QList<RecordForm *> RecordTabs::forms() const
{
    QList<RecordForm *> result;
    for (int index = 0; index < count(); ++index) {
        if (auto *form = qobject_cast<RecordForm *>(widget(index)))
            result.append(form);
    }
    return result;
}

RecordForm *RecordTabs::findForm(const QString &table, const QString &sysId) const
{
    for (RecordForm *form : forms()) {
        if (!sysId.isEmpty() && form->table() == table && form->sysId() == sysId)
            return form;
    }
    return nullptr;
}

QList<RecordForm *> RecordTabs::modifiedForms() const
{
    QList<RecordForm *> result;
    for (RecordForm *form : forms()) {
        if (form->hasUnsavedChanges())
            result.append(form);
    }
    return result;
}

void RecordTabs::requestClose(RecordForm *form)
{
    if (!form->hasUnsavedChanges()) {
        removeForm(form);
        return;
    }

    setCurrentWidget(form);
    switch (askAboutUnsaved(this, {form->longTitle()})) {
    case UnsavedAnswer::Save:
        m_closeAfterSave.insert(form);
        form->save();
        // A save that could not start (invalid input) leaves the form ready and open.
        if (form->state() == RecordForm::State::Ready)
            m_closeAfterSave.remove(form);
        break;
    case UnsavedAnswer::Discard:
        form->discardChanges();
        removeForm(form);
        break;
    case UnsavedAnswer::Cancel:
        break;
    }
}

bool RecordTabs::prepareWindowClose()
{
    const QList<RecordForm *> modified = modifiedForms();
    if (modified.isEmpty())
        return true;

    QStringList titles;
    for (RecordForm *form : modified)
        titles.append(form->longTitle());

    switch (askAboutUnsaved(this, titles)) {
    case UnsavedAnswer::Save:
        m_windowCloseWaiting.clear();
        for (RecordForm *form : modified) {
            m_windowCloseWaiting.insert(form);
            form->save();
            if (form->state() == RecordForm::State::Ready) {
                // Invalid input: the form shows why, and the window stays open.
                m_windowCloseWaiting.clear();
                setCurrentWidget(form);
                break;
            }
        }
        return false;
    case UnsavedAnswer::Discard:
        for (RecordForm *form : modified)
            form->discardChanges();
        return true;
    case UnsavedAnswer::Cancel:
        break;
    }
    return false;
}

RecordTabs::UnsavedAnswer RecordTabs::askAboutUnsaved(QWidget *parent, const QStringList &titles)
{
    QMessageBox box(parent);
    box.setObjectName(u"unsavedChangesBox"_s);
    box.setIcon(QMessageBox::Warning);
    box.setWindowTitle(tr("Unsaved changes"));
    if (titles.size() == 1) {
        box.setText(tr("%1 has changes that are not saved.").arg(titles.first()));
    } else {
        box.setText(tr("%1 records have changes that are not saved.").arg(titles.size()));
        box.setDetailedText(titles.join(u'\n'));
    }
    box.setInformativeText(tr("Save them to the instance, or discard them?"));
    box.setStandardButtons(QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    box.setDefaultButton(QMessageBox::Save);

    switch (box.exec()) {
    case QMessageBox::Save:
        return UnsavedAnswer::Save;
    case QMessageBox::Discard:
        return UnsavedAnswer::Discard;
    default:
        return UnsavedAnswer::Cancel;
    }
}

RecordForm *RecordTabs::addForm()
{
    auto *form = new RecordForm(m_session, this);
    form->setRecoveryStore(m_recovery);
    FormAttachments::addTo(form);
    setCurrentIndex(addTab(form, QString()));

    connect(form, &RecordForm::titleChanged, this, [this, form] { updateTab(form); });
    connect(form, &RecordForm::modifiedChanged, this, [this, form] { updateTab(form); });
    connect(form, &RecordForm::saved, this, [this, form](const snow::Record &record) {
        Q_EMIT recordSaved(form->table(), record, form->title());
        if (m_closeAfterSave.remove(form) && !form->hasUnsavedChanges())
            removeForm(form);
        if (m_windowCloseWaiting.remove(form) && m_windowCloseWaiting.isEmpty() && modifiedForms().isEmpty())
            Q_EMIT windowMayClose();
    });
    connect(form, &RecordForm::failed, this, [this, form] { onSaveFailed(form); });
    connect(form, &RecordForm::conflictShown, this, [this, form] { onSaveFailed(form); });
    connect(form, &RecordForm::deleted, this, &RecordTabs::recordDeleted);
    return form;
}

void RecordTabs::onSaveFailed(RecordForm *form)
{
    m_closeAfterSave.remove(form);
    if (m_windowCloseWaiting.contains(form)) {
        // The window stays open so the user sees why.
        m_windowCloseWaiting.clear();
        setCurrentWidget(form);
    }
}

void RecordTabs::removeForm(RecordForm *form)
{
    m_closeAfterSave.remove(form);
    m_windowCloseWaiting.remove(form);
    const int index = indexOf(form);
    if (index >= 0)
        removeTab(index);
    form->deleteLater();
}

void RecordTabs::updateTab(RecordForm *form)
{
    const int index = indexOf(form);
    if (index < 0)
        return;
    const QString marker = form->hasUnsavedChanges() ? u" *"_s : QString();
    setTabText(index, form->title() + marker);
    setTabToolTip(index, form->longTitle());
}
