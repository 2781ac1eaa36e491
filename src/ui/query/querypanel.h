#pragma once

#include <snow/querybuilder.h>

#include <QtWidgets/QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QScrollArea;
class QToolButton;
class QVBoxLayout;
class QueryRowModel;
class QueryRowWidget;
class SavedQueryStore;
class Session;

/// The visual query builder of one table. Condition rows are chosen from dropdowns,
/// and the live encoded query under them can be copied (Ctrl+Shift+C). An encoded
/// query pasted into the paste field (or with Ctrl+Shift+V) becomes rows. Saved and
/// recent queries are kept per connection profile and table. Enter runs the query,
/// and querySubmitted() carries it.
///
/// The rows are a QueryRowModel built on QueryBuilder::fromString(), so the builder
/// and SnowCore agree on every query; parts the builder cannot show stay as
/// read-only rows and are never dropped. Rows the user has not finished (no field
/// yet) are left out of the query.
///
/// Keyboard: Ctrl+Shift+A adds an AND condition, Ctrl+Shift+O an OR condition,
/// Ctrl+Shift+N a new query group, Ctrl+Shift+D an ordering; Ctrl+Shift+Up and
/// Ctrl+Shift+Down move the current row and Ctrl+Shift+Delete removes it; Ctrl+S
/// saves the query under a name. These work while the focus is in the panel.
///
/// Lives in the GUI thread; the Session must outlive it.
class QueryPanel : public QWidget
{
    Q_OBJECT

public:
    explicit QueryPanel(Session *session, QWidget *parent = nullptr);
    ~QueryPanel() override;

    /// Shows the builder for @p table and loads its schema. Another table than the
    /// current one starts with no rows.
    void setTable(const QString &table);
    QString table() const { return m_table; }
    /// Shows @p encodedQuery as rows. Does nothing when it is the query the panel
    /// last showed or submitted, so rows the user is still editing survive a reload.
    void setEncodedQuery(const QString &encodedQuery);
    /// Replaces the rows with @p text (trimmed), as a paste does, and shows it in the
    /// paste field. Does not run the query.
    void pasteEncodedQuery(const QString &text);
    /// Returns the query of the finished rows.
    QString encodedQuery() const;

    /// Emits querySubmitted() with encodedQuery().
    void submit();
    /// Adds an unfinished condition row joined by @p join after the current row, or
    /// before the trailing orderings when no row has the focus, and focuses it.
    void addCondition(snow::QueryBuilder::Join join);
    /// Adds an unfinished ordering row at the end and focuses it.
    void addOrdering();
    void removeRow(int row);
    /// Moves @p row by @p delta rows (-1 up, 1 down) and keeps it focused.
    void moveRow(int row, int delta);
    void clearRows();
    /// Copies encodedQuery() to the clipboard.
    void copyQuery();
    /// Pastes the clipboard text with pasteEncodedQuery().
    void pasteFromClipboard();

    /// Saves encodedQuery() as @p name for the current table; false for an empty name.
    bool saveQuery(const QString &name);
    /// Shows the saved query @p name and runs it; false when there is none of that name.
    bool loadSavedQuery(const QString &name);
    /// Asks for a name and saves the query under it.
    void promptSaveQuery();
    /// Opens the dialog that loads, renames and deletes saved queries.
    void manageSavedQueries();

    QueryRowModel *model() const { return m_model; }
    SavedQueryStore *store() const { return m_store; }
    QList<QueryRowWidget *> rows() const { return m_rows; }
    /// The read-only field with the live encoded query.
    QLineEdit *queryText() const { return m_queryText; }
    QLineEdit *pasteField() const { return m_pasteField; }
    QToolButton *savedButton() const { return m_savedButton; }
    QToolButton *recentButton() const { return m_recentButton; }
    /// The row holding the focus, or -1.
    int focusedRow() const;
    /// Focuses the first row, or the "Add condition" button when there is none.
    void focusRows();

Q_SIGNALS:
    /// The user ran @p encodedQuery (Enter, the Run button, or a saved or recent query).
    void querySubmitted(const QString &encodedQuery);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void createLayout();
    void createActions();
    void rebuildRows();
    void focusRow(int row);
    void updateRowButtons();
    void updateTitle();
    void updateQueryText(const QString &encoded);
    void fillSavedMenu();
    void fillRecentMenu();
    void showStatus(const QString &text);
    QString describeQuery(const QString &encoded) const;

    Session *m_session;
    QString m_table;
    QString m_shownQuery;
    bool m_rowsRebuilding = false;
    int m_focusAfterRebuild = -1;

    QueryRowModel *m_model;
    SavedQueryStore *m_store;
    QList<QueryRowWidget *> m_rows;

    QLabel *m_title;
    QToolButton *m_savedButton;
    QToolButton *m_recentButton;
    QPushButton *m_runButton;
    QScrollArea *m_scroll;
    QWidget *m_rowsHost;
    QVBoxLayout *m_rowsLayout;
    QLabel *m_emptyLabel;
    QLineEdit *m_queryText;
    QLineEdit *m_pasteField;
    QLabel *m_status;
    QPushButton *m_addButton = nullptr;
};
