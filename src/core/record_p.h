#pragma once

// Internal layout of snow::Record, shared by the record code and the JSON reader.

#include "snow/record.h"

#include <QtCore/QHash>
#include <QtCore/QSharedData>

#include <memory>
#include <vector>

namespace snow {

/// The field names met by one reader, in first-seen order. Records built by the same
/// reader share one table; when a record brings a new name, the reader copies the
/// table before appending, so a table that a Record points to never changes.
class FieldNames
{
public:
    int indexOf(QByteArrayView name) const
    {
        return m_index.value(QByteArray::fromRawData(name.data(), name.size()), -1);
    }

    int append(const QByteArray &name)
    {
        const int index = int(m_names.size());
        m_names.push_back(name);
        m_index.insert(name, index);
        return index;
    }

    int size() const { return int(m_names.size()); }
    const QByteArray &at(int index) const { return m_names[size_t(index)]; }

private:
    std::vector<QByteArray> m_names;
    QHash<QByteArray, int> m_index;
};

/// Flags of one FieldSlot.
enum FieldFlag : quint8 {
    FieldPresent = 0x01,
    FieldHasValue = 0x02,
    FieldHasDisplay = 0x04,
    FieldHasLink = 0x08,
    FieldDisplayNull = 0x10,
    FieldObjectShaped = 0x20, ///< Arrived as {"value", "display_value", "link"}.
};

/// One field of a record: offsets into RecordData::text. Offsets are 32-bit, so a
/// record's text is capped at 4 GiB; the reader's record limit is far below that.
struct FieldSlot
{
    quint32 valueOffset = 0;
    quint32 valueSize = 0;
    quint32 displayOffset = 0;
    quint32 displaySize = 0;
    quint32 linkOffset = 0;
    quint32 linkSize = 0;
    quint8 flags = 0;
    FieldKind kind = FieldKind::Absent;
    FieldKind displayKind = FieldKind::Absent;
};

class RecordData : public QSharedData
{
public:
    std::shared_ptr<const FieldNames> names;
    std::vector<FieldSlot> fields; ///< Indexed like names; shorter when later names are absent.
    QByteArray text;              ///< Unescaped UTF-8 of every member, back to back.
    int presentCount = 0;

    const FieldSlot *slot(QAnyStringView name) const;

    QByteArrayView view(quint32 offset, quint32 size) const
    {
        return QByteArrayView(text.constData() + offset, qsizetype(size));
    }
};

/// Assembles records field by field. Used by the JSON reader, which fills the text
/// buffer and fields in place, and by Record::fromValues.
class RecordBuilder
{
public:
    static Record make(RecordData *data) { return Record(data); }
};

} // namespace snow
