#pragma once

#include "data/store.h"

#include <QString>

#include <list>
#include <memory>
#include <vector>

namespace snowemu {

using RowList = std::shared_ptr<const std::vector<RowRef>>;

/*!
    The row lists of recent queries, so paging through a large result evaluates the
    query once instead of once per page. An entry is valid for one Store version;
    any write makes every entry stale.
*/
class ResultCache
{
public:
    explicit ResultCache(int capacity = 16);

    //! The cached rows of `key` at `version`, or null.
    RowList find(const QString &key, quint64 version);
    void insert(const QString &key, quint64 version, RowList rows);

private:
    struct Entry {
        QString key;
        quint64 version = 0;
        RowList rows;
    };

    int m_capacity;
    std::list<Entry> m_entries;  // most recently used first
};

} // namespace snowemu
