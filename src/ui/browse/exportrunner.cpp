#include "exportrunner.h"

#include <QtCore/QDir>
#include <QtCore/QLocale>
#include <QtCore/QStandardPaths>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QProgressDialog>

#include <limits>

using namespace Qt::StringLiterals;

ExportRunner::ExportRunner(QWidget *dialogParent)
    : QObject(dialogParent)
    , m_dialogParent(dialogParent)
{
}

bool ExportRunner::isRunning() const
{
    return m_exporter && m_exporter->isRunning();
}

void ExportRunner::chooseFileAndStart(RecordExporter::Request request)
{
    const bool csv = request.format == RecordExporter::Format::Csv;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(m_dialogParent, csv ? tr("Export to CSV") : tr("Export to JSON"),
                                                      QDir(folder).filePath(request.path),
                                                      csv ? tr("CSV files (*.csv)") : tr("JSON files (*.json)"));
    if (path.isEmpty())
        return;
    request.path = path;
    start(request);
}

bool ExportRunner::start(const RecordExporter::Request &request)
{
    if (isRunning())
        return false;

    if (m_exporter)
        m_exporter->deleteLater();
    m_exporter = new RecordExporter(this);

    auto *progress = new QProgressDialog(tr("Exporting to %1…").arg(QDir::toNativeSeparators(request.path)), tr("Cancel"), 0, 0,
                                         m_dialogParent);
    progress->setObjectName(u"exportProgress"_s);
    progress->setWindowTitle(tr("Export"));
    progress->setAttribute(Qt::WA_DeleteOnClose);
    progress->setMinimumDuration(0);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    m_progress = progress;

    RecordExporter *exporter = m_exporter;
    connect(progress, &QProgressDialog::canceled, exporter, &RecordExporter::cancel);
    connect(exporter, &RecordExporter::progress, progress, [progress](qint64 written, qint64 total) {
        const QLocale locale;
        if (total <= 0) {
            progress->setLabelText(tr("Exported %1 records…").arg(locale.toString(written)));
            return;
        }
        // QProgressDialog counts in int: past its range, count in thousandths.
        const bool large = total > std::numeric_limits<int>::max();
        progress->setMaximum(large ? 1000 : int(total));
        progress->setValue(large ? int(written * 1000 / total) : int(written));
        progress->setLabelText(tr("Exported %1 of %2 records…").arg(locale.toString(written), locale.toString(total)));
    });
    connect(exporter, &RecordExporter::finished, this, [this, exporter](const snow::Error &error) {
        if (m_progress)
            m_progress->close();
        Q_EMIT finished(exporter->path(), exporter->writtenCount(), error);
    });

    if (!exporter->start(request)) {
        progress->deleteLater();
        return false;
    }
    progress->show();
    return true;
}
