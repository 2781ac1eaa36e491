#include "credentialstore.h"

#include "logging.h"

#include <qt6keychain/keychain.h>

#include <QtCore/QTimer>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

CredentialResult::Status statusOf(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoError:
        return CredentialResult::Ok;
    case QKeychain::EntryNotFound:
        return CredentialResult::NotFound;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return CredentialResult::Denied;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    // QtKeychain 0.13 reports a missing D-Bus session or Secret Service collection as
    // OtherError ("Could not connect: …"); for the user both mean no usable keychain.
    case QKeychain::OtherError:
        return CredentialResult::Unavailable;
    case QKeychain::CouldNotDeleteEntry:
        return CredentialResult::Failed;
    }
    return CredentialResult::Failed;
}

} // namespace

CredentialStore::CredentialStore(QObject *parent)
    : CredentialStore(defaultServiceName(), parent)
{
}

CredentialStore::CredentialStore(const QString &serviceName, QObject *parent)
    : QObject(parent)
    , m_serviceName(serviceName)
{
}

CredentialStore::~CredentialStore() = default;

QString CredentialStore::defaultServiceName()
{
    return u"Snowscope"_s;
}

QString CredentialStore::keyOf(const QString &profileId, SecretKind kind)
{
    return u"profile/"_s + profileId + u'/' + secretKindKey(kind);
}

void CredentialStore::read(const QString &profileId, SecretKind kind, QObject *context, Callback callback)
{
    enqueue({Operation::Read, keyOf(profileId, kind), QString(), context, context != nullptr, std::move(callback)});
}

void CredentialStore::write(const QString &profileId, SecretKind kind, const QString &secret, QObject *context,
                            Callback callback)
{
    enqueue({Operation::Write, keyOf(profileId, kind), secret, context, context != nullptr, std::move(callback)});
}

void CredentialStore::remove(const QString &profileId, SecretKind kind, QObject *context, Callback callback)
{
    enqueue({Operation::Remove, keyOf(profileId, kind), QString(), context, context != nullptr, std::move(callback)});
}

void CredentialStore::removeAll(const QString &profileId, QObject *context, Callback callback)
{
    struct Progress
    {
        int remaining = 4;
        CredentialResult firstFailure;
    };
    auto progress = std::make_shared<Progress>();

    for (SecretKind kind : {SecretKind::Password, SecretKind::AccessToken, SecretKind::RefreshToken, SecretKind::ClientSecret}) {
        remove(profileId, kind, nullptr, [progress, context = QPointer<QObject>(context), hasContext = context != nullptr,
                                          callback](const CredentialResult &result) {
            if (!result.isOk() && progress->firstFailure.isOk())
                progress->firstFailure = result;
            if (--progress->remaining > 0)
                return;
            if (callback && (!hasContext || context))
                callback(progress->firstFailure);
        });
    }
}

void CredentialStore::setMemoryOnly(bool memoryOnly)
{
    if (m_memoryOnly == memoryOnly)
        return;
    m_memoryOnly = memoryOnly;
    if (memoryOnly)
        qCWarning(lcProfiles) << "No keychain is used from now on; secrets are kept in memory until Snowscope quits";
    Q_EMIT memoryOnlyChanged(memoryOnly);
}

int CredentialStore::pendingCount() const
{
    int count = 0;
    for (const QList<Request> &queue : m_queues)
        count += queue.size();
    return count;
}

const char *CredentialStore::operationName(Operation operation)
{
    switch (operation) {
    case Operation::Read:
        return "read";
    case Operation::Write:
        return "write";
    case Operation::Remove:
        return "removal";
    }
    return "";
}

void CredentialStore::enqueue(Request request)
{
    QList<Request> &queue = m_queues[request.key];
    queue.append(std::move(request));
    if (queue.size() == 1)
        startNext(queue.constFirst().key);
}

void CredentialStore::startNext(const QString &key)
{
    const Request &request = m_queues[key].constFirst();

    if (m_memoryOnly) {
        // Finish from the event loop, as a keychain job would, so that callers see one
        // behaviour whichever store handles the request.
        QTimer::singleShot(0, this, [this, key] {
            auto found = m_queues.find(key);
            if (found == m_queues.end() || found->isEmpty())
                return;
            const Request current = found->takeFirst();
            // Queue the next request before the callback, which may add to the queues.
            if (found->isEmpty())
                m_queues.erase(found);
            else
                startNext(key);
            runInMemory(current);
        });
        return;
    }

    QKeychain::Job *job = nullptr;
    switch (request.operation) {
    case Operation::Read:
        job = new QKeychain::ReadPasswordJob(m_serviceName, this);
        break;
    case Operation::Write: {
        auto *writeJob = new QKeychain::WritePasswordJob(m_serviceName, this);
        writeJob->setTextData(request.secret);
        job = writeJob;
        break;
    }
    case Operation::Remove:
        job = new QKeychain::DeletePasswordJob(m_serviceName, this);
        break;
    }
    job->setKey(key);
    job->setAutoDelete(true);
    // Never keep a secret in a plain file when no keychain is there.
    job->setInsecureFallback(false);
    connect(job, &QKeychain::Job::finished, this, &CredentialStore::finishJob);
    job->start();
}

void CredentialStore::runInMemory(const Request &request)
{
    CredentialResult result;
    switch (request.operation) {
    case Operation::Read:
        if (m_memory.contains(request.key))
            result.secret = m_memory.value(request.key);
        else
            result.status = CredentialResult::NotFound;
        break;
    case Operation::Write:
        m_memory.insert(request.key, request.secret);
        break;
    case Operation::Remove:
        m_memory.remove(request.key);
        break;
    }
    deliver(request, result);
}

void CredentialStore::finishJob(QKeychain::Job *job)
{
    const QString key = job->key();
    auto found = m_queues.find(key);
    if (found == m_queues.end() || found->isEmpty())
        return;

    const Request request = found->takeFirst();
    CredentialResult result;
    result.status = statusOf(job->error());
    if (result.status != CredentialResult::Ok)
        result.errorText = job->errorString();

    switch (request.operation) {
    case Operation::Read:
        if (result.status == CredentialResult::Ok)
            result.secret = static_cast<QKeychain::ReadPasswordJob *>(job)->textData();
        break;
    case Operation::Write:
        // A write cannot miss its entry; a NotFound here is a backend failure.
        if (result.status == CredentialResult::NotFound)
            result.status = CredentialResult::Failed;
        break;
    case Operation::Remove:
        if (result.status == CredentialResult::NotFound) {
            result.status = CredentialResult::Ok;
            result.errorText.clear();
        }
        break;
    }

    if (result.status == CredentialResult::NotFound) {
        qCDebug(lcProfiles).noquote() << "No keychain entry" << key;
    } else if (!result.isOk()) {
        qCWarning(lcProfiles).noquote() << "Keychain" << operationName(request.operation) << "of" << key
                                        << "failed:" << result.errorText;
    } else {
        qCDebug(lcProfiles).noquote() << "Keychain" << operationName(request.operation) << "of" << key << "done";
    }

    // Start the next request on this key before the callback, which may queue more.
    if (found->isEmpty())
        m_queues.erase(found);
    else
        startNext(key);

    deliver(request, result);
}

void CredentialStore::deliver(const Request &request, const CredentialResult &result)
{
    if (!request.callback)
        return;
    if (request.hasContext && !request.context)
        return;
    request.callback(result);
}
