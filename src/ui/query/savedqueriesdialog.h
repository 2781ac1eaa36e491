#pragma once

#include <QtWidgets/QDialog>

class QLabel;
class QListWidget;
class QPushButton;
class SavedQueryStore;

/// Lists the saved queries of one table, with buttons to load, rename and delete them.
/// Changes go to the SavedQueryStore at once.
class SavedQueriesDialog : public QDialog
{
    Q_OBJECT

public:
    SavedQueriesDialog(SavedQueryStore *store, const QString &table, QWidget *parent = nullptr);

    QListWidget *list() const { return m_list; }
    /// The inline message of the last failed rename.
    QLabel *message() const { return m_message; }
    /// Renames the saved query @p from to @p to. When the store rejects the new name,
    /// message() shows the reason.
    bool renameQuery(const QString &from, const QString &to);
    /// Deletes the saved query @p name without asking.
    bool deleteQuery(const QString &name);

Q_SIGNALS:
    /// The user chose to load the saved query @p name; the dialog closes.
    void loadRequested(const QString &name);

private:
    void reload();
    QString selectedName() const;
    void updateButtons();

    SavedQueryStore *m_store;
    QString m_table;
    QListWidget *m_list;
    QPushButton *m_loadButton;
    QPushButton *m_renameButton;
    QPushButton *m_deleteButton;
    QLabel *m_message;
};
