#include "listbody.h"

namespace snowemu {

RecordListBody::RecordListBody(const Store &store, RowList rows, size_t begin, size_t end, WriteRecord writeRecord,
                               std::function<bool(RowRef)> visible)
    : m_store(store)
    , m_rows(std::move(rows))
    , m_position(begin)
    , m_end(end)
    , m_writeRecord(std::move(writeRecord))
    , m_visible(std::move(visible))
{
}

QByteArray RecordListBody::read(qint64 suggestedBytes)
{
    QByteArray out;
    if (m_finished)
        return out;
    // Room for the last record, which may run past the suggested size. A record
    // writer reserves room for the longest possible encoding of its values, several
    // times the bytes it writes, so with this room the piece is allocated once and
    // never copied to grow.
    out.reserve(2 * suggestedBytes);

    if (!m_started) {
        out += "{\"result\":[";
        m_started = true;
    }

    while (out.size() < suggestedBytes && m_position < m_end) {
        const RowRef row = (*m_rows)[m_position++];
        // A row deleted after the query ran is skipped, like one hidden by an access rule.
        if (m_store.isDeleted(row) || (m_visible && !m_visible(row)))
            continue;
        if (m_written++ > 0)
            out += ',';
        m_writeRecord(out, row);
    }

    if (m_position >= m_end) {
        out += "]}";
        m_finished = true;
    }
    return out;
}

} // namespace snowemu
