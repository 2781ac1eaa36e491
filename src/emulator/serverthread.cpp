#include "snowemu/server.h"

#include "logging.h"

#include <QMetaObject>
#include <QThread>

namespace snowemu {

class ServerThreadPrivate
{
public:
    Options options;
    QThread thread;
    QObject *context = nullptr;  // lives in `thread`, the target of the blocking calls
    Server *server = nullptr;    // created and destroyed in `thread`
};

ServerThread::ServerThread(const Options &options)
    : d(std::make_unique<ServerThreadPrivate>())
{
    d->options = options;
    d->thread.setObjectName(QStringLiteral("snow-emulator"));
}

ServerThread::~ServerThread()
{
    stop();
}

QUrl ServerThread::start(QString *errorMessage)
{
    if (d->server)
        return d->server->baseUrl();

    d->thread.start();
    d->context = new QObject;
    d->context->moveToThread(&d->thread);

    bool started = false;
    QString error;
    QMetaObject::invokeMethod(
        d->context,
        [this, &started, &error] {
            auto *server = new Server(d->options);
            started = server->start(&error);
            if (started)
                d->server = server;
            else
                delete server;
        },
        Qt::BlockingQueuedConnection);

    if (!started) {
        if (errorMessage)
            *errorMessage = error;
        stop();
        return {};
    }
    return d->server->baseUrl();
}

void ServerThread::stop()
{
    if (!d->thread.isRunning())
        return;

    QMetaObject::invokeMethod(
        d->context,
        [this] {
            delete d->server;
            d->server = nullptr;
            delete d->context;
            d->context = nullptr;
        },
        Qt::BlockingQueuedConnection);
    d->thread.quit();
    d->thread.wait();
}

quint16 ServerThread::port() const
{
    return d->server ? d->server->port() : 0;
}

QUrl ServerThread::baseUrl() const
{
    return d->server ? d->server->baseUrl() : QUrl();
}

void ServerThread::setFaults(const Faults &faults)
{
    if (d->server)
        d->server->setFaults(faults);
}

Faults ServerThread::faults() const
{
    return d->server ? d->server->faults() : Faults();
}

void ServerThread::setTokenLifetimes(int accessTokenSeconds, int refreshTokenSeconds)
{
    if (d->server)
        d->server->setTokenLifetimes(accessTokenSeconds, refreshTokenSeconds);
}

QList<RequestRecord> ServerThread::requestLog() const
{
    return d->server ? d->server->requestLog() : QList<RequestRecord>();
}

void ServerThread::clearRequestLog()
{
    if (d->server)
        d->server->clearRequestLog();
}

} // namespace snowemu
