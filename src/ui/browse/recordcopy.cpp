#include "recordcopy.h"

#include "models/recordtablemodel.h"

#include <snow/record.h>

#include <QtCore/QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace recordcopy {

namespace {

QString valueOf(const snow::Record &record, const QString &field, Values values)
{
    return values == Values::Raw ? record.value(field) : record.displayValue(field);
}

template<typename LineOf>
CopiedText copyLines(const RecordTableModel &model, const QList<int> &rows, LineOf lineOf)
{
    CopiedText copied;
    QStringList lines;
    for (const int row : rows) {
        const snow::Record record = model.record(row);
        if (record.isEmpty()) {
            ++copied.skippedRows;
            continue;
        }
        lines.append(lineOf(record));
        ++copied.rows;
    }
    copied.text = lines.join(u'\n');
    return copied;
}

} // namespace

QList<int> selectedRows(const QItemSelection &selection)
{
    QList<int> rows;
    for (const QItemSelectionRange &range : selection) {
        for (int row = range.top(); row <= range.bottom(); ++row)
            rows.append(row);
    }
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    return rows;
}

QList<int> selectedColumns(const QItemSelection &selection)
{
    QSet<int> columns;
    for (const QItemSelectionRange &range : selection) {
        for (int column = range.left(); column <= range.right(); ++column)
            columns.insert(column);
    }
    QList<int> sorted(columns.cbegin(), columns.cend());
    std::sort(sorted.begin(), sorted.end());
    return sorted;
}

QString quoteCell(const QString &value)
{
    if (!value.contains(u'\t') && !value.contains(u'\n') && !value.contains(u'\r') && !value.contains(u'"'))
        return value;
    QString quoted = value;
    quoted.replace(u'"', u"\"\""_s);
    return u'"' + quoted + u'"';
}

CopiedText cells(const RecordTableModel &model, const QList<int> &rows, const QList<int> &columns, Values values)
{
    QStringList fields;
    for (const int column : columns) {
        if (column >= 0 && column < model.columns().size())
            fields.append(model.columns().at(column).field);
    }
    return copyLines(model, rows, [&](const snow::Record &record) {
        QStringList line;
        for (const QString &field : std::as_const(fields))
            line.append(quoteCell(valueOf(record, field, values)));
        return line.join(u'\t');
    });
}

CopiedText column(const RecordTableModel &model, const QList<int> &rows, int column, Values values)
{
    if (column < 0 || column >= model.columns().size())
        return {};
    const QString field = model.columns().at(column).field;
    return copyLines(model, rows, [&](const snow::Record &record) { return quoteCell(valueOf(record, field, values)); });
}

CopiedText sysIds(const RecordTableModel &model, const QList<int> &rows)
{
    return copyLines(model, rows, [](const snow::Record &record) { return record.sysId(); });
}

} // namespace recordcopy
