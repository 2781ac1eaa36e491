#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QUrl>

#include <memory>

/*!
    The ServiceNow instance emulator: an HTTP server on 127.0.0.1 that answers the
    Table, Attachment, Aggregate and OAuth APIs with seeded, deterministic data.

    It shares no code with SnowCore on purpose, so that the client library is tested
    against an independent implementation of the wire format.
*/
namespace snowemu {

/*!
    Faults the server injects into its responses. All are off by default. They apply
    to every API request except the control endpoint `/emulator/faults`.
*/
struct Faults {
    int latencyMs = 0;                      //!< delay before each response, in milliseconds
    qint64 bandwidthBytesPerSecond = 0;     //!< cap on body bytes sent per second; 0 = unlimited
    int rateLimitAfterRequests = -1;        //!< requests after the first N get 429; -1 = no limit
    int retryAfterSeconds = 1;              //!< Retry-After value sent with 429
    int serverErrorBurst = 0;               //!< the next N requests get serverErrorStatus
    int serverErrorStatus = 503;            //!< status used by serverErrorBurst
    qint64 truncateBodyAfterBytes = -1;     //!< send N body bytes, then close the connection cleanly
    qint64 resetBodyAfterBytes = -1;        //!< send N body bytes, then reset the TCP connection
    bool hibernating = false;               //!< every API call gets the HTML hibernation page, status 200
    bool stall = false;                     //!< accept requests but never answer them
    bool corruptAttachments = false;        //!< flip the first byte of attachment content stored or served, to test hash checks

    bool operator==(const Faults &other) const = default;
};

/*!
    Settings of one emulator run.
*/
struct Options {
    quint16 port = 0;                       //!< TCP port on 127.0.0.1; 0 picks a free port
    int incidents = 500;                    //!< seeded incident count, 0 to 1,000,000
    QString databasePath;                   //!< SQLite file for writes; empty keeps them in memory
    Faults faults;                          //!< faults active from the start
    int accessTokenLifetimeSeconds = 1800;  //!< OAuth access token lifetime
    int refreshTokenLifetimeSeconds = 8640000; //!< OAuth refresh token lifetime
    qint64 maxAttachmentBytes = 1024LL * 1024 * 1024; //!< com.glide.attachment.max_size, in bytes
    //! Memory for serialized Table API records, in MiB, so repeated reads of the same
    //! rows are served from memory. 0 disables the cache. A write to a row makes its
    //! cached records stale, and so does any write to a table that a record reads
    //! through a reference or a dot-walk.
    int recordCacheMegabytes = 256;
};

/*!
    Counters of the cache of serialized Table API records (Options::recordCacheMegabytes).
*/
struct RecordCacheStatistics {
    qint64 capacityBytes = 0;  //!< the budget in bytes; 0 when the cache is off
    qint64 usedBytes = 0;      //!< bytes held, records and bookkeeping
    qint64 records = 0;        //!< records held
    quint64 hits = 0;          //!< records served from the cache since start
    quint64 misses = 0;        //!< records serialized because they were absent or stale
};

/*!
    One request as the server received it, kept for tests.
*/
struct RequestRecord {
    QByteArray method;                               //!< "GET", "POST", ...
    QString path;                                    //!< decoded path, "/api/now/table/incident"
    QString query;                                   //!< the raw query string, without '?'
    QList<QPair<QByteArray, QByteArray>> headers;    //!< request headers as received
    QByteArray body;                                 //!< request body; the first 1 MiB only
};

class ServerPrivate;

/*!
    The emulator server.

    A Server lives in the thread that created it and serves its requests from that
    thread's event loop. It listens on 127.0.0.1 only. setFaults(), faults(),
    requestLog(), clearRequestLog() and setTokenLifetimes() may be called from any
    thread; every other member must be called from the server's own thread.

    Built-in accounts: `admin`/`admin` (every role) and `reader`/`reader` (read only).
    OAuth client: id `snowscope`, secret `snowscope`.
*/
class Server : public QObject
{
    Q_OBJECT

public:
    explicit Server(const Options &options, QObject *parent = nullptr);
    ~Server() override;

    /*!
        Seeds the data, opens the database and starts listening. Returns false and
        sets `errorMessage` when the port is taken or the database cannot be opened.
    */
    bool start(QString *errorMessage = nullptr);

    //! The port the server listens on; 0 before start().
    quint16 port() const;

    //! `http://127.0.0.1:PORT`, with no trailing slash.
    QUrl baseUrl() const;

    //! Replaces the active faults; the next request sees the new set.
    void setFaults(const Faults &faults);
    Faults faults() const;

    //! Changes the lifetime of tokens issued from now on, in seconds.
    void setTokenLifetimes(int accessTokenSeconds, int refreshTokenSeconds);

    //! Every request received since start or since clearRequestLog(), oldest first.
    QList<RequestRecord> requestLog() const;
    void clearRequestLog();

    //! The counters of the record cache; call from the server's thread.
    RecordCacheStatistics recordCacheStatistics() const;

private:
    std::unique_ptr<ServerPrivate> d;
};

class ServerThreadPrivate;

/*!
    Runs a Server in a thread of its own, for the in-process demo and benchmarks.

    start() blocks until the server listens. The destructor stops the server and
    joins the thread. The thread-safe members of Server are forwarded here.
*/
class ServerThread
{
public:
    explicit ServerThread(const Options &options);
    ~ServerThread();

    ServerThread(const ServerThread &) = delete;
    ServerThread &operator=(const ServerThread &) = delete;

    /*!
        Starts the thread and the server in it. Returns the base URL, or an empty URL
        with `errorMessage` set when the server did not start.
    */
    QUrl start(QString *errorMessage = nullptr);

    //! Stops the server and joins its thread; safe to call twice.
    void stop();

    quint16 port() const;
    QUrl baseUrl() const;

    void setFaults(const Faults &faults);
    Faults faults() const;
    void setTokenLifetimes(int accessTokenSeconds, int refreshTokenSeconds);
    QList<RequestRecord> requestLog() const;
    void clearRequestLog();

private:
    std::unique_ptr<ServerThreadPrivate> d;
};

} // namespace snowemu
