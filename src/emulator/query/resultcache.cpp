#include "resultcache.h"

namespace snowemu {

ResultCache::ResultCache(int capacity)
    : m_capacity(capacity)
{
}

RowList ResultCache::find(const QString &key, quint64 version)
{
    for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
        if (it->key != key)
            continue;
        if (it->version != version) {
            m_entries.erase(it);
            return nullptr;
        }
        m_entries.splice(m_entries.begin(), m_entries, it);
        return m_entries.front().rows;
    }
    return nullptr;
}

void ResultCache::insert(const QString &key, quint64 version, RowList rows)
{
    m_entries.remove_if([&key](const Entry &entry) { return entry.key == key; });
    m_entries.push_front({key, version, std::move(rows)});
    while (int(m_entries.size()) > m_capacity)
        m_entries.pop_back();
}

} // namespace snowemu
