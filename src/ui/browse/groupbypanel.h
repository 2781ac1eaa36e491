#pragma once

#include "browse/groupcounter.h"

#include <QtWidgets/QWidget>

class GroupCountModel;
class QComboBox;
class QLabel;
class QTableView;
struct TableSchema;

namespace snow {
class Client;
}

class QChartView;
class QBarSet;

/// Counts per value of one field of the browsed query, as a bar chart with the full
/// list of values and counts below it. Clicking a bar, or pressing Enter on a row of
/// the list, requests narrowing the query to that value (filterRequested()).
///
/// The counts come from the Aggregate API (GroupCounter). The panel counts only while
/// it is visible, and again whenever the table, query or field changes.
class GroupByPanel : public QWidget
{
    Q_OBJECT

public:
    /// Bars drawn at most; every value is in the list below the chart.
    static constexpr int MaxBars = 15;

    explicit GroupByPanel(snow::Client *client, QWidget *parent = nullptr);
    ~GroupByPanel() override;

    /// Shows the fields of @p table that group well (choices, references, booleans,
    /// short strings, integers, dates) from @p schema, which may be null until loaded.
    void setTable(const QString &table, const TableSchema *schema);
    void setQuery(const QString &encodedQuery);
    QString field() const;
    /// Selects @p field when the table has it; returns false otherwise.
    bool setField(const QString &field);
    /// Counts again now, when visible.
    void refresh();

    GroupCountModel *model() const { return m_model; }
    QChartView *chartView() const { return m_chartView; }
    /// The bars of the chart: index 0 is the bottom bar, the smallest count shown.
    QBarSet *barSet() const { return m_bars; }
    QString statusText() const;

Q_SIGNALS:
    /// The user picked @p value of @p field (a stored value; empty for "no value").
    void filterRequested(const QString &field, const QString &value);
    /// Counts for the current table, query and field are on screen.
    void countsShown();
    void countFailed(const snow::Error &error);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void showGroups(const QList<GroupCount> &groups);
    void showStatus(const QString &text);
    void pickBar(int index);
    void clearChart();

    GroupCounter *m_counter;
    GroupCountModel *m_model;
    QComboBox *m_fieldBox;
    QLabel *m_status;
    QChartView *m_chartView;
    QTableView *m_list;
    QBarSet *m_bars = nullptr;
    QString m_table;
    QString m_query;
    bool m_stale = true;
};
