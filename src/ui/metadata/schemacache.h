#pragma once

#include "metadata/tableschema.h"

#include <snow/error.h>

#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtCore/QSet>

#include <memory>

namespace snow {
class Client;
}

/// Loads and caches table schemas of one instance: the table's ancestry from
/// `sys_db_object`, its own and inherited columns from `sys_dictionary`, and its choice
/// lists from `sys_choice`.
///
/// schema() returns a loaded schema at once, or nullptr and starts loading it;
/// schemaLoaded() or schemaFailed() follows once per load. A failed load is retried at
/// the next call. Lives in the GUI thread; the Client must outlive it.
class SchemaCache : public QObject
{
    Q_OBJECT

public:
    explicit SchemaCache(snow::Client *client, QObject *parent = nullptr);
    ~SchemaCache() override;

    std::shared_ptr<const TableSchema> schema(const QString &table);
    /// Returns the schema only if already loaded; never starts a load.
    std::shared_ptr<const TableSchema> cached(const QString &table) const;
    void load(const QString &table);
    bool isLoading(const QString &table) const;
    /// Drops every schema, for a reconnect or an explicit refresh.
    void clear();

    snow::Client *client() const { return m_client; }

Q_SIGNALS:
    void schemaLoaded(const QString &table);
    void schemaFailed(const QString &table, const snow::Error &error);

private:
    class Loader;
    friend class Loader;
    void finishLoad(const QString &table, std::shared_ptr<TableSchema> schema, const snow::Error &error);

    snow::Client *m_client;
    QHash<QString, std::shared_ptr<const TableSchema>> m_schemas;
    QHash<QString, Loader *> m_loaders;
};
