#include "usertimezone.h"

#include "app/session.h"
#include "logging.h"

#include <snow/client.h>
#include <snow/querybuilder.h>
#include <snow/resource.h>
#include <snow/response.h>

using namespace Qt::StringLiterals;

UserTimeZone *UserTimeZone::forSession(Session *session)
{
    if (auto *existing = session->findChild<UserTimeZone *>(QString(), Qt::FindDirectChildrenOnly))
        return existing;
    auto *zone = new UserTimeZone(session);
    zone->start();
    return zone;
}

UserTimeZone::UserTimeZone(Session *session)
    : QObject(session)
    , m_session(session)
{
}

void UserTimeZone::start()
{
    const QString user = m_session->client()->user();
    if (user.isEmpty()) {
        // A client that signs in with OAuth or its own network manager has no user name.
        readInstanceDefault();
        return;
    }

    snow::GetOptions options;
    options.limit = 1;
    options.fields = {u"time_zone"_s};
    options.displayValue = snow::ParamsBuilder::DisplayValue::False;
    snow::Response *response = m_session->client()->resource(u"/table/sys_user"_s).get(snow::QueryBuilder().field(u"user_name"_s).equals(user), options);
    response->setParent(this);
    connect(response, &snow::Response::finished, this, [this, response] {
        response->deleteLater();
        if (response->error().isError()) {
            qCWarning(lcEditor).noquote() << "Reading the user's time zone failed:" << response->error().toString();
        } else if (const auto record = response->firstOrNone(); record && take(record->value(u"time_zone"), "sys_user")) {
            finish();
            return;
        }
        readInstanceDefault();
    });
}

void UserTimeZone::readInstanceDefault()
{
    snow::GetOptions options;
    options.limit = 1;
    options.fields = {u"value"_s};
    snow::Response *response =
        m_session->client()->resource(u"/table/sys_properties"_s).get(snow::QueryBuilder().field(u"name"_s).equals(u"glide.sys.default.tz"_s), options);
    response->setParent(this);
    connect(response, &snow::Response::finished, this, [this, response] {
        response->deleteLater();
        if (response->error().isError()) {
            qCWarning(lcEditor).noquote() << "Reading the instance's default time zone failed:" << response->error().toString();
        } else if (const auto record = response->firstOrNone()) {
            take(record->value(u"value"), "glide.sys.default.tz");
        }
        finish();
    });
}

bool UserTimeZone::take(const QString &ianaId, const char *source)
{
    if (ianaId.isEmpty())
        return false;
    const QTimeZone zone(ianaId.toUtf8());
    if (!zone.isValid()) {
        qCWarning(lcEditor).noquote() << "Unknown time zone" << ianaId << "in" << source << "; using" << m_timeZone.id();
        return false;
    }
    m_timeZone = zone;
    qCDebug(lcEditor).noquote() << "Date-times are shown in" << ianaId << "from" << source;
    return true;
}

void UserTimeZone::finish()
{
    m_ready = true;
    Q_EMIT ready();
}
