#include "logging.h"

Q_LOGGING_CATEGORY(lcEmulatorServer, "snow.emulator.server", QtInfoMsg)
Q_LOGGING_CATEGORY(lcEmulatorHttp, "snow.emulator.http", QtInfoMsg)
Q_LOGGING_CATEGORY(lcEmulatorData, "snow.emulator.data", QtInfoMsg)
Q_LOGGING_CATEGORY(lcEmulatorAuth, "snow.emulator.auth", QtInfoMsg)
