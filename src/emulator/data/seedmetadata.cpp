// The metadata tables: sys_db_object, sys_dictionary, sys_choice, sys_glide_object
// and sys_properties, derived from the schema so they always describe what the
// emulator really serves.

#include "seedworld.h"

#include "seedrandom.h"

using namespace Qt::StringLiterals;

namespace snowemu::seed {

namespace {

using Row = QHash<QString, QString>;

QString boolText(bool value)
{
    return value ? u"true"_s : u"false"_s;
}

// sys_ fields shared by every metadata row.
Row baseRow(const QString &table, int row)
{
    return {
        {u"sys_id"_s, sysIdFor(table, row)},
        {u"sys_class_name"_s, table},
        {u"sys_created_by"_s, u"admin"_s},
        {u"sys_updated_by"_s, u"admin"_s},
        {u"sys_created_on"_s, staticCreatedOn(table, row)},
        {u"sys_updated_on"_s, staticCreatedOn(table, row)},
        {u"sys_mod_count"_s, u"0"_s},
        {u"sys_scope"_s, u"global"_s},
        {u"sys_policy"_s, QString()},
    };
}

std::shared_ptr<SeedTable> tableObjects()
{
    const Schema &schema = Schema::instance();
    auto table = std::make_shared<StaticTable>(*schema.table(u"sys_db_object"_s));
    const QStringList names = schema.tableNames();
    for (int i = 0; i < names.size(); ++i) {
        const TableDefinition &definition = *schema.table(names.at(i));
        Row row = baseRow(u"sys_db_object"_s, i);
        row.insert({
            {u"name"_s, definition.name},
            {u"label"_s, definition.label},
            {u"sys_name"_s, definition.label},
            {u"super_class"_s, definition.superClass.isEmpty() ? QString() : sysIdFor(u"sys_db_object", names.indexOf(definition.superClass))},
            {u"is_extendable"_s, boolText(definition.extendable)},
            {u"number_ref"_s, QString()},
            {u"access"_s, u"public"_s},
            {u"read_access"_s, u"true"_s},
            {u"create_access"_s, u"true"_s},
            {u"update_access"_s, u"true"_s},
            {u"delete_access"_s, u"true"_s},
            {u"ws_access"_s, u"true"_s},
            {u"alter_access"_s, u"true"_s},
            {u"actions_access"_s, u"true"_s},
            {u"client_scripts_access"_s, u"true"_s},
            {u"configuration_access"_s, u"true"_s},
            {u"create_access_controls"_s, u"false"_s},
            {u"caller_access"_s, QString()},
            {u"live_feed_enabled"_s, u"false"_s},
            {u"scriptable_table"_s, u"false"_s},
            {u"is_data_interface"_s, u"false"_s},
            {u"is_df_table"_s, u"false"_s},
            {u"extension_model"_s, QString()},
            {u"sys_update_name"_s, u"sys_db_object_"_s + definition.name},
        });
        table->addRow(row);
    }
    return table;
}

std::shared_ptr<SeedTable> dictionary()
{
    const Schema &schema = Schema::instance();
    auto table = std::make_shared<StaticTable>(*schema.table(u"sys_dictionary"_s));
    int index = 0;
    for (const QString &name : schema.tableNames()) {
        const TableDefinition &definition = *schema.table(name);

        // Each table has one "collection" entry with an empty element, as on a real instance.
        Row collection = baseRow(u"sys_dictionary"_s, index++);
        collection.insert({
            {u"name"_s, name},
            {u"element"_s, QString()},
            {u"column_label"_s, definition.label},
            {u"internal_type"_s, u"collection"_s},
            {u"active"_s, u"true"_s},
            {u"max_length"_s, u"40"_s},
            {u"sys_name"_s, definition.label},
            {u"sys_update_name"_s, u"sys_dictionary_"_s + name + u"_null"_s},
        });
        table->addRow(collection);

        for (const ColumnDefinition &column : definition.columns) {
            if (column.definedOn != name)
                continue; // inherited columns live under the ancestor's name
            Row row = baseRow(u"sys_dictionary"_s, index++);
            row.insert({
                {u"name"_s, name},
                {u"element"_s, column.name},
                {u"column_label"_s, column.label},
                {u"internal_type"_s, column.internalType},
                {u"reference"_s, column.isReference() ? column.referenceTable : QString()},
                {u"max_length"_s, QString::number(column.maxLength)},
                {u"mandatory"_s, boolText(column.mandatory)},
                {u"read_only"_s, boolText(column.readOnly)},
                {u"display"_s, boolText(column.display || definition.displayColumn == column.name)},
                {u"primary"_s, boolText(column.name == u"sys_id")},
                {u"unique"_s, boolText(column.name == u"sys_id" || column.name == u"number")},
                {u"choice"_s, column.hasChoices ? u"1"_s : QString()},
                {u"active"_s, u"true"_s},
                {u"virtual"_s, u"false"_s},
                {u"array"_s, u"false"_s},
                {u"audit"_s, u"false"_s},
                {u"spell_check"_s, u"false"_s},
                {u"text_index"_s, u"false"_s},
                {u"sys_name"_s, column.label},
                {u"sys_update_name"_s, u"sys_dictionary_"_s + name + u'_' + column.name},
            });
            table->addRow(row);
        }
    }
    return table;
}

std::shared_ptr<SeedTable> choices()
{
    const Schema &schema = Schema::instance();
    auto table = std::make_shared<StaticTable>(*schema.table(u"sys_choice"_s));
    QStringList keys = schema.allChoices().keys();
    keys.sort();
    int index = 0;
    for (const QString &key : std::as_const(keys)) {
        const QString owner = key.section(u'.', 0, 0);
        const QString element = key.section(u'.', 1);
        for (const Choice &choice : schema.allChoices().value(key)) {
            Row row = baseRow(u"sys_choice"_s, index++);
            row.insert({
                {u"name"_s, owner},
                {u"element"_s, element},
                {u"value"_s, choice.value},
                {u"label"_s, choice.label},
                {u"sequence"_s, QString::number(choice.sequence)},
                {u"language"_s, u"en"_s},
                {u"inactive"_s, u"false"_s},
                {u"dependent_value"_s, choice.dependentValue},
            });
            table->addRow(row);
        }
    }
    return table;
}

std::shared_ptr<SeedTable> glideObjects()
{
    const Schema &schema = Schema::instance();
    auto table = std::make_shared<StaticTable>(*schema.table(u"sys_glide_object"_s));
    int index = 0;
    for (const auto &[name, label] : schema.glideTypes()) {
        Row row = baseRow(u"sys_glide_object"_s, index++);
        row.insert({
            {u"name"_s, name},
            {u"label"_s, label},
            {u"visible"_s, u"true"_s},
            {u"use_original_value"_s, u"false"_s},
        });
        table->addRow(row);
    }
    return table;
}

std::shared_ptr<SeedTable> properties(const SeedSettings &settings)
{
    const Schema &schema = Schema::instance();
    auto table = std::make_shared<StaticTable>(*schema.table(u"sys_properties"_s));
    const QList<std::array<QString, 4>> entries = {
        {u"com.glide.attachment.max_size"_s, QString::number(qMax<qint64>(1, settings.maxAttachmentBytes / (1024 * 1024))),
         u"Maximum file attachment size in megabytes"_s, u"integer"_s},
        {u"glide.servlet.uri"_s, settings.baseUrl + u'/', u"The URL of this instance"_s, u"string"_s},
        {u"instance_name"_s, u"emulator"_s, u"Name of this instance"_s, u"string"_s},
        {u"glide.sys.date_format"_s, u"yyyy-MM-dd"_s, u"System date format"_s, u"date_format"_s},
        {u"glide.sys.time_format"_s, u"HH:mm:ss"_s, u"System time format"_s, u"time_format"_s},
        {u"glide.sys.default.tz"_s, u"America/Los_Angeles"_s, u"System time zone"_s, u"timezone"_s},
        {u"glide.invalid_query.returns_no_rows"_s, u"false"_s, u"Invalid queries return no rows"_s, u"boolean"_s},
        {u"glide.rest.batch.max.inputSize"_s, u"5"_s, u"Maximum size of a batch request item in MB"_s, u"integer"_s},
    };
    int index = 0;
    for (const auto &entry : entries) {
        Row row = baseRow(u"sys_properties"_s, index++);
        row.insert({
            {u"name"_s, entry[0]},
            {u"value"_s, entry[1]},
            {u"description"_s, entry[2]},
            {u"type"_s, entry[3]},
            {u"is_private"_s, u"false"_s},
            {u"ignore_cache"_s, u"false"_s},
        });
        table->addRow(row);
    }
    return table;
}

} // namespace

void addMetadataTables(QHash<QString, std::shared_ptr<SeedTable>> &tables, const SeedSettings &settings)
{
    tables.insert(u"sys_db_object"_s, tableObjects());
    tables.insert(u"sys_dictionary"_s, dictionary());
    tables.insert(u"sys_choice"_s, choices());
    tables.insert(u"sys_glide_object"_s, glideObjects());
    tables.insert(u"sys_properties"_s, properties(settings));
}

} // namespace snowemu::seed
