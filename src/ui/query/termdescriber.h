#pragma once

#include <snow/querybuilder.h>

#include <QtCore/QString>

#include <memory>

class Session;
struct FieldInfo;
struct TableSchema;

/// Writes query terms as the sentences breadcrumbs and condition lists show, such as
/// "Priority = 1 - Critical" or "Caller.Name starts with Abel", with labels from the
/// table's schema and names of referenced records.
///
/// It reads what the session has cached and requests what is missing. Schemas load
/// through SchemaCache and record names through ReferenceNames, and the caller
/// describes again when their signals arrive. Until then names and values are shown
/// as they appear in the query.
class TermDescriber
{
public:
    /// @p session may be null; then labels are the field names.
    TermDescriber(Session *session, const QString &table);

    QString describe(const snow::QueryBuilder::Term &term) const;
    /// Returns "Caller" for caller_id, "Caller.Name" for caller_id.name.
    QString fieldLabel(const QString &field) const;
    /// Returns the values of a condition as text, such as "1 - Critical" or "Today".
    QString valueText(const snow::QueryBuilder::Term &term) const;

    /// Returns the schema entry of @p field, following one dot-walk, or nullptr
    /// while a schema is not loaded.
    const FieldInfo *fieldInfo(const QString &field) const;

private:
    /// Returns the schema that defines @p field (the referenced table's for a
    /// dot-walk) and sets @p column to the field's name in it.
    std::shared_ptr<const TableSchema> schemaOf(const QString &field, QString *column) const;
    QString singleValueText(const snow::QueryBuilder::Term &term, const QString &value) const;
    QString operatorText(const snow::QueryBuilder::Term &term) const;

    Session *m_session;
    QString m_table;
};
