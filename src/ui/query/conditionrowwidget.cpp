#include "query/conditionrowwidget.h"

#include "app/session.h"
#include "metadata/schemacache.h"
#include "query/fieldpicker.h"

#include <QtWidgets/QComboBox>
#include <QtWidgets/QHBoxLayout>

using namespace Qt::StringLiterals;

using snow::QueryBuilder;
using Term = QueryBuilder::Term;

ConditionRowWidget::ConditionRowWidget(Session *session, const QString &table, const Term &term, QWidget *parent)
    : QueryRowWidget(term, parent)
    , m_session(session)
    , m_table(table)
    , m_fieldPicker(new FieldPicker(this))
    , m_relatedPicker(new FieldPicker(this))
    , m_operatorBox(new QComboBox(this))
{
    m_fieldPicker->setObjectName(u"fieldPicker"_s);
    m_fieldPicker->setAccessibleName(tr("Field"));
    m_relatedPicker->setObjectName(u"relatedFieldPicker"_s);
    m_relatedPicker->setAccessibleName(tr("Field of the referenced record"));
    m_relatedPicker->setToolTip(tr("Compare a field of the referenced record (dot-walking), or the reference itself"));
    m_operatorBox->setObjectName(u"operatorBox"_s);
    m_operatorBox->setAccessibleName(tr("Operator"));
    m_operatorBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    editorLayout()->addWidget(m_fieldPicker);
    editorLayout()->addWidget(m_relatedPicker);
    editorLayout()->addWidget(m_operatorBox);
    editorLayout()->addStretch(1);
    setFocusProxy(m_fieldPicker);

    connect(m_fieldPicker, &FieldPicker::fieldPicked, this, [this](const QString &name) { takeField(name); });
    connect(m_relatedPicker, &FieldPicker::fieldPicked, this, [this](const QString &name) {
        takeField(name.isEmpty() ? baseField() : baseField() + u'.' + name);
    });
    connect(m_operatorBox, &QComboBox::activated, this, &ConditionRowWidget::takeOperator);

    // A schema that arrives later fills the field lists and may change the field's type.
    connect(session->schemas(), &SchemaCache::schemaLoaded, this, [this](const QString &loaded) {
        if (loaded == m_table || (!referenceTable().isEmpty() && loaded == referenceTable()))
            refresh(Values::FromTerm);
    });

    refresh(Values::FromTerm);
}

QString ConditionRowWidget::baseField() const
{
    return m_term.field.section(u'.', 0, 0);
}

QString ConditionRowWidget::relatedField() const
{
    const qsizetype dot = m_term.field.indexOf(u'.');
    return dot < 0 ? QString() : m_term.field.mid(dot + 1);
}

QString ConditionRowWidget::referenceTable() const
{
    const auto schema = m_session->schemas()->cached(m_table);
    const FieldInfo *base = schema ? schema->field(baseField()) : nullptr;
    return base && base->type == FieldType::Reference ? base->referenceTable : QString();
}

FieldInfo ConditionRowWidget::fieldInfo() const
{
    SchemaCache *schemas = m_session->schemas();
    const auto schema = schemas->cached(m_table);
    const QString related = relatedField();

    const FieldInfo *found = nullptr;
    if (schema && related.isEmpty()) {
        found = schema->field(m_term.field);
    } else if (!referenceTable().isEmpty()) {
        if (const auto referenced = schemas->cached(referenceTable()))
            found = referenced->field(related);
    }
    if (found)
        return *found;

    FieldInfo unknown;
    unknown.name = related.isEmpty() ? m_term.field : related;
    unknown.label = unknown.name;
    unknown.type = FieldType::String;
    return unknown;
}

ValueEditorContext ConditionRowWidget::editorContext() const
{
    const QString table = relatedField().isEmpty() ? m_table : referenceTable();

    ValueEditorContext context;
    context.session = m_session;
    context.field = fieldInfo();
    context.schema = table.isEmpty() ? nullptr : m_session->schemas()->cached(table);
    return context;
}

OperatorOption ConditionRowWidget::currentOption() const
{
    const int index = m_operatorBox->currentIndex();
    if (index < 0 || index >= m_options.size())
        return OperatorCatalog::optionFor(fieldInfo(), m_term.op);
    return m_options.at(index);
}

void ConditionRowWidget::refresh(Values values)
{
    SchemaCache *schemas = m_session->schemas();
    const auto schema = schemas->schema(m_table);

    m_fieldPicker->setMissingText(schema ? tr("%1 (not in the dictionary)") : tr("%1 (loading…)"));
    m_fieldPicker->setFields(schema ? schema->fields : QList<FieldInfo>(), tr("-- choose field --"));

    const QString reference = referenceTable();
    m_relatedPicker->setVisible(!reference.isEmpty());
    if (!reference.isEmpty()) {
        m_fieldPicker->setCurrentField(baseField());
        const auto referenced = schemas->schema(reference);
        m_relatedPicker->setMissingText(referenced ? tr("%1 (not in the dictionary)") : tr("%1 (loading…)"));
        m_relatedPicker->setFields(referenced ? referenced->fields : QList<FieldInfo>(), tr("(this record)"));
        m_relatedPicker->setCurrentField(relatedField());
    } else {
        // An unknown field, or a dot-walk through a field that is no reference, shows whole.
        m_fieldPicker->setCurrentField(m_term.field);
    }

    const bool hasField = !m_term.field.isEmpty();
    m_operatorBox->setEnabled(hasField);
    if (!hasField) {
        m_operatorBox->clear();
        m_options.clear();
        setEditor(nullptr);
        if (values == Values::Defaults)
            m_term.values.clear();
        return;
    }

    fillOperators(fieldInfo());
    const OperatorOption option = currentOption();
    ValueEditor *editor = createValueEditor(editorContext(), option, nullptr);

    if (values == Values::Defaults) {
        setEditor(editor);
        m_term.values = editor ? editor->values() : QStringList();
        return;
    }

    // Show the term's own values. An editor that cannot show them exactly gives way
    // to a text editor, and the values stay as they are until the user edits them.
    if (editor && !editor->canShow(m_term.values)) {
        delete editor;
        editor = createTextEditor(option, nullptr);
    }
    if (editor && editor->canShow(m_term.values))
        editor->setValues(m_term.values);
    setEditor(editor);
}

void ConditionRowWidget::fillOperators(const FieldInfo &info)
{
    m_options = OperatorCatalog::optionsFor(info);
    const bool offered = std::any_of(m_options.cbegin(), m_options.cend(),
                                     [this](const OperatorOption &option) { return option.op == m_term.op; });
    if (!offered)
        m_options.append(OperatorCatalog::optionFor(info, m_term.op));

    const QSignalBlocker blocker(m_operatorBox);
    m_operatorBox->clear();
    for (const OperatorOption &option : std::as_const(m_options)) {
        m_operatorBox->addItem(option.label, int(option.op));
        m_operatorBox->setItemData(m_operatorBox->count() - 1, QueryBuilder::operatorText(option.op), Qt::ToolTipRole);
    }
    m_operatorBox->setCurrentIndex(m_operatorBox->findData(int(m_term.op)));
}

void ConditionRowWidget::setEditor(ValueEditor *editor)
{
    if (m_valueEditor) {
        const bool hadFocus = m_valueEditor->isAncestorOf(focusWidget());
        m_valueEditor->hide();
        m_valueEditor->deleteLater();
        if (hadFocus)
            m_operatorBox->setFocus();
    }
    m_valueEditor = editor;
    if (!editor)
        return;

    editor->setParent(this);
    editor->setObjectName(u"valueEditor"_s);
    // The editor goes after the operator, before the stretch.
    editorLayout()->insertWidget(editorLayout()->indexOf(m_operatorBox) + 1, editor, 1);
    editor->show();
    connect(editor, &ValueEditor::valuesChanged, this, [this, editor] {
        if (editor != m_valueEditor)
            return;
        Term edited = m_term;
        edited.values = editor->values();
        updateTerm(edited);
    });
}

void ConditionRowWidget::takeField(const QString &field)
{
    const Term before = m_term;

    // fieldInfo() and refresh() read the field from m_term, so it changes first. The
    // new field keeps the operator if its type offers it, else takes its first one,
    // and starts with the editor's default value.
    m_term.field = field;
    if (!field.isEmpty()) {
        const QList<OperatorOption> options = OperatorCatalog::optionsFor(fieldInfo());
        const bool offered = std::any_of(options.cbegin(), options.cend(),
                                         [this](const OperatorOption &option) { return option.op == m_term.op; });
        if (!offered)
            m_term.op = options.first().op;
    }
    refresh(Values::Defaults);

    const Term edited = m_term;
    m_term = before;
    updateTerm(edited);
}

void ConditionRowWidget::takeOperator()
{
    const OperatorOption option = currentOption();
    const QStringList previous = m_valueEditor ? m_valueEditor->values() : QStringList();

    Term edited = m_term;
    edited.op = option.op;

    // Values carry over when the new editor can show them ("is" to "is not").
    ValueEditor *editor = createValueEditor(editorContext(), option, nullptr);
    if (editor && editor->canShow(previous))
        editor->setValues(previous);
    setEditor(editor);
    edited.values = editor ? editor->values() : QStringList();
    updateTerm(edited);
}
