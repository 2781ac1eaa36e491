#pragma once

#include "data/store.h"

#include <QList>
#include <QString>

namespace snowemu {

/*!
    Reads a field of a row, following dot-walked references: "caller_id.name" reads
    the caller's name. Built once per query and used for every row.
*/
class FieldAccessor
{
public:
    //! Resolves `path` on table `tableId`; returns false when a part of it is not a
    //! column, or a non-final part is not a reference.
    static bool resolve(const Store &store, int tableId, const QString &path, FieldAccessor *accessor);

    //! The row that holds the final column; invalid when a reference on the way is empty or broken.
    RowRef finalRow(RowRef row) const;

    QString value(RowRef row) const;

    const ColumnDefinition &column() const { return m_column; }
    const QString &path() const { return m_path; }
    bool isDotWalked() const { return !m_steps.isEmpty(); }

    //! The tables a dot-walk looks rows up in, one per step; empty for a plain column.
    QList<int> stepTables() const;

private:
    struct Step {
        ColumnReader reader;
        int targetTableId = -1;
    };

    const Store *m_store = nullptr;
    QString m_path;
    QList<Step> m_steps;
    ColumnReader m_final;
    ColumnDefinition m_column;
};

} // namespace snowemu
