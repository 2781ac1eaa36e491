#include "faultcontrol.h"

#include "api/errors.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace snowemu {

QJsonObject faultsToJson(const Faults &faults)
{
    return {
        {u"latencyMs"_s, faults.latencyMs},
        {u"bandwidthBytesPerSecond"_s, double(faults.bandwidthBytesPerSecond)},
        {u"rateLimitAfterRequests"_s, faults.rateLimitAfterRequests},
        {u"retryAfterSeconds"_s, faults.retryAfterSeconds},
        {u"serverErrorBurst"_s, faults.serverErrorBurst},
        {u"serverErrorStatus"_s, faults.serverErrorStatus},
        {u"truncateBodyAfterBytes"_s, double(faults.truncateBodyAfterBytes)},
        {u"resetBodyAfterBytes"_s, double(faults.resetBodyAfterBytes)},
        {u"hibernating"_s, faults.hibernating},
        {u"corruptAttachments"_s, faults.corruptAttachments},
        {u"stall"_s, faults.stall},
    };
}

HttpResponse handleFaultControl(const HttpRequest &request, const Faults &current, Faults *updated)
{
    if (request.method == "GET")
        return HttpResponse::json(200, QJsonDocument(faultsToJson(current)).toJson(QJsonDocument::Compact));
    if (request.method != "POST")
        return errorResponse(405, u"Method not Supported"_s, u"Use GET to read the faults or POST to replace them."_s);

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (!document.isObject()) {
        return errorResponse(400, u"Invalid fault settings"_s,
                             u"The body must be a JSON object with Faults fields, such as {\"latencyMs\": 200}."_s);
    }

    const QJsonObject object = document.object();
    const QJsonObject known = faultsToJson(Faults());
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!known.contains(it.key())) {
            return errorResponse(400, u"Invalid fault settings"_s,
                                 u"Unknown field %1; the fields are %2."_s.arg(it.key(), known.keys().join(u", "_s)));
        }
    }

    const Faults defaults;
    Faults faults;
    faults.latencyMs = object.value(u"latencyMs"_s).toInt(defaults.latencyMs);
    faults.bandwidthBytesPerSecond = qint64(object.value(u"bandwidthBytesPerSecond"_s).toDouble(double(defaults.bandwidthBytesPerSecond)));
    faults.rateLimitAfterRequests = object.value(u"rateLimitAfterRequests"_s).toInt(defaults.rateLimitAfterRequests);
    faults.retryAfterSeconds = object.value(u"retryAfterSeconds"_s).toInt(defaults.retryAfterSeconds);
    faults.serverErrorBurst = object.value(u"serverErrorBurst"_s).toInt(defaults.serverErrorBurst);
    faults.serverErrorStatus = object.value(u"serverErrorStatus"_s).toInt(defaults.serverErrorStatus);
    faults.truncateBodyAfterBytes = qint64(object.value(u"truncateBodyAfterBytes"_s).toDouble(double(defaults.truncateBodyAfterBytes)));
    faults.resetBodyAfterBytes = qint64(object.value(u"resetBodyAfterBytes"_s).toDouble(double(defaults.resetBodyAfterBytes)));
    faults.hibernating = object.value(u"hibernating"_s).toBool(defaults.hibernating);
    faults.corruptAttachments = object.value(u"corruptAttachments"_s).toBool(defaults.corruptAttachments);
    faults.stall = object.value(u"stall"_s).toBool(defaults.stall);

    *updated = faults;
    return HttpResponse::json(200, QJsonDocument(faultsToJson(faults)).toJson(QJsonDocument::Compact));
}

} // namespace snowemu
