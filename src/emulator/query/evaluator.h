#pragma once

#include "encodedquery.h"
#include "fieldaccessor.h"
#include "querycontext.h"

#include <QStringList>

#include <memory>
#include <vector>

namespace snowemu {

/*!
    Evaluates an encoded query over a table (and the tables that extend it) with
    the emulator's own rules:

    - Conditions on unknown fields, and unsupported operators, are skipped, as a
      real instance skips the invalid parts of a query.
    - Text comparisons (=, !=, IN, LIKE, STARTSWITH, ENDSWITH, <, >, BETWEEN and
      ORDERBY) ignore case, like the case-insensitive collation of a real instance's
      database. Choice values, numbers and sys_ids compare exactly.
    - Reference fields compare their sys_id with =, != and IN, or their display
      value when the query value is not a sys_id; LIKE, STARTSWITH, ENDSWITH, the
      ordering operators and ORDERBY use the display value.
    - Empty values never satisfy <, <=, >, >= or BETWEEN, and sort first.
*/
class QueryEvaluator
{
public:
    QueryEvaluator(const Store &store, int tableId, const EncodedQuery &query, const QueryContext &context);
    ~QueryEvaluator();

    //! The matching rows, sorted by the query's ORDERBY clauses (stable), else in natural order.
    std::vector<RowRef> run() const;

    bool matches(RowRef row) const;

    //! Conditions and ORDERBY fields that were skipped, for the debug log.
    const QStringList &ignoredParts() const { return m_ignored; }

private:
    struct Compiled;
    struct CompiledTerm;
    struct CompiledBranch;

    bool compile(const QueryCondition &condition, Compiled *compiled);
    bool matchesCondition(const Compiled &condition, RowRef row) const;
    void sort(std::vector<RowRef> &rows) const;

    const Store &m_store;
    int m_tableId;
    QueryContext m_context;
    std::vector<CompiledBranch> m_branches;
    std::vector<std::pair<FieldAccessor, bool>> m_order;  // field, descending
    QStringList m_ignored;
};

} // namespace snowemu
