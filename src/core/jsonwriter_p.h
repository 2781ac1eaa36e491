#pragma once

// A minimal compact JSON writer for records and request bodies. It tracks only where
// commas go; callers are trusted to nest correctly.

#include <QtCore/QByteArray>
#include <QtCore/QByteArrayView>
#include <QtCore/QString>

#include <vector>

namespace snow {

class JsonWriter
{
public:
    void beginObject() { separate(); m_out.append('{'); m_first.push_back(true); }
    void endObject() { m_out.append('}'); m_first.pop_back(); }
    void beginArray() { separate(); m_out.append('['); m_first.push_back(true); }
    void endArray() { m_out.append(']'); m_first.pop_back(); }

    void key(QByteArrayView utf8)
    {
        separate();
        appendString(utf8);
        m_out.append(':');
        m_afterKey = true;
    }

    void string(QByteArrayView utf8) { separate(); appendString(utf8); }
    void string(const QString &text) { string(QByteArrayView(text.toUtf8())); }
    /// Appends already-valid JSON text (a number, true, false, null or a nested value).
    void raw(QByteArrayView json) { separate(); m_out.append(json); }

    QByteArray take() { return std::move(m_out); }
    const QByteArray &data() const { return m_out; }
    void clear() { m_out.clear(); m_first.clear(); m_afterKey = false; }

    /// Appends @p utf8 to @p out as a quoted JSON string with the required escapes.
    static void appendString(QByteArray &out, QByteArrayView utf8);

private:
    void separate()
    {
        if (m_afterKey) {
            m_afterKey = false;
            return;
        }
        if (!m_first.empty()) {
            if (!m_first.back())
                m_out.append(',');
            m_first.back() = false;
        }
    }

    void appendString(QByteArrayView utf8) { appendString(m_out, utf8); }

    QByteArray m_out;
    std::vector<bool> m_first;
    bool m_afterKey = false;
};

} // namespace snow
