#pragma once

#include "query/fieldaccessor.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QTimeZone>

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
*/
class RecordWriter
{
public:
    RecordWriter(const Store &store, DisplayMode mode, bool excludeReferenceLink, QList<OutputField> fields,
                 const QString &baseUrl, const QTimeZone &timeZone);

    //! Appends the JSON object of `row` to `out`.
    void write(QByteArray &out, RowRef row) const;

private:
    void writeField(QByteArray &out, const OutputField &field, RowRef row) const;

    const Store &m_store;
    DisplayMode m_mode;
    bool m_excludeReferenceLink;
    QList<OutputField> m_fields;
    QString m_tableLinkBase;  // "http://127.0.0.1:PORT/api/now/table/"
    QTimeZone m_timeZone;
};

} // namespace snowemu
