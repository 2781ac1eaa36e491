#include "identitycheck.h"

#include "logging.h"

#include <snow/client.h>
#include <snow/resource.h>
#include <snow/response.h>

using namespace Qt::StringLiterals;

QString Identity::text() const
{
    if (displayName.isEmpty())
        return userName;
    if (userName.isEmpty() || userName == displayName)
        return displayName;
    return u"%1 (%2)"_s.arg(displayName, userName);
}

IdentityCheck::IdentityCheck(snow::Client *client, const QString &userName, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_userName(userName)
{
}

IdentityCheck::~IdentityCheck() = default;

void IdentityCheck::start()
{
    m_error = snow::Error();
    m_identity = Identity();

    m_response.reset(m_client->resource(u"/ui/user/current_user"_s).request("GET"));
    connect(m_response.get(), &snow::Response::finished, this, &IdentityCheck::readCurrentUser);
}

void IdentityCheck::abort()
{
    if (m_response)
        m_response.release()->deleteLater();
}

void IdentityCheck::readCurrentUser()
{
    const snow::Error error = m_response->error();
    const bool apiMissing = error.kind() == snow::Error::HttpError
        && (error.httpStatus() == 400 || error.httpStatus() == 404);
    if (apiMissing && !m_userName.isEmpty()) {
        qCInfo(lcProfiles) << "The instance has no current_user API (HTTP" << error.httpStatus()
                           << "); reading the sys_user record instead";
        readUserRecord();
        return;
    }
    if (error.isError()) {
        finish(error);
        return;
    }

    const std::optional<snow::Record> record = m_response->firstOrNone();
    if (record) {
        m_identity.userName = record->value(u"user_name");
        m_identity.displayName = record->value(u"user_display_name");
        m_identity.sysId = record->value(u"user_sys_id");
    }
    if (m_identity.userName.isEmpty()) {
        finish(snow::Error(snow::Error::MissingResult,
                           u"The instance answered the current_user request without a user name"_s)
                   .setRequest(m_response->method(), m_response->url()));
        return;
    }
    finish(snow::Error());
}

void IdentityCheck::readUserRecord()
{
    snow::GetOptions options;
    options.limit = 1;
    options.fields = {u"user_name"_s, u"name"_s, u"sys_id"_s};
    m_response.reset(m_client->resource(u"/table/sys_user"_s).get(snow::Query(QList<std::pair<QString, QVariant>>{{u"user_name"_s, m_userName}}), options));
    connect(m_response.get(), &snow::Response::finished, this, [this] {
        const snow::Error error = m_response->error();
        if (error.isError()) {
            finish(error);
            return;
        }
        const std::optional<snow::Record> record = m_response->firstOrNone();
        if (!record) {
            // The user may lack read access to sys_user; the request itself was accepted.
            m_identity.userName = m_userName;
        } else {
            m_identity.userName = record->value(u"user_name");
            m_identity.displayName = record->value(u"name");
            m_identity.sysId = record->sysId();
        }
        finish(snow::Error());
    });
}

void IdentityCheck::finish(const snow::Error &error)
{
    m_error = error;
    if (m_response)
        m_response.release()->deleteLater();
    Q_EMIT finished();
}
