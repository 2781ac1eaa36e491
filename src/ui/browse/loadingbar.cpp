#include "loadingbar.h"

#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QProgressBar>
#include <QtWidgets/QPushButton>

#include <limits>

using namespace Qt::StringLiterals;

LoadingBar::LoadingBar(QWidget *parent)
    : QWidget(parent)
    , m_progress(new QProgressBar(this))
    , m_text(new QLabel(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
{
    setObjectName(u"loadingBar"_s);
    m_progress->setObjectName(u"loadingProgress"_s);
    m_progress->setMaximumWidth(160);
    m_progress->setTextVisible(false);
    m_text->setObjectName(u"loadingText"_s);
    m_cancel->setObjectName(u"cancelLoading"_s);
    m_cancel->setToolTip(tr("Stop loading records (Esc in the table)"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(m_progress);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_cancel);

    connect(m_cancel, &QPushButton::clicked, this, &LoadingBar::cancelRequested);
    hide();
}

void LoadingBar::showLoading(const QString &text, qint64 value, qint64 maximum)
{
    if (maximum > 0) {
        // QProgressBar counts in int; scale large totals down to fit.
        const qint64 scale = maximum / std::numeric_limits<int>::max() + 1;
        m_progress->setRange(0, int(maximum / scale));
        m_progress->setValue(int(std::min(value, maximum) / scale));
    } else {
        m_progress->setRange(0, 0);
    }
    m_text->setText(text);
    m_cancel->setEnabled(true);
    show();
}

void LoadingBar::setText(const QString &text)
{
    m_text->setText(text);
}

QString LoadingBar::text() const
{
    return m_text->text();
}

void LoadingBar::finish()
{
    m_cancel->setEnabled(false);
    hide();
}
