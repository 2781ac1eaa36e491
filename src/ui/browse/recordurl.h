#pragma once

#include <QtCore/QString>
#include <QtCore/QUrl>

/// Returns the address of a record's form in the instance's web interface, inside
/// the navigation frame: `<instance>/nav_to.do?uri=<table>.do?sys_id=<sysId>`, with the
/// inner address percent-encoded.
QUrl recordWebUrl(const QUrl &instanceUrl, const QString &table, const QString &sysId);
