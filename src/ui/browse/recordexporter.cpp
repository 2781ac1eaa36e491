#include "recordexporter.h"

#include "logging.h"

#include <snow/response.h>

#include <QtCore/QDir>
#include <QtCore/QSaveFile>
#include <QtCore/QTimer>

using namespace Qt::StringLiterals;

RecordExporter::RecordExporter(QObject *parent)
    : QObject(parent)
{
}

RecordExporter::~RecordExporter()
{
    // Destroying the QSaveFile without commit() removes the temporary file.
    if (m_response) {
        m_response->disconnect(this);
        delete m_response.data();
    }
}

QString RecordExporter::csvField(const QString &value)
{
    if (!value.contains(u',') && !value.contains(u'"') && !value.contains(u'\n') && !value.contains(u'\r'))
        return value;
    QString quoted = value;
    quoted.replace(u'"', u"\"\""_s);
    return u'"' + quoted + u'"';
}

bool RecordExporter::start(const Request &request)
{
    if (isRunning())
        return false;

    m_request = request;
    m_written = 0;
    m_total = -1;
    m_file = std::make_unique<QSaveFile>(request.path);
    if (!m_file->open(QIODevice::WriteOnly)) {
        const snow::Error error(snow::Error::FileError,
                                tr("Cannot create the file \"%1\": %2. Choose another folder or check its permissions.")
                                    .arg(QDir::toNativeSeparators(request.path), m_file->errorString()));
        m_file.reset();
        QTimer::singleShot(0, this, [this, error] { Q_EMIT finished(error); });
        return false;
    }

    QStringList fields;
    for (const RecordColumn &column : std::as_const(request.columns))
        fields.append(column.field);

    if (request.format == Format::Csv) {
        QStringList header;
        for (const QString &field : std::as_const(fields))
            header.append(csvField(field));
        m_file->write(header.join(u',').toUtf8() + "\r\n");
    } else {
        // Each JSON record names itself, even when the sys_id column is hidden.
        if (!fields.contains(u"sys_id"_s))
            fields.append(u"sys_id"_s);
        m_file->write("[");
    }

    snow::GetOptions options;
    options.limit = 0;
    options.pageSize = std::max<qint64>(1, request.pageSize);
    options.fields = fields;
    options.excludeReferenceLink = true;
    options.keepRecords = false;
    if (request.rawValues)
        options.displayValue = snow::ParamsBuilder::DisplayValue::False;
    else
        options.displayValue = request.format == Format::Csv ? snow::ParamsBuilder::DisplayValue::True
                                                             : snow::ParamsBuilder::DisplayValue::All;

    m_response = request.resource.get(request.encodedQuery, options);
    m_response->setParent(this);
    connect(m_response, &snow::Response::headersReceived, this, [this] {
        m_total = m_response->totalCount();
        Q_EMIT progress(m_written, m_total);
    });
    connect(m_response, &snow::Response::recordsReceived, this, &RecordExporter::writeRecords);
    connect(m_response, &snow::Response::finished, this, [this] { finish(m_response->error()); });

    qCInfo(lcModel).noquote() << "Exporting" << request.resource.path() << "with query" << request.encodedQuery << "to"
                              << request.path;
    return true;
}

void RecordExporter::writeRecords(const QList<snow::Record> &records)
{
    if (!m_file)
        return;

    QByteArray bytes;
    qint64 index = m_written;
    for (const snow::Record &record : records) {
        if (m_request.format == Format::Csv) {
            QStringList line;
            for (const RecordColumn &column : std::as_const(m_request.columns))
                line.append(csvField(m_request.rawValues ? record.value(column.field) : record.displayValue(column.field)));
            bytes += line.join(u',').toUtf8();
            bytes += "\r\n";
        } else {
            bytes += index == 0 ? "\n" : ",\n";
            bytes += record.toJson();
        }
        ++index;
    }

    if (const snow::Error error = write(bytes); error.isError()) {
        finish(error);
        return;
    }
    m_written = index;
    Q_EMIT progress(m_written, m_total);
}

snow::Error RecordExporter::write(const QByteArray &bytes)
{
    if (m_file->write(bytes) == bytes.size())
        return snow::Error();
    return snow::Error(snow::Error::FileError, tr("Writing \"%1\" failed: %2. Check the free space and permissions of that folder.")
                                                   .arg(QDir::toNativeSeparators(m_request.path), m_file->errorString()));
}

void RecordExporter::cancel()
{
    if (!isRunning())
        return;
    finish(snow::Error(snow::Error::Aborted,
                       tr("The export to \"%1\" was cancelled; no file was written.").arg(QDir::toNativeSeparators(m_request.path))));
}

void RecordExporter::finish(const snow::Error &error)
{
    if (!m_file)
        return;

    // Deleting the Response aborts its request without further signals.
    if (m_response) {
        m_response->disconnect(this);
        m_response->deleteLater();
        m_response = nullptr;
    }

    snow::Error outcome = error;
    if (!outcome.isError() && m_request.format == Format::Json)
        outcome = write(m_written == 0 ? "]\n" : "\n]\n");
    if (!outcome.isError() && !m_file->commit()) {
        outcome = snow::Error(snow::Error::FileError, tr("Saving \"%1\" failed: %2. Check the free space and permissions of that folder.")
                                                          .arg(QDir::toNativeSeparators(m_request.path), m_file->errorString()));
    }
    if (outcome.isError())
        m_file->cancelWriting();
    m_file.reset();

    if (outcome.isError())
        qCWarning(lcModel).noquote() << "Export to" << m_request.path << "ended without a file:" << outcome.toString();
    else
        qCInfo(lcModel).noquote() << "Exported" << m_written << "records to" << m_request.path;
    Q_EMIT finished(outcome);
}
