// Seeded users, groups, companies and locations.

#include "seedworld.h"

#include "seedrandom.h"

#include <array>

using namespace Qt::StringLiterals;

namespace snowemu::seed {

namespace {

using Generators = QHash<QString, GeneratedTable::Generator>;

constexpr std::array kFirstNames = {
    u"Abel", u"Beth", u"Fred", u"David", u"Don", u"Bud", u"Charlie", u"Carol", u"Adela", u"Aileen",
    u"Alejandra", u"Alene", u"Allie", u"Alva", u"Amos", u"Andrew", u"Angelo", u"Annie", u"Armando", u"Bernard",
    u"Billie", u"Bow", u"Brant", u"Brian", u"Candice", u"Carla", u"Cary", u"Christen", u"Claudia", u"Debra",
    u"Dorothy", u"Elizabeth", u"Emily", u"George", u"Howard", u"Irene", u"Jane", u"Jason", u"Kate", u"Luke",
};

constexpr std::array kLastNames = {
    u"Tuter", u"Anglin", u"Luddy", u"Loo", u"Goodliffe", u"Richman", u"Whitherspoon", u"Cegielski", u"Shelby", u"Dibble",
    u"Cowan", u"Mccolley", u"Meier", u"Kanaan", u"Smith", u"Lester", u"Bradley", u"Ruiz", u"Quinn", u"Johnson",
    u"Chen", u"Müller", u"O'Brien", u"García", u"Nguyen", u"Patel", u"Kim", u"Santos", u"Kowalski", u"Novak",
    u"Rossi", u"Dubois", u"Jensen", u"Larsen", u"Silva", u"Tanaka", u"Okafor", u"Haddad", u"Fischer", u"Moreau",
};

constexpr std::array kTitles = {
    u"Software Engineer", u"Service Desk Analyst", u"Network Engineer", u"Database Administrator",
    u"Project Manager", u"Accountant", u"Sales Representative", u"HR Partner", u"Marketing Specialist",
    u"Systems Administrator", u"Security Analyst", u"Product Owner",
};

struct Location {
    const char16_t *street;
    const char16_t *city;
    const char16_t *state;
    const char16_t *zip;
    const char16_t *country;
    const char16_t *timeZone;
    double latitude;
    double longitude;
    int companyRow;
};

constexpr std::array<Location, kLocationCount> kLocations = {{
    {u"3 Harbor Drive", u"San Diego", u"CA", u"92101", u"US", u"America/Los_Angeles", 32.7157, -117.1611, 0},
    {u"100 Market Street", u"San Francisco", u"CA", u"94105", u"US", u"America/Los_Angeles", 37.7749, -122.4194, 0},
    {u"400 Pine Street", u"Seattle", u"WA", u"98101", u"US", u"America/Los_Angeles", 47.6062, -122.3321, 0},
    {u"1600 Glenarm Place", u"Denver", u"CO", u"80202", u"US", u"America/Denver", 39.7392, -104.9903, 0},
    {u"233 South Wacker Drive", u"Chicago", u"IL", u"60606", u"US", u"America/Chicago", 41.8781, -87.6298, 0},
    {u"500 West 2nd Street", u"Austin", u"TX", u"78701", u"US", u"America/Chicago", 30.2672, -97.7431, 0},
    {u"350 Fifth Avenue", u"New York", u"NY", u"10118", u"US", u"America/New_York", 40.7128, -74.0060, 0},
    {u"1 Federal Street", u"Boston", u"MA", u"02110", u"US", u"America/New_York", 42.3601, -71.0589, 0},
    {u"191 Peachtree Street", u"Atlanta", u"GA", u"30303", u"US", u"America/New_York", 33.7490, -84.3880, 0},
    {u"100 King Street West", u"Toronto", u"ON", u"M5X 1A9", u"CA", u"America/New_York", 43.6532, -79.3832, 0},
    {u"30 St Mary Axe", u"London", u"", u"EC3A 8BF", u"GB", u"Europe/London", 51.5074, -0.1278, 1},
    {u"1 Spinningfields", u"Manchester", u"", u"M3 3AP", u"GB", u"Europe/London", 53.4808, -2.2426, 1},
    {u"Friedrichstraße 68", u"Berlin", u"", u"10117", u"DE", u"Europe/Berlin", 52.5200, 13.4050, 2},
    {u"Leopoldstraße 244", u"München", u"", u"80807", u"DE", u"Europe/Berlin", 48.1351, 11.5820, 2},
    {u"34 Rue de la Paix", u"Paris", u"", u"75002", u"FR", u"Europe/Paris", 48.8566, 2.3522, 3},
    {u"Herengracht 280", u"Amsterdam", u"", u"1016 BX", u"NL", u"Europe/Amsterdam", 52.3676, 4.9041, 4},
    {u"80 MG Road", u"Bengaluru", u"KA", u"560001", u"IN", u"Asia/Kolkata", 12.9716, 77.5946, 5},
    {u"2-7-2 Marunouchi", u"Tokyo", u"", u"100-7090", u"JP", u"Asia/Tokyo", 35.6762, 139.6503, 6},
    {u"1 Martin Place", u"Sydney", u"NSW", u"2000", u"AU", u"Australia/Sydney", -33.8688, 151.2093, 7},
    {u"Avenida Paulista 1000", u"São Paulo", u"SP", u"01310-100", u"BR", u"America/Sao_Paulo", -23.5505, -46.6333, 8},
}};

struct Company {
    const char16_t *name;
    int headquartersLocationRow;
    const char16_t *phone;
};

constexpr std::array<Company, kCompanyCount> kCompanies = {{
    {u"ACME North America", 6, u"+1 212 555 0100"},
    {u"ACME UK", 10, u"+44 20 7946 0100"},
    {u"ACME Germany", 12, u"+49 30 901820"},
    {u"ACME France", 14, u"+33 1 70 36 01 00"},
    {u"ACME Netherlands", 15, u"+31 20 794 0100"},
    {u"ACME India", 16, u"+91 80 4000 0100"},
    {u"ACME Japan", 17, u"+81 3 6700 0100"},
    {u"ACME Australia", 18, u"+61 2 9000 0100"},
    {u"ACME Brazil", 19, u"+55 11 3000 0100"},
}};

struct Group {
    const char16_t *name;
    const char16_t *description;
};

constexpr std::array<Group, kGroupCount> kGroups = {{
    {u"Service Desk", u"First line support for every employee"},
    {u"Network", u"LAN, WAN, wireless and VPN"},
    {u"Hardware", u"Laptops, desktops, printers and peripherals"},
    {u"Software", u"Desktop and business applications"},
    {u"Database", u"Oracle, SQL Server and DB2 administration"},
    {u"Information Security", u"Security incidents; restricted to security staff"},
    {u"Help Desk", u"Walk-in and chat support"},
    {u"Application Development", u"In-house application development"},
    {u"Change Management", u"Change coordination"},
    {u"Problem Solving", u"Root cause analysis of recurring incidents"},
    {u"Openspace", u"Facilities and workplace services"},
    {u"CAB Approval", u"Change Advisory Board"},
}};

// Folds a display name into the ASCII login form: "García" becomes "garcia".
QString asciiLogin(const QString &text)
{
    QString folded = text.normalized(QString::NormalizationForm_D);
    QString result;
    for (const QChar character : std::as_const(folded)) {
        if (character.unicode() < 128 && (character.isLetterOrNumber() || character == u'.'))
            result.append(character.toLower());
    }
    return result;
}

QString firstName(int row)
{
    if (row == kAdminUserRow)
        return u"System"_s;
    if (row == kReaderUserRow)
        return u"Read"_s;
    const int index = row - 2;
    return text(kFirstNames[index % kFirstNames.size()]);
}

QString lastName(int row)
{
    if (row == kAdminUserRow)
        return u"Administrator"_s;
    if (row == kReaderUserRow)
        return u"Only"_s;
    // The pairing (index mod 40, (index / 40 + index) mod 40) never repeats below 1600 rows.
    const int index = row - 2;
    return text(kLastNames[(index / kFirstNames.size() + index) % kLastNames.size()]);
}

QString phoneNumber(int row, int salt)
{
    return u"+1 555 %1 %2"_s.arg(100 + int(hash(row, salt) % 900)).arg(1000 + int(hash(row, salt, 1) % 9000));
}

void addUsers(QHash<QString, std::shared_ptr<SeedTable>> &tables)
{
    const TableDefinition &definition = *Schema::instance().table(u"sys_user"_s);
    Generators generators = {
        {u"first_name"_s, firstName},
        {u"last_name"_s, lastName},
        {u"name"_s, userDisplayName},
        {u"user_name"_s, userLogin},
        {u"email"_s, [](int row) -> QString { return userLogin(row) + u"@example.com"_s; }},
        {u"active"_s, [](int) -> QString { return u"true"_s; }},
        {u"locked_out"_s, [](int) -> QString { return u"false"_s; }},
        {u"vip"_s, [](int row) -> QString { return row > 1 && row % 17 == 0 ? u"true"_s : u"false"_s; }},
        {u"web_service_access_only"_s, [](int) -> QString { return u"false"_s; }},
        {u"internal_integration_user"_s, [](int) -> QString { return u"false"_s; }},
        {u"password_needs_reset"_s, [](int) -> QString { return u"false"_s; }},
        {u"enable_multifactor_authn"_s, [](int) -> QString { return u"false"_s; }},
        {u"failed_attempts"_s, [](int) -> QString { return u"0"_s; }},
        {u"calendar_integration"_s, [](int) -> QString { return u"1"_s; }},
        {u"notification"_s, [](int) -> QString { return u"2"_s; }},
        {u"identity_type"_s, [](int) -> QString { return u"human"_s; }},
        {u"preferred_language"_s, [](int) -> QString { return u"en"_s; }},
        {u"date_format"_s, [](int) -> QString { return QString(); }},
        {u"time_format"_s, [](int) -> QString { return QString(); }},
        {u"time_zone"_s, userTimeZone},
        {u"title"_s, [](int row) -> QString {
             if (row == kAdminUserRow)
                 return u"System Administrator"_s;
             if (row == kReaderUserRow)
                 return u"Auditor"_s;
             return text(kTitles[hash(row, 11) % kTitles.size()]);
         }},
        {u"gender"_s, [](int row) -> QString { return row < 2 ? QString() : (hash(row, 12) % 2 ? u"Female"_s : u"Male"_s); }},
        {u"employee_number"_s, [](int row) -> QString { return QString::number(100000 + row); }},
        {u"phone"_s, [](int row) -> QString { return phoneNumber(row, 13); }},
        {u"mobile_phone"_s, [](int row) -> QString { return phoneNumber(row, 14); }},
        {u"company"_s, [](int row) -> QString { return companySysId(userCompanyRow(row)); }},
        {u"location"_s, [](int row) -> QString { return locationSysId(userLocationRow(row)); }},
        {u"city"_s, [](int row) -> QString { return text(kLocations[userLocationRow(row)].city); }},
        {u"street"_s, [](int row) -> QString { return text(kLocations[userLocationRow(row)].street); }},
        {u"state"_s, [](int row) -> QString { return text(kLocations[userLocationRow(row)].state); }},
        {u"zip"_s, [](int row) -> QString { return text(kLocations[userLocationRow(row)].zip); }},
        {u"country"_s, [](int row) -> QString { return text(kLocations[userLocationRow(row)].country); }},
        {u"manager"_s, [](int row) -> QString { return row < 12 ? QString() : userSysId(2 + int(hash(row, 15) % 10)); }},
        {u"roles"_s, [](int row) -> QString {
             if (row == kAdminUserRow)
                 return u"admin"_s;
             if (row == kReaderUserRow)
                 return u"snc_read_only"_s;
             return row % 5 == 0 ? u"itil"_s : QString();
         }},
        {u"accumulated_roles"_s, [](int row) -> QString {
             if (row == kAdminUserRow)
                 return u",admin,itil,security_admin,"_s;
             if (row == kReaderUserRow)
                 return u",snc_read_only,"_s;
             return row % 5 == 0 ? u",itil,"_s : QString();
         }},
        {u"last_login_time"_s, [](int row) -> QString { return formatDateTime(kAnchorSeconds - 3600 * qint64(1 + hash(row, 16) % 500)); }},
        {u"last_login"_s, [](int row) -> QString { return formatDateTime(kAnchorSeconds - 3600 * qint64(1 + hash(row, 16) % 500)).left(10); }},
        {u"source"_s, [](int) -> QString { return QString(); }},
    };
    tables.insert(definition.name, std::make_shared<GeneratedTable>(definition, kUserCount, generators));
}

void addGroups(QHash<QString, std::shared_ptr<SeedTable>> &tables)
{
    const TableDefinition &definition = *Schema::instance().table(u"sys_user_group"_s);
    Generators generators = {
        {u"name"_s, [](int row) -> QString { return text(kGroups[row].name); }},
        {u"description"_s, [](int row) -> QString { return text(kGroups[row].description); }},
        {u"email"_s, [](int row) -> QString { return asciiLogin(text(kGroups[row].name).replace(u' ', u'.')) + u"@example.com"_s; }},
        {u"manager"_s, [](int row) -> QString { return userSysId(2 + row * 7); }},
        {u"default_assignee"_s, [](int) -> QString { return QString(); }},
        {u"active"_s, [](int) -> QString { return u"true"_s; }},
        {u"exclude_manager"_s, [](int) -> QString { return u"false"_s; }},
        {u"include_members"_s, [](int) -> QString { return u"false"_s; }},
        {u"roles"_s, [](int row) -> QString { return row == kRestrictedGroupRow ? u"security_admin"_s : u"itil"_s; }},
    };
    tables.insert(definition.name, std::make_shared<GeneratedTable>(definition, kGroupCount, generators));
}

void addCompanies(QHash<QString, std::shared_ptr<SeedTable>> &tables)
{
    const TableDefinition &definition = *Schema::instance().table(u"core_company"_s);
    const auto headquarters = [](int row) -> const Location & { return kLocations[kCompanies[row].headquartersLocationRow]; };
    Generators generators = {
        {u"name"_s, [](int row) -> QString { return text(kCompanies[row].name); }},
        {u"street"_s, [headquarters](int row) -> QString { return text(headquarters(row).street); }},
        {u"city"_s, [headquarters](int row) -> QString { return text(headquarters(row).city); }},
        {u"state"_s, [headquarters](int row) -> QString { return text(headquarters(row).state); }},
        {u"zip"_s, [headquarters](int row) -> QString { return text(headquarters(row).zip); }},
        {u"country"_s, [headquarters](int row) -> QString { return text(headquarters(row).country); }},
        {u"phone"_s, [](int row) -> QString { return text(kCompanies[row].phone); }},
        {u"website"_s, [](int row) -> QString { return u"https://"_s + asciiLogin(text(kCompanies[row].name).replace(u' ', u'-')) + u".example.com"_s; }},
        {u"stock_symbol"_s, [](int row) -> QString { return row == 0 ? u"ACME"_s : QString(); }},
        {u"customer"_s, [](int) -> QString { return u"false"_s; }},
        {u"vendor"_s, [](int) -> QString { return u"false"_s; }},
        {u"manufacturer"_s, [](int) -> QString { return u"false"_s; }},
        {u"parent"_s, [](int row) -> QString { return row == 0 ? QString() : companySysId(0); }},
    };
    tables.insert(definition.name, std::make_shared<GeneratedTable>(definition, kCompanyCount, generators));
}

void addLocations(QHash<QString, std::shared_ptr<SeedTable>> &tables)
{
    const TableDefinition &definition = *Schema::instance().table(u"cmn_location"_s);
    Generators generators = {
        {u"name"_s, [](int row) -> QString { return text(kLocations[row].street) + u", "_s + text(kLocations[row].city); }},
        {u"full_name"_s, [](int row) -> QString { return text(kLocations[row].city) + u'/' + text(kLocations[row].street); }},
        {u"street"_s, [](int row) -> QString { return text(kLocations[row].street); }},
        {u"city"_s, [](int row) -> QString { return text(kLocations[row].city); }},
        {u"state"_s, [](int row) -> QString { return text(kLocations[row].state); }},
        {u"zip"_s, [](int row) -> QString { return text(kLocations[row].zip); }},
        {u"country"_s, [](int row) -> QString { return text(kLocations[row].country); }},
        {u"time_zone"_s, [](int row) -> QString { return text(kLocations[row].timeZone); }},
        {u"latitude"_s, [](int row) -> QString { return QString::number(kLocations[row].latitude, 'f', 4); }},
        {u"longitude"_s, [](int row) -> QString { return QString::number(kLocations[row].longitude, 'f', 4); }},
        {u"company"_s, [](int row) -> QString { return companySysId(kLocations[row].companyRow); }},
        {u"phone"_s, [](int row) -> QString { return phoneNumber(row, 21); }},
    };
    tables.insert(definition.name, std::make_shared<GeneratedTable>(definition, kLocationCount, generators));
}

QString composeUserDisplayName(int row)
{
    if (row == kAdminUserRow)
        return u"System Administrator"_s;
    if (row == kReaderUserRow)
        return u"Read Only"_s;
    return firstName(row) + u' ' + lastName(row);
}

QString composeUserLogin(int row)
{
    if (row == kAdminUserRow)
        return u"admin"_s;
    if (row == kReaderUserRow)
        return u"reader"_s;
    return asciiLogin(firstName(row)) + u'.' + asciiLogin(lastName(row));
}

// The values of a fixed-size reference table, computed once: every seeded task
// refers to users, groups, companies and locations, so a large response would
// otherwise compute the same few hundred values millions of times.
QStringList valuesOf(int count, QString (*compose)(int row))
{
    QStringList values;
    values.reserve(count);
    for (int row = 0; row < count; ++row)
        values.append(compose(row));
    return values;
}

QStringList sysIdsOf(QStringView table, int count)
{
    QStringList ids;
    ids.reserve(count);
    for (int row = 0; row < count; ++row)
        ids.append(sysIdFor(table, row));
    return ids;
}

} // namespace

QString userSysId(int row)
{
    static const QStringList ids = sysIdsOf(u"sys_user", kUserCount);
    return row >= 0 && row < kUserCount ? ids.at(row) : sysIdFor(u"sys_user", row);
}

QString userDisplayName(int row)
{
    static const QStringList names = valuesOf(kUserCount, composeUserDisplayName);
    return row >= 0 && row < kUserCount ? names.at(row) : composeUserDisplayName(row);
}

QString userLogin(int row)
{
    static const QStringList logins = valuesOf(kUserCount, composeUserLogin);
    return row >= 0 && row < kUserCount ? logins.at(row) : composeUserLogin(row);
}

int userLocationRow(int row)
{
    if (row == kAdminUserRow)
        return 0;
    if (row == kReaderUserRow)
        return 12;
    return int(hash(row, 10) % kLocationCount);
}

int userCompanyRow(int row)
{
    return kLocations[userLocationRow(row)].companyRow;
}

QString userTimeZone(int row)
{
    return text(kLocations[userLocationRow(row)].timeZone);
}

QString groupSysId(int row)
{
    static const QStringList ids = sysIdsOf(u"sys_user_group", kGroupCount);
    return row >= 0 && row < kGroupCount ? ids.at(row) : sysIdFor(u"sys_user_group", row);
}

QString companySysId(int row)
{
    static const QStringList ids = sysIdsOf(u"core_company", kCompanyCount);
    return row >= 0 && row < kCompanyCount ? ids.at(row) : sysIdFor(u"core_company", row);
}

QString locationSysId(int row)
{
    static const QStringList ids = sysIdsOf(u"cmn_location", kLocationCount);
    return row >= 0 && row < kLocationCount ? ids.at(row) : sysIdFor(u"cmn_location", row);
}

QString configurationItemSysId(int row)
{
    static const QStringList ids = sysIdsOf(u"cmdb_ci", kConfigurationItemCount);
    return row >= 0 && row < kConfigurationItemCount ? ids.at(row) : sysIdFor(u"cmdb_ci", row);
}

int workerUserRow(quint64 hashValue)
{
    return 2 + int(hashValue % (kUserCount - 2));
}

QString staticCreatedOn(const QString &table, int row)
{
    // Reference data was created over the four years before the anchor.
    const qint64 span = 4LL * 365 * 86400;
    return formatDateTime(kAnchorSeconds - span + qint64(hash(nameKey(table), row, 99) % quint64(span / 2)));
}

void addPeopleTables(QHash<QString, std::shared_ptr<SeedTable>> &tables)
{
    addUsers(tables);
    addGroups(tables);
    addCompanies(tables);
    addLocations(tables);
}

} // namespace snowemu::seed
