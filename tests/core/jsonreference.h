#pragma once

// A reference reading of a ServiceNow body with QJsonDocument, to check the stream
// reader against an independent parser field by field. Test code only.

#include <snow/record.h>

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QStringList>

namespace reference {

inline QList<QJsonObject> records(const QByteArray &body)
{
    QList<QJsonObject> list;
    const QJsonValue result = QJsonDocument::fromJson(body).object().value(QStringLiteral("result"));
    if (result.isArray()) {
        for (const QJsonValue &item : result.toArray())
            list.append(item.toObject());
    } else if (result.isObject()) {
        list.append(result.toObject());
    }
    return list;
}

inline QString scalarText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString(); // compared numerically by the caller
    default:
        return QString();
    }
}

inline bool isComponentObject(const QJsonObject &object)
{
    if (object.isEmpty())
        return false;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = it.key();
        const bool known = key == QLatin1String("value") || key == QLatin1String("display_value")
            || key == QLatin1String("link") || key == QLatin1String("display_value_internal");
        if (!known || it.value().isObject() || it.value().isArray())
            return false;
        if (key == QLatin1String("link") && !it.value().isString())
            return false;
    }
    return true;
}

// Returns an empty string when the record matches, else a description of the first difference.
inline QString compare(const QJsonObject &expected, const snow::Record &actual)
{
    if (actual.size() != expected.size())
        return QStringLiteral("field count %1, expected %2").arg(actual.size()).arg(expected.size());

    for (auto it = expected.begin(); it != expected.end(); ++it) {
        const QString name = it.key();
        const QJsonValue value = it.value();
        if (!actual.contains(name))
            return QStringLiteral("missing field %1").arg(name);

        if (value.isObject() && isComponentObject(value.toObject())) {
            const QJsonObject parts = value.toObject();
            const QJsonValue raw = parts.value(QStringLiteral("value"));
            if (raw.isString() && actual.value(name) != raw.toString())
                return QStringLiteral("%1.value is '%2', expected '%3'").arg(name, actual.value(name), raw.toString());
            if (parts.contains(QStringLiteral("display_value"))) {
                const QJsonValue display = parts.value(QStringLiteral("display_value"));
                if (display.isNull() && !actual.isDisplayValueNull(name))
                    return QStringLiteral("%1.display_value should be null").arg(name);
                if (display.isString() && actual.displayValue(name) != display.toString())
                    return QStringLiteral("%1.display_value is '%2', expected '%3'").arg(name, actual.displayValue(name), display.toString());
            }
            if (parts.contains(QStringLiteral("link")) && actual.link(name) != parts.value(QStringLiteral("link")).toString())
                return QStringLiteral("%1.link is '%2'").arg(name, actual.link(name));
            continue;
        }

        switch (value.type()) {
        case QJsonValue::String:
            if (actual.kind(name) != snow::FieldKind::String)
                return QStringLiteral("%1 has kind %2, expected a string").arg(name).arg(int(actual.kind(name)));
            if (actual.value(name) != value.toString())
                return QStringLiteral("%1 is '%2', expected '%3'").arg(name, actual.value(name), value.toString());
            break;
        case QJsonValue::Double:
            if (actual.kind(name) != snow::FieldKind::Number || actual.value(name).toDouble() != value.toDouble())
                return QStringLiteral("%1 number differs: '%2'").arg(name, actual.value(name));
            break;
        case QJsonValue::Bool:
            if (actual.kind(name) != snow::FieldKind::Boolean || actual.value(name) != scalarText(value))
                return QStringLiteral("%1 bool differs").arg(name);
            break;
        case QJsonValue::Null:
            if (actual.kind(name) != snow::FieldKind::Null)
                return QStringLiteral("%1 should be null").arg(name);
            break;
        case QJsonValue::Object:
        case QJsonValue::Array: {
            if (actual.kind(name) != snow::FieldKind::Json)
                return QStringLiteral("%1 should be JSON text").arg(name);
            const QJsonDocument parsed = QJsonDocument::fromJson(actual.value(name).toUtf8());
            const QJsonValue back = parsed.isArray() ? QJsonValue(parsed.array()) : QJsonValue(parsed.object());
            if (back != value)
                return QStringLiteral("%1 JSON text differs: %2").arg(name, actual.value(name));
            break;
        }
        case QJsonValue::Undefined:
            break;
        }
    }
    return QString();
}

} // namespace reference
