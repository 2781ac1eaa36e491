#include "recorddraft.h"

#include <QtCore/QCoreApplication>

using namespace Qt::StringLiterals;

namespace {

QJsonObject valuesToJson(const QMap<QString, FieldValue> &values)
{
    QJsonObject json;
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        json.insert(it.key(), QJsonObject{{u"value"_s, it->value}, {u"display_value"_s, it->displayValue}});
    return json;
}

QMap<QString, FieldValue> valuesFromJson(const QJsonObject &json)
{
    QMap<QString, FieldValue> values;
    for (auto it = json.begin(); it != json.end(); ++it) {
        const QJsonObject field = it.value().toObject();
        values.insert(it.key(), {field.value(u"value"_s).toString(), field.value(u"display_value"_s).toString()});
    }
    return values;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("RecordDraft", text);
}

} // namespace

QJsonObject RecordDraft::toJson() const
{
    return {
        {u"format"_s, FormatVersion},
        {u"id"_s, id},
        {u"profile"_s, profileId},
        {u"instance"_s, instanceLabel},
        {u"table"_s, table},
        {u"table_label"_s, tableLabel},
        {u"sys_id"_s, sysId},
        {u"title"_s, title},
        {u"loaded_mod_count"_s, loadedModCount},
        {u"loaded_updated_on"_s, loadedUpdatedOn},
        {u"loaded_values"_s, valuesToJson(loadedValues)},
        {u"edits"_s, valuesToJson(edits)},
        {u"saved_at"_s, savedAt.toUTC().toString(Qt::ISODate)},
    };
}

std::optional<RecordDraft> RecordDraft::fromJson(const QJsonObject &json, QString *error)
{
    const auto fail = [error](const QString &message) -> std::optional<RecordDraft> {
        if (error)
            *error = message;
        return std::nullopt;
    };

    const int format = json.value(u"format"_s).toInt(0);
    if (format < 1 || format > FormatVersion)
        return fail(tr("unknown draft format %1; this version of Snowscope reads format %2").arg(format).arg(FormatVersion));

    RecordDraft draft;
    draft.id = json.value(u"id"_s).toString();
    draft.table = json.value(u"table"_s).toString();
    if (draft.id.isEmpty() || draft.table.isEmpty())
        return fail(tr("the draft has no id or no table"));
    if (!json.value(u"edits"_s).isObject())
        return fail(tr("the draft has no edits"));

    draft.profileId = json.value(u"profile"_s).toString();
    draft.instanceLabel = json.value(u"instance"_s).toString();
    draft.tableLabel = json.value(u"table_label"_s).toString();
    draft.sysId = json.value(u"sys_id"_s).toString();
    draft.title = json.value(u"title"_s).toString();
    draft.loadedModCount = json.value(u"loaded_mod_count"_s).toString();
    draft.loadedUpdatedOn = json.value(u"loaded_updated_on"_s).toString();
    draft.loadedValues = valuesFromJson(json.value(u"loaded_values"_s).toObject());
    draft.edits = valuesFromJson(json.value(u"edits"_s).toObject());
    draft.savedAt = QDateTime::fromString(json.value(u"saved_at"_s).toString(), Qt::ISODate);
    return draft;
}
