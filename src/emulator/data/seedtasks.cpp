// Seeded incidents, problems and change requests. Every value is a function of the
// row number. Rows are spread over the three years before the seed anchor, so
// numbers and opening dates rise together.

#include "seedworld.h"

#include "seedrandom.h"

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace snowemu::seed {

namespace {

using Generators = QHash<QString, GeneratedTable::Generator>;

constexpr qint64 kTaskSpanSeconds = 3LL * 365 * 86400;

struct IncidentTemplate {
    int category;               // index into kCategories
    const char16_t *subcategory;
    const char16_t *shortDescription;
};

constexpr std::array kCategories = {u"inquiry", u"software", u"hardware", u"network", u"database"};

// The assignment group that works each category, by sys_user_group row.
constexpr std::array kCategoryGroups = {0, 3, 2, 1, 4};

constexpr std::array<IncidentTemplate, 31> kIncidentTemplates = {{
    {0, u"internal application", u"How do I reset my password?"},
    {0, u"internal application", u"Request for access to the shared finance drive"},
    {0, u"email", u"Need help configuring my Outlook signature"},
    {0, u"antivirus", u"Where can I find the antivirus client?"},
    {0, u"internal application", u"Question about expense report approval"},
    {0, u"email", u"How do I set up an out-of-office reply?"},
    {1, u"email", u"Email client crashes when opening attachments"},
    {1, u"os", u"Operating system update stuck at 30%"},
    {1, u"email", u"Can't send email to external recipients"},
    {1, u"os", u"Laptop shows a blue screen after login"},
    {1, u"email", u"Unable to access shared mailbox"},
    {1, u"os", u"Excel freezes when saving large files"},
    {1, u"email", u"Can't read email on mobile phone"},
    {2, u"monitor", u"Monitor flickers intermittently"},
    {2, u"keyboard", u"Keyboard keys not responding"},
    {2, u"disk", u"Hard disk making a clicking noise"},
    {2, u"mouse", u"Wireless mouse stopped working"},
    {2, u"memory", u"Workstation runs out of memory with two applications open"},
    {2, u"cpu", u"Laptop fan runs constantly and CPU is at 100%"},
    {3, u"wireless", u"Unable to connect to office wifi"},
    {3, u"vpn", u"VPN disconnects every few minutes"},
    {3, u"dns", u"Cannot resolve internal host names"},
    {3, u"ip address", u"IP address conflict on desk phone"},
    {3, u"dhcp", u"No network connection at desk 4B"},
    {3, u"wireless", u"Switch occasionally drops connections"},
    {4, u"oracle", u"Oracle database running slow"},
    {4, u"ms sql server", u"SQL Server job failed overnight"},
    {4, u"oracle", u"Cannot connect to reporting database"},
    {4, u"db2", u"Deadlocks reported on the order service DB2 database"},
    {4, u"ms sql server", u"Database backup did not complete"},
    {4, u"oracle", u"Tablespace almost full on ERP database"},
}};

constexpr std::array kDescriptionFollowUps = {
    u"The caller reports that it started this morning.",
    u"It happens several times a day.",
    u"The whole team is affected.",
    u"Restarting did not help.",
    u"The caller attached a screenshot of the error message.",
    u"It worked yesterday; nothing was changed since then, according to the caller.",
};

constexpr std::array kCloseNotes = {
    u"Restarted the service; the caller confirmed it works again.",
    u"Replaced the faulty hardware.",
    u"Sent instructions to the caller.",
    u"Applied the latest patch.",
    u"Reset the user's credentials.",
    u"Cleared the local cache and rebuilt the profile.",
};

constexpr std::array kCloseCodes = {
    u"Solution provided", u"Workaround provided", u"Resolved by caller", u"Resolved by change",
    u"Resolved by problem", u"User error", u"Known error",
};

constexpr std::array kContactTypes = {u"email", u"phone", u"self-service", u"walk-in", u"chat"};

constexpr std::array kProblemDescriptions = {
    u"Recurring VPN disconnects for remote staff",
    u"Email delivery delays during business hours",
    u"Intermittent slowness of the ERP database",
    u"Docking stations lose display after sleep",
    u"Nightly backup job fails on the file server",
    u"Wireless access points reboot without warning",
    u"Certificate expiry breaks single sign-on",
    u"Memory leak in the expense application",
};

constexpr std::array kChangeDescriptions = {
    u"Upgrade core switches to the latest firmware",
    u"Patch database servers with the quarterly update",
    u"Replace the storage array in the primary data center",
    u"Roll out the new VPN client to all laptops",
    u"Migrate the mail server to the new cluster",
    u"Renew the wildcard TLS certificate",
    u"Add memory to the virtualization hosts",
    u"Decommission the legacy file server",
};

QString number(const QString &prefix, int start, int row)
{
    // "INC" + seven digits, written into one allocation.
    constexpr int kDigits = 7;
    QString result(prefix.size() + kDigits, Qt::Uninitialized);
    QChar *cursor = std::copy(prefix.cbegin(), prefix.cend(), result.data());
    int value = start + row;
    for (int i = kDigits - 1; i >= 0; --i) {
        cursor[i] = QChar(u'0' + value % 10);
        value /= 10;
    }
    if (value > 0)
        return prefix + QString::number(start + row);
    return result;
}

// Opening time of row `row` of `count` rows spread evenly over the task span.
qint64 openedAtSeconds(quint64 salt, int row, int count)
{
    const qint64 step = qMax<qint64>(1, kTaskSpanSeconds / qMax(1, count));
    const qint64 jitter = qint64(hash(salt, row, 1) % quint64(qMax<qint64>(1, step / 2)));
    return kAnchorSeconds - kTaskSpanSeconds + step * row + jitter;
}

int priorityFor(int impact, int urgency)
{
    // The standard impact/urgency matrix of the ITSM data lookup rules.
    static constexpr int matrix[3][3] = {{1, 2, 3}, {2, 3, 4}, {3, 4, 5}};
    return matrix[impact - 1][urgency - 1];
}

int weightedLevel(quint64 value)
{
    const int bucket = int(value % 10);
    if (bucket == 0)
        return 1;
    if (bucket <= 3)
        return 2;
    return 3;
}

struct IncidentFacts {
    int row = 0;
    int state = 1;
    int templateIndex = 0;
    int impact = 3;
    int urgency = 3;
    int callerRow = 2;
    int assigneeRow = -1;
    int openerRow = 0;
    int groupRow = 0;
    qint64 openedAt = 0;
    qint64 resolveSeconds = 0;
    qint64 resolvedAt = 0;   // 0 when not resolved
    qint64 closedAt = 0;     // 0 when not closed
    qint64 updatedAt = 0;

    int category() const { return kIncidentTemplates[templateIndex].category; }
};

IncidentFacts incidentFacts(int row, int count)
{
    constexpr quint64 salt = 0x1c1d;
    IncidentFacts facts;
    facts.row = row;
    facts.openedAt = openedAtSeconds(salt, row, count);

    const int stateRoll = int(hash(salt, row, 2) % 100);
    const bool old = qint64(row) * 100 < qint64(count) * 85;
    if (old)
        facts.state = stateRoll < 70 ? 7 : (stateRoll < 90 ? 6 : 8);
    else
        facts.state = stateRoll < 40 ? 1 : (stateRoll < 75 ? 2 : (stateRoll < 90 ? 3 : 6));

    facts.templateIndex = int(hash(salt, row, 3) % kIncidentTemplates.size());
    facts.impact = weightedLevel(hash(salt, row, 4));
    facts.urgency = weightedLevel(hash(salt, row, 5));
    facts.callerRow = workerUserRow(hash(salt, row, 6));
    facts.openerRow = hash(salt, row, 7) % 3 == 0 ? kAdminUserRow : facts.callerRow;
    facts.groupRow = hash(salt, row, 8) % 100 < 8 ? kRestrictedGroupRow : kCategoryGroups[facts.category()];
    if (facts.state != 1)
        facts.assigneeRow = workerUserRow(hash(salt, row, 9));

    facts.resolveSeconds = 600 + qint64(hash(salt, row, 10) % (5 * 86400));
    if (facts.state == 6 || facts.state == 7)
        facts.resolvedAt = facts.openedAt + facts.resolveSeconds;
    if (facts.state == 7)
        facts.closedAt = facts.resolvedAt + 3 * 86400;
    if (facts.state == 8)
        facts.closedAt = facts.openedAt + 3600;

    if (facts.closedAt)
        facts.updatedAt = facts.closedAt;
    else if (facts.resolvedAt)
        facts.updatedAt = facts.resolvedAt;
    else
        facts.updatedAt = facts.openedAt + qint64(hash(salt, row, 11) % 86400);
    facts.updatedAt = qMin(facts.updatedAt, kAnchorSeconds - 60);
    if (facts.closedAt)
        facts.closedAt = qMin(facts.closedAt, kAnchorSeconds - 60);
    return facts;
}

// Every incident column derives from the same facts, and a response reads the
// columns of one row after another, so the facts of the last row are kept and
// computed once per row instead of once per column. Per thread, because each
// server thread has its own store.
IncidentFacts cachedIncidentFacts(int row, int count)
{
    thread_local IncidentFacts last;
    thread_local int lastCount = -1;
    if (lastCount != count || last.row != row) {
        last = incidentFacts(row, count);
        lastCount = count;
    }
    return last;
}

QString dateOrEmpty(qint64 seconds)
{
    return seconds ? formatDateTime(seconds) : QString();
}

QString boolText(bool value)
{
    return value ? u"true"_s : u"false"_s;
}

void addIncidents(QHash<QString, std::shared_ptr<SeedTable>> &tables, const SeedCounts &counts)
{
    const TableDefinition &definition = *Schema::instance().table(u"incident"_s);
    const int n = counts.incidents;
    const int problems = counts.problems;
    const int changes = counts.changes;
    const auto facts = [n](int row) -> IncidentFacts { return cachedIncidentFacts(row, n); };
    const auto userOrEmpty = [](int row) -> QString { return row < 0 ? QString() : userSysId(row); };

    Generators generators = {
        {u"number"_s, [&definition](int row) -> QString { return number(definition.numberPrefix, definition.numberStart, row); }},
        {u"task_effective_number"_s, [&definition](int row) -> QString { return number(definition.numberPrefix, definition.numberStart, row); }},
        {u"short_description"_s, [facts](int row) -> QString { return text(kIncidentTemplates[facts(row).templateIndex].shortDescription); }},
        {u"description"_s, [facts](int row) -> QString {
             const IncidentFacts f = facts(row);
             return text(kIncidentTemplates[f.templateIndex].shortDescription) + u".\n"_s
                 + text(kDescriptionFollowUps[hash(0x1c1d, row, 20) % kDescriptionFollowUps.size()]);
         }},
        {u"category"_s, [facts](int row) -> QString { return text(kCategories[facts(row).category()]); }},
        {u"subcategory"_s, [facts](int row) -> QString { return text(kIncidentTemplates[facts(row).templateIndex].subcategory); }},
        {u"state"_s, [facts](int row) -> QString { return QString::number(facts(row).state); }},
        {u"incident_state"_s, [facts](int row) -> QString { return QString::number(facts(row).state); }},
        {u"active"_s, [facts](int row) -> QString { const int s = facts(row).state; return boolText(s != 7 && s != 8); }},
        {u"impact"_s, [facts](int row) -> QString { return QString::number(facts(row).impact); }},
        {u"urgency"_s, [facts](int row) -> QString { return QString::number(facts(row).urgency); }},
        {u"priority"_s, [facts](int row) -> QString { const IncidentFacts f = facts(row); return QString::number(priorityFor(f.impact, f.urgency)); }},
        {u"severity"_s, [](int) -> QString { return u"3"_s; }},
        {u"caller_id"_s, [facts](int row) -> QString { return userSysId(facts(row).callerRow); }},
        {u"opened_by"_s, [facts](int row) -> QString { return userSysId(facts(row).openerRow); }},
        {u"assigned_to"_s, [facts, userOrEmpty](int row) -> QString { return userOrEmpty(facts(row).assigneeRow); }},
        {u"assignment_group"_s, [facts](int row) -> QString { return groupSysId(facts(row).groupRow); }},
        {u"company"_s, [facts](int row) -> QString { return companySysId(userCompanyRow(facts(row).callerRow)); }},
        {u"location"_s, [facts](int row) -> QString { return locationSysId(userLocationRow(facts(row).callerRow)); }},
        {u"cmdb_ci"_s, [](int row) -> QString {
             const quint64 roll = hash(0x1c1d, row, 21);
             return roll % 3 == 0 ? configurationItemSysId(int(roll / 3 % kConfigurationItemCount)) : QString();
         }},
        {u"contact_type"_s, [](int row) -> QString { return text(kContactTypes[hash(0x1c1d, row, 22) % kContactTypes.size()]); }},
        {u"opened_at"_s, [facts](int row) -> QString { return formatDateTime(facts(row).openedAt); }},
        {u"sys_created_on"_s, [facts](int row) -> QString { return formatDateTime(facts(row).openedAt); }},
        {u"sys_created_by"_s, [facts](int row) -> QString { return userLogin(facts(row).openerRow); }},
        {u"sys_updated_on"_s, [facts](int row) -> QString { return formatDateTime(facts(row).updatedAt); }},
        {u"sys_updated_by"_s, [facts](int row) -> QString {
             const IncidentFacts f = facts(row);
             return userLogin(f.assigneeRow >= 0 ? f.assigneeRow : f.openerRow);
         }},
        {u"sys_mod_count"_s, [facts](int row) -> QString {
             const IncidentFacts f = facts(row);
             return QString::number(1 + int(hash(0x1c1d, row, 23) % 5) + (f.state >= 6 ? 3 : 0));
         }},
        {u"resolved_at"_s, [facts](int row) -> QString { return dateOrEmpty(facts(row).resolvedAt); }},
        {u"resolved_by"_s, [facts, userOrEmpty](int row) -> QString { const IncidentFacts f = facts(row); return f.resolvedAt ? userOrEmpty(f.assigneeRow) : QString(); }},
        {u"closed_at"_s, [facts](int row) -> QString { return dateOrEmpty(facts(row).closedAt); }},
        {u"closed_by"_s, [facts, userOrEmpty](int row) -> QString { const IncidentFacts f = facts(row); return f.closedAt ? userOrEmpty(f.assigneeRow) : QString(); }},
        {u"close_code"_s, [facts](int row) -> QString {
             return facts(row).resolvedAt ? text(kCloseCodes[hash(0x1c1d, row, 24) % kCloseCodes.size()]) : QString();
         }},
        {u"close_notes"_s, [facts](int row) -> QString {
             return facts(row).resolvedAt ? text(kCloseNotes[hash(0x1c1d, row, 25) % kCloseNotes.size()]) : QString();
         }},
        {u"calendar_stc"_s, [facts](int row) -> QString { const IncidentFacts f = facts(row); return f.resolvedAt ? QString::number(f.resolveSeconds) : QString(); }},
        {u"business_stc"_s, [facts](int row) -> QString { const IncidentFacts f = facts(row); return f.resolvedAt ? QString::number(f.resolveSeconds * 2 / 5) : QString(); }},
        {u"calendar_duration"_s, [facts](int row) -> QString { const IncidentFacts f = facts(row); return f.resolvedAt ? formatDuration(f.resolveSeconds) : QString(); }},
        {u"business_duration"_s, [facts](int row) -> QString { const IncidentFacts f = facts(row); return f.resolvedAt ? formatDuration(f.resolveSeconds * 2 / 5) : QString(); }},
        {u"hold_reason"_s, [facts](int row) -> QString {
             static constexpr std::array reasons = {u"1", u"3", u"4", u"5"};
             return facts(row).state == 3 ? text(reasons[hash(0x1c1d, row, 26) % reasons.size()]) : QString();
         }},
        {u"sla_due"_s, [facts](int row) -> QString { const IncidentFacts f = facts(row); return f.state <= 3 ? formatDateTime(f.openedAt + 3 * 86400) : QString(); }},
        {u"made_sla"_s, [](int row) -> QString { return boolText(hash(0x1c1d, row, 27) % 10 != 0); }},
        {u"reassignment_count"_s, [](int row) -> QString { return QString::number(hash(0x1c1d, row, 28) % 3); }},
        {u"reopen_count"_s, [](int) -> QString { return u"0"_s; }},
        {u"child_incidents"_s, [](int) -> QString { return u"0"_s; }},
        {u"knowledge"_s, [](int) -> QString { return u"false"_s; }},
        {u"lessons_learned"_s, [](int) -> QString { return u"false"_s; }},
        {u"escalation"_s, [](int) -> QString { return u"0"_s; }},
        {u"notify"_s, [](int) -> QString { return u"1"_s; }},
        {u"approval"_s, [](int) -> QString { return u"not requested"_s; }},
        {u"upon_approval"_s, [](int) -> QString { return u"proceed"_s; }},
        {u"upon_reject"_s, [](int) -> QString { return u"cancel"_s; }},
        {u"problem_id"_s, [problems](int row) -> QString { return row % 23 == 0 && problems > 0 ? sysIdFor(u"problem", (row / 23) % problems) : QString(); }},
        {u"rfc"_s, [changes](int row) -> QString { return row % 47 == 0 && changes > 0 ? sysIdFor(u"change_request", (row / 47) % changes) : QString(); }},
    };
    tables.insert(definition.name, std::make_shared<GeneratedTable>(definition, n, generators));
}

// Fields every seeded task shares; `salt` keeps the tables' random choices apart.
Generators commonTaskGenerators(const TableDefinition &definition, int count, quint64 salt, int groupRow)
{
    const auto openedAt = [salt, count](int row) -> qint64 { return openedAtSeconds(salt, row, count); };
    return {
        {u"number"_s, [&definition](int row) -> QString { return number(definition.numberPrefix, definition.numberStart, row); }},
        {u"task_effective_number"_s, [&definition](int row) -> QString { return number(definition.numberPrefix, definition.numberStart, row); }},
        {u"impact"_s, [salt](int row) -> QString { return QString::number(weightedLevel(hash(salt, row, 4))); }},
        {u"urgency"_s, [salt](int row) -> QString { return QString::number(weightedLevel(hash(salt, row, 5))); }},
        {u"priority"_s, [salt](int row) -> QString {
             return QString::number(priorityFor(weightedLevel(hash(salt, row, 4)), weightedLevel(hash(salt, row, 5))));
         }},
        {u"opened_at"_s, [openedAt](int row) -> QString { return formatDateTime(openedAt(row)); }},
        {u"sys_created_on"_s, [openedAt](int row) -> QString { return formatDateTime(openedAt(row)); }},
        {u"sys_updated_on"_s, [openedAt](int row) -> QString { return formatDateTime(qMin(openedAt(row) + 86400, kAnchorSeconds - 60)); }},
        {u"opened_by"_s, [](int) -> QString { return userSysId(kAdminUserRow); }},
        {u"assignment_group"_s, [groupRow](int) -> QString { return groupSysId(groupRow); }},
        {u"assigned_to"_s, [salt](int row) -> QString { return userSysId(workerUserRow(hash(salt, row, 9))); }},
        {u"company"_s, [](int) -> QString { return companySysId(0); }},
        {u"escalation"_s, [](int) -> QString { return u"0"_s; }},
        {u"knowledge"_s, [](int) -> QString { return u"false"_s; }},
        {u"made_sla"_s, [](int) -> QString { return u"true"_s; }},
        {u"reassignment_count"_s, [](int) -> QString { return u"0"_s; }},
        {u"upon_approval"_s, [](int) -> QString { return u"proceed"_s; }},
        {u"upon_reject"_s, [](int) -> QString { return u"cancel"_s; }},
        {u"sys_mod_count"_s, [salt](int row) -> QString { return QString::number(1 + hash(salt, row, 23) % 6); }},
    };
}

void addProblems(QHash<QString, std::shared_ptr<SeedTable>> &tables, const SeedCounts &counts)
{
    const TableDefinition &definition = *Schema::instance().table(u"problem"_s);
    constexpr quint64 salt = 0x9b0b;
    const int n = counts.problems;
    const auto state = [n](int row) -> int {
        static constexpr std::array states = {101, 102, 103, 104, 106, 107};
        const bool old = qint64(row) * 100 < qint64(n) * 70;
        return old ? 107 : states[hash(salt, row, 2) % 5];
    };

    Generators generators = commonTaskGenerators(definition, n, salt, 9);
    generators.insert({
        {u"short_description"_s, [](int row) -> QString { return text(kProblemDescriptions[hash(salt, row, 3) % kProblemDescriptions.size()]); }},
        {u"description"_s, [](int row) -> QString {
             return text(kProblemDescriptions[hash(salt, row, 3) % kProblemDescriptions.size()]) + u". Several incidents report the same symptom."_s;
         }},
        {u"state"_s, [state](int row) -> QString { return QString::number(state(row)); }},
        {u"problem_state"_s, [state](int row) -> QString { return QString::number(state(row)); }},
        {u"active"_s, [state](int row) -> QString { return boolText(state(row) < 106); }},
        {u"known_error"_s, [](int row) -> QString { return boolText(hash(salt, row, 30) % 4 == 0); }},
        {u"category"_s, [](int row) -> QString { return text(kCategories[hash(salt, row, 31) % kCategories.size()]); }},
        {u"related_incidents"_s, [](int row) -> QString { return QString::number(1 + hash(salt, row, 32) % 8); }},
        {u"resolution_code"_s, [state](int row) -> QString { return state(row) >= 106 ? u"fix_applied"_s : QString(); }},
        {u"workaround"_s, [](int row) -> QString { return hash(salt, row, 33) % 2 ? u"Restart the affected service."_s : QString(); }},
    });
    tables.insert(definition.name, std::make_shared<GeneratedTable>(definition, n, generators));
}

void addChanges(QHash<QString, std::shared_ptr<SeedTable>> &tables, const SeedCounts &counts)
{
    const TableDefinition &definition = *Schema::instance().table(u"change_request"_s);
    constexpr quint64 salt = 0xc4a6;
    const int n = counts.changes;
    const auto state = [n](int row) -> int {
        static constexpr std::array states = {-5, -4, -3, -2, -1, 0};
        const bool old = qint64(row) * 100 < qint64(n) * 80;
        if (old)
            return hash(salt, row, 2) % 10 == 0 ? 4 : 3;
        return states[hash(salt, row, 2) % states.size()];
    };
    const auto start = [n](int row) -> qint64 { return openedAtSeconds(salt, row, n) + 7 * 86400; };

    Generators generators = commonTaskGenerators(definition, n, salt, 8);
    generators.insert({
        {u"short_description"_s, [](int row) -> QString { return text(kChangeDescriptions[hash(salt, row, 3) % kChangeDescriptions.size()]); }},
        {u"description"_s, [](int row) -> QString {
             return text(kChangeDescriptions[hash(salt, row, 3) % kChangeDescriptions.size()]) + u" during the maintenance window."_s;
         }},
        {u"state"_s, [state](int row) -> QString { return QString::number(state(row)); }},
        {u"active"_s, [state](int row) -> QString { return boolText(state(row) <= 0); }},
        {u"type"_s, [](int row) -> QString {
             static constexpr std::array types = {u"normal", u"normal", u"standard", u"emergency"};
             return text(types[hash(salt, row, 30) % types.size()]);
         }},
        {u"risk"_s, [](int row) -> QString { return QString::number(2 + hash(salt, row, 31) % 3); }},
        {u"category"_s, [](int row) -> QString {
             static constexpr std::array categories = {u"hardware", u"software", u"network", u"service"};
             return text(categories[hash(salt, row, 32) % categories.size()]);
         }},
        {u"start_date"_s, [start](int row) -> QString { return formatDateTime(start(row)); }},
        {u"end_date"_s, [start](int row) -> QString { return formatDateTime(start(row) + 4 * 3600); }},
        {u"requested_by"_s, [](int row) -> QString { return userSysId(workerUserRow(hash(salt, row, 33))); }},
        {u"approval"_s, [state](int row) -> QString { return state(row) >= -2 ? u"approved"_s : u"requested"_s; }},
        {u"cab_required"_s, [](int row) -> QString { return boolText(hash(salt, row, 34) % 3 == 0); }},
        {u"on_hold"_s, [](int) -> QString { return u"false"_s; }},
        {u"production_system"_s, [](int row) -> QString { return boolText(hash(salt, row, 35) % 2 == 0); }},
        {u"conflict_status"_s, [](int) -> QString { return u"Not Run"_s; }},
    });
    tables.insert(definition.name, std::make_shared<GeneratedTable>(definition, n, generators));
}

} // namespace

void addTaskTables(QHash<QString, std::shared_ptr<SeedTable>> &tables, const SeedCounts &counts)
{
    addIncidents(tables, counts);
    addProblems(tables, counts);
    addChanges(tables, counts);
}

} // namespace snowemu::seed
