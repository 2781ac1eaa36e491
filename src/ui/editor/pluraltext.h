#pragma once

#include <QtCore/QString>

/// Returns @p one when @p count is 1, else @p many with its lowest-numbered place
/// marker (%1) replaced by @p count. Snowscope ships no translation files, and without
/// them Qt's "%n" plurals would read "record(s)".
inline QString pluralText(qsizetype count, const QString &one, const QString &many)
{
    return count == 1 ? one : many.arg(count);
}
