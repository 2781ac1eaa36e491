#pragma once

#include "editor/conflicts.h"

#include <QtWidgets/QDialog>

class ConflictModel;
class QPushButton;
class QTableView;

/// The choice between the user's edits and changes made on the instance after the
/// form loaded the record. Each field that differs is listed with the value the form
/// loaded, the value on the instance and the user's value. The user keeps theirs or
/// mine per field, then saves, goes back to the form to edit, or cancels.
///
/// Open it with open(). finished() follows, and outcome() returns the button that
/// ended it. Nothing is saved or changed by the dialog itself.
class ConflictDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Outcome {
        Cancel,     ///< keep the form as it is, unsaved
        EditInForm, ///< take the chosen values into the form and let the user edit
        Save,       ///< take the chosen values into the form and save
    };

    /// @p changedBy and @p changedOn name the last update on the instance and may be empty.
    ConflictDialog(const QString &recordTitle, const QString &changedBy, const QString &changedOn,
                   const QList<FieldConflict> &conflicts, QWidget *parent = nullptr);

    ConflictModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    Outcome outcome() const { return m_outcome; }
    QPushButton *button(Outcome outcome) const;

private:
    void finishWith(Outcome outcome);

    ConflictModel *m_model;
    QTableView *m_view;
    QPushButton *m_saveButton;
    QPushButton *m_editButton;
    QPushButton *m_cancelButton;
    Outcome m_outcome = Outcome::Cancel;
};
