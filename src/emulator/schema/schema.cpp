#include "schema.h"

#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace snowemu {

extern const char *const kTableDefinitions;

namespace {

const QStringList &sysFieldLines()
{
    static const QStringList lines = {
        u"sys_id \"Sys ID\" GUID len=32 readonly"_s,
        u"sys_created_on \"Created\" glide_date_time readonly"_s,
        u"sys_created_by \"Created by\" string readonly"_s,
        u"sys_updated_on \"Updated\" glide_date_time readonly"_s,
        u"sys_updated_by \"Updated by\" string readonly"_s,
        u"sys_mod_count \"Updates\" integer readonly"_s,
        u"sys_class_name \"Class\" sys_class_name len=80"_s,
    };
    return lines;
}

// Splits a definition line into words; a quoted label is one word without its quotes.
QStringList splitWords(const QString &line)
{
    QStringList words;
    QString current;
    bool inQuotes = false;
    for (const QChar character : line) {
        if (character == u'"') {
            inQuotes = !inQuotes;
            if (!inQuotes) {
                words.append(current);
                current.clear();
            }
            continue;
        }
        if (character.isSpace() && !inQuotes) {
            if (!current.isEmpty())
                words.append(current);
            current.clear();
            continue;
        }
        current.append(character);
    }
    if (!current.isEmpty())
        words.append(current);
    return words;
}

ColumnDefinition parseColumn(const QStringList &words, const QString &table)
{
    ColumnDefinition column;
    column.name = words.value(0);
    column.label = words.value(1);
    column.definedOn = table;

    const QString type = words.value(2);
    const qsizetype colon = type.indexOf(u':');
    column.internalType = colon < 0 ? type : type.left(colon);
    column.referenceTable = colon < 0 ? QString() : type.mid(colon + 1);

    if (column.internalType == u"glide_date_time" || column.internalType == u"due_date")
        column.maxLength = 40;
    for (qsizetype i = 3; i < words.size(); ++i) {
        const QString &word = words.at(i);
        if (word.startsWith(u"len="))
            column.maxLength = word.mid(4).toInt();
        else if (word == u"mandatory")
            column.mandatory = true;
        else if (word == u"readonly")
            column.readOnly = true;
        else if (word == u"choice")
            column.hasChoices = true;
        else if (word == u"display")
            column.display = true;
    }
    return column;
}

} // namespace

bool ColumnDefinition::isReference() const
{
    return internalType == u"reference" || internalType == u"domain_id";
}

bool ColumnDefinition::isNumeric() const
{
    return internalType == u"integer" || internalType == u"decimal" || internalType == u"float"
        || internalType == u"longint" || internalType == u"currency";
}

bool ColumnDefinition::isDateTime() const
{
    return internalType == u"glide_date_time" || internalType == u"due_date" || internalType == u"glide_duration"
        || internalType == u"timer";
}

bool ColumnDefinition::isDate() const
{
    return internalType == u"glide_date";
}

bool ColumnDefinition::isBoolean() const
{
    return internalType == u"boolean";
}

bool ColumnDefinition::isJournal() const
{
    return internalType == u"journal_input" || internalType == u"journal_list";
}

const ColumnDefinition *TableDefinition::column(const QString &name) const
{
    const int index = columnIndex.value(name, -1);
    return index < 0 ? nullptr : &columns.at(index);
}

const Schema &Schema::instance()
{
    static const Schema schema;
    return schema;
}

Schema::Schema()
{
    parse(kTableDefinitions);
    resolveInheritance();
}

void Schema::parse(const char *text)
{
    const QStringList lines = QString::fromUtf8(text).split(u'\n');
    QString currentTable;
    for (const QString &rawLine : lines) {
        const QString line = rawLine.trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;

        const QStringList words = splitWords(line);
        const QString &keyword = words.first();

        if (keyword == u"table") {
            TableDefinition table;
            table.name = words.value(1);
            table.label = words.value(2);
            for (qsizetype i = 3; i < words.size(); ++i) {
                const QString &word = words.at(i);
                if (word.startsWith(u"super="))
                    table.superClass = word.mid(6);
                else if (word.startsWith(u"display="))
                    table.displayColumn = word.mid(8);
                else if (word.startsWith(u"prefix="))
                    table.numberPrefix = word.mid(7);
                else if (word.startsWith(u"start="))
                    table.numberStart = word.mid(6).toInt();
                else if (word == u"extendable")
                    table.extendable = true;
            }
            currentTable = table.name;
            m_order.append(table.name);
            m_tables.insert(table.name, table);
        } else if (keyword == u"sysfields") {
            TableDefinition &table = m_tables[currentTable];
            for (const QString &sysLine : sysFieldLines()) {
                const ColumnDefinition column = parseColumn(splitWords(sysLine), currentTable);
                const bool present = std::any_of(table.columns.cbegin(), table.columns.cend(),
                                                 [&](const ColumnDefinition &c) { return c.name == column.name; });
                if (!present)
                    table.columns.append(column);
            }
        } else if (keyword == u"choices") {
            const QString key = words.value(1);
            const QString list = line.mid(line.indexOf(key) + key.size()).trimmed();
            QList<Choice> choices;
            int sequence = 0;
            for (const QString &entry : list.split(u'|')) {
                Choice choice;
                QString valuePart = entry.section(u'=', 0, 0);
                choice.label = entry.section(u'=', 1);
                const qsizetype arrow = valuePart.indexOf(u'>');
                if (arrow >= 0) {
                    choice.dependentValue = valuePart.left(arrow);
                    valuePart = valuePart.mid(arrow + 1);
                }
                choice.value = valuePart;
                choice.sequence = sequence;
                sequence += 10;
                choices.append(choice);
            }
            m_choices.insert(key, choices);
        } else if (keyword == u"glidetype") {
            m_glideTypes.append({words.value(1), words.value(2)});
        } else {
            m_tables[currentTable].columns.append(parseColumn(words, currentTable));
        }
    }
}

void Schema::resolveInheritance()
{
    // Parents are defined before their children, so one pass in definition order
    // sees every ancestor already complete.
    for (const QString &name : std::as_const(m_order)) {
        TableDefinition &table = m_tables[name];
        if (!table.superClass.isEmpty()) {
            const TableDefinition &parent = m_tables.value(table.superClass);
            for (const ColumnDefinition &inherited : parent.columns) {
                const bool overridden = std::any_of(table.columns.cbegin(), table.columns.cend(),
                                                    [&](const ColumnDefinition &c) { return c.name == inherited.name; });
                if (!overridden)
                    table.columns.append(inherited);
            }
        }

        std::sort(table.columns.begin(), table.columns.end(),
                  [](const ColumnDefinition &a, const ColumnDefinition &b) { return a.name < b.name; });
        table.columnIndex.clear();
        for (int i = 0; i < table.columns.size(); ++i)
            table.columnIndex.insert(table.columns.at(i).name, i);
    }
}

const TableDefinition *Schema::table(const QString &name) const
{
    const auto it = m_tables.constFind(name);
    return it == m_tables.cend() ? nullptr : &it.value();
}

bool Schema::extends(const QString &table, const QString &ancestor) const
{
    QString current = table;
    while (!current.isEmpty()) {
        if (current == ancestor)
            return true;
        const TableDefinition *definition = this->table(current);
        current = definition ? definition->superClass : QString();
    }
    return false;
}

QStringList Schema::descendants(const QString &table) const
{
    QStringList result;
    for (const QString &name : m_order) {
        if (name != table && extends(name, table))
            result.append(name);
    }
    return result;
}

QStringList Schema::ancestors(const QString &table) const
{
    QStringList result;
    const TableDefinition *definition = this->table(table);
    while (definition && !definition->superClass.isEmpty()) {
        result.append(definition->superClass);
        definition = this->table(definition->superClass);
    }
    return result;
}

QString Schema::choiceOwner(const QString &table, const QString &column) const
{
    QString current = table;
    while (!current.isEmpty()) {
        if (m_choices.contains(current + u'.' + column))
            return current;
        const TableDefinition *definition = this->table(current);
        current = definition ? definition->superClass : QString();
    }
    return {};
}

const QList<Choice> &Schema::choices(const QString &table, const QString &column) const
{
    static const QList<Choice> none;
    const QString owner = choiceOwner(table, column);
    if (owner.isEmpty())
        return none;
    const auto it = m_choices.constFind(owner + u'.' + column);
    return it == m_choices.cend() ? none : it.value();
}

} // namespace snowemu
