#include "visiblerowsloader.h"

#include "models/recordtablemodel.h"

#include <QtCore/QEvent>
#include <QtWidgets/QScrollBar>
#include <QtWidgets/QTableView>

VisibleRowsLoader::VisibleRowsLoader(QTableView *view, RecordTableModel *model, QObject *parent)
    : QObject(parent)
    , m_view(view)
    , m_model(model)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(DelayMs);
    connect(&m_timer, &QTimer::timeout, this, &VisibleRowsLoader::loadNow);

    const auto later = [this] { m_timer.start(); };
    connect(view->verticalScrollBar(), &QScrollBar::valueChanged, this, later);
    connect(view->verticalScrollBar(), &QScrollBar::rangeChanged, this, later);
    connect(model, &RecordTableModel::modeChanged, this, later);
    connect(model, &QAbstractItemModel::modelReset, this, later);
    view->viewport()->installEventFilter(this);
}

void VisibleRowsLoader::loadNow()
{
    m_timer.stop();
    if (m_model->mode() != RecordTableModel::Mode::OnDemand || m_model->rowCount() == 0)
        return;

    const int first = m_view->rowAt(0);
    if (first < 0)
        return;
    int last = m_view->rowAt(m_view->viewport()->height() - 1);
    if (last < 0)
        last = m_model->rowCount() - 1;

    const int screen = last - first + 1;
    m_model->requestRows(std::max(0, first - screen), last + screen);
}

bool VisibleRowsLoader::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        m_timer.start();
    return QObject::eventFilter(watched, event);
}
