#include "logging.h"

Q_LOGGING_CATEGORY(lcApp, "snow.ui.app", QtInfoMsg)
Q_LOGGING_CATEGORY(lcModel, "snow.ui.model", QtInfoMsg)
Q_LOGGING_CATEGORY(lcProfiles, "snow.ui.profiles", QtInfoMsg)
Q_LOGGING_CATEGORY(lcEditor, "snow.ui.editor", QtInfoMsg)
Q_LOGGING_CATEGORY(lcQuery, "snow.ui.query", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAttachments, "snow.ui.attachments", QtInfoMsg)
