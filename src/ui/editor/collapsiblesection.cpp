#include "collapsiblesection.h"

#include <QtWidgets/QFrame>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QVBoxLayout>

CollapsibleSection::CollapsibleSection(const QString &title, QWidget *parent)
    : QWidget(parent)
    , m_toggle(new QToolButton(this))
{
    m_toggle->setText(title);
    m_toggle->setCheckable(true);
    m_toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toggle->setArrowType(Qt::RightArrow);
    m_toggle->setAutoRaise(true);
    QFont font = m_toggle->font();
    font.setBold(true);
    m_toggle->setFont(font);

    auto *line = new QFrame(this);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);

    auto *header = new QHBoxLayout;
    header->setContentsMargins(0, 0, 0, 0);
    header->addWidget(m_toggle);
    header->addWidget(line, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);

    connect(m_toggle, &QToolButton::toggled, this, &CollapsibleSection::setExpanded);
}

void CollapsibleSection::setContent(QWidget *content)
{
    delete m_content;
    m_content = content;
    content->setParent(this);
    content->setVisible(isExpanded());
    layout()->addWidget(content);
}

void CollapsibleSection::addHeaderWidget(QWidget *widget)
{
    auto *header = static_cast<QHBoxLayout *>(layout()->itemAt(0)->layout());
    header->addWidget(widget);
}

bool CollapsibleSection::isExpanded() const
{
    return m_toggle->isChecked();
}

void CollapsibleSection::setExpanded(bool expanded)
{
    const bool changed = m_toggle->arrowType() != (expanded ? Qt::DownArrow : Qt::RightArrow);
    m_toggle->setChecked(expanded);
    m_toggle->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    if (m_content)
        m_content->setVisible(expanded);
    if (changed)
        Q_EMIT expandedChanged(expanded);
}

void CollapsibleSection::setTitle(const QString &title)
{
    m_toggle->setText(title);
}
