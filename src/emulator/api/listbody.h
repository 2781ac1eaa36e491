#pragma once

#include "http/httpmessage.h"
#include "query/resultcache.h"
#include "recordwriter.h"

#include <functional>
#include <memory>

namespace snowemu {

/*!
    The body {"result":[...]} of a list response, written a few records at a time as
    the socket drains. Rows that the `visible` check rejects are left out, which is
    how pages come back short when an access rule hides records.
*/
class RecordListBody : public BodySource
{
public:
    using WriteRecord = std::function<void(QByteArray &out, RowRef row)>;

    RecordListBody(const Store &store, RowList rows, size_t begin, size_t end, WriteRecord writeRecord,
                   std::function<bool(RowRef)> visible);

    QByteArray read(qint64 suggestedBytes) override;

private:
    const Store &m_store;
    RowList m_rows;
    size_t m_position;
    size_t m_end;
    WriteRecord m_writeRecord;
    std::function<bool(RowRef)> m_visible;
    bool m_started = false;
    bool m_finished = false;
    qint64 m_written = 0;
};

} // namespace snowemu
