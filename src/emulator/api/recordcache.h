#pragma once

#include "data/store.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>

#include <array>
#include <deque>
#include <memory>

namespace snowemu {

class RecordWriter;

/*!
    Serialized records of recent responses, so that reading the same rows again
    costs a copy instead of a serialization. Memory stays within a byte budget
    whatever the size of the responses.

    Records are copied into blocks of up to 2 MiB, which fill one after another.
    When the budget is reached, the least recently used block goes with all its
    records. A read of a record marks its block as used.

    An entry is found by response shape (see RecordWriter::shapeKey()) and row, and
    is valid for two stamps given by the caller: the row's revision and the stamp of
    the other rows the shape reads (references and dot-walks). An entry whose stamps
    differ is stale and dropped.

    Lives on the server's thread; not thread-safe.
*/
class RecordCache
{
public:
    //! A cache of at most `capacityBytes`, blocks and bookkeeping included. 0 disables it.
    explicit RecordCache(qint64 capacityBytes);
    ~RecordCache();

    RecordCache(const RecordCache &) = delete;
    RecordCache &operator=(const RecordCache &) = delete;

    bool isEnabled() const { return m_capacityBytes > 0; }
    qint64 capacityBytes() const { return m_capacityBytes; }

    //! Returns the id of a response shape: equal keys get equal ids.
    int shapeId(const QByteArray &shapeKey);

    //! The bytes of `row` in `shape`, or a null view when absent or stale. The view
    //! is valid until the next call of a non-const member.
    QByteArrayView find(int shape, RowRef row, quint64 rowRevision, quint64 otherRowsStamp);

    //! Stores a copy of the bytes of `row` in `shape`, evicting the least recently
    //! used blocks to stay within the capacity. Records that would take more than a
    //! quarter of the capacity are not stored.
    void insert(int shape, RowRef row, quint64 rowRevision, quint64 otherRowsStamp, QByteArrayView bytes);

    //! Drops every record and shape.
    void clear();

    //! Changes at every clear(), when shape numbers are given out anew.
    quint64 generation() const { return m_generation; }

    qint64 usedBytes() const { return m_usedBytes; }
    qint64 recordCount() const { return m_recordCount; }
    quint64 hits() const { return m_hits; }
    quint64 misses() const { return m_misses; }

private:
    // Rows are grouped in pages of consecutive row numbers, so a response that
    // reads rows in order looks a page up once per kRowsPerPage rows, and the
    // table of pages stays small.
    static constexpr int kRowsPerPage = 64;

    struct PageKey {
        int shape = 0;
        qint32 table = 0;
        qint32 page = 0;

        bool operator==(const PageKey &other) const = default;
        friend size_t qHash(const PageKey &key, size_t seed = 0) noexcept
        {
            return qHashMulti(seed, key.shape, key.table, key.page);
        }
    };

    struct Block;
    struct Entry;

    struct Page {
        PageKey key;
        int count = 0;
        std::array<Entry *, kRowsPerPage> entries{};
    };

    // One record: where its bytes are, and which page slot points to it.
    struct Entry {
        Block *block = nullptr;
        Page *page = nullptr;  // null once the entry is dropped
        int slot = 0;
        qint64 offset = 0;
        qint64 length = 0;
        quint64 rowRevision = 0;
        quint64 otherRowsStamp = 0;
    };

    // Bytes of records, filled from the start, in the list of all blocks from the
    // most to the least recently used.
    struct Block {
        char *data = nullptr;
        qint64 capacity = 0;
        qint64 used = 0;
        qint64 liveEntries = 0;
        std::deque<Entry> entries;  // a deque keeps addresses stable as it grows
        Block *newer = nullptr;
        Block *older = nullptr;
    };

    static PageKey pageKeyOf(int shape, RowRef row);
    Page *findPage(const PageKey &key);
    void detach(Entry &entry);
    void dropEntry(Entry &entry);
    Block *blockWithRoom(qint64 bytes);
    void freeBlock(Block *block);
    void unlink(Block *block);
    void pushNewest(Block *block);

    qint64 m_capacityBytes;
    qint64 m_blockBytes;
    qint64 m_usedBytes = 0;
    qint64 m_recordCount = 0;
    QHash<PageKey, Page *> m_pages;  // owned
    Page *m_lastPage = nullptr;      // the page found last, checked before the table
    Block *m_filling = nullptr;      // the block new records go to
    Block *m_newest = nullptr;
    Block *m_oldest = nullptr;
    QHash<QByteArray, int> m_shapes;
    quint64 m_generation = 0;
    quint64 m_hits = 0;
    quint64 m_misses = 0;
};

/*!
    Writes records through a RecordCache: a cached record is copied, any other one
    is written by the RecordWriter and then cached. Both give the same bytes.
    One per response, on the server's thread.
*/
class CachedRecordWriter
{
public:
    //! Writes through `cache` when it is enabled; `store` and `cache` must outlive this writer.
    CachedRecordWriter(const Store &store, RecordCache &cache, std::unique_ptr<RecordWriter> writer);
    ~CachedRecordWriter();

    CachedRecordWriter(const CachedRecordWriter &) = delete;
    CachedRecordWriter &operator=(const CachedRecordWriter &) = delete;

    //! Appends the JSON object of `row` to `out`.
    void write(QByteArray &out, RowRef row);

private:
    int shape();
    quint64 otherRowsStamp();

    const Store &m_store;
    RecordCache &m_cache;
    std::unique_ptr<RecordWriter> m_writer;
    QByteArray m_shapeKey;
    int m_shape = -1;
    quint64 m_shapeGeneration = 0;  // RecordCache::generation() m_shape belongs to
    QList<int> m_dependencyTables;
    bool m_stampValid = false;
    quint64 m_stampVersion = 0;     // Store::version() m_stamp was computed at
    quint64 m_stamp = 0;
};

} // namespace snowemu
