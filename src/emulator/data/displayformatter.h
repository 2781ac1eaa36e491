#pragma once

#include "display.h"
#include "localtime.h"

#include <QHash>
#include <QList>
#include <QString>

#include <vector>

namespace snowemu {

/*!
    The display values of the records of one response, equal to displayValueOf()
    but faster for many rows. Each column's display rule is decided once, and the
    lookups that repeat from row to row are kept: choice lists per table, the
    display values of referenced records (until the next write to the store) and
    the UTC offsets of the user's time zone.

    Not thread-safe; one formatter per response, used on the server's thread.
*/
class DisplayFormatter
{
public:
    DisplayFormatter(const Store &store, const QTimeZone &timeZone);

    //! Registers a column and returns the handle to pass to displayValue().
    int addColumn(const ColumnDefinition &column);

    //! The display value of `value`, stored in the column `handle` of `row`; `row` must be valid.
    QString displayValue(int handle, RowRef row, const QString &value);

private:
    struct Column {
        ColumnDefinition definition;
        DisplayKind kind = DisplayKind::AsStored;
        std::vector<const QList<Choice> *> choicesByTable;  // by concrete table id, filled on first use
        QHash<QString, QString> referenceDisplays;          // sys_id to display value
    };

    QString choiceLabel(Column &column, RowRef row, const QString &value);
    QString referenceDisplay(Column &column, const QString &value);

    const Store &m_store;
    QTimeZone m_timeZone;
    LocalTimeConverter m_localTime;
    std::vector<Column> m_columns;
    quint64 m_referenceVersion = 0;  // store version the reference displays were read at
};

} // namespace snowemu
