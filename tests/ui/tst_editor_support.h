#pragma once

// Helpers shared by the record editor tests: an emulator per test case, clients,
// the write requests the emulator received, and responses to modal message boxes.

#include "editor/fieldeditor.h"
#include "editor/recordform.h"
#include "uitestsupport.h"

#include <snow/client.h>
#include <snow/querybuilder.h>
#include <snow/resource.h>
#include <snow/response.h>
#include <snowemu/server.h>

#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QTimer>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QAbstractButton>
#include <QtWidgets/QApplication>
#include <QtWidgets/QMessageBox>

#include <memory>

namespace editortest {

using namespace Qt::StringLiterals;

inline std::unique_ptr<snowemu::Server> startEmulator(int incidents = 30)
{
    snowemu::Options options;
    options.incidents = incidents;
    auto server = std::make_unique<snowemu::Server>(options);
    if (!server->start())
        return nullptr;
    return server;
}

/// The emulator's built-in accounts have their name as password.
inline snow::ClientOptions clientOptions(const snowemu::Server &server, const QString &user = u"admin"_s)
{
    return uitest::clientOptions(server, user, user);
}

/// A client that never retries, so failure tests see the first response.
inline std::unique_ptr<snow::Client> makeClient(const snowemu::Server &server, const QString &user = u"admin"_s)
{
    auto client = std::make_unique<snow::Client>(clientOptions(server, user));
    client->setRetryPolicy(snow::RetryPolicy::none());
    return client;
}

/// Returns the sys_ids of the first @p count records of @p table matching @p query.
inline QStringList sysIds(snow::Client *client, const QString &table, int count, const QString &query = u"ORDERBYnumber"_s)
{
    snow::GetOptions options;
    options.limit = count;
    options.fields = {u"sys_id"_s};
    std::unique_ptr<snow::Response> response(client->resource(u"/table/"_s + table).get(query, options));
    if (!response->waitForFinished(10000) || response->error().isError())
        return {};
    QStringList ids;
    for (const snow::Record &record : response->records())
        ids.append(record.sysId());
    return ids;
}

/// Returns record @p sysId of @p table as stored (raw values).
inline snow::Record readRecord(snow::Client *client, const QString &table, const QString &sysId)
{
    std::unique_ptr<snow::Response> response(client->resource(u"/table/"_s + table).getRecord(sysId));
    if (!response->waitForFinished(10000))
        return {};
    return response->firstOrNone().value_or(snow::Record());
}

/// PATCHes @p payload into a record as another user would, outside the form.
inline bool patchRecord(snow::Client *client, const QString &table, const QString &sysId, const QJsonObject &payload)
{
    std::unique_ptr<snow::Response> response(client->resource(u"/table/"_s + table).updateRecord(sysId, payload));
    return response->waitForFinished(10000) && response->isSuccess();
}

/// The requests with @p method to the Table API that the emulator received.
inline QList<snowemu::RequestRecord> requests(const snowemu::Server &server, const QByteArray &method)
{
    QList<snowemu::RequestRecord> found;
    for (const snowemu::RequestRecord &request : server.requestLog()) {
        if (request.method == method && request.path.startsWith(u"/api/now/table/"))
            found.append(request);
    }
    return found;
}

inline QJsonObject bodyOf(const snowemu::RequestRecord &request)
{
    return QJsonDocument::fromJson(request.body).object();
}

inline bool waitForLoaded(RecordForm *form, int timeoutMs = 15000)
{
    if (form->state() == RecordForm::State::Ready)
        return true;
    QSignalSpy loaded(form, &RecordForm::loaded);
    return loaded.wait(timeoutMs) || form->state() == RecordForm::State::Ready;
}

/// Waits until @p form leaves the checking and saving states.
inline bool waitUntilIdle(RecordForm *form, int timeoutMs = 15000)
{
    return QTest::qWaitFor([form] { return !form->isBusy(); }, timeoutMs);
}

/// Clicks @p button in the next message box that opens, at most @p timeoutMs from now.
/// Sets @p seenText to the box's text when given.
inline void answerNextMessageBox(QMessageBox::StandardButton button, QString *seenText = nullptr, int timeoutMs = 10000)
{
    auto *timer = new QTimer;
    auto started = std::make_shared<qint64>(0);
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, button, seenText, started, timeoutMs] {
        *started += timer->interval();
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box) {
            if (*started > timeoutMs)
                timer->deleteLater();
            return;
        }
        if (seenText)
            *seenText = box->text() + u'\n' + box->informativeText();
        timer->stop();
        timer->deleteLater();
        if (QAbstractButton *target = box->button(button))
            target->click();
    });
    timer->start();
}

} // namespace editortest
