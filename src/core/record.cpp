#include "record_p.h"

#include "jsonwriter_p.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QVarLengthArray>

namespace snow {

namespace {

// Field names are ASCII in practice, so a name given as Latin-1 or UTF-16 is
// converted into a stack buffer for the hash lookup instead of a heap QByteArray.
using NameBuffer = QVarLengthArray<char, 64>;

QByteArrayView utf8Name(QAnyStringView name, NameBuffer &buffer)
{
    return name.visit([&buffer](auto view) -> QByteArrayView {
        using View = decltype(view);
        if constexpr (std::is_same_v<View, QUtf8StringView>) {
            return QByteArrayView(view.data(), view.size());
        } else {
            buffer.resize(view.size());
            bool ascii = true;
            for (qsizetype i = 0; i < view.size(); ++i) {
                const auto unit = char16_t(QChar(view[i]).unicode());
                ascii = ascii && unit < 0x80;
                buffer[i] = char(unit);
            }
            if (!ascii) {
                const QByteArray utf8 = view.toString().toUtf8();
                buffer.resize(utf8.size());
                std::copy(utf8.cbegin(), utf8.cend(), buffer.begin());
            }
            return QByteArrayView(buffer.constData(), buffer.size());
        }
    });
}

QString toQString(QByteArrayView utf8)
{
    return QString::fromUtf8(utf8);
}

} // namespace

const FieldSlot *RecordData::slot(QAnyStringView name) const
{
    if (!names)
        return nullptr;

    NameBuffer buffer;
    const int index = names->indexOf(utf8Name(name, buffer));
    if (index < 0 || size_t(index) >= fields.size())
        return nullptr;

    const FieldSlot &found = fields[size_t(index)];
    return (found.flags & FieldPresent) ? &found : nullptr;
}

Record::Record() = default;
Record::Record(RecordData *data)
    : d(data)
{
}
Record::Record(const Record &other) = default;
Record::Record(Record &&other) noexcept = default;
Record &Record::operator=(const Record &other) = default;
Record &Record::operator=(Record &&other) noexcept = default;
Record::~Record() = default;

bool Record::isEmpty() const
{
    return !d || d->presentCount == 0;
}

qsizetype Record::size() const
{
    return d ? d->presentCount : 0;
}

QStringList Record::fieldNames() const
{
    QStringList names;
    if (!d)
        return names;

    names.reserve(d->presentCount);
    for (size_t i = 0; i < d->fields.size(); ++i) {
        if (d->fields[i].flags & FieldPresent)
            names.append(QString::fromUtf8(d->names->at(int(i))));
    }
    return names;
}

bool Record::contains(QAnyStringView name) const
{
    return d && d->slot(name) != nullptr;
}

FieldKind Record::kind(QAnyStringView name) const
{
    const FieldSlot *slot = d ? d->slot(name) : nullptr;
    return slot ? slot->kind : FieldKind::Absent;
}

QByteArrayView Record::valueUtf8(QAnyStringView name) const
{
    const FieldSlot *slot = d ? d->slot(name) : nullptr;
    if (!slot || !(slot->flags & FieldHasValue))
        return {};
    return d->view(slot->valueOffset, slot->valueSize);
}

QByteArrayView Record::displayValueUtf8(QAnyStringView name) const
{
    const FieldSlot *slot = d ? d->slot(name) : nullptr;
    if (!slot)
        return {};
    if (slot->flags & FieldHasDisplay)
        return d->view(slot->displayOffset, slot->displaySize);
    if (slot->flags & FieldHasValue)
        return d->view(slot->valueOffset, slot->valueSize);
    return {};
}

QByteArrayView Record::linkUtf8(QAnyStringView name) const
{
    const FieldSlot *slot = d ? d->slot(name) : nullptr;
    if (!slot || !(slot->flags & FieldHasLink))
        return {};
    return d->view(slot->linkOffset, slot->linkSize);
}

QString Record::value(QAnyStringView name) const
{
    return toQString(valueUtf8(name));
}

QString Record::displayValue(QAnyStringView name) const
{
    return toQString(displayValueUtf8(name));
}

QString Record::link(QAnyStringView name) const
{
    return toQString(linkUtf8(name));
}

bool Record::hasDisplayValue(QAnyStringView name) const
{
    const FieldSlot *slot = d ? d->slot(name) : nullptr;
    return slot && (slot->flags & FieldHasDisplay);
}

bool Record::hasLink(QAnyStringView name) const
{
    const FieldSlot *slot = d ? d->slot(name) : nullptr;
    return slot && (slot->flags & FieldHasLink);
}

bool Record::isDisplayValueNull(QAnyStringView name) const
{
    const FieldSlot *slot = d ? d->slot(name) : nullptr;
    return slot && (slot->flags & FieldDisplayNull);
}

qsizetype Record::fieldSlotCount() const
{
    return d ? qsizetype(d->fields.size()) : 0;
}

FieldView Record::fieldAt(qsizetype index) const
{
    FieldView view;
    if (!d || index < 0 || size_t(index) >= d->fields.size())
        return view;

    const FieldSlot &slot = d->fields[size_t(index)];
    if (!(slot.flags & FieldPresent))
        return view;

    view.name = d->names->at(int(index));
    view.kind = slot.kind;
    if (slot.flags & FieldHasValue)
        view.value = d->view(slot.valueOffset, slot.valueSize);
    view.hasDisplayValue = slot.flags & FieldHasDisplay;
    if (view.hasDisplayValue)
        view.displayValue = d->view(slot.displayOffset, slot.displaySize);
    view.hasLink = slot.flags & FieldHasLink;
    if (view.hasLink)
        view.link = d->view(slot.linkOffset, slot.linkSize);
    return view;
}

QString Record::sysId() const
{
    return value(u"sys_id");
}

QByteArray Record::toJson() const
{
    JsonWriter writer;
    writer.beginObject();
    if (d) {
        for (size_t i = 0; i < d->fields.size(); ++i) {
            const FieldSlot &slot = d->fields[i];
            if (!(slot.flags & FieldPresent))
                continue;

            writer.key(d->names->at(int(i)));
            const auto writeScalar = [&](FieldKind kind, quint32 offset, quint32 size) {
                const QByteArrayView text = d->view(offset, size);
                switch (kind) {
                case FieldKind::String:
                    writer.string(text);
                    break;
                case FieldKind::Null:
                case FieldKind::Absent:
                    writer.raw("null");
                    break;
                case FieldKind::Number:
                case FieldKind::Boolean:
                case FieldKind::Json:
                    writer.raw(text);
                    break;
                }
            };

            if (!(slot.flags & FieldObjectShaped)) {
                writeScalar(slot.kind, slot.valueOffset, slot.valueSize);
                continue;
            }

            writer.beginObject();
            if (slot.flags & FieldHasDisplay) {
                writer.key("display_value");
                writeScalar(slot.displayKind, slot.displayOffset, slot.displaySize);
            } else if (slot.flags & FieldDisplayNull) {
                writer.key("display_value");
                writer.raw("null");
            }
            if (slot.flags & FieldHasLink) {
                writer.key("link");
                writer.string(d->view(slot.linkOffset, slot.linkSize));
            }
            if (slot.flags & FieldHasValue) {
                writer.key("value");
                writeScalar(slot.kind, slot.valueOffset, slot.valueSize);
            } else if (slot.kind == FieldKind::Null) {
                writer.key("value");
                writer.raw("null");
            }
            writer.endObject();
        }
    }
    writer.endObject();
    return writer.take();
}

QJsonObject Record::toJsonObject() const
{
    // A single record is small and already validated, so Qt's DOM is fine here; bodies
    // themselves are never parsed with it.
    return QJsonDocument::fromJson(toJson()).object();
}

qsizetype Record::memoryUsage() const
{
    if (!d)
        return 0;
    return qsizetype(sizeof(RecordData)) + d->text.capacity()
        + qsizetype(d->fields.capacity() * sizeof(FieldSlot));
}

bool operator==(const Record &left, const Record &right)
{
    if (left.d == right.d)
        return true;
    if (left.size() != right.size())
        return false;

    const QStringList names = left.fieldNames();
    for (const QString &name : names) {
        if (left.kind(name) != right.kind(name)
            || left.valueUtf8(name) != right.valueUtf8(name)
            || left.hasDisplayValue(name) != right.hasDisplayValue(name)
            || left.displayValueUtf8(name) != right.displayValueUtf8(name)
            || left.isDisplayValueNull(name) != right.isDisplayValueNull(name)
            || left.linkUtf8(name) != right.linkUtf8(name)) {
            return false;
        }
    }
    return true;
}

Record Record::fromValues(const QList<std::pair<QString, QString>> &values)
{
    auto names = std::make_shared<FieldNames>();
    auto *data = new RecordData;

    for (const auto &[name, value] : values) {
        const QByteArray nameUtf8 = name.toUtf8();
        int index = names->indexOf(nameUtf8);
        if (index < 0)
            index = names->append(nameUtf8);
        if (size_t(index) >= data->fields.size())
            data->fields.resize(size_t(index) + 1);

        const QByteArray valueUtf8 = value.toUtf8();
        FieldSlot &slot = data->fields[size_t(index)];
        if (!(slot.flags & FieldPresent))
            ++data->presentCount;
        slot.flags = FieldPresent | FieldHasValue;
        slot.kind = FieldKind::String;
        slot.valueOffset = quint32(data->text.size());
        slot.valueSize = quint32(valueUtf8.size());
        data->text.append(valueUtf8);
    }

    data->names = std::move(names);
    return Record(data);
}

} // namespace snow
