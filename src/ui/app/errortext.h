#pragma once

#include <snow/error.h>

#include <QtCore/QString>

/// Returns one or two sentences for the user: what failed and, when known, what to do.
QString userMessage(const snow::Error &error);

/// Returns the technical text for a "Details" view: request, status, ServiceNow
/// message and detail, and the start of the response body. Never contains secrets,
/// because snow::Error holds none.
QString technicalDetails(const snow::Error &error);
