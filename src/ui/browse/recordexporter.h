#pragma once

#include "models/recordtablemodel.h"

#include <snow/error.h>
#include <snow/response.h>
#include <snow/resource.h>

#include <QtCore/QObject>
#include <QtCore/QPointer>

#include <memory>

class QSaveFile;

/// Writes every record of a query to a CSV or JSON file as the records arrive.
///
/// The records are fetched with snow::GetOptions::keepRecords off, so memory stays
/// flat whatever the result size. They are written to a temporary file beside the
/// target (QSaveFile), which replaces the target only when every record has been
/// written: a cancelled or failed export leaves no partial file under the target's
/// name, and an existing file there stays as it was.
///
/// CSV: a header line of field names, then one line per record, with CRLF line ends.
/// Values are display values, or raw values with rawValues. A field containing a comma,
/// a double quote or a line break is quoted, with inner quotes doubled. JSON: an array of records, one per line, each as snow::Record::toJson()
/// writes it; with display values each field is a {"display_value", "value"} object.
///
/// Signals: progress() while records arrive, then finished() exactly once. Lives in
/// the GUI thread; the Resource's Client must outlive the export.
class RecordExporter : public QObject
{
    Q_OBJECT

public:
    enum class Format { Csv, Json };
    Q_ENUM(Format)

    struct Request
    {
        snow::Resource resource;   ///< the table, such as client->resource("/table/incident")
        QString encodedQuery;      ///< with its ordering, so the file keeps the table's order
        QList<RecordColumn> columns;
        Format format = Format::Csv;
        bool rawValues = false;
        QString path;              ///< the file to write
        qint64 pageSize = 2000;    ///< records per request
    };

    explicit RecordExporter(QObject *parent = nullptr);
    ~RecordExporter() override;

    /// Starts the export. Returns false when an export is already running (nothing is
    /// emitted then) or when the file cannot be created (finished() follows with a
    /// FileError).
    bool start(const Request &request);
    /// Stops the export: the request is aborted, the temporary file removed, and
    /// finished() follows with an Aborted error.
    void cancel();

    bool isRunning() const { return m_response != nullptr; }
    qint64 writtenCount() const { return m_written; }
    QString path() const { return m_request.path; }

    /// Returns @p value quoted for CSV when it contains a comma, a quote or a line break.
    static QString csvField(const QString &value);

Q_SIGNALS:
    /// @p written records are in the file; @p total is the count the instance reported,
    /// or -1.
    void progress(qint64 written, qint64 total);
    /// No error when the file is complete under its name; otherwise the reason
    /// (Aborted after cancel(), FileError when writing failed, or the request's error).
    void finished(const snow::Error &error);

private:
    void writeRecords(const QList<snow::Record> &records);
    snow::Error write(const QByteArray &bytes);
    void finish(const snow::Error &error);

    Request m_request;
    std::unique_ptr<QSaveFile> m_file;
    QPointer<snow::Response> m_response;
    qint64 m_written = 0;
    qint64 m_total = -1;
};
