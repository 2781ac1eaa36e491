#pragma once

#include <snow/querybuilder.h>

#include <QtWidgets/QFrame>

class QComboBox;
class QHBoxLayout;
class QLabel;
class QToolButton;

/// One row of the query builder: the join to the rows before it, the row's own
/// editors, and buttons to move the row up or down and to remove it.
///
/// A row never rewrites a term it was given until the user edits it, so a pasted
/// query is encoded back unchanged even where an editor cannot show a value.
class QueryRowWidget : public QFrame
{
    Q_OBJECT

public:
    explicit QueryRowWidget(const snow::QueryBuilder::Term &term, QWidget *parent = nullptr);

    snow::QueryBuilder::Term term() const { return m_term; }
    /// The first row shows "Where" in place of its join, which is not encoded.
    void setFirst(bool first);
    bool isFirst() const { return m_first; }

    QComboBox *joinBox() const { return m_joinBox; }
    QToolButton *upButton() const { return m_upButton; }
    QToolButton *downButton() const { return m_downButton; }
    QToolButton *removeButton() const { return m_removeButton; }

Q_SIGNALS:
    /// The user changed the term; term() has the new one.
    void termEdited();
    void moveRequested(int delta);
    void removeRequested();

protected:
    /// The layout between the join and the buttons, for the row's editors.
    QHBoxLayout *editorLayout() const { return m_editors; }
    /// Stores @p term and emits termEdited() when it differs.
    void updateTerm(const snow::QueryBuilder::Term &term);
    /// Hides the join, for orderings, whose join ServiceNow ignores.
    void setJoinShown(bool shown);

    snow::QueryBuilder::Term m_term;

private:
    void updateJoinVisibility();

    bool m_first = false;
    bool m_joinShown = true;
    QFrame *m_groupLine;
    QLabel *m_whereLabel;
    QComboBox *m_joinBox;
    QHBoxLayout *m_editors;
    QToolButton *m_upButton;
    QToolButton *m_downButton;
    QToolButton *m_removeButton;
};

/// A part of the query the builder does not model (`123TEXTQUERY321=`, `RLQUERY…`,
/// `DATEPART…`), shown as read-only encoded text and kept in the query as it is.
class VerbatimRowWidget : public QueryRowWidget
{
    Q_OBJECT

public:
    explicit VerbatimRowWidget(const snow::QueryBuilder::Term &term, QWidget *parent = nullptr);
};
