#pragma once

#include <QLoggingCategory>

// Every logging category of the emulator. Enable them with, for example,
// QT_LOGGING_RULES="snow.emulator.*.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcEmulatorServer)  // snow.emulator.server: start, stop, faults
Q_DECLARE_LOGGING_CATEGORY(lcEmulatorHttp)    // snow.emulator.http: each request and transport errors
Q_DECLARE_LOGGING_CATEGORY(lcEmulatorData)    // snow.emulator.data: seeding, persistence, query cache
Q_DECLARE_LOGGING_CATEGORY(lcEmulatorAuth)    // snow.emulator.auth: rejected credentials and tokens
