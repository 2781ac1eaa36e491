#include "fieldaccessor.h"

namespace snowemu {

bool FieldAccessor::resolve(const Store &store, int tableId, const QString &path, FieldAccessor *accessor)
{
    const QStringList parts = path.split(u'.');
    int currentTable = tableId;
    FieldAccessor result;
    result.m_store = &store;
    result.m_path = path;

    for (qsizetype i = 0; i < parts.size(); ++i) {
        const ColumnDefinition *column = store.definition(currentTable).column(parts.at(i));
        if (!column)
            return false;

        const bool last = i == parts.size() - 1;
        if (last) {
            result.m_column = *column;
            result.m_final = ColumnReader(&store, column->name);
            break;
        }

        if (!column->isReference())
            return false;
        const int target = store.tableId(column->referenceTable);
        if (target < 0)
            return false;
        result.m_steps.append({ColumnReader(&store, column->name), target});
        currentTable = target;
    }

    *accessor = result;
    return true;
}

RowRef FieldAccessor::finalRow(RowRef row) const
{
    RowRef current = row;
    for (const Step &step : m_steps) {
        const QString key = step.reader(current);
        if (key.isEmpty())
            return {};
        current = m_store->find(step.targetTableId, key);
        if (!current.isValid())
            return {};
    }
    return current;
}

QList<int> FieldAccessor::stepTables() const
{
    QList<int> tables;
    for (const Step &step : m_steps)
        tables.append(step.targetTableId);
    return tables;
}

QString FieldAccessor::value(RowRef row) const
{
    if (m_steps.isEmpty())
        return m_final(row);
    const RowRef target = finalRow(row);
    return target.isValid() ? m_final(target) : QString();
}

} // namespace snowemu
