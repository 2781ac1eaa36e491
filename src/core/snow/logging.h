#pragma once

// Every logging category of SnowCore, in one place.
//
// Enable them with QT_LOGGING_RULES, for example:
//   QT_LOGGING_RULES="snow.core.*.debug=true"      everything
//   QT_LOGGING_RULES="snow.core.network.debug=true" one request line per attempt
//
// No category ever logs a password, a token, a client secret or an Authorization
// header: URLs are logged without user information, and headers are not logged.

#include <snow/global.h>

#include <QtCore/QLoggingCategory>

namespace snow {

/// Requests sent, their status and duration.
SNOWCORE_EXPORT const QLoggingCategory &lcNetwork();
/// Retries, back-off delays and rate limiting.
SNOWCORE_EXPORT const QLoggingCategory &lcRetry();
/// The incremental JSON reader: malformed bodies and limits hit.
SNOWCORE_EXPORT const QLoggingCategory &lcReader();
/// OAuth token requests and refreshes.
SNOWCORE_EXPORT const QLoggingCategory &lcOAuth();
/// Attachment uploads and downloads.
SNOWCORE_EXPORT const QLoggingCategory &lcAttachment();

} // namespace snow
