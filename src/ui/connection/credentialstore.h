#pragma once

#include "connection/connectionprofile.h"

#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtCore/QPointer>

#include <functional>

namespace QKeychain {
class Job;
}

/// The outcome of one CredentialStore operation.
struct CredentialResult
{
    enum Status {
        Ok,           ///< done; secret holds the value for a read
        NotFound,     ///< a read found no entry
        Unavailable,  ///< no keychain backend answered (no Secret Service, no D-Bus session, ...)
        Denied,       ///< the keychain refused access, such as a locked keychain or a refused prompt
        Failed,       ///< any other keychain error
    };

    Status status = Ok;
    QString secret;
    /// The keychain's own error text; empty on success.
    QString errorText;

    bool isOk() const { return status == Ok; }
};

/// The secrets of every profile in the operating system's keychain, through QtKeychain:
/// Secret Service (GNOME Keyring, KWallet) on Linux, Keychain on macOS, Credential
/// Manager on Windows.
///
/// Each secret is its own small entry under the service name "Snowscope" with the key
/// "profile/<profile id>/<kind>", such as "profile/8d1c…/password", because Windows
/// caps one entry at 2,560 bytes and a token bundle would not fit. Nothing is ever
/// written to a plain file: the insecure fallback of QtKeychain is off.
///
/// Operations are asynchronous. The callback runs once in the GUI thread when the
/// operation ends, unless @p context was destroyed before. Operations on one key run
/// one at a time in the order they were requested, so a read after a write returns
/// the written value.
///
/// When no keychain is available (status Unavailable or Denied), the caller may
/// switch to memory-only mode after asking the user: secrets are then kept in this
/// object until the program ends, and the keychain is no longer used.
///
/// Lives in the GUI thread. Secrets are never logged.
class CredentialStore : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(const CredentialResult &result)>;

    /// Keeps the entries under defaultServiceName().
    explicit CredentialStore(QObject *parent = nullptr);
    /// Keeps the entries under @p serviceName, so that tests never touch the user's
    /// own entries.
    explicit CredentialStore(const QString &serviceName, QObject *parent = nullptr);
    ~CredentialStore() override;

    /// Returns "Snowscope", the keychain service of Snowscope's entries.
    static QString defaultServiceName();
    QString serviceName() const { return m_serviceName; }
    /// Returns the keychain key of one secret, such as "profile/<id>/refresh-token".
    static QString keyOf(const QString &profileId, SecretKind kind);

    void read(const QString &profileId, SecretKind kind, QObject *context, Callback callback);
    void write(const QString &profileId, SecretKind kind, const QString &secret, QObject *context, Callback callback);
    /// Removes one secret. Removing a secret that does not exist succeeds.
    void remove(const QString &profileId, SecretKind kind, QObject *context, Callback callback);
    /// Removes every secret of @p profileId; the callback gets the first failure, or Ok.
    void removeAll(const QString &profileId, QObject *context, Callback callback);

    /// True once the user chose to keep secrets in memory because no keychain works.
    bool isMemoryOnly() const { return m_memoryOnly; }
    /// Keeps secrets in memory from now on, until the program ends. Secrets read
    /// before stay where they are; nothing is copied from or to the keychain.
    void setMemoryOnly(bool memoryOnly);

    /// Operations requested and not yet finished.
    int pendingCount() const;

Q_SIGNALS:
    /// Memory-only mode was switched on or off.
    void memoryOnlyChanged(bool memoryOnly);

private:
    enum class Operation { Read, Write, Remove };
    struct Request
    {
        Operation operation;
        QString key;
        QString secret;
        QPointer<QObject> context;
        bool hasContext = false;
        Callback callback;
    };

    static const char *operationName(Operation operation);
    void enqueue(Request request);
    void startNext(const QString &key);
    void runInMemory(const Request &request);
    void finishJob(QKeychain::Job *job);
    void deliver(const Request &request, const CredentialResult &result);

    QString m_serviceName;
    // Requests per key; the first of each list is running.
    QHash<QString, QList<Request>> m_queues;
    QHash<QString, QString> m_memory;
    bool m_memoryOnly = false;
};
