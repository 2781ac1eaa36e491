// Chapter 23: attaching a file.
//
// Attaches a file to the incident with a given number. By default it uses
// Attachments::upload(), which streams the file from disk and checks the size and
// SHA-256 hash the instance reports. With --custom-request it does what pysnow's
// manual does instead: a POST of the whole file to /attachment/file through
// Resource::request(), with the attachment described in custom parameters.
//
//   attach_file --url http://127.0.0.1:8080 --number INC0010001 --file notes.txt

#include "common/examplecommandline.h"

#include <snow/attachments.h>
#include <snow/client.h>
#include <snow/resource.h>
#include <snow/response.h>

#include <QtCore/QCoreApplication>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QVariantMap>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

// Sends the file the way pysnow's manual does. The whole file is read into memory,
// and nothing checks that the instance stored the bytes that were sent.
snow::Response *uploadWithCustomRequest(snow::Client &client, const QString &table, const QString &recordSysId,
                                        const QString &filePath, snow::Error *error)
{
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = snow::Error(snow::Error::FileError,
                             u"cannot read \"%1\": %2; check the path given to --file"_s.arg(filePath, file.errorString()));
        return nullptr;
    }

    snow::Resource attachment = client.resource(u"/attachment/file"_s);
    attachment.parameters().addCustom(QVariantMap{
        {u"table_name"_s, table},
        {u"table_sys_id"_s, recordSysId},
        {u"file_name"_s, QFileInfo(filePath).fileName()},
    });

    const QByteArray contentType = snow::Attachments::contentTypeFor(filePath).toUtf8();
    return attachment.request("POST", QString(), {{"Content-Type", contentType}}, file.readAll());
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    examples::CommandLine commandLine(u"Attaches a file to the incident with a given number."_s);
    commandLine.parser().addOptions({
        {u"number"_s, u"Number of the incident to attach the file to (required)."_s, u"NUMBER"_s},
        {u"file"_s, u"Path of the file to attach (required)."_s, u"PATH"_s},
        {u"custom-request"_s, u"Send the file with Resource::request(), as pysnow's manual does."_s},
    });
    if (!commandLine.parse(application))
        return examples::ExitInvalidArguments;

    const QString number = commandLine.value(u"number"_s);
    const QString filePath = commandLine.value(u"file"_s);
    if (number.isEmpty() || filePath.isEmpty())
        return examples::reportInvalidArguments(u"--number and --file are both required; see --help"_s);

    snow::Client client(commandLine.clientOptions());
    if (!client.isValid())
        return examples::reportInvalidArguments(client.validationError().message());

    // The upload needs the record's sys_id. It also needs the record's own table,
    // sys_class_name: an attachment of a record of an extended table belongs there.
    snow::GetOptions lookupOptions;
    lookupOptions.fields = {u"sys_id"_s, u"sys_class_name"_s};
    std::unique_ptr<snow::Response> lookup(
        client.resource(u"/table/incident"_s).get({{u"number"_s, number}}, lookupOptions));
    lookup->waitForFinished();

    const snow::Result<snow::Record> incident = lookup->one();
    if (!incident)
        return examples::reportError(incident.error());
    const QString table = incident->value(u"sys_class_name");

    std::unique_ptr<snow::Response> upload;
    if (commandLine.isSet(u"custom-request"_s)) {
        snow::Error fileError;
        upload.reset(uploadWithCustomRequest(client, table, incident->sysId(), filePath, &fileError));
        if (!upload)
            return examples::reportError(fileError);
    } else {
        upload.reset(client.attachments().upload(table, incident->sysId(), filePath));
    }
    upload->waitForFinished();

    // Either way, the Response contains the metadata record of the new attachment.
    const snow::Result<snow::Record> attachment = upload->one();
    if (!attachment)
        return examples::reportError(attachment.error());

    examples::printLine(u"Attached %1 to %2: attachment %3, %4 bytes."_s.arg(
        attachment->value(u"file_name"), number, attachment->sysId(), attachment->value(u"size_bytes")));
    return 0;
}
