#pragma once

#include <QtWidgets/QDialog>

class QLineEdit;
class QListView;
class QPushButton;
class QSortFilterProxyModel;
class QStandardItem;
class QStandardItemModel;
struct TableSchema;

/// Chooses the columns of a table and their order: every field of the table with a
/// check box, the chosen ones first in their current order, then the others by label.
/// A search field filters by label or name. Move Up and Move Down (Alt+Up, Alt+Down)
/// or dragging reorder the list while no search text is set; Space checks the current
/// field. "Defaults" restores the columns the table shows when nothing was chosen.
class ColumnChooserDialog : public QDialog
{
    Q_OBJECT

public:
    /// @p chosen are the fields shown now, in order; @p defaults those "Defaults" restores.
    ColumnChooserDialog(const TableSchema &schema, const QStringList &chosen, const QStringList &defaults,
                        QWidget *parent = nullptr);
    ~ColumnChooserDialog() override;

    /// The checked fields in list order.
    QStringList chosenFields() const;

    /// Checks or unchecks @p field; returns false when the table has no such field.
    bool setFieldChosen(const QString &field, bool chosen);
    /// Moves the current field @p delta places (negative: up). Returns false when it
    /// cannot move (no current field, at an end, or while searching).
    bool moveCurrent(int delta);

    QLineEdit *searchField() const { return m_search; }
    QListView *list() const { return m_list; }
    QStandardItemModel *fieldModel() const { return m_model; }

    void accept() override;

private:
    void fill(const QStringList &chosen);
    QStandardItem *itemFor(const QString &field) const;
    void updateButtons();

    const TableSchema &m_schema;
    QStringList m_defaults;
    QStandardItemModel *m_model;
    QSortFilterProxyModel *m_filter;
    QLineEdit *m_search;
    QListView *m_list;
    QPushButton *m_upButton;
    QPushButton *m_downButton;
};
