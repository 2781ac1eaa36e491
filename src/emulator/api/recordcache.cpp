#include "recordcache.h"

#include "logging.h"
#include "recordwriter.h"

#include <cstdlib>
#include <cstring>

#ifdef Q_OS_LINUX
#include <sys/mman.h>
#endif

namespace snowemu {

namespace {

// Blocks are 2 MiB for budgets of 32 MiB and more, and a sixteenth of smaller
// budgets but at least 64 KiB, so a budget holds many blocks and an eviction frees
// a small part of it. Budgets under 256 KiB get blocks of a quarter of the budget.
constexpr qint64 kLargestBlockBytes = 2 * 1024 * 1024;
constexpr qint64 kSmallestBlockBytes = 64 * 1024;
constexpr qint64 kBlocksPerBudget = 16;

qint64 blockBytesFor(qint64 capacityBytes)
{
    const qint64 floor = qMin(kSmallestBlockBytes, capacityBytes / 4);
    return qMin(kLargestBlockBytes, qMax(capacityBytes / kBlocksPerBudget, floor));
}

// Memory of a block besides its bytes: the Block and the allocator's headers. An
// estimate. Entries and pages are counted by their size.
constexpr qint64 kBlockOverheadBytes = 256;

// Shapes are few in practice. A client that sends endless distinct field lists
// starts the cache over, so the shape table stays small.
constexpr qsizetype kMaxShapes = 4096;

// Memory for a block. A 2 MiB block is aligned to 2 MiB and marked for transparent
// huge pages, so the kernel fills it with one page fault instead of 512. The mark
// works where Linux has THP in "madvise" or "always" mode and changes nothing elsewhere.
char *allocateBlockMemory(qint64 bytes)
{
    if (bytes != kLargestBlockBytes)
        return static_cast<char *>(std::malloc(size_t(bytes)));

    void *memory = std::aligned_alloc(size_t(kLargestBlockBytes), size_t(bytes));
#ifdef MADV_HUGEPAGE
    if (memory)
        ::madvise(memory, size_t(bytes), MADV_HUGEPAGE);
#endif
    return static_cast<char *>(memory);
}

} // namespace

RecordCache::RecordCache(qint64 capacityBytes)
    : m_capacityBytes(qMax<qint64>(0, capacityBytes))
    , m_blockBytes(blockBytesFor(m_capacityBytes))
{
}

RecordCache::~RecordCache()
{
    clear();
}

RecordCache::PageKey RecordCache::pageKeyOf(int shape, RowRef row)
{
    return {shape, row.table, row.index / kRowsPerPage};
}

int RecordCache::shapeId(const QByteArray &shapeKey)
{
    const auto it = m_shapes.constFind(shapeKey);
    if (it != m_shapes.cend())
        return it.value();

    if (m_shapes.size() >= kMaxShapes) {
        qCDebug(lcEmulatorData) << "Record cache reached" << kMaxShapes << "response shapes; starting over";
        clear();
    }
    const int id = int(m_shapes.size());
    m_shapes.insert(shapeKey, id);
    return id;
}

RecordCache::Page *RecordCache::findPage(const PageKey &key)
{
    if (m_lastPage && m_lastPage->key == key)
        return m_lastPage;
    Page *page = m_pages.value(key);
    if (page)
        m_lastPage = page;
    return page;
}

QByteArrayView RecordCache::find(int shape, RowRef row, quint64 rowRevision, quint64 otherRowsStamp)
{
    Page *page = findPage(pageKeyOf(shape, row));
    Entry *entry = page ? page->entries[size_t(row.index % kRowsPerPage)] : nullptr;
    if (!entry) {
        ++m_misses;
        return {};
    }

    if (entry->rowRevision != rowRevision || entry->otherRowsStamp != otherRowsStamp) {
        dropEntry(*entry);
        ++m_misses;
        return {};
    }

    Block *block = entry->block;
    if (block != m_newest) {
        unlink(block);
        pushNewest(block);
    }
    ++m_hits;
    return QByteArrayView(block->data + entry->offset, entry->length);
}

void RecordCache::insert(int shape, RowRef row, quint64 rowRevision, quint64 otherRowsStamp, QByteArrayView bytes)
{
    if (!isEnabled() || bytes.size() > m_capacityBytes / 4)
        return;

    const PageKey key = pageKeyOf(shape, row);
    const size_t slot = size_t(row.index % kRowsPerPage);
    if (Page *page = findPage(key); page && page->entries[slot])
        dropEntry(*page->entries[slot]);

    Block *block = blockWithRoom(bytes.size());
    std::memcpy(block->data + block->used, bytes.data(), size_t(bytes.size()));

    // Eviction may have freed the page, so it is looked up after the block.
    Page *page = findPage(key);
    if (!page) {
        page = new Page;
        page->key = key;
        m_pages.insert(key, page);
        m_usedBytes += qint64(sizeof(Page));
        m_lastPage = page;
    }

    Entry &entry = block->entries.emplace_back();
    entry.block = block;
    entry.page = page;
    entry.slot = int(slot);
    entry.offset = block->used;
    entry.length = bytes.size();
    entry.rowRevision = rowRevision;
    entry.otherRowsStamp = otherRowsStamp;
    block->used += bytes.size();
    ++block->liveEntries;
    page->entries[slot] = &entry;
    ++page->count;
    m_usedBytes += qint64(sizeof(Entry));
    ++m_recordCount;

    // Entries and pages may take the total a little over the budget, so older blocks go.
    while (m_usedBytes > m_capacityBytes && m_oldest && m_oldest != block)
        freeBlock(m_oldest);
}

RecordCache::Block *RecordCache::blockWithRoom(qint64 bytes)
{
    if (m_filling && m_filling->capacity - m_filling->used >= bytes)
        return m_filling;

    // The block that stops filling is freed at once if all its records were dropped.
    if (m_filling && m_filling->liveEntries == 0)
        freeBlock(m_filling);

    const qint64 capacity = qMax(m_blockBytes, bytes);
    const qint64 cost = capacity + kBlockOverheadBytes;
    while (m_oldest && m_usedBytes + cost > m_capacityBytes)
        freeBlock(m_oldest);

    auto *block = new Block;
    block->data = allocateBlockMemory(capacity);
    block->capacity = capacity;
    pushNewest(block);
    m_usedBytes += cost;
    m_filling = block;
    return block;
}

void RecordCache::detach(Entry &entry)
{
    Page *page = entry.page;
    page->entries[size_t(entry.slot)] = nullptr;
    entry.page = nullptr;
    --entry.block->liveEntries;
    --m_recordCount;

    if (--page->count == 0) {
        m_pages.remove(page->key);
        m_usedBytes -= qint64(sizeof(Page));
        if (m_lastPage == page)
            m_lastPage = nullptr;
        delete page;
    }
}

void RecordCache::dropEntry(Entry &entry)
{
    Block *block = entry.block;
    detach(entry);
    // A block without records is freed, except the filling block, which takes new ones.
    if (block->liveEntries == 0 && block != m_filling)
        freeBlock(block);
}

void RecordCache::freeBlock(Block *block)
{
    for (Entry &entry : block->entries) {
        if (entry.page)
            detach(entry);
    }
    unlink(block);
    m_usedBytes -= block->capacity + kBlockOverheadBytes + qint64(block->entries.size() * sizeof(Entry));
    if (m_filling == block)
        m_filling = nullptr;
    std::free(block->data);
    delete block;
}

void RecordCache::unlink(Block *block)
{
    (block->newer ? block->newer->older : m_newest) = block->older;
    (block->older ? block->older->newer : m_oldest) = block->newer;
    block->newer = nullptr;
    block->older = nullptr;
}

void RecordCache::pushNewest(Block *block)
{
    block->older = m_newest;
    block->newer = nullptr;
    if (m_newest)
        m_newest->newer = block;
    m_newest = block;
    if (!m_oldest)
        m_oldest = block;
}

void RecordCache::clear()
{
    while (m_oldest)
        freeBlock(m_oldest);
    m_shapes.clear();
    ++m_generation;
}

CachedRecordWriter::CachedRecordWriter(const Store &store, RecordCache &cache, std::unique_ptr<RecordWriter> writer)
    : m_store(store)
    , m_cache(cache)
    , m_writer(std::move(writer))
{
    if (m_cache.isEnabled()) {
        m_shapeKey = m_writer->shapeKey();
        m_dependencyTables = m_writer->dependencyTables();
    }
}

CachedRecordWriter::~CachedRecordWriter() = default;

int CachedRecordWriter::shape()
{
    // Another response may have started the cache over, which numbers shapes anew.
    if (m_shape < 0 || m_shapeGeneration != m_cache.generation()) {
        m_shape = m_cache.shapeId(m_shapeKey);
        m_shapeGeneration = m_cache.generation();
    }
    return m_shape;
}

quint64 CachedRecordWriter::otherRowsStamp()
{
    // Table write counters only grow, so their sum changes whenever one of them
    // does. It is summed again only after a write somewhere in the store.
    if (!m_stampValid || m_stampVersion != m_store.version()) {
        m_stamp = 0;
        for (const int table : std::as_const(m_dependencyTables))
            m_stamp += m_store.tableWrites(table);
        m_stampVersion = m_store.version();
        m_stampValid = true;
    }
    return m_stamp;
}

void CachedRecordWriter::write(QByteArray &out, RowRef row)
{
    if (!m_cache.isEnabled()) {
        m_writer->write(out, row);
        return;
    }

    const int shapeId = shape();
    const quint64 revision = m_store.revision(row);
    const quint64 stamp = otherRowsStamp();
    if (const QByteArrayView bytes = m_cache.find(shapeId, row, revision, stamp); !bytes.isNull()) {
        out.append(bytes);
        return;
    }

    const qsizetype start = out.size();
    m_writer->write(out, row);
    m_cache.insert(shapeId, row, revision, stamp, QByteArrayView(out).sliced(start));
}

} // namespace snowemu
