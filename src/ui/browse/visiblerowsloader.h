#pragma once

#include <QtCore/QObject>
#include <QtCore/QTimer>

class QTableView;
class RecordTableModel;

/// Asks a RecordTableModel in OnDemand mode for the rows a table view shows, plus one
/// screen above and below, whenever the view scrolls, resizes or gets new rows.
///
/// Requests wait until the view has been still for DelayMs, so dragging the scroll
/// bar across a million rows fetches only the rows where it stops.
class VisibleRowsLoader : public QObject
{
    Q_OBJECT

public:
    static constexpr int DelayMs = 40;

    VisibleRowsLoader(QTableView *view, RecordTableModel *model, QObject *parent = nullptr);

    /// Requests the visible rows at once.
    void loadNow();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QTableView *m_view;
    RecordTableModel *m_model;
    QTimer m_timer;
};
