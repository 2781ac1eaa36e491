#include "fieldpanel.h"

#include "editor/collapsiblesection.h"

#include <snow/record.h>

#include <QtWidgets/QApplication>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QScrollArea>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

// The fields of the top of a task form, in the order ServiceNow's default incident
// form shows them; those a table lacks are skipped.
const QStringList &commonFields()
{
    static const QStringList fields = {
        u"number"_s, u"caller_id"_s, u"opened_for"_s, u"requested_for"_s, u"state"_s, u"priority"_s,
        u"impact"_s, u"urgency"_s, u"category"_s, u"assignment_group"_s, u"assigned_to"_s,
        u"short_description"_s, u"description"_s,
    };
    return fields;
}

bool takesJournalEntries(const FieldInfo &info)
{
    return info.type == FieldType::Journal && info.internalType == u"journal_input";
}

QFormLayout *newFormLayout()
{
    auto *layout = new QFormLayout;
    layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->setRowWrapPolicy(QFormLayout::DontWrapRows);
    layout->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
    return layout;
}

} // namespace

FormLayoutPlan planFormLayout(const TableSchema &schema)
{
    FormLayoutPlan plan;
    QSet<QString> placed;
    const auto place = [&](QStringList &list, const QString &name) {
        if (!placed.contains(name) && schema.field(name)) {
            list.append(name);
            placed.insert(name);
        }
    };

    place(plan.mainFields, schema.displayField());
    for (const QString &name : commonFields()) {
        // A task's state and priorities are choice lists. Elsewhere the same names can
        // mean something else, such as the address state of a user.
        const FieldInfo *info = schema.field(name);
        const bool taskChoice = name == u"state" || name == u"priority" || name == u"impact" || name == u"urgency";
        if (taskChoice && info && info->type != FieldType::Choice)
            continue;
        place(plan.mainFields, name);
    }
    for (const FieldInfo &info : schema.fields) {
        if (info.mandatory && !info.readOnly && info.type != FieldType::Journal)
            place(plan.mainFields, info.name);
    }

    for (const QString &name : {u"comments"_s, u"work_notes"_s}) {
        if (const FieldInfo *info = schema.field(name); info && takesJournalEntries(*info))
            place(plan.journalFields, name);
    }
    for (const FieldInfo &info : schema.fields) {
        if (takesJournalEntries(info))
            place(plan.journalFields, info.name);
    }

    // schema.fields is sorted by label already.
    for (const FieldInfo &info : schema.fields)
        place(plan.otherFields, info.name);
    return plan;
}

FieldPanel::FieldPanel(const EditorContext &context, QWidget *parent)
    : QWidget(parent)
    , m_schema(context.schema)
{
    Q_ASSERT(m_schema);
    const FormLayoutPlan plan = planFormLayout(*m_schema);

    auto *mainLayout = newFormLayout();
    for (const QString &name : plan.mainFields)
        addField(mainLayout, *m_schema->field(name), context);

    auto *journalLayout = newFormLayout();
    for (const QString &name : plan.journalFields)
        addField(journalLayout, *m_schema->field(name), context);

    // Two columns, the first half of the labels on the left, keep 100 fields within
    // about two screens.
    auto *columns = new QWidget;
    auto *columnsLayout = new QHBoxLayout(columns);
    columnsLayout->setContentsMargins(0, 0, 0, 0);
    auto *left = newFormLayout();
    auto *right = newFormLayout();
    columnsLayout->addLayout(left, 1);
    columnsLayout->addSpacing(12);
    columnsLayout->addLayout(right, 1);
    const qsizetype half = (plan.otherFields.size() + 1) / 2;
    for (qsizetype i = 0; i < plan.otherFields.size(); ++i) {
        const QString &name = plan.otherFields.at(i);
        m_otherFields.insert(name);
        addField(i < half ? left : right, *m_schema->field(name), context);
    }

    m_allFields = new CollapsibleSection(tr("All fields (%1)").arg(plan.otherFields.size()), this);
    m_allFields->setObjectName(u"allFieldsSection"_s);
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(u"fieldFilter"_s);
    m_filter->setPlaceholderText(tr("Filter fields"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMaximumWidth(260);
    m_allFields->addHeaderWidget(m_filter);
    m_allFields->setContent(columns);
    connect(m_filter, &QLineEdit::textChanged, this, &FieldPanel::setFilter);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(mainLayout);
    if (!plan.journalFields.isEmpty()) {
        auto *activity = new QLabel(tr("Activity"), this);
        QFont font = activity->font();
        font.setBold(true);
        activity->setFont(font);
        layout->addSpacing(8);
        layout->addWidget(activity);
        layout->addLayout(journalLayout);
    } else {
        delete journalLayout;
    }
    layout->addSpacing(8);
    layout->addWidget(m_allFields);
    layout->addStretch(1);
}

void FieldPanel::addField(QFormLayout *layout, const FieldInfo &info, const EditorContext &context)
{
    FieldEditor *editor = createFieldEditor(info, context, this);
    const bool acceptsInput = info.type != FieldType::Journal || takesJournalEntries(info);
    editor->setReadOnly(info.readOnly || !acceptsInput);

    auto *label = new QLabel(this);
    label->setObjectName(u"label_"_s + info.name);
    label->setBuddy(editor);
    label->setTextFormat(Qt::RichText);

    m_editors.insert(info.name, editor);
    m_order.append(editor);
    m_labels.insert(info.name, label);
    m_layouts.insert(info.name, layout);
    layout->addRow(label, editor);
    updateLabel(info.name);

    connect(editor, &FieldEditor::edited, this, [this, name = info.name] {
        m_problems.remove(name);
        updateLabel(name);
        Q_EMIT edited(name);
    });
}

void FieldPanel::showRecord(const snow::Record &record)
{
    for (FieldEditor *editor : std::as_const(m_order)) {
        editor->setValue(fieldValueOf(record, editor->field().name));
        updateLabel(editor->field().name);
    }
}

QMap<QString, FieldValue> FieldPanel::edits() const
{
    QMap<QString, FieldValue> result;
    for (FieldEditor *editor : m_order) {
        if (!editor->isReadOnly() && editor->isChanged())
            result.insert(editor->field().name, editor->value());
    }
    return result;
}

void FieldPanel::applyEdits(const QMap<QString, FieldValue> &edits)
{
    for (auto it = edits.cbegin(); it != edits.cend(); ++it) {
        if (FieldEditor *editor = m_editors.value(it.key()); editor && !editor->isReadOnly())
            editor->applyEdit(*it);
    }
}

bool FieldPanel::revertField(const QString &field)
{
    FieldEditor *editor = m_editors.value(field);
    if (!editor)
        return false;
    const bool wasChanged = editor->isChanged();
    editor->setValue(editor->loadedValue());
    m_problems.remove(field);
    updateLabel(field);
    if (wasChanged)
        Q_EMIT edited(field);
    return true;
}

void FieldPanel::revertAll()
{
    for (FieldEditor *editor : std::as_const(m_order))
        revertField(editor->field().name);
}

FieldEditor *FieldPanel::focusedEditor() const
{
    for (QWidget *widget = QApplication::focusWidget(); widget; widget = widget->parentWidget()) {
        if (auto *editor = qobject_cast<FieldEditor *>(widget); editor && m_editors.value(editor->field().name) == editor)
            return editor;
    }
    return nullptr;
}

QStringList FieldPanel::validate(bool checkMandatory)
{
    QStringList problems;
    QStringList missing;
    m_problems.clear();
    for (FieldEditor *editor : std::as_const(m_order)) {
        const FieldInfo &info = editor->field();
        const QString error = editor->validationError();
        if (!error.isEmpty()) {
            problems.append(error);
            m_problems.insert(info.name);
        } else if (checkMandatory && info.mandatory && !editor->isReadOnly() && info.type != FieldType::Journal
                   && editor->value().value.isEmpty()) {
            missing.append(info.label);
            m_problems.insert(info.name);
        }
    }
    if (!missing.isEmpty())
        problems.prepend(tr("Fill in the mandatory fields: %1.").arg(missing.join(u", "_s)));

    for (FieldEditor *editor : std::as_const(m_order))
        updateLabel(editor->field().name);
    return problems;
}

FieldEditor *FieldPanel::firstProblem() const
{
    for (FieldEditor *editor : m_order) {
        if (m_problems.contains(editor->field().name))
            return editor;
    }
    return nullptr;
}

void FieldPanel::setNotes(const QHash<QString, QString> &notes)
{
    const QHash<QString, QString> previous = std::exchange(m_notes, notes);
    for (auto it = previous.cbegin(); it != previous.cend(); ++it)
        updateLabel(it.key());
    for (auto it = notes.cbegin(); it != notes.cend(); ++it)
        updateLabel(it.key());
}

void FieldPanel::focusEditor(FieldEditor *editor)
{
    if (!editor)
        return;
    if (m_otherFields.contains(editor->field().name)) {
        m_allFields->setExpanded(true);
        if (!m_filter->text().isEmpty())
            m_filter->clear();
    }
    editor->setFocus(Qt::OtherFocusReason);
    for (QWidget *widget = parentWidget(); widget; widget = widget->parentWidget()) {
        if (auto *scrollArea = qobject_cast<QScrollArea *>(widget)) {
            scrollArea->ensureWidgetVisible(editor);
            break;
        }
    }
}

void FieldPanel::setFilter(const QString &text)
{
    const QString needle = text.trimmed();
    if (!needle.isEmpty())
        m_allFields->setExpanded(true);
    for (const QString &name : std::as_const(m_otherFields)) {
        const FieldInfo &info = m_editors.value(name)->field();
        const bool matches = needle.isEmpty() || info.label.contains(needle, Qt::CaseInsensitive)
            || info.name.contains(needle, Qt::CaseInsensitive);
        m_layouts.value(name)->setRowVisible(m_editors.value(name), matches);
    }
}

void FieldPanel::updateLabel(const QString &field)
{
    QLabel *label = m_labels.value(field);
    FieldEditor *editor = m_editors.value(field);
    if (!label || !editor)
        return;

    const FieldInfo &info = editor->field();
    QString text = info.label.toHtmlEscaped();
    if (editor->isChanged())
        text = u"<b>"_s + text + u"</b>"_s;
    if (m_problems.contains(field))
        text = u"<span style=\"color:#c62828\">"_s + text + u"</span>"_s;
    if (m_notes.contains(field))
        text = u"<span style=\"color:#e65100\">&#9650;</span> "_s + text;
    if (info.mandatory && !editor->isReadOnly())
        text = u"<span style=\"color:#c62828\">*</span> "_s + text;

    QStringList tips;
    if (info.mandatory)
        tips << tr("Mandatory.");
    if (editor->isReadOnly())
        tips << tr("Read-only.");
    if (editor->isChanged()) {
        const FieldValue loaded = editor->loadedValue();
        const QString loadedText = loaded.displayValue.isEmpty() ? loaded.value : loaded.displayValue;
        tips << tr("Changed; on the instance: %1. Press Esc in the field to undo.")
                    .arg(loadedText.isEmpty() ? tr("(empty)") : loadedText.left(200));
    }
    if (m_notes.contains(field))
        tips << m_notes.value(field);
    tips << tr("Field name: %1").arg(info.name);

    label->setText(text);
    label->setToolTip(tips.join(u'\n'));
}
