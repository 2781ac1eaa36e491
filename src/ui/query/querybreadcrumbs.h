#pragma once

#include <snow/querybuilder.h>

#include <QtWidgets/QWidget>

class QHBoxLayout;
class QToolButton;
class Session;

/// The conditions of the current query as a trail of buttons, such as
/// "All > Active = true > Priority = 1 - Critical". Activating a crumb runs the query
/// up to that crumb: the conditions after it are dropped, the orderings are kept.
///
/// A condition joined with OR shares the crumb of the condition before it; a new
/// query group (`^NQ`) starts a crumb of its own. Labels come from the table's schema
/// and refresh when schemas or record names arrive.
///
/// The trail never makes its window wider: when the crumbs do not fit, the longest
/// ones are elided first, down to a few characters each.
class QueryBreadcrumbs : public QWidget
{
    Q_OBJECT

public:
    /// The maximum width of a crumb's text in pixels before it is elided. The tooltip
    /// shows the whole text.
    static constexpr int MaxCrumbWidth = 320;

    explicit QueryBreadcrumbs(Session *session, QWidget *parent = nullptr);

    void setTable(const QString &table);
    void setEncodedQuery(const QString &encodedQuery);
    QString encodedQuery() const { return m_query; }

    /// The crumb texts, "All" first.
    QStringList crumbTexts() const;
    QList<QToolButton *> crumbButtons() const { return m_buttons; }
    /// Returns the query that crumb @p index stands for (0 is "All").
    QString queryUpTo(int index) const;
    /// Runs the query of crumb @p index, as a click does.
    void activateCrumb(int index);

    /// The width of the whole trail, each crumb at most MaxCrumbWidth wide.
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void querySubmitted(const QString &encodedQuery);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Crumb
    {
        QString text;
        int lastTerm = -1; ///< the last term the crumb covers; -1 for "All"
    };
    void rebuild();
    void elideCrumbs();
    /// Fills @p textWidths with the width of each crumb's full text, at most
    /// MaxCrumbWidth, and @p paddings with what its button adds around the text.
    /// Returns the width of the separators, spacing and margins.
    int measureCrumbs(QList<int> *textWidths, QList<int> *paddings) const;

    Session *m_session;
    QString m_table;
    QString m_query;
    QList<snow::QueryBuilder::Term> m_terms;
    QList<Crumb> m_crumbs;
    QList<QToolButton *> m_buttons;
    QList<QWidget *> m_separators;
    QHBoxLayout *m_layout;
};
