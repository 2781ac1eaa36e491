#pragma once

#include "models/recordtablemodel.h"

#include <QtWidgets/QWidget>

class QComboBox;
class QLineEdit;

/// The find controls above the table: a quick search box with its mode, and the
/// encoded query of the table.
///
/// Quick search offers a keyword search over the table's text index
/// (`123TEXTQUERY321=<text>`) and "<column> contains" (`<field>LIKE<text>`) for each
/// column shown. The table's display column is the default. Enter in the search box
/// emits searchRequested() with the condition (empty when the box was cleared).
///
/// The query field takes an encoded query as ServiceNow's "Copy query" gives it;
/// Enter emits queryEntered() and Escape restores the query in effect.
class FindBar : public QWidget
{
    Q_OBJECT

public:
    explicit FindBar(QWidget *parent = nullptr);

    /// Offers "contains" for each of @p columns; @p displayField is chosen by default.
    void setColumns(const QList<RecordColumn> &columns, const QString &displayField);
    /// Shows @p encoded as the query in effect, without emitting anything.
    void setQuery(const QString &encoded);
    /// Empties the search box without emitting anything.
    void clearSearch();
    /// Returns the condition for the text in the search box and the chosen mode.
    QString searchCondition() const;
    /// Chooses the keyword search, or "contains" on @p field; returns false when the
    /// field is not offered.
    bool setSearchField(const QString &field);

    QLineEdit *searchField() const { return m_search; }
    QComboBox *modeBox() const { return m_mode; }
    QLineEdit *queryField() const { return m_query; }

Q_SIGNALS:
    void searchRequested(const QString &condition);
    void queryEntered(const QString &encoded);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QLineEdit *m_search;
    QComboBox *m_mode;
    QLineEdit *m_query;
    QString m_queryInEffect;
};
