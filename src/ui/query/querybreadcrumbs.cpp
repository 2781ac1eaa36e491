#include "query/querybreadcrumbs.h"

#include "app/session.h"
#include "metadata/schemacache.h"
#include "query/queryrowmodel.h"
#include "query/referencenames.h"
#include "query/termdescriber.h"

#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QToolButton>

#include <algorithm>
#include <numeric>

using namespace Qt::StringLiterals;

using Term = snow::QueryBuilder::Term;

QueryBreadcrumbs::QueryBreadcrumbs(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_layout(new QHBoxLayout(this))
{
    setObjectName(u"queryBreadcrumbs"_s);
    m_layout->setContentsMargins(4, 0, 4, 0);
    m_layout->setSpacing(2);
    m_layout->addStretch(1);
    // In the tool bar, the trail takes the whole width so long crumbs stay readable.
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);

    // Labels and record names may arrive after the crumbs were drawn.
    connect(session->schemas(), &SchemaCache::schemaLoaded, this, &QueryBreadcrumbs::rebuild);
    connect(ReferenceNames::of(session), &ReferenceNames::nameResolved, this, &QueryBreadcrumbs::rebuild);
    rebuild();
}

void QueryBreadcrumbs::setTable(const QString &table)
{
    if (table == m_table)
        return;
    m_table = table;
    rebuild();
}

void QueryBreadcrumbs::setEncodedQuery(const QString &encodedQuery)
{
    m_query = encodedQuery;
    m_terms = snow::QueryBuilder::fromString(encodedQuery).terms();
    rebuild();
}

QStringList QueryBreadcrumbs::crumbTexts() const
{
    QStringList texts;
    for (const Crumb &crumb : m_crumbs)
        texts.append(crumb.text);
    return texts;
}

QString QueryBreadcrumbs::queryUpTo(int index) const
{
    if (index < 0 || index >= m_crumbs.size())
        return m_query;

    QList<Term> kept;
    const int lastTerm = m_crumbs.at(index).lastTerm;
    for (qsizetype term = 0; term < m_terms.size(); ++term) {
        if (term <= lastTerm || m_terms.at(term).kind == Term::Kind::OrderBy)
            kept.append(m_terms.at(term));
    }
    return QueryRowModel::encode(kept);
}

void QueryBreadcrumbs::activateCrumb(int index)
{
    if (index < 0 || index >= m_crumbs.size())
        return;
    Q_EMIT querySubmitted(queryUpTo(index));
}

QSize QueryBreadcrumbs::minimumSizeHint() const
{
    // The layout's minimum is the full trail, which would let a long query widen the
    // main window beyond the screen. This hint requests room for "All" and one elided crumb,
    // and elideCrumbs() shares out whatever width the widget gets.
    const int height = m_buttons.isEmpty() ? QWidget::minimumSizeHint().height() : m_buttons.first()->sizeHint().height();
    return QSize(fontMetrics().horizontalAdvance(u"All › Wo… ›"_s) + 40, height);
}

void QueryBreadcrumbs::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    elideCrumbs();
}

int QueryBreadcrumbs::measureCrumbs(QList<int> *textWidths, QList<int> *paddings) const
{
    textWidths->clear();
    paddings->clear();
    for (qsizetype index = 0; index < m_buttons.size(); ++index) {
        QToolButton *button = m_buttons.at(index);
        const QFontMetrics metrics = button->fontMetrics();
        paddings->append(qMax(0, button->sizeHint().width() - metrics.horizontalAdvance(button->text())));
        textWidths->append(qMin(metrics.horizontalAdvance(m_crumbs.at(index).text), int(MaxCrumbWidth)));
    }

    const QMargins margins = m_layout->contentsMargins();
    int fixed = margins.left() + margins.right() + int(m_layout->spacing() * (m_buttons.size() + m_separators.size()));
    for (QWidget *separator : std::as_const(m_separators))
        fixed += separator->sizeHint().width();
    return fixed;
}

QSize QueryBreadcrumbs::sizeHint() const
{
    QList<int> textWidths;
    QList<int> paddings;
    const int fixed = measureCrumbs(&textWidths, &paddings);
    const int width = fixed + std::accumulate(textWidths.cbegin(), textWidths.cend(), 0)
        + std::accumulate(paddings.cbegin(), paddings.cend(), 0);
    return QSize(width, minimumSizeHint().height());
}

void QueryBreadcrumbs::elideCrumbs()
{
    if (m_buttons.isEmpty())
        return;

    const qsizetype count = m_buttons.size();
    QList<int> preferred;
    QList<int> padding;
    int available = width() - measureCrumbs(&preferred, &padding);
    available -= std::accumulate(padding.cbegin(), padding.cend(), 0);

    // Share the room fairly: crumbs narrower than an equal share keep their width, and
    // the others split what remains equally.
    QList<qsizetype> order(count);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&preferred](qsizetype a, qsizetype b) { return preferred.at(a) < preferred.at(b); });
    QList<int> granted(count);
    int remaining = qMax(0, available);
    for (qsizetype position = 0; position < count; ++position) {
        const qsizetype index = order.at(position);
        const int share = remaining / int(count - position);
        granted[index] = qMin(preferred.at(index), share);
        remaining -= granted.at(index);
    }

    for (qsizetype index = 0; index < count; ++index) {
        QToolButton *button = m_buttons.at(index);
        const QFontMetrics metrics = button->fontMetrics();
        const int floor = metrics.horizontalAdvance(u"Wo…"_s);
        const QString text = metrics.elidedText(m_crumbs.at(index).text, Qt::ElideRight, qMax(granted.at(index), floor));
        if (button->text() != text)
            button->setText(text);
    }
}

void QueryBreadcrumbs::rebuild()
{
    const TermDescriber describer(m_session, m_table);
    m_crumbs = {Crumb{tr("All"), -1}};
    for (qsizetype index = 0; index < m_terms.size(); ++index) {
        const Term &term = m_terms.at(index);
        if (term.kind == Term::Kind::OrderBy)
            continue;
        if (term.kind == Term::Kind::Verbatim && term.text.isEmpty())
            continue;

        const QString text = describer.describe(term);
        if (term.join == snow::QueryBuilder::Join::Or && m_crumbs.size() > 1) {
            m_crumbs.last().text += tr(" or %1").arg(text);
            m_crumbs.last().lastTerm = int(index);
        } else if (term.join == snow::QueryBuilder::Join::NewQuery && m_crumbs.size() > 1) {
            m_crumbs.append(Crumb{tr("new query: %1").arg(text), int(index)});
        } else {
            m_crumbs.append(Crumb{text, int(index)});
        }
    }

    for (QWidget *widget : std::as_const(m_buttons))
        widget->deleteLater();
    for (QWidget *widget : std::as_const(m_separators))
        widget->deleteLater();
    m_buttons.clear();
    m_separators.clear();

    for (qsizetype index = 0; index < m_crumbs.size(); ++index) {
        if (index > 0) {
            auto *separator = new QLabel(u"›"_s, this);
            separator->setAccessibleName(tr("then"));
            m_layout->insertWidget(m_layout->count() - 1, separator);
            m_separators.append(separator);
        }

        auto *button = new QToolButton(this);
        const QString text = m_crumbs.at(index).text;
        button->setObjectName(u"crumb%1"_s.arg(index));
        button->setText(button->fontMetrics().elidedText(text, Qt::ElideRight, MaxCrumbWidth));
        button->setToolTip(index == 0 ? tr("Show every record") : tr("%1\nClick to drop the conditions after this one").arg(text));
        button->setAutoRaise(true);
        button->setFocusPolicy(Qt::StrongFocus);
        if (index + 1 == m_crumbs.size()) {
            QFont font = button->font();
            font.setBold(true);
            button->setFont(font);
        }
        connect(button, &QToolButton::clicked, this, [this, index] { activateCrumb(int(index)); });
        m_layout->insertWidget(m_layout->count() - 1, button);
        m_buttons.append(button);
    }
    elideCrumbs();
}
