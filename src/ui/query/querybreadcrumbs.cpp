#include "query/querybreadcrumbs.h"

#include "app/session.h"
#include "metadata/schemacache.h"
#include "query/queryrowmodel.h"
#include "query/referencenames.h"
#include "query/termdescriber.h"

#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QToolButton>

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
}
