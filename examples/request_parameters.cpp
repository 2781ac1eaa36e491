// Chapter 15: request parameters.
//
// Parameters set on the Client are the defaults of every Resource made afterwards, and
// a Resource may override any of them for itself (15.1 and 15.2).
//
//   request_parameters --url http://127.0.0.1:8080

#include "common/examplecommandline.h"

#include <snow/client.h>
#include <snow/resource.h>
#include <snow/response.h>

#include <QtCore/QCoreApplication>
#include <QtCore/QUrl>
#include <QtCore/QUrlQuery>
#include <QtCore/QVariantMap>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

// Returns the URL of a table read from @p resource, with the parameters it would send.
QString describeListRequest(const snow::Resource &resource)
{
    QUrl url = resource.url();
    url.setQuery(resource.parameters().toUrlQuery(snow::ParamsBuilder::RequestKind::List).valueOr(QUrlQuery()));
    return url.toString();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    examples::CommandLine commandLine(
        u"Sets default request parameters on the client, overrides one on a resource, and fetches two incidents."_s);
    if (!commandLine.parse(application))
        return examples::ExitInvalidArguments;

    snow::Client client(commandLine.clientOptions());
    if (!client.isValid())
        return examples::reportInvalidArguments(client.validationError().message());

    // 15.1: defaults for every Resource made from now on.
    client.parameters().setDisplayValue(snow::ParamsBuilder::DisplayValue::False);
    client.parameters().setExcludeReferenceLink(true);

    // NOTE: the Table API reads a parameter without the sysparm_ prefix, such as foo,
    // as a filter on the field of that name. The emulator skips the filter because the
    // incident table has no field foo. A real instance probably does the same, but it
    // returns no rows where glide.invalid_query.returns_no_rows is true.
    client.parameters().addCustom(QVariantMap{{u"foo"_s, u"bar"_s}});

    // 15.2: a Resource gets a copy of the defaults and changes its own copy only.
    snow::Resource customApi = client.resource(u"/custom/api"_s);
    customApi.parameters().addCustom(QVariantMap{{u"foo"_s, u"baz"_s}});

    snow::Resource incidents = client.resource(u"/table/incident"_s);
    incidents.parameters().setDisplayValue(snow::ParamsBuilder::DisplayValue::All);
    incidents.parameters().setLimit(2);

    // The custom API exists only on instances that define it, so it is not called here.
    examples::printLine(u"The custom API would be read as %1"_s.arg(describeListRequest(customApi)));

    std::unique_ptr<snow::Response> response(incidents.get());
    response->waitForFinished();
    if (!response->isSuccess())
        return examples::reportError(response->error());

    examples::printLine(u"Incidents were read as %1"_s.arg(response->url().toString()));
    for (const snow::Record &record : response->records())
        examples::printLine(u"%1  state %2 (%3)"_s.arg(record.value(u"number"), record.value(u"state"),
                                                       record.displayValue(u"state")));
    return 0;
}
