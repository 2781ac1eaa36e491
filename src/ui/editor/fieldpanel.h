#pragma once

#include "editor/fieldeditor.h"

#include <QtCore/QHash>
#include <QtCore/QMap>
#include <QtCore/QSet>

class CollapsibleSection;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace snow {
class Record;
}

/// The placement of a table's fields on a record form.
struct FormLayoutPlan
{
    /// The fields users look at first, in this order: number, caller, state,
    /// priority, assignment and the descriptions, then the other mandatory fields.
    QStringList mainFields;
    /// Journal fields that take new entries, such as comments and work notes.
    QStringList journalFields;
    /// Every other field, by label.
    QStringList otherFields;
};

/// Returns where @p schema's fields go on a form.
FormLayoutPlan planFormLayout(const TableSchema &schema);

/// The labelled field editors of one table, laid out for a record form: the common
/// fields first, then the journal fields, then the rest in a collapsible "All fields"
/// section of two columns with a filter.
///
/// Labels come from the dictionary. A mandatory field has a red asterisk, a changed
/// field a bold label, and a field with a problem (from validate()) a red label.
class FieldPanel : public QWidget
{
    Q_OBJECT

public:
    /// Builds an editor for every field of @p context.schema, which must be set.
    explicit FieldPanel(const EditorContext &context, QWidget *parent = nullptr);

    FieldEditor *editor(const QString &field) const { return m_editors.value(field); }
    QList<FieldEditor *> editors() const { return m_order; }
    QLabel *label(const QString &field) const { return m_labels.value(field); }

    /// Shows @p record's values (read with `sysparm_display_value=all`) in every editor.
    /// Fields the record lacks show as empty.
    void showRecord(const snow::Record &record);
    /// Returns the changed fields and their values.
    QMap<QString, FieldValue> edits() const;
    /// Puts @p edits into their editors as the user's edits.
    void applyEdits(const QMap<QString, FieldValue> &edits);
    /// Shows the loaded value of @p field again. Returns false for an unknown field.
    bool revertField(const QString &field);
    void revertAll();
    /// Returns the editor that contains the focus widget, or nullptr.
    FieldEditor *focusedEditor() const;

    /// Checks every editor for input that cannot be sent and, when @p checkMandatory,
    /// for empty mandatory fields. Marks the labels of the fields at fault and returns
    /// one message per problem; an empty list means the values can be sent.
    QStringList validate(bool checkMandatory);
    /// Returns the first editor validate() marked, or nullptr.
    FieldEditor *firstProblem() const;
    /// Shows a note, such as "Changed on the instance", in the tooltip of each field
    /// of @p notes and marks its label; replaces earlier notes.
    void setNotes(const QHash<QString, QString> &notes);

    /// Expands "All fields" when needed and moves the focus to @p editor.
    void focusEditor(FieldEditor *editor);
    CollapsibleSection *allFieldsSection() const { return m_allFields; }
    /// Shows only the fields of "All fields" whose label or name contains @p text.
    void setFilter(const QString &text);
    QLineEdit *filterEdit() const { return m_filter; }

Q_SIGNALS:
    /// The user changed @p field.
    void edited(const QString &field);

private:
    void addField(QFormLayout *layout, const FieldInfo &info, const EditorContext &context);
    void updateLabel(const QString &field);

    std::shared_ptr<const TableSchema> m_schema;
    QHash<QString, FieldEditor *> m_editors;
    QList<FieldEditor *> m_order;
    QHash<QString, QLabel *> m_labels;
    QHash<QString, QFormLayout *> m_layouts;
    QSet<QString> m_otherFields;
    QSet<QString> m_problems;
    QHash<QString, QString> m_notes;
    CollapsibleSection *m_allFields = nullptr;
    QLineEdit *m_filter = nullptr;
};
