#pragma once

#include "metadata/tableschema.h"
#include "query/operatorcatalog.h"

#include <QtCore/QStringList>
#include <QtWidgets/QWidget>

#include <memory>

class Session;

/// The editor of a condition's values, chosen by field type and operator.
///
/// values() are unescaped, as QueryBuilder::Term keeps them; escaping happens when the
/// query is encoded, so nothing typed here can add a condition. Editors leave the
/// Return key to their parent, which runs the query.
class ValueEditor : public QWidget
{
    Q_OBJECT

public:
    using QWidget::QWidget;

    virtual QStringList values() const = 0;
    virtual void setValues(const QStringList &values) = 0;
    /// True when setValues(@p values) followed by values() gives @p values back
    /// unchanged. A pasted value this editor cannot show goes to a text editor instead.
    virtual bool canShow(const QStringList &values) const = 0;

Q_SIGNALS:
    /// The user changed the values.
    void valuesChanged();
};

/// Context of the condition an editor edits.
struct ValueEditorContext
{
    Session *session = nullptr;
    /// The field, after a dot-walk the referenced table's field.
    FieldInfo field;
    /// The schema that defines the field, for choice lists and sibling fields; may be null.
    std::shared_ptr<const TableSchema> schema;
};

/// End of a named range or day that a date value is written for.
enum class DateBoundary { Start, End };

/// Returns the boundary ServiceNow uses for @p op: the end of the day for `>` and
/// `<=`, the start for `>=` and `<`.
DateBoundary boundaryFor(snow::QueryBuilder::Operator op);

/// Creates the editor for @p option, or nullptr when the operator takes no value.
/// The editor starts with a default value (the first choice, today, ...).
ValueEditor *createValueEditor(const ValueEditorContext &context, const OperatorOption &option, QWidget *parent);
/// Creates a plain text editor for values no other editor can show: one line, or a
/// comma-separated list for IN and NOT IN.
ValueEditor *createTextEditor(const OperatorOption &option, QWidget *parent);
