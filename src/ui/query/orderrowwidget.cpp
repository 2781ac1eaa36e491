#include "query/orderrowwidget.h"

#include "app/session.h"
#include "metadata/schemacache.h"
#include "query/fieldpicker.h"

#include <QtWidgets/QComboBox>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>

using namespace Qt::StringLiterals;

using Term = snow::QueryBuilder::Term;

OrderRowWidget::OrderRowWidget(Session *session, const QString &table, const Term &term, QWidget *parent)
    : QueryRowWidget(term, parent)
    , m_session(session)
    , m_table(table)
    , m_fieldPicker(new FieldPicker(this))
    , m_directionBox(new QComboBox(this))
{
    // ServiceNow applies every ordering whatever its join, so the row shows none.
    setJoinShown(false);

    m_fieldPicker->setObjectName(u"orderFieldPicker"_s);
    m_fieldPicker->setAccessibleName(tr("Order by field"));
    m_directionBox->setObjectName(u"directionBox"_s);
    m_directionBox->setAccessibleName(tr("Direction"));
    m_directionBox->addItem(tr("ascending (a to z, 1 to 9)"), false);
    m_directionBox->addItem(tr("descending (z to a, 9 to 1)"), true);
    m_directionBox->setCurrentIndex(term.descending ? 1 : 0);

    editorLayout()->addWidget(new QLabel(tr("Order by"), this));
    editorLayout()->addWidget(m_fieldPicker);
    editorLayout()->addWidget(m_directionBox);
    editorLayout()->addStretch(1);
    setFocusProxy(m_fieldPicker);

    connect(m_fieldPicker, &FieldPicker::fieldPicked, this, [this](const QString &name) {
        Term edited = m_term;
        edited.field = name;
        updateTerm(edited);
    });
    connect(m_directionBox, &QComboBox::activated, this, [this] {
        Term edited = m_term;
        edited.descending = m_directionBox->currentData().toBool();
        updateTerm(edited);
    });
    connect(session->schemas(), &SchemaCache::schemaLoaded, this, [this](const QString &loaded) {
        if (loaded == m_table)
            refresh();
    });
    refresh();
}

void OrderRowWidget::refresh()
{
    const auto schema = m_session->schemas()->schema(m_table);
    m_fieldPicker->setMissingText(schema ? tr("%1 (not in the dictionary)") : tr("%1 (loading…)"));
    m_fieldPicker->setFields(schema ? schema->fields : QList<FieldInfo>(), tr("-- choose field --"));
    m_fieldPicker->setCurrentField(m_term.field);
}
