#pragma once

#include "snow/jsonstreamreader.h"
#include "snow/response.h"

#include "transport_p.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QPointer>
#include <QtCore/QSaveFile>
#include <QtCore/QUrlQuery>

#include <functional>

class QNetworkReply;

namespace snow {

class Transport;

// The machinery behind Response: reads each reply in bounded slices through the JSON
// reader, steps through pages, runs the lookup phase of update() and remove(), and
// funnels every outcome into finish(), the one completion path.
class ResponsePrivate : public ExchangeHandler
{
public:
    enum class BodyMode { Records, Raw, File };

    struct Paging
    {
        bool enabled = false;
        qint64 limit = 0;    // records in total; 0 = no limit
        qint64 pageSize = 0; // records per request
        qint64 offset = 0;   // offset of the page in flight
        qint64 requested = 0; // sysparm_limit of the page in flight
        QUrl url;            // without query
        QUrlQuery query;     // sysparm_* of the first page; offset and limit replaced per page
    };

    ResponsePrivate(Response *response, Client *client);
    ~ResponsePrivate() override;

    void send(const RequestSpec &spec);
    void sendPage();
    void failLater(const Error &error);
    void finish(const Error &error);
    void abort();

    void replyStarted(QNetworkReply *reply) override;
    void replyReadyRead(QNetworkReply *reply) override;
    void replyFinished(QNetworkReply *reply) override;
    void exchangeFailed(const Error &error) override;
    bool canRetry() const override { return pageDelivered == 0 && !fileStarted; }
    void transferProgress(qint64 done, qint64 total, bool upload) override;

    void readAvailable();
    void scheduleRead();
    void completePage();
    Error pageError(QNetworkReply *reply);
    Error readerError() const;
    void deliver(QList<Record> &&batch);
    bool continuePaging();
    void dropReply();
    Transport *transport() const;

    Response *q;
    QPointer<Client> client;

    // The request
    RequestSpec spec;
    bool rawAllowed = false;
    /// The body is one JSON object without "result" (the OAuth token endpoint).
    bool documentIsRecord = false;
    /// Called once in finish(), before finished() is emitted; returns the final error.
    std::function<Error(const Error &)> finishHook;
    /// Downloads: the target file of a successful response's body. It is replaced only
    /// when the whole body arrived and matches the size and hash the server stated.
    QString downloadPath;
    bool keepRecords = true;
    Paging paging;
    /// Set while the lookup of update() or remove() runs; called with its one record.
    std::function<void(const Record &)> afterLookup;
    QList<Record> lookupRecords;

    // The page being read
    quint64 exchangeId = 0;
    QPointer<QNetworkReply> reply;
    std::unique_ptr<JsonStreamReader> reader;
    BodyMode mode = BodyMode::Records;
    bool replyDone = false;
    bool readScheduled = false;
    qint64 pageDelivered = 0;
    QByteArray sample;
    QByteArray readBuffer;
    QUrl pageUrl;
    QUrl firstUrl;

    // The file being downloaded
    std::unique_ptr<QSaveFile> saveFile;
    std::unique_ptr<QCryptographicHash> fileHash;
    qint64 fileBytes = 0;
    qint64 expectedFileBytes = -1;
    QByteArray expectedFileHash;
    bool fileStarted = false;
    bool startDownload(QNetworkReply *reply);
    Error finishDownload();

    // The outcome
    bool finished = false;
    Error error;
    QList<Record> records;
    qint64 delivered = 0;
    qint64 bodyBytes = 0;
    int status = 0;
    qint64 total = -1;
    bool headersEmitted = false;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray rawBody;
    int pages = 0;
};

/// Lets the library create Responses and reach their internals.
class ResponseAccess
{
public:
    static Response *create(Client *client) { return new Response(client); }
    static ResponsePrivate *d(Response *response) { return response->d.get(); }
};

} // namespace snow
