#include "formattachments.h"

#include "attachments/attachmentspanel.h"
#include "attachments/attachmenttarget.h"
#include "attachments/uploadmanager.h"
#include "editor/recordform.h"

#include <QtCore/QEvent>
#include <QtCore/QMimeData>
#include <QtGui/QDropEvent>
#include <QtWidgets/QLayout>
#include <QtWidgets/QToolButton>

using namespace Qt::StringLiterals;

FormAttachments::FormAttachments(RecordForm *form, UploadManager *uploads)
    : CollapsibleSection(tr("Attachments"), form)
    , m_form(form)
    , m_panel(new AttachmentsPanel(form->session(), uploads ? uploads : UploadManager::forSession(form->session())))
{
    setObjectName(u"formAttachments"_s);
    toggleButton()->setToolTip(tr("Show or hide the attachments of this record"));
    setContent(m_panel);
    setExpanded(true);

    // Files dropped on the form outside the panel reach the panel through this filter.
    form->setAcceptDrops(true);
    form->installEventFilter(this);

    connect(form, &RecordForm::loaded, this, &FormAttachments::followRecord);
    // The first save gives a new record its sys_id.
    connect(form, &RecordForm::saved, this, &FormAttachments::followRecord);
    connect(form, &RecordForm::deleted, this, [this] { m_panel->setEnabled(false); });
    connect(m_panel, &AttachmentsPanel::attachmentCountChanged, this, &FormAttachments::updateTitle);
    updateTitle(0);
}

FormAttachments *FormAttachments::addTo(RecordForm *form)
{
    auto *section = new FormAttachments(form);
    if (QLayout *layout = form->layout())
        layout->addWidget(section);
    return section;
}

void FormAttachments::followRecord()
{
    if (m_form->isNewRecord())
        return;

    const QString table = attachmenttarget::tableOf(m_form->record(), m_form->table());
    m_panel->setEnabled(true);
    if (m_panel->table() != table || m_panel->recordSysId() != m_form->sysId())
        m_panel->setRecord(table, m_form->sysId());
}

void FormAttachments::updateTitle(int count)
{
    setTitle(count > 0 ? tr("Attachments (%1)").arg(count) : tr("Attachments"));
}

bool FormAttachments::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_form)
        return CollapsibleSection::eventFilter(watched, event);

    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove:
    case QEvent::Drop:
        break;
    default:
        return false;
    }

    auto *drop = static_cast<QDropEvent *>(event);
    if (!m_panel->isEnabled() || !m_panel->acceptsDrag(drop->mimeData(), drop->source())) {
        drop->ignore();
        return true;
    }

    // A collapsed section opens when files come near, because the uploads show their
    // progress in the panel.
    setExpanded(true);
    if (event->type() == QEvent::Drop && !m_panel->attachMimeData(drop->mimeData())) {
        drop->ignore();
        return true;
    }
    drop->setDropAction(Qt::CopyAction);
    drop->accept();
    return true;
}
