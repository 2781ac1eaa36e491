#include "findbar.h"

#include "browse/querytext.h"

#include <QtGui/QKeyEvent>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>

using namespace Qt::StringLiterals;

FindBar::FindBar(QWidget *parent)
    : QWidget(parent)
    , m_search(new QLineEdit(this))
    , m_mode(new QComboBox(this))
    , m_query(new QLineEdit(this))
{
    setObjectName(u"findBar"_s);
    m_search->setObjectName(u"quickSearch"_s);
    m_search->setPlaceholderText(tr("Search"));
    m_search->setClearButtonEnabled(true);
    m_search->setToolTip(tr("Press Enter to search; an empty box removes the search from the query."));
    m_mode->setObjectName(u"quickSearchMode"_s);
    m_mode->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_mode->addItem(tr("Keywords"), QString());
    m_query->setObjectName(u"encodedQuery"_s);
    m_query->setPlaceholderText(tr("Encoded query, such as active=true^priority=1^ORDERBYDESCnumber"));
    m_query->setToolTip(tr("Paste a query copied from a ServiceNow list and press Enter. Escape restores the query in effect."));
    m_query->setClearButtonEnabled(true);
    m_query->installEventFilter(this);

    auto *searchLabel = new QLabel(tr("&Find:"), this);
    searchLabel->setBuddy(m_search);
    auto *queryLabel = new QLabel(tr("&Query:"), this);
    queryLabel->setBuddy(m_query);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(searchLabel);
    layout->addWidget(m_search, 2);
    layout->addWidget(m_mode);
    layout->addSpacing(8);
    layout->addWidget(queryLabel);
    layout->addWidget(m_query, 5);

    connect(m_search, &QLineEdit::returnPressed, this, [this] { Q_EMIT searchRequested(searchCondition()); });
    connect(m_query, &QLineEdit::returnPressed, this, [this] { Q_EMIT queryEntered(m_query->text().trimmed()); });
}

void FindBar::setColumns(const QList<RecordColumn> &columns, const QString &displayField)
{
    const QString previous = m_mode->currentData().toString();
    m_mode->clear();
    m_mode->addItem(tr("Keywords"), QString());
    for (const RecordColumn &column : columns)
        m_mode->addItem(tr("%1 contains").arg(column.label), column.field);

    int current = m_mode->findData(previous);
    if (current <= 0)
        current = m_mode->findData(displayField);
    m_mode->setCurrentIndex(std::max(current, 0));
}

bool FindBar::setSearchField(const QString &field)
{
    const int index = m_mode->findData(field);
    if (index < 0)
        return false;
    m_mode->setCurrentIndex(index);
    return true;
}

void FindBar::setQuery(const QString &encoded)
{
    m_queryInEffect = encoded;
    m_query->setText(encoded);
}

void FindBar::clearSearch()
{
    m_search->clear();
}

QString FindBar::searchCondition() const
{
    const QString field = m_mode->currentData().toString();
    return field.isEmpty() ? querytext::textSearchCondition(m_search->text())
                           : querytext::containsCondition(field, m_search->text());
}

bool FindBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_query && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape && m_query->text() != m_queryInEffect) {
        m_query->setText(m_queryInEffect);
        return true;
    }
    return QWidget::eventFilter(watched, event);
}
