#pragma once

#include <snow/record.h>

#include <QtWidgets/QDialog>

#include <memory>

class BulkEditJob;
class BulkEditModel;
class FieldEditor;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;
class QVBoxLayout;
class Session;
struct TableSchema;

/// Sets one field to one value on the selected records of a table and shows the
/// result of each. Records that failed are listed with the instance's message;
/// "Retry failed" sends the change again to those only.
///
/// The dialog loads the table's schema for the field list and the editor. Each saved
/// record is passed on through recordSaved(), so open tables can show it.
class BulkEditDialog : public QDialog
{
    Q_OBJECT

public:
    /// @p session must outlive the dialog.
    BulkEditDialog(Session *session, const QString &table, const QList<snow::Record> &records, QWidget *parent = nullptr);
    ~BulkEditDialog() override;

    BulkEditJob *job() const { return m_job; }
    BulkEditModel *model() const { return m_model; }
    QComboBox *fieldBox() const { return m_fieldBox; }
    /// The editor of the chosen field; null until the schema is loaded.
    FieldEditor *valueEditor() const { return m_editor; }
    QPushButton *applyButton() const { return m_applyButton; }
    QPushButton *retryButton() const { return m_retryButton; }
    QLabel *summaryLabel() const { return m_summary; }

    /// Chooses @p field in the field list; returns false when it cannot be edited here.
    bool selectField(const QString &field);
    /// Sends the chosen value, as the Apply button does.
    void apply();

Q_SIGNALS:
    void recordSaved(const snow::Record &record);
    /// The schema arrived and the field list is filled.
    void ready();

protected:
    void reject() override;

private:
    void takeSchema();
    void showEditor();
    void updateButtons();

    Session *m_session;
    QString m_table;
    QList<snow::Record> m_records;
    std::shared_ptr<const TableSchema> m_schema;
    BulkEditJob *m_job = nullptr;
    BulkEditModel *m_model = nullptr;
    FieldEditor *m_editor = nullptr;

    QLabel *m_intro;
    QComboBox *m_fieldBox;
    QVBoxLayout *m_editorHolder;
    QLabel *m_problem;
    QProgressBar *m_progress;
    QTableView *m_view;
    QLabel *m_summary;
    QPushButton *m_applyButton;
    QPushButton *m_retryButton;
    QPushButton *m_cancelButton;
    QPushButton *m_closeButton;
};
