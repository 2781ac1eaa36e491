#pragma once

#include <snow/snowcore_export.h>
#include <snow/version.h>

#include <QtCore/QString>

namespace snow {

/// Returns the version of the SnowCore library loaded at run time, such as "0.1.0".
SNOWCORE_EXPORT QString libraryVersion();

} // namespace snow
