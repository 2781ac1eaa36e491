#pragma once

#include "editor/conflicts.h"

#include <QtCore/QAbstractTableModel>

/// The fields of a save conflict, one row each: the field, the value the form loaded,
/// the value on the instance ("theirs") and the user's value ("mine").
///
/// For a field both sides changed, the Theirs and Mine cells are check boxes, exactly
/// one of them checked (Mine at first): the value kept. A field only the other side
/// changed keeps theirs and cannot be switched.
class ConflictModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { FieldColumn, LoadedColumn, TheirsColumn, MineColumn, ColumnCount };
    enum class Choice { Theirs, Mine };

    explicit ConflictModel(QObject *parent = nullptr);

    void setConflicts(const QList<FieldConflict> &conflicts);
    const QList<FieldConflict> &conflicts() const { return m_conflicts; }

    Choice choice(int row) const;
    /// Sets the choice of @p row; ignored for rows the user did not edit.
    void setChoice(int row, Choice choice);
    /// Sets the choice of every row the user edited.
    void setAllChoices(Choice choice);
    /// The fields whose value on the instance replaces the user's edit.
    QStringList fieldsKeepingTheirs() const;
    /// Rows where the user must choose.
    int choiceCount() const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    bool isValidIndex(const QModelIndex &index) const;

    QList<FieldConflict> m_conflicts;
    QList<Choice> m_choices;
};
