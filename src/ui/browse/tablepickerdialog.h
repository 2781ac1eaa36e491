#pragma once

#include <snow/error.h>

#include <QtWidgets/QDialog>

class QLabel;
class QLineEdit;
class QListView;
class TableFilterModel;
class TableListModel;

/// Picks a table to browse: a search field over the table list (label and name) and
/// the matching tables, recently used first. Enter opens the highlighted table. Up and
/// Down move through the list without leaving the search field. When the list cannot
/// be loaded (the user may not read `sys_db_object`), a typed table name is accepted.
class TablePickerDialog : public QDialog
{
    Q_OBJECT

public:
    /// @p tables must outlive the dialog. The dialog starts loading it.
    explicit TablePickerDialog(TableListModel *tables, QWidget *parent = nullptr);
    ~TablePickerDialog() override;

    /// The table chosen, once accepted.
    QString selectedTable() const { return m_selected; }

    QLineEdit *searchField() const { return m_search; }
    QListView *list() const { return m_list; }
    TableFilterModel *filterModel() const { return m_filter; }

    void accept() override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void selectFirst();
    void showLoadState();

    TableListModel *m_tables;
    TableFilterModel *m_filter;
    QLineEdit *m_search;
    QListView *m_list;
    QLabel *m_status;
    QString m_selected;
    snow::Error m_loadError;
};
