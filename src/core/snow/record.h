#pragma once

#include <snow/global.h>

#include <QtCore/QAnyStringView>
#include <QtCore/QByteArrayView>
#include <QtCore/QExplicitlySharedDataPointer>
#include <QtCore/QJsonObject>
#include <QtCore/QList>
#include <QtCore/QMetaType>
#include <QtCore/QStringList>

namespace snow {

class RecordData;
class RecordBuilder;


/// The JSON type a field's value arrived as.
enum class FieldKind : quint8 {
    Absent,  ///< The record has no such field.
    String,  ///< A JSON string; the Table API sends every value this way.
    Number,  ///< A JSON number (typed APIs such as Change Management).
    Boolean, ///< `true` or `false` (typed APIs).
    Null,    ///< JSON `null`.
    Json,    ///< A nested object or array that is not a value/display_value/link triple;
             ///< value() returns its JSON text.
};

/// One field of a Record, as views into the record's text: valid while the Record lives.
struct FieldView
{
    QByteArrayView name;
    FieldKind kind = FieldKind::Absent;
    QByteArrayView value;        ///< UTF-8; for FieldKind::Json the JSON text
    QByteArrayView displayValue; ///< UTF-8; empty unless hasDisplayValue
    QByteArrayView link;         ///< UTF-8; empty unless hasLink
    bool hasDisplayValue = false;
    bool hasLink = false;
};

/// One record of a ServiceNow response: per field, a value, a display value and a
/// link, any of which may be absent.
///
/// ServiceNow sends a field in one of these shapes, and Record reads them all:
/// - `"state": "2"` — a value only;
/// - `"caller_id": {"link": "...", "value": "<sys_id>"}` — a reference;
/// - `"state": {"display_value": "In Progress", "value": "2"}` — `sysparm_display_value=all`;
/// - any other JSON value — kept as JSON text (FieldKind::Json).
///
/// Storage is compact: the unescaped UTF-8 text of every field sits in one buffer,
/// and a field is a few offsets into it. QString objects are made only when a value
/// is read, so a record that is never displayed costs no UTF-16 conversion.
///
/// Record is implicitly shared and immutable: copying is a reference-count increment,
/// and a Record may be passed between threads freely.
class SNOWCORE_EXPORT Record
{
public:
    /// Creates an empty record (isEmpty() is true).
    Record();
    Record(const Record &other);
    Record(Record &&other) noexcept;
    Record &operator=(const Record &other);
    Record &operator=(Record &&other) noexcept;
    ~Record();

    bool isEmpty() const;
    /// Returns the number of fields the record contains.
    qsizetype size() const;
    /// Returns the field names in the order the reader first met them.
    QStringList fieldNames() const;
    bool contains(QAnyStringView name) const;
    FieldKind kind(QAnyStringView name) const;

    /// Returns the field's value: the string itself, or the `value` member of an
    /// object-shaped field. For FieldKind::Json the JSON text; empty when absent or null.
    QString value(QAnyStringView name) const;
    /// Returns the `display_value` member when the field has one, otherwise value().
    QString displayValue(QAnyStringView name) const;
    /// Returns the `link` member of a reference field, or an empty string.
    QString link(QAnyStringView name) const;

    bool hasDisplayValue(QAnyStringView name) const;
    bool hasLink(QAnyStringView name) const;
    /// True when the display value arrived as JSON null (ServiceNow sends this for
    /// an empty choice under `sysparm_display_value=all`).
    bool isDisplayValueNull(QAnyStringView name) const;

    /// The UTF-8 bytes of value(), without conversion. Valid while this Record lives.
    QByteArrayView valueUtf8(QAnyStringView name) const;
    /// The UTF-8 bytes of displayValue(), without conversion.
    QByteArrayView displayValueUtf8(QAnyStringView name) const;
    /// The UTF-8 bytes of link(), without conversion.
    QByteArrayView linkUtf8(QAnyStringView name) const;

    /// Returns value("sys_id").
    QString sysId() const;

    /// Returns the number of field slots, for iterating with fieldAt() without name
    /// lookups. Some slots may be absent (FieldKind::Absent) when records of one
    /// response differ in their fields.
    qsizetype fieldSlotCount() const;
    /// Returns the field in slot @p index (0 <= index < fieldSlotCount()).
    FieldView fieldAt(qsizetype index) const;

    /// Returns the record as a JSON object in the shape it arrived in.
    QJsonObject toJsonObject() const;
    /// Writes the record as compact JSON in the shape it arrived in.
    QByteArray toJson() const;

    /// Returns an estimate of the heap bytes this record holds.
    qsizetype memoryUsage() const;

    /// Compares field names and every member of every field.
    friend SNOWCORE_EXPORT bool operator==(const Record &left, const Record &right);
    friend bool operator!=(const Record &left, const Record &right) { return !(left == right); }

    /// Creates a record of plain string values, for new records and tests.
    static Record fromValues(const QList<std::pair<QString, QString>> &values);

private:
    friend class RecordBuilder;
    explicit Record(RecordData *data);

    QExplicitlySharedDataPointer<RecordData> d;
};

using RecordList = QList<Record>;

} // namespace snow

Q_DECLARE_METATYPE(snow::Record)
