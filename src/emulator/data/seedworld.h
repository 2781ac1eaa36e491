#pragma once

#include "seedtable.h"

#include <QString>

#include <string>

// The seeded "world": people, groups, companies, locations and configuration items
// that the task records refer to. Each helper is a pure function of a row number,
// so an incident and the user it refers to agree without any stored state.
namespace snowemu::seed {

constexpr int kUserCount = 200;            // rows 0 and 1 are the built-in accounts
constexpr int kAdminUserRow = 0;
constexpr int kReaderUserRow = 1;
constexpr int kGroupCount = 12;
constexpr int kRestrictedGroupRow = 5;     // "Information Security", hidden from read-only users
constexpr int kCompanyCount = 9;
constexpr int kLocationCount = 20;
constexpr int kConfigurationItemCount = 150;

//! Wraps a UTF-16 literal of the seed tables in a QString without copying it. The
//! literals are static, so the string never outlives its characters.
inline QString text(const char16_t *value)
{
    return QString::fromRawData(reinterpret_cast<const QChar *>(value), qsizetype(std::char_traits<char16_t>::length(value)));
}

QString userSysId(int row);
QString userDisplayName(int row);
QString userLogin(int row);
int userLocationRow(int row);
int userCompanyRow(int row);
QString userTimeZone(int row);

QString groupSysId(int row);
QString companySysId(int row);
QString locationSysId(int row);
QString configurationItemSysId(int row);

//! The user row that works a task: never one of the built-in accounts.
int workerUserRow(quint64 hash);

//! sys_created_on of a row of a table that has no history of its own.
QString staticCreatedOn(const QString &table, int row);

void addPeopleTables(QHash<QString, std::shared_ptr<SeedTable>> &tables);
void addTaskTables(QHash<QString, std::shared_ptr<SeedTable>> &tables, const SeedCounts &counts);
void addConfigurationItems(QHash<QString, std::shared_ptr<SeedTable>> &tables);
void addMetadataTables(QHash<QString, std::shared_ptr<SeedTable>> &tables, const SeedSettings &settings);

} // namespace snowemu::seed
