#include "display.h"

#include "seedrandom.h"

#include <QDateTime>

#include <iterator>

using namespace Qt::StringLiterals;

namespace snowemu {

namespace {

QString journalLabel(const QString &element)
{
    return element == u"work_notes" ? u"Work notes"_s : u"Additional comments"_s;
}

} // namespace

DisplayKind displayKindOf(const ColumnDefinition &column)
{
    if (column.isJournal())
        return DisplayKind::Journal;
    if (column.hasChoices)
        return DisplayKind::Choice;
    if (column.isReference())
        return column.internalType == u"domain_id" ? DisplayKind::AsStored : DisplayKind::Reference;
    if (column.internalType == u"sys_class_name")
        return DisplayKind::ClassName;
    if (column.internalType == u"glide_duration" || column.internalType == u"timer")
        return DisplayKind::Duration;
    if (column.internalType == u"glide_date_time" || column.internalType == u"due_date")
        return DisplayKind::DateTime;
    if (column.internalType == u"integer" || column.internalType == u"longint")
        return DisplayKind::Integer;
    return DisplayKind::AsStored;
}

QString durationInWords(const QString &value)
{
    qint64 seconds = 0;
    if (!seed::parseDateTime(value, &seconds))
        return value;

    // A duration is stored as a date after 1970-01-01 00:00:00.
    const qint64 days = seconds / 86400;
    const qint64 hours = seconds / 3600 % 24;
    const qint64 minutes = seconds / 60 % 60;
    const qint64 rest = seconds % 60;

    QStringList parts;
    const auto add = [&parts](qint64 amount, const QString &singular, const QString &plural) {
        if (amount > 0)
            parts.append(QString::number(amount) + u' ' + (amount == 1 ? singular : plural));
    };
    add(days, u"Day"_s, u"Days"_s);
    add(hours, u"Hour"_s, u"Hours"_s);
    add(minutes, u"Minute"_s, u"Minutes"_s);
    if (days == 0 && hours == 0)
        add(rest, u"Second"_s, u"Seconds"_s);
    return parts.join(u' ');
}

QString journalText(const Store &store, RowRef row, const QString &element, const QTimeZone &timeZone)
{
    QStringList entries;
    const QList<JournalEntry> journal = store.journal(row);
    // Newest first, as the activity stream shows them.
    for (auto it = journal.crbegin(); it != journal.crend(); ++it) {
        if (element != u"comments_and_work_notes" && it->element != element)
            continue;
        entries.append(utcToLocal(it->createdOn, timeZone) + u" - "_s + it->createdBy + u" ("_s + journalLabel(it->element)
                       + u")\n"_s + it->text + u"\n\n"_s);
    }
    return entries.join(QString());
}

QString groupedInteger(const QString &value)
{
    bool ok = false;
    const qlonglong number = value.toLongLong(&ok);
    if (!ok)
        return value;

    // The magnitude as unsigned, so the most negative number has one too.
    quint64 magnitude = number < 0 ? 0 - quint64(number) : quint64(number);
    char16_t buffer[32];
    char16_t *const end = buffer + std::size(buffer);
    char16_t *cursor = end;
    int digits = 0;
    do {
        if (digits > 0 && digits % 3 == 0)
            *--cursor = u',';
        *--cursor = char16_t(u'0' + magnitude % 10);
        magnitude /= 10;
        ++digits;
    } while (magnitude > 0);
    if (number < 0)
        *--cursor = u'-';
    return QString(reinterpret_cast<const QChar *>(cursor), end - cursor);
}

QString utcToLocal(const QString &utcValue, const QTimeZone &timeZone)
{
    qint64 seconds = 0;
    if (utcValue.size() != 19 || !seed::parseDateTime(utcValue, &seconds))
        return utcValue;
    const QDateTime local = QDateTime::fromSecsSinceEpoch(seconds, timeZone);
    return local.toString(u"yyyy-MM-dd HH:mm:ss"_s);
}

QString localToUtc(const QString &localValue, const QTimeZone &timeZone)
{
    qint64 seconds = 0;
    if (!seed::parseDateTime(localValue, &seconds))
        return {};
    const QDateTime asUtc = QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc());
    const QDateTime local(asUtc.date(), asUtc.time(), timeZone);
    return seed::formatDateTime(local.toSecsSinceEpoch());
}

QString displayValueOf(const Store &store, RowRef row, const ColumnDefinition &column, const QString &value,
                       const QTimeZone &timeZone)
{
    const DisplayKind kind = displayKindOf(column);
    if (kind == DisplayKind::Journal)
        return journalText(store, row, column.name, timeZone);
    if (value.isEmpty())
        return value;

    switch (kind) {
    case DisplayKind::Choice: {
        const QString table = row.isValid() ? store.tableNameOf(row) : column.definedOn;
        for (const Choice &choice : Schema::instance().choices(table, column.name)) {
            if (choice.value == value)
                return choice.label;
        }
        return value;
    }
    case DisplayKind::Reference:
        return store.displayValue(column.referenceTable, value);
    case DisplayKind::ClassName: {
        const TableDefinition *table = Schema::instance().table(value);
        return table ? table->label : value;
    }
    case DisplayKind::Duration:
        return durationInWords(value);
    case DisplayKind::DateTime:
        return utcToLocal(value, timeZone);
    case DisplayKind::Integer:
        return groupedInteger(value);
    case DisplayKind::Journal:
    case DisplayKind::AsStored:
        break;
    }
    return value;
}

} // namespace snowemu
