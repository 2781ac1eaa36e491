#pragma once

#include <QtCore/QItemSelection>
#include <QtCore/QList>
#include <QtCore/QString>

class RecordTableModel;

/// Clipboard text from the rows of a RecordTableModel: tab-separated values, one line
/// per row. A value containing a tab, a line break or a double quote is quoted, with
/// inner quotes doubled, as spreadsheets read it. Rows that are not loaded (a result
/// loaded on demand) are skipped and counted.
namespace recordcopy {

enum class Values {
    Display, ///< what the table shows for a reference or choice: its display value
    Raw,     ///< the stored value: a sys_id, a choice value
};

struct CopiedText
{
    QString text;
    int rows = 0;        ///< rows copied
    int skippedRows = 0; ///< selected rows left out because they are not loaded
};

/// Returns the distinct rows of @p selection in ascending order.
QList<int> selectedRows(const QItemSelection &selection);
/// Returns the distinct columns of @p selection in ascending order.
QList<int> selectedColumns(const QItemSelection &selection);

/// Returns the cells of @p rows in @p columns, in the order given.
CopiedText cells(const RecordTableModel &model, const QList<int> &rows, const QList<int> &columns, Values values);
/// Returns the values of one column, one per line.
CopiedText column(const RecordTableModel &model, const QList<int> &rows, int column, Values values);
/// Returns the sys_ids of @p rows, one per line.
CopiedText sysIds(const RecordTableModel &model, const QList<int> &rows);

/// Returns @p value quoted for tab-separated text when it needs quotes.
QString quoteCell(const QString &value);

} // namespace recordcopy
