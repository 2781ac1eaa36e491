#include "accessrules.h"

#include "data/seedworld.h"

using namespace Qt::StringLiterals;

namespace snowemu {

bool canRead(const Store &store, const Account &account, RowRef row)
{
    if (account.seesRestrictedRecords)
        return true;
    if (store.tableNameOf(row) != u"incident")
        return true;

    static const QString restrictedGroup = seed::groupSysId(seed::kRestrictedGroupRow);
    return store.value(row, u"assignment_group"_s) != restrictedGroup;
}

} // namespace snowemu
