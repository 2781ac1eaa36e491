#pragma once

#include "data/displayformatter.h"
#include "query/fieldaccessor.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <vector>

namespace snowemu {

enum class DisplayMode {
    Value,    // sysparm_display_value=false: stored values
    Display,  // sysparm_display_value=true: display values
    All,      // sysparm_display_value=all: both, as {"display_value", "value"}
};

DisplayMode parseDisplayMode(const QString &parameter);

struct OutputField {
    QString key;            // as written in the response: "caller_id.name" for a dot-walk
    FieldAccessor accessor;
};

/*!
    The fields a Table API response contains: those of sysparm_fields (unknown ones
    skipped), else those of sysparm_view, else every column of the table.
*/
QList<OutputField> selectOutputFields(const Store &store, int tableId, const QString &fields, const QString &view);

/*!
    Writes records in the Table API's wire shape: every value a JSON string,
    references as {"link", "value"} objects, dot-walked fields as flat keys.

    The bytes that are the same for every record of a response (each field's key,
    the link prefix of each reference column) are built once in the constructor.
    Display values come from a DisplayFormatter that keeps what repeats from row to
    row. One writer serves one response on the server's thread.
*/
class RecordWriter
{
public:
    //! A writer of records of `tableId` (or a descendant), with `fields` resolved on that table.
    RecordWriter(const Store &store, int tableId, DisplayMode mode, bool excludeReferenceLink, QList<OutputField> fields,
                 const QString &baseUrl, const QTimeZone &timeZone);

    // The field plans point into m_fields, so a writer is never copied.
    RecordWriter(const RecordWriter &) = delete;
    RecordWriter &operator=(const RecordWriter &) = delete;

    //! Appends the JSON object of `row` to `out`.
    void write(QByteArray &out, RowRef row);

    /*!
        Everything besides the row that the bytes of a record depend on: the queried
        table, the fields (which sysparm_fields or sysparm_view chose), the display
        mode, the reference-link flag and the user's time zone. Two writers with
        equal keys write equal bytes for the same row in the same store state.
    */
    QByteArray shapeKey() const;

    /*!
        The concrete tables whose rows, besides the written row itself, can change
        the bytes of a record: the targets of dot-walks and, when display values
        are written, of references. Without them, a record changes only with its row.
    */
    QList<int> dependencyTables() const;

private:
    struct FieldPlan {
        const OutputField *field = nullptr;
        QByteArray keyBytes;    // "{\"key\":" for the first field, ",\"key\":" after it
        QByteArray linkPrefix;  // "\"http://…/api/now/table/<table>/" for reference columns
        int displayHandle = -1; // of m_display
        std::vector<int> columnIndexByTable;  // position of the column in each concrete table; -1 when absent
        bool reference = false;
        bool journal = false;
        bool nullWhenEmpty = false;  // an empty choice has no label under display_value=all
    };

    qsizetype readValues(RowRef row);
    char *writeField(char *cursor, const FieldPlan &plan, const QString &value, const QString &display) const;

    const Store &m_store;
    int m_tableId;
    DisplayMode m_mode;
    bool m_excludeReferenceLink;
    QList<OutputField> m_fields;
    std::vector<FieldPlan> m_plans;
    QTimeZone m_timeZone;
    DisplayFormatter m_display;

    // The values and display values of the row being written, by field; kept
    // between rows so their storage is reused.
    std::vector<QString> m_values;
    std::vector<QString> m_displays;
};

} // namespace snowemu
