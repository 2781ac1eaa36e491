#pragma once

#include "accounts.h"
#include "data/store.h"

namespace snowemu {

/*!
    The read access rule of the emulator: incidents assigned to the
    "Information Security" group are hidden from accounts without the security role
    (the read-only account). Like a real ACL it runs after paging, so such rows still
    count in X-Total-Count and a page comes back short.
*/
bool canRead(const Store &store, const Account &account, RowRef row);

} // namespace snowemu
