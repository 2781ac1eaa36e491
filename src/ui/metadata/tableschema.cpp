#include "tableschema.h"

using namespace Qt::StringLiterals;

const FieldInfo *TableSchema::field(const QString &name) const
{
    for (const FieldInfo &info : fields) {
        if (info.name == name)
            return &info;
    }
    return nullptr;
}

QString TableSchema::displayField() const
{
    for (const FieldInfo &info : fields) {
        if (info.isDisplay)
            return info.name;
    }
    for (const QString &candidate : {u"name"_s, u"number"_s, u"short_description"_s}) {
        if (field(candidate))
            return candidate;
    }
    return u"sys_id"_s;
}

QString TableSchema::choiceLabel(const QString &fieldName, const QString &value) const
{
    const auto it = choices.constFind(fieldName);
    if (it == choices.cend())
        return value;
    for (const ChoiceOption &option : *it) {
        if (option.value == value)
            return option.label;
    }
    return value;
}

FieldType TableSchema::typeFor(const QString &internalType, bool hasChoices)
{
    static const QHash<QString, FieldType> types = {
        {u"string"_s, FieldType::String},
        {u"email"_s, FieldType::String},
        {u"url"_s, FieldType::String},
        {u"html"_s, FieldType::String},
        {u"translated_text"_s, FieldType::String},
        {u"user_input"_s, FieldType::String},
        {u"GUID"_s, FieldType::String},
        {u"sys_class_name"_s, FieldType::String},
        {u"table_name"_s, FieldType::String},
        {u"domain_path"_s, FieldType::String},
        {u"integer"_s, FieldType::Integer},
        {u"longint"_s, FieldType::Integer},
        {u"decimal"_s, FieldType::Decimal},
        {u"float"_s, FieldType::Decimal},
        {u"currency"_s, FieldType::Decimal},
        {u"price"_s, FieldType::Decimal},
        {u"boolean"_s, FieldType::Boolean},
        {u"reference"_s, FieldType::Reference},
        {u"domain_id"_s, FieldType::Reference},
        {u"glide_date_time"_s, FieldType::DateTime},
        {u"due_date"_s, FieldType::DateTime},
        {u"glide_date"_s, FieldType::Date},
        {u"glide_duration"_s, FieldType::Duration},
        {u"timer"_s, FieldType::Duration},
        {u"journal"_s, FieldType::Journal},
        {u"journal_input"_s, FieldType::Journal},
        {u"journal_list"_s, FieldType::Journal},
        {u"glide_list"_s, FieldType::List},
    };

    const FieldType type = types.value(internalType, FieldType::Other);
    if (hasChoices && (type == FieldType::String || type == FieldType::Integer))
        return FieldType::Choice;
    return type;
}
