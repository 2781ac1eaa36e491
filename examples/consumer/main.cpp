// list-incidents: prints the numbers of the first five incidents of an instance,
// using SnowCore as an installed library.
//
//   list-incidents http://127.0.0.1:8080 admin admin
//   SNOW_PASSWORD=secret list-incidents https://dev12345.service-now.com admin
//
// Exit codes: 0 on success, 1 when the request failed, 2 on invalid arguments.

#include <snow/snow.h>

#include <QtCore/QCoreApplication>
#include <QtCore/QUrl>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

constexpr int incidentCount = 5;
constexpr int timeoutMs = 60000;

int printUsage()
{
    std::fprintf(stderr,
                 "Usage: list-incidents BASE_URL USER [PASSWORD]\n"
                 "BASE_URL is http://127.0.0.1:PORT or https://HOST. Without PASSWORD, the\n"
                 "password is read from the SNOW_PASSWORD environment variable.\n");
    return 2;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);

    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 3 || arguments.size() > 4)
        return printUsage();

    const QUrl baseUrl(arguments.at(1), QUrl::StrictMode);
    const bool secure = baseUrl.scheme() == u"https"_s;
    const bool hasPath = !baseUrl.path().isEmpty() && baseUrl.path() != u"/"_s;
    if (!baseUrl.isValid() || baseUrl.host().isEmpty() || hasPath || (!secure && baseUrl.scheme() != u"http"_s)) {
        std::fprintf(stderr,
                     "list-incidents: invalid base URL \"%s\": expected http://HOST:PORT or https://HOST, "
                     "without a path\n",
                     qPrintable(arguments.at(1)));
        return 2;
    }

    snow::ClientOptions options;
    options.host = baseUrl.adjusted(QUrl::RemoveUserInfo).authority();
    options.useSsl = secure;
    options.user = arguments.at(2);
    options.password = arguments.size() == 4 ? arguments.at(3) : qEnvironmentVariable("SNOW_PASSWORD");

    // The Client rejects plain HTTP to any host but loopback, among other checks.
    snow::Client client(options);
    if (!client.isValid()) {
        std::fprintf(stderr, "list-incidents: %s\n", qPrintable(client.validationError().message()));
        return 2;
    }

    snow::GetOptions getOptions;
    getOptions.limit = incidentCount;
    getOptions.fields = {u"number"_s};

    // The caller owns the Response. waitForFinished() runs an event loop, which is fine
    // in a command-line program with nothing else to do.
    std::unique_ptr<snow::Response> response(client.resource(u"/table/incident"_s).get(snow::Query(), getOptions));
    if (!response->waitForFinished(timeoutMs)) {
        std::fprintf(stderr, "list-incidents: the request to %s timed out after %d seconds\n",
                     qPrintable(client.baseUrl().toString()), timeoutMs / 1000);
        return 1;
    }
    if (!response->isSuccess()) {
        std::fprintf(stderr, "list-incidents: %s\n", qPrintable(response->error().toString()));
        return 1;
    }

    for (const snow::Record &record : response->records())
        std::printf("%s\n", qPrintable(record.value(u"number")));
    return 0;
}
