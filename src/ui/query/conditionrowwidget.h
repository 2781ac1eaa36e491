#pragma once

#include "query/operatorcatalog.h"
#include "query/queryrowwidget.h"
#include "query/valueeditor.h"

class FieldPicker;
class QComboBox;
class Session;

/// A condition row: field, an optional field of the referenced record (one level of
/// dot-walking), operator and value editor.
///
/// The operators fit the field's type and the value editor fits the operator, as in
/// ServiceNow's condition builder. Schemas come from the session's SchemaCache; the
/// referenced table's schema loads when a reference field is picked, and the row
/// refreshes once it arrives.
class ConditionRowWidget : public QueryRowWidget
{
    Q_OBJECT

public:
    ConditionRowWidget(Session *session, const QString &table, const snow::QueryBuilder::Term &term, QWidget *parent = nullptr);

    FieldPicker *fieldPicker() const { return m_fieldPicker; }
    /// The field of the referenced record; hidden unless the field is a reference.
    FieldPicker *relatedPicker() const { return m_relatedPicker; }
    QComboBox *operatorBox() const { return m_operatorBox; }
    /// The current value editor, or nullptr for operators without a value.
    ValueEditor *valueEditor() const { return m_valueEditor; }

    /// Returns the schema entry of the row's field (after the dot-walk), or a plain
    /// string field named after it when no schema has it.
    FieldInfo fieldInfo() const;

private:
    /// Whether refresh() shows the term's values or the new editor's defaults.
    enum class Values { FromTerm, Defaults };
    void refresh(Values values);
    void fillOperators(const FieldInfo &info);
    void setEditor(ValueEditor *editor);
    ValueEditorContext editorContext() const;
    OperatorOption currentOption() const;
    void takeField(const QString &field);
    void takeOperator();
    QString baseField() const;
    QString relatedField() const;
    QString referenceTable() const;

    Session *m_session;
    QString m_table;
    FieldPicker *m_fieldPicker;
    FieldPicker *m_relatedPicker;
    QComboBox *m_operatorBox;
    ValueEditor *m_valueEditor = nullptr;
    QList<OperatorOption> m_options;
};
