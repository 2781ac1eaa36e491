#include "query/termdescriber.h"

#include "app/session.h"
#include "metadata/schemacache.h"
#include "query/datevalues.h"
#include "query/durationvalue.h"
#include "query/operatorcatalog.h"
#include "query/referencenames.h"

#include <QtCore/QCoreApplication>

using namespace Qt::StringLiterals;

namespace {

using Term = snow::QueryBuilder::Term;
using Op = snow::QueryBuilder::Operator;

QString tr(const char *text)
{
    return QCoreApplication::translate("TermDescriber", text);
}

QString relativeText(const QStringList &values)
{
    const QString unit = values.value(0);
    const QString amount = values.value(2);
    const QString direction = values.value(1) == u"ahead" ? tr("from now") : tr("ago");
    return u"%1 %2%3 %4"_s.arg(amount, unit, amount == u"1" ? QString() : u"s"_s, direction);
}

// Returns the text of a date value: a preset's name, a generated date, or the value.
QString dateText(const QString &value)
{
    if (const DatePreset *preset = DateValues::findPresetByStart(value))
        return preset->label;
    if (const DatePreset *preset = DateValues::findPresetByEnd(value))
        return preset->label;
    if (const auto generated = DateValues::parseDateGenerate(value)) {
        const QString day = generated->date.toString(Qt::ISODate);
        if (generated->time == u"start" || generated->time == u"end")
            return day;
        return day + u' ' + generated->time;
    }
    return value;
}

} // namespace

TermDescriber::TermDescriber(Session *session, const QString &table)
    : m_session(session)
    , m_table(table)
{
}

std::shared_ptr<const TableSchema> TermDescriber::schemaOf(const QString &field, QString *column) const
{
    *column = field;
    if (!m_session)
        return nullptr;
    SchemaCache *schemas = m_session->schemas();
    const auto schema = schemas->schema(m_table);
    const qsizetype dot = field.indexOf(u'.');
    if (!schema || dot < 0)
        return schema;

    const FieldInfo *reference = schema->field(field.left(dot));
    if (!reference || reference->referenceTable.isEmpty())
        return nullptr;
    *column = field.mid(dot + 1);
    return schemas->schema(reference->referenceTable);
}

const FieldInfo *TermDescriber::fieldInfo(const QString &field) const
{
    QString column;
    const auto schema = schemaOf(field, &column);
    return schema ? schema->field(column) : nullptr;
}

QString TermDescriber::fieldLabel(const QString &field) const
{
    const qsizetype dot = field.indexOf(u'.');
    if (dot < 0) {
        const FieldInfo *info = fieldInfo(field);
        return info ? info->label : field;
    }

    const FieldInfo *reference = fieldInfo(field.left(dot));
    const FieldInfo *target = fieldInfo(field);
    const QString head = reference ? reference->label : field.left(dot);
    const QString tail = target ? target->label : field.mid(dot + 1);
    return head + u'.' + tail;
}

QString TermDescriber::operatorText(const Term &term) const
{
    if (term.op == Op::Equals)
        return u"="_s;
    if (term.op == Op::NotEquals)
        return u"!="_s;
    const FieldInfo *info = fieldInfo(term.field);
    return info ? OperatorCatalog::optionFor(*info, term.op).label : OperatorCatalog::genericLabel(term.op);
}

QString TermDescriber::singleValueText(const Term &term, const QString &value) const
{
    const FieldInfo *info = fieldInfo(term.field);
    if (term.op == Op::SameAs || term.op == Op::NotSameAs) {
        const qsizetype dot = term.field.lastIndexOf(u'.');
        const QString sibling = dot < 0 ? value : term.field.left(dot + 1) + value;
        return fieldLabel(sibling);
    }
    if (term.op == Op::Dynamic && value == OperatorCatalog::DynamicMe)
        return tr("Me");
    if (!info)
        return value;

    switch (info->type) {
    case FieldType::Choice: {
        QString column;
        const auto schema = schemaOf(term.field, &column);
        return schema ? schema->choiceLabel(column, value) : value;
    }
    case FieldType::Reference:
    case FieldType::List: {
        if (!ReferenceNames::isSysId(value))
            return value;
        ReferenceNames *names = ReferenceNames::of(m_session);
        const QString name = names->name(info->referenceTable, value);
        if (!name.isEmpty())
            return name;
        names->request(info->referenceTable, value);
        return value;
    }
    case FieldType::DateTime:
    case FieldType::Date:
        return dateText(value);
    case FieldType::Duration:
        if (const auto duration = DurationValue::parse(value))
            return DurationValue::text(*duration);
        return value;
    default:
        return value;
    }
}

QString TermDescriber::valueText(const Term &term) const
{
    switch (term.op) {
    case Op::IsEmpty:
    case Op::IsNotEmpty:
    case Op::IsAnything:
    case Op::IsEmptyString:
        return QString();
    case Op::On:
    case Op::NotOn: {
        const std::optional<OnValue> on = DateValues::parseOnValue(term.values.value(0));
        if (!on)
            return term.values.value(0);
        if (const DatePreset *preset = DateValues::findPreset(on->start, on->end))
            return preset->label;
        return on->name;
    }
    case Op::Between:
        return tr("%1 and %2").arg(singleValueText(term, term.values.value(0)), singleValueText(term, term.values.value(1)));
    case Op::In:
    case Op::NotIn: {
        QStringList texts;
        for (const QString &value : term.values)
            texts.append(singleValueText(term, value));
        return texts.join(u", "_s);
    }
    default:
        if (OperatorCatalog::isRelative(term.op))
            return relativeText(term.values);
        return singleValueText(term, term.values.value(0));
    }
}

QString TermDescriber::describe(const Term &term) const
{
    switch (term.kind) {
    case Term::Kind::Verbatim:
        return term.text.isEmpty() ? tr("(empty part)") : term.text;
    case Term::Kind::OrderBy:
        return term.descending ? tr("Order by %1 (descending)").arg(fieldLabel(term.field))
                               : tr("Order by %1").arg(fieldLabel(term.field));
    case Term::Kind::Condition:
        break;
    }

    const QString value = valueText(term);
    const QString text = fieldLabel(term.field) + u' ' + operatorText(term);
    return value.isEmpty() && OperatorCatalog::genericValueKind(term.op) == ValueKind::None ? text : text + u' ' + value;
}
