#include "demoinstance.h"

#include "logging.h"

#include <snowemu/server.h>

#include <QtCore/QDir>
#include <QtCore/QStandardPaths>

using namespace Qt::StringLiterals;

DemoInstance::DemoInstance() = default;
DemoInstance::~DemoInstance() = default;

QString DemoInstance::user()
{
    return u"admin"_s;
}

QString DemoInstance::password()
{
    return u"admin"_s;
}

bool DemoInstance::start(int incidents, QString *errorMessage)
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (folder.isEmpty() || !QDir().mkpath(folder)) {
        if (errorMessage)
            *errorMessage = u"Cannot create the data folder \"%1\" for the demo instance"_s.arg(folder);
        return false;
    }
    m_databasePath = folder + u"/demo-instance.sqlite"_s;

    snowemu::Options options;
    options.port = 0;
    options.incidents = incidents;
    options.databasePath = m_databasePath;
    // The demo serves Snowscope's own process, so its record cache counts against
    // Snowscope's memory. Pages of 200 rows are served fast enough without a big one.
    options.recordCacheMegabytes = 32;

    m_server = std::make_unique<snowemu::ServerThread>(options);
    m_baseUrl = m_server->start(errorMessage);
    if (m_baseUrl.isEmpty()) {
        m_server.reset();
        return false;
    }
    qCInfo(lcApp).noquote() << "Demo instance listening on" << m_baseUrl.toString() << "with data in" << m_databasePath;
    return true;
}
