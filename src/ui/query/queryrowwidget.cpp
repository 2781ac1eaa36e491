#include "query/queryrowwidget.h"

#include <QtWidgets/QComboBox>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QStyle>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

using snow::QueryBuilder;
using Term = QueryBuilder::Term;

namespace {

QToolButton *rowButton(QWidget *parent, QStyle::StandardPixmap icon, const QString &name, const QString &text)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(name);
    button->setIcon(parent->style()->standardIcon(icon));
    button->setToolTip(text);
    button->setAccessibleName(text);
    button->setAutoRaise(true);
    button->setFocusPolicy(Qt::TabFocus);
    return button;
}

} // namespace

QueryRowWidget::QueryRowWidget(const Term &term, QWidget *parent)
    : QFrame(parent)
    , m_term(term)
    , m_groupLine(new QFrame(this))
    , m_whereLabel(new QLabel(tr("Where"), this))
    , m_joinBox(new QComboBox(this))
    , m_editors(new QHBoxLayout)
    , m_upButton(rowButton(this, QStyle::SP_ArrowUp, u"moveUpButton"_s, tr("Move up (Ctrl+Shift+Up)")))
    , m_downButton(rowButton(this, QStyle::SP_ArrowDown, u"moveDownButton"_s, tr("Move down (Ctrl+Shift+Down)")))
    , m_removeButton(rowButton(this, QStyle::SP_DialogDiscardButton, u"removeButton"_s, tr("Remove (Ctrl+Shift+Delete)")))
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(2);

    // A line above a new query group (^NQ) shows where one group of conditions ends.
    m_groupLine->setFrameShape(QFrame::HLine);
    m_groupLine->setFrameShadow(QFrame::Sunken);
    outer->addWidget(m_groupLine);

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(4);
    outer->addLayout(row);

    const int joinWidth = m_joinBox->fontMetrics().horizontalAdvance(tr("new query")) + 48;
    m_whereLabel->setFixedWidth(joinWidth);
    m_whereLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_joinBox->setObjectName(u"joinBox"_s);
    m_joinBox->setFixedWidth(joinWidth);
    m_joinBox->setAccessibleName(tr("Join with the rows before"));
    m_joinBox->addItem(tr("and"), int(QueryBuilder::Join::And));
    m_joinBox->addItem(tr("or"), int(QueryBuilder::Join::Or));
    m_joinBox->addItem(tr("new query"), int(QueryBuilder::Join::NewQuery));
    m_joinBox->setItemData(2, tr("Starts a new group of conditions; records matching any group are shown"), Qt::ToolTipRole);
    m_joinBox->setCurrentIndex(m_joinBox->findData(int(term.join)));

    row->addWidget(m_whereLabel);
    row->addWidget(m_joinBox);
    row->addLayout(m_editors, 1);
    row->addWidget(m_upButton);
    row->addWidget(m_downButton);
    row->addWidget(m_removeButton);
    m_editors->setSpacing(4);

    connect(m_joinBox, &QComboBox::activated, this, [this] {
        Term edited = m_term;
        edited.join = QueryBuilder::Join(m_joinBox->currentData().toInt());
        updateTerm(edited);
        updateJoinVisibility();
    });
    connect(m_upButton, &QToolButton::clicked, this, [this] { Q_EMIT moveRequested(-1); });
    connect(m_downButton, &QToolButton::clicked, this, [this] { Q_EMIT moveRequested(1); });
    connect(m_removeButton, &QToolButton::clicked, this, &QueryRowWidget::removeRequested);
    updateJoinVisibility();
}

void QueryRowWidget::setFirst(bool first)
{
    m_first = first;
    updateJoinVisibility();
}

void QueryRowWidget::setJoinShown(bool shown)
{
    m_joinShown = shown;
    updateJoinVisibility();
}

void QueryRowWidget::updateJoinVisibility()
{
    m_whereLabel->setText(m_joinShown ? tr("Where") : QString());
    m_whereLabel->setVisible(m_first || !m_joinShown);
    m_joinBox->setVisible(!m_first && m_joinShown);
    m_groupLine->setVisible(!m_first && m_term.join == QueryBuilder::Join::NewQuery);
}

void QueryRowWidget::updateTerm(const Term &term)
{
    if (term == m_term)
        return;
    m_term = term;
    Q_EMIT termEdited();
}

VerbatimRowWidget::VerbatimRowWidget(const Term &term, QWidget *parent)
    : QueryRowWidget(term, parent)
{
    auto *text = new QLineEdit(term.text, this);
    text->setObjectName(u"verbatimText"_s);
    text->setReadOnly(true);
    text->setToolTip(tr("The builder cannot show this part of the query as a condition; it stays in the query as written"));
    text->setAccessibleName(tr("Encoded query part"));
    text->setPlaceholderText(tr("(empty part)"));
    editorLayout()->addWidget(new QLabel(tr("Encoded:"), this));
    editorLayout()->addWidget(text, 1);
    setFocusProxy(text);
}
