#pragma once

#include "apicontext.h"
#include "data/store.h"

#include <QJsonObject>

namespace snowemu {

struct WriteResult {
    bool ok = false;
    RowRef row;
    HttpResponse error;   // set when !ok
};

/*!
    Inserts a record from a JSON body, with the defaults, numbering and rules of a
    real instance (see applyRules in recordinput.cpp). Unknown and read-only fields
    are ignored. With `inputDisplayValue`, references may be given by display value,
    choices by label and dates in the user's time zone.
*/
WriteResult insertRecord(ApiContext &context, int tableId, const QJsonObject &body, bool inputDisplayValue);

//! Updates `row` from a JSON body; PUT and PATCH both change only the fields sent.
WriteResult updateRecord(ApiContext &context, RowRef row, const QJsonObject &body, bool inputDisplayValue);

} // namespace snowemu
