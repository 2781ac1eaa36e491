#include "evaluator.h"

#include "data/display.h"
#include "data/seedrandom.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace snowemu {

namespace {

// The "Me" dynamic filter option, which stands for the session's user.
constexpr QStringView kDynamicMe = u"90d1921e5f510100a9ad2572f2b477fe";

enum class ValueKind { Text, Number, DateTime, Date, Boolean, Reference };

ValueKind kindOf(const ColumnDefinition &column)
{
    if (column.isReference())
        return ValueKind::Reference;
    if (column.isBoolean())
        return ValueKind::Boolean;
    if (column.isDate())
        return ValueKind::Date;
    if (column.isDateTime())
        return ValueKind::DateTime;
    if (column.isNumeric())
        return ValueKind::Number;
    return ValueKind::Text;
}

bool looksLikeSysId(const QString &value)
{
    static const QRegularExpression pattern(u"^[0-9a-f]{32}$"_s);
    return pattern.match(value).hasMatch();
}

QString normalizedBoolean(const QString &value)
{
    const QString lower = value.toLower();
    return lower == u"true" || lower == u"1" ? u"true"_s : u"false"_s;
}

} // namespace

struct QueryEvaluator::Compiled {
    QueryOperator op = QueryOperator::Equals;
    FieldAccessor field;
    ValueKind kind = ValueKind::Text;
    QString value;
    QStringList list;
    QString low;
    QString high;
    FieldAccessor other;
    std::vector<ColumnReader> textColumns;
    QStringList words;
};

struct QueryEvaluator::CompiledTerm {
    std::vector<Compiled> alternatives;
};

struct QueryEvaluator::CompiledBranch {
    std::vector<CompiledTerm> terms;
};

namespace {

QString displayOf(const Store &store, const FieldAccessor &field, RowRef, const QString &value)
{
    if (value.isEmpty())
        return value;
    return store.displayValue(field.column().referenceTable, value);
}

// Returns the value that ordered comparisons use: the display value of a reference, else the stored value.
QString comparable(const Store &store, const FieldAccessor &field, ValueKind kind, RowRef row, const QString &value)
{
    if (kind == ValueKind::Reference)
        return displayOf(store, field, row, value);
    if (kind == ValueKind::Date)
        return value.left(10);
    return value;
}

int compareOrdered(ValueKind kind, const QString &left, const QString &right)
{
    if (kind == ValueKind::Number) {
        bool leftOk = false;
        bool rightOk = false;
        const double a = left.toDouble(&leftOk);
        const double b = right.toDouble(&rightOk);
        if (leftOk && rightOk)
            return a < b ? -1 : (a > b ? 1 : 0);
    }
    return left.compare(right, Qt::CaseInsensitive);
}

} // namespace

QueryEvaluator::QueryEvaluator(const Store &store, int tableId, const EncodedQuery &query, const QueryContext &context)
    : m_store(store)
    , m_tableId(tableId)
    , m_context(context)
{
    m_ignored = query.ignoredParts;

    for (const QueryBranch &branch : query.branches) {
        CompiledBranch compiledBranch;
        for (const QueryTerm &term : branch.terms) {
            CompiledTerm compiledTerm;
            for (const QueryCondition &condition : term.alternatives) {
                Compiled compiled;
                if (compile(condition, &compiled))
                    compiledTerm.alternatives.push_back(std::move(compiled));
                else
                    m_ignored.append(condition.field);
            }
            // A term whose every condition was skipped is skipped as a whole.
            if (!compiledTerm.alternatives.empty())
                compiledBranch.terms.push_back(std::move(compiledTerm));
        }
        m_branches.push_back(std::move(compiledBranch));
    }

    for (const QueryOrder &order : query.order) {
        FieldAccessor accessor;
        if (FieldAccessor::resolve(store, tableId, order.field, &accessor))
            m_order.emplace_back(accessor, order.descending);
        else
            m_ignored.append(u"ORDERBY"_s + order.field);
    }
}

QueryEvaluator::~QueryEvaluator() = default;

bool QueryEvaluator::compile(const QueryCondition &condition, Compiled *compiled)
{
    compiled->op = condition.op;

    if (condition.op == QueryOperator::TextSearch) {
        for (const ColumnDefinition &column : m_store.definition(m_tableId).columns) {
            if ((column.internalType == u"string" && !column.hasChoices) || column.internalType == u"email")
                compiled->textColumns.emplace_back(&m_store, column.name);
        }
        compiled->words = condition.value.toLower().split(u' ', Qt::SkipEmptyParts);
        return !compiled->words.isEmpty();
    }

    if (!FieldAccessor::resolve(m_store, m_tableId, condition.field, &compiled->field))
        return false;
    compiled->kind = kindOf(compiled->field.column());

    const bool dateKind = compiled->kind == ValueKind::DateTime || compiled->kind == ValueKind::Date;
    const auto resolveValue = [&](const QString &raw) {
        if (!dateKind || raw.isEmpty())
            return raw;
        const QString resolved = resolveDateValue(raw, m_context);
        if (resolved.isEmpty())
            return raw;
        return compiled->kind == ValueKind::Date ? resolved.left(10) : resolved;
    };

    switch (condition.op) {
    case QueryOperator::In:
    case QueryOperator::NotIn:
        compiled->list = condition.value.split(u',');
        for (QString &item : compiled->list)
            item = resolveValue(item.trimmed());
        return true;

    case QueryOperator::Between: {
        const QStringList bounds = condition.value.split(u'@');
        if (bounds.size() != 2)
            return false;
        compiled->low = resolveValue(bounds.at(0));
        compiled->high = resolveValue(bounds.at(1));
        return true;
    }

    case QueryOperator::On:
    case QueryOperator::NotOn: {
        // "Today@javascript:gs.daysAgoStart(0)@javascript:gs.daysAgoEnd(0)"
        const QStringList parts = condition.value.split(u'@');
        if (parts.size() != 3)
            return false;
        compiled->low = resolveValue(parts.at(1));
        compiled->high = resolveValue(parts.at(2));
        return !compiled->low.isEmpty() && !compiled->high.isEmpty();
    }

    case QueryOperator::SameAs:
    case QueryOperator::NotSameAs:
    case QueryOperator::GreaterThanField:
    case QueryOperator::LessThanField:
    case QueryOperator::GreaterOrEqualField:
    case QueryOperator::LessOrEqualField:
        return FieldAccessor::resolve(m_store, m_tableId, condition.value.section(u'@', 0, 0), &compiled->other);

    case QueryOperator::Dynamic:
        if (condition.value != kDynamicMe)
            return false;
        compiled->value = m_context.userSysId;
        return true;

    case QueryOperator::RelativeGreater:
    case QueryOperator::RelativeGreaterOrEqual:
    case QueryOperator::RelativeLess:
    case QueryOperator::RelativeLessOrEqual:
    case QueryOperator::RelativeEquals: {
        // "@hour@ago@3": unit, direction, amount.
        const QStringList parts = condition.value.split(u'@', Qt::SkipEmptyParts);
        if (parts.size() != 3 || !dateKind)
            return false;
        static const QHash<QString, qint64> unitSeconds = {
            {u"second"_s, 1}, {u"minute"_s, 60}, {u"hour"_s, 3600}, {u"day"_s, 86400},
            {u"week"_s, 7 * 86400}, {u"month"_s, 30 * 86400}, {u"quarter"_s, 91 * 86400}, {u"year"_s, 365 * 86400},
        };
        if (!unitSeconds.contains(parts.at(0)))
            return false;
        const qint64 offset = unitSeconds.value(parts.at(0)) * parts.at(2).toLongLong();
        const qint64 threshold = parts.at(1) == u"ahead" ? m_context.nowSeconds + offset : m_context.nowSeconds - offset;
        compiled->value = seed::formatDateTime(threshold);
        compiled->low = compiled->value.left(parts.at(0) == u"day" ? 10 : (parts.at(0) == u"hour" ? 13 : 16));
        return true;
    }

    default:
        compiled->value = resolveValue(condition.value);
        return true;
    }
}

bool QueryEvaluator::matchesCondition(const Compiled &condition, RowRef row) const
{
    if (condition.op == QueryOperator::TextSearch) {
        QString text;
        for (const ColumnReader &reader : condition.textColumns) {
            text += reader(row);
            text += u'\n';
        }
        return std::all_of(condition.words.cbegin(), condition.words.cend(),
                           [&text](const QString &word) { return text.contains(word, Qt::CaseInsensitive); });
    }

    const FieldAccessor &field = condition.field;
    const ValueKind kind = condition.kind;
    const QString value = field.value(row);

    const auto equals = [&](const QString &expected) {
        switch (kind) {
        case ValueKind::Number: {
            bool leftOk = false;
            bool rightOk = false;
            const double a = value.toDouble(&leftOk);
            const double b = expected.toDouble(&rightOk);
            if (leftOk && rightOk)
                return a == b;
            return value == expected;
        }
        case ValueKind::Boolean:
            return normalizedBoolean(value) == normalizedBoolean(expected);
        case ValueKind::Date:
            return value.left(10) == expected.left(10);
        case ValueKind::DateTime:
            return value == expected;
        case ValueKind::Reference:
            if (expected.isEmpty() || looksLikeSysId(expected))
                return value.compare(expected, Qt::CaseInsensitive) == 0;
            return displayOf(m_store, field, row, value).compare(expected, Qt::CaseInsensitive) == 0;
        case ValueKind::Text:
            break;
        }
        return value.compare(expected, Qt::CaseInsensitive) == 0;
    };

    const auto ordered = [&](const QString &expected, auto predicate) {
        if (value.isEmpty())
            return false;
        return predicate(compareOrdered(kind, comparable(m_store, field, kind, row, value), expected));
    };

    const auto text = [&] { return kind == ValueKind::Reference ? displayOf(m_store, field, row, value) : value; };

    switch (condition.op) {
    case QueryOperator::Equals:
        return equals(condition.value);
    case QueryOperator::NotEquals:
        return !equals(condition.value);
    case QueryOperator::Less:
        return ordered(condition.value, [](int c) { return c < 0; });
    case QueryOperator::LessOrEqual:
        return ordered(condition.value, [](int c) { return c <= 0; });
    case QueryOperator::Greater:
        return ordered(condition.value, [](int c) { return c > 0; });
    case QueryOperator::GreaterOrEqual:
        return ordered(condition.value, [](int c) { return c >= 0; });
    case QueryOperator::StartsWith:
        return text().startsWith(condition.value, Qt::CaseInsensitive);
    case QueryOperator::EndsWith:
        return text().endsWith(condition.value, Qt::CaseInsensitive);
    case QueryOperator::Like:
        return text().contains(condition.value, Qt::CaseInsensitive);
    case QueryOperator::NotLike:
        return !text().contains(condition.value, Qt::CaseInsensitive);
    case QueryOperator::IsEmpty:
    case QueryOperator::EmptyString:
        return value.isEmpty();
    case QueryOperator::IsNotEmpty:
        return !value.isEmpty();
    case QueryOperator::Anything:
        return true;
    case QueryOperator::In:
        return std::any_of(condition.list.cbegin(), condition.list.cend(), equals);
    case QueryOperator::NotIn:
        return std::none_of(condition.list.cbegin(), condition.list.cend(), equals);
    case QueryOperator::Between:
        return ordered(condition.low, [](int c) { return c >= 0; }) && ordered(condition.high, [](int c) { return c <= 0; });
    case QueryOperator::On:
        return ordered(condition.low, [](int c) { return c >= 0; }) && ordered(condition.high, [](int c) { return c <= 0; });
    case QueryOperator::NotOn:
        return !(ordered(condition.low, [](int c) { return c >= 0; }) && ordered(condition.high, [](int c) { return c <= 0; }));
    case QueryOperator::SameAs:
        return value.compare(condition.other.value(row), Qt::CaseInsensitive) == 0;
    case QueryOperator::NotSameAs:
        return value.compare(condition.other.value(row), Qt::CaseInsensitive) != 0;
    case QueryOperator::GreaterThanField:
        return ordered(condition.other.value(row), [](int c) { return c > 0; });
    case QueryOperator::LessThanField:
        return ordered(condition.other.value(row), [](int c) { return c < 0; });
    case QueryOperator::GreaterOrEqualField:
        return ordered(condition.other.value(row), [](int c) { return c >= 0; });
    case QueryOperator::LessOrEqualField:
        return ordered(condition.other.value(row), [](int c) { return c <= 0; });
    case QueryOperator::Dynamic:
        return value == condition.value;
    case QueryOperator::RelativeGreater:
        return ordered(condition.value, [](int c) { return c > 0; });
    case QueryOperator::RelativeGreaterOrEqual:
        return ordered(condition.value, [](int c) { return c >= 0; });
    case QueryOperator::RelativeLess:
        return ordered(condition.value, [](int c) { return c < 0; });
    case QueryOperator::RelativeLessOrEqual:
        return ordered(condition.value, [](int c) { return c <= 0; });
    case QueryOperator::RelativeEquals:
        return !value.isEmpty() && value.startsWith(condition.low);
    case QueryOperator::TextSearch:
        break;
    }
    return false;
}

bool QueryEvaluator::matches(RowRef row) const
{
    if (m_branches.empty())
        return true;

    for (const CompiledBranch &branch : m_branches) {
        const bool branchMatches = std::all_of(branch.terms.cbegin(), branch.terms.cend(), [&](const CompiledTerm &term) {
            return std::any_of(term.alternatives.cbegin(), term.alternatives.cend(),
                               [&](const Compiled &condition) { return matchesCondition(condition, row); });
        });
        if (branchMatches)
            return true;
    }
    return false;
}

std::vector<RowRef> QueryEvaluator::run() const
{
    std::vector<RowRef> rows = m_store.rows(m_tableId);
    const bool filters = std::any_of(m_branches.cbegin(), m_branches.cend(),
                                     [](const CompiledBranch &branch) { return !branch.terms.empty(); });
    if (filters) {
        const auto end = std::remove_if(rows.begin(), rows.end(), [this](RowRef row) { return !matches(row); });
        rows.erase(end, rows.end());
    }
    if (!m_order.empty())
        sort(rows);
    return rows;
}

void QueryEvaluator::sort(std::vector<RowRef> &rows) const
{
    // Sort keys are computed once per row; numbers compare as numbers, everything
    // else as lower-case text, which puts empty values first.
    struct Keys {
        bool numeric = false;
        bool descending = false;
        std::vector<double> numbers;
        std::vector<QString> texts;
    };

    std::vector<Keys> keys;
    for (const auto &[field, descending] : m_order) {
        Keys key;
        key.descending = descending;
        const ValueKind kind = kindOf(field.column());
        key.numeric = kind == ValueKind::Number;
        if (key.numeric)
            key.numbers.reserve(rows.size());
        else
            key.texts.reserve(rows.size());

        QHash<QString, QString> displayCache;
        for (const RowRef row : rows) {
            const QString value = field.value(row);
            if (key.numeric) {
                bool ok = false;
                const double number = value.toDouble(&ok);
                key.numbers.push_back(ok ? number : -std::numeric_limits<double>::infinity());
            } else if (kind == ValueKind::Reference) {
                auto it = displayCache.find(value);
                if (it == displayCache.end())
                    it = displayCache.insert(value, displayOf(m_store, field, row, value).toLower());
                key.texts.push_back(it.value());
            } else {
                key.texts.push_back(value.toLower());
            }
        }
        keys.push_back(std::move(key));
    }

    std::vector<quint32> order(rows.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = quint32(i);

    std::stable_sort(order.begin(), order.end(), [&keys](quint32 a, quint32 b) {
        for (const Keys &key : keys) {
            int comparison = 0;
            if (key.numeric)
                comparison = key.numbers[a] < key.numbers[b] ? -1 : (key.numbers[a] > key.numbers[b] ? 1 : 0);
            else
                comparison = key.texts[a].compare(key.texts[b]);
            if (comparison != 0)
                return key.descending ? comparison > 0 : comparison < 0;
        }
        return false;
    });

    std::vector<RowRef> sorted;
    sorted.reserve(rows.size());
    for (const quint32 index : order)
        sorted.push_back(rows[index]);
    rows.swap(sorted);
}

} // namespace snowemu
