// Seeded configuration items.

#include "seedworld.h"

#include "seedrandom.h"

#include <array>

using namespace Qt::StringLiterals;

namespace snowemu::seed {

namespace {

struct ItemKind {
    const char16_t *namePrefix;
    const char16_t *category;
    const char16_t *subcategory;
    const char16_t *description;
    int supportGroupRow;
};

constexpr std::array<ItemKind, 6> kKinds = {{
    {u"EXCH-SD", u"Software", u"Email", u"Exchange mail server", 3},
    {u"SAP-APP", u"Software", u"Application", u"SAP application server", 7},
    {u"DB-ORA", u"Software", u"Database", u"Oracle database server", 4},
    {u"CORE-SW", u"Network", u"Switch", u"Core network switch", 1},
    {u"LPT", u"Hardware", u"Computer", u"Employee laptop", 2},
    {u"PRN", u"Hardware", u"Printer", u"Floor printer", 2},
}};

const ItemKind &kindOf(int row)
{
    return kKinds[row % kKinds.size()];
}

} // namespace

void addConfigurationItems(QHash<QString, std::shared_ptr<SeedTable>> &tables)
{
    const TableDefinition &definition = *Schema::instance().table(u"cmdb_ci"_s);
    constexpr quint64 salt = 0xc1c1;
    QHash<QString, GeneratedTable::Generator> generators = {
        {u"name"_s, [](int row) -> QString { return text(kindOf(row).namePrefix) + u'-' + QString::number(row / int(kKinds.size()) + 1).rightJustified(2, u'0'); }},
        {u"category"_s, [](int row) -> QString { return text(kindOf(row).category); }},
        {u"subcategory"_s, [](int row) -> QString { return text(kindOf(row).subcategory); }},
        {u"short_description"_s, [](int row) -> QString { return text(kindOf(row).description); }},
        {u"asset_tag"_s, [](int row) -> QString { return u"P%1"_s.arg(1000100 + row); }},
        {u"serial_number"_s, [](int row) -> QString { return u"SN-%1"_s.arg(QString::number(hash(salt, row, 1) % 0xFFFFFFFF, 16).toUpper().rightJustified(8, u'0')); }},
        {u"company"_s, [](int row) -> QString { return companySysId(int(hash(salt, row, 2) % kCompanyCount)); }},
        {u"location"_s, [](int row) -> QString { return locationSysId(int(hash(salt, row, 3) % kLocationCount)); }},
        {u"manufacturer"_s, [](int) -> QString { return QString(); }},
        {u"assigned_to"_s, [](int row) -> QString { return userSysId(workerUserRow(hash(salt, row, 4))); }},
        {u"managed_by"_s, [](int row) -> QString { return userSysId(workerUserRow(hash(salt, row, 5))); }},
        {u"owned_by"_s, [](int row) -> QString { return userSysId(workerUserRow(hash(salt, row, 6))); }},
        {u"support_group"_s, [](int row) -> QString { return groupSysId(kindOf(row).supportGroupRow); }},
        {u"ip_address"_s, [](int row) -> QString { return u"10.%1.%2.%3"_s.arg(row / 250 % 250).arg(row % 250).arg(10 + hash(salt, row, 7) % 200); }},
        {u"environment"_s, [](int row) -> QString { return row % 4 == 0 ? u"test"_s : u"production"_s; }},
        {u"operational_status"_s, [](int row) -> QString { return row % 25 == 24 ? u"2"_s : u"1"_s; }},
        {u"install_status"_s, [](int row) -> QString { return row % 25 == 24 ? u"7"_s : u"1"_s; }},
        {u"install_date"_s, [](int row) -> QString { return staticCreatedOn(u"cmdb_ci"_s, row); }},
        {u"cost"_s, [](int row) -> QString { return QString::number(500 + hash(salt, row, 8) % 20000) + u".00"_s; }},
    };
    tables.insert(definition.name, std::make_shared<GeneratedTable>(definition, kConfigurationItemCount, generators));
}

} // namespace snowemu::seed
