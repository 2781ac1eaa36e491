#pragma once

#include "browse/recordexporter.h"

#include <QtCore/QObject>
#include <QtCore/QPointer>

class QProgressDialog;
class QWidget;

/// Runs the table browser's exports, one at a time. It shows a save dialog, then a
/// progress dialog with Cancel while RecordExporter writes, and reports the outcome
/// once through finished(). Lives in the GUI thread.
class ExportRunner : public QObject
{
    Q_OBJECT

public:
    /// @p dialogParent parents the file and progress dialogs and must outlive the runner.
    explicit ExportRunner(QWidget *dialogParent);

    /// Shows a save dialog for @p request, whose path is the suggested file name in the
    /// Documents folder, and starts the export to the chosen file. Does nothing when
    /// the user cancels the dialog.
    void chooseFileAndStart(RecordExporter::Request request);
    /// Starts @p request with the progress dialog. Returns false when an export is
    /// running (nothing else happens) or the file cannot be created (finished()
    /// follows with the FileError).
    bool start(const RecordExporter::Request &request);
    bool isRunning() const;
    /// The export running or last run; nullptr before the first.
    RecordExporter *exporter() const { return m_exporter; }

Q_SIGNALS:
    /// No error when @p written records are in the complete file at @p path.
    void finished(const QString &path, qint64 written, const snow::Error &error);

private:
    QWidget *m_dialogParent;
    QPointer<RecordExporter> m_exporter;
    QPointer<QProgressDialog> m_progress;
};
