#pragma once

// Every logging category of the Snowscope application, in one place.
// Enable them with QT_LOGGING_RULES, such as "snow.ui.*.debug=true".

#include <QtCore/QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcApp)      // snow.ui.app: start, stop, demo instance
Q_DECLARE_LOGGING_CATEGORY(lcModel)    // snow.ui.model: paging and row changes
Q_DECLARE_LOGGING_CATEGORY(lcProfiles) // snow.ui.profiles: profiles and the keychain (never secrets)
Q_DECLARE_LOGGING_CATEGORY(lcEditor)   // snow.ui.editor: record forms and saves
Q_DECLARE_LOGGING_CATEGORY(lcQuery)    // snow.ui.query: query builder, saved queries and reference look-ups
Q_DECLARE_LOGGING_CATEGORY(lcAttachments) // snow.ui.attachments: uploads, downloads and deletes of attachments
