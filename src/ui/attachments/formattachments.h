#pragma once

#include "editor/collapsiblesection.h"

class AttachmentsPanel;
class RecordForm;
class UploadManager;

/// The "Attachments" section at the bottom of a RecordForm: an AttachmentsPanel for
/// the form's record, which also takes files dropped anywhere on the form.
///
/// The panel follows the form. Once the record is loaded, it lists the attachments
/// of the record's real table (its `sys_class_name`), so an incident opened from a
/// list of tasks shows the incident's attachments. A new record has no sys_id, so the
/// panel waits until the first save. After a delete the panel is disabled.
///
/// Drops on the form's own widgets that take text (a field editor) still go to them,
/// because Qt delivers a drop to the innermost widget that accepts it.
///
/// Lives in the GUI thread, as a child of the form.
class FormAttachments : public CollapsibleSection
{
    Q_OBJECT

public:
    /// Uses @p uploads, or the Session's shared UploadManager when null.
    explicit FormAttachments(RecordForm *form, UploadManager *uploads = nullptr);

    /// Creates the section and adds it to the bottom of @p form's layout.
    static FormAttachments *addTo(RecordForm *form);

    AttachmentsPanel *panel() const { return m_panel; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void followRecord();
    void updateTitle(int count);

    RecordForm *m_form;
    AttachmentsPanel *m_panel;
};
