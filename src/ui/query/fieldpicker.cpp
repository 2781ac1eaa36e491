#include "query/fieldpicker.h"

#include <QtGui/QFocusEvent>
#include <QtWidgets/QCompleter>
#include <QtWidgets/QLineEdit>

using namespace Qt::StringLiterals;

FieldPicker::FieldPicker(QWidget *parent)
    : QComboBox(parent)
{
    setEditable(true);
    setInsertPolicy(QComboBox::NoInsert);
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setMinimumContentsLength(16);
    setMaxVisibleItems(20);
    lineEdit()->setPlaceholderText(tr("Field"));
    m_missingText = tr("%1 (not in the dictionary)");

    // The completer searches "Label (name)" anywhere in the text, so both "Caller"
    // and "caller_id" find the caller field.
    auto *searcher = new QCompleter(model(), this);
    searcher->setCompletionRole(SearchTextRole);
    searcher->setFilterMode(Qt::MatchContains);
    searcher->setCaseSensitivity(Qt::CaseInsensitive);
    searcher->setCompletionMode(QCompleter::PopupCompletion);
    searcher->setMaxVisibleItems(15);
    setCompleter(searcher);
    // The line edit takes the "Label (name)" text of a picked completion, through a
    // connection it makes at each focus-in, so the label is restored afterwards.
    connect(searcher, qOverload<const QString &>(&QCompleter::activated), this, &FieldPicker::restoreText, Qt::QueuedConnection);

    // activated() covers both the dropdown and the search popup.
    connect(this, &QComboBox::activated, this, [this] {
        restoreText();
        const QString name = currentField();
        if (name == m_lastField)
            return;
        m_lastField = name;
        Q_EMIT fieldPicked(name);
    });
}

void FieldPicker::setFields(const QList<FieldInfo> &fields, const QString &firstLabel)
{
    const QString keep = m_lastField;
    const QSignalBlocker blocker(this);
    clear();

    if (!firstLabel.isNull()) {
        addItem(firstLabel, QString());
        setItemData(0, firstLabel, SearchTextRole);
        lineEdit()->setPlaceholderText(firstLabel);
    }

    QList<FieldInfo> sorted = fields;
    std::sort(sorted.begin(), sorted.end(), [](const FieldInfo &left, const FieldInfo &right) {
        return QString::localeAwareCompare(left.label, right.label) < 0;
    });
    for (const FieldInfo &field : std::as_const(sorted)) {
        addItem(field.label, field.name);
        const int index = count() - 1;
        setItemData(index, u"%1 (%2)"_s.arg(field.label, field.name), SearchTextRole);
        setItemData(index, field.name, Qt::ToolTipRole);
    }

    setCurrentField(keep);
}

void FieldPicker::setCurrentField(const QString &name)
{
    const QSignalBlocker blocker(this);
    int index = findData(name);
    if (index < 0 && !name.isEmpty()) {
        const QString label = m_missingText.arg(name);
        addItem(label, name);
        index = count() - 1;
        setItemData(index, label, SearchTextRole);
    }
    setCurrentIndex(index);
    m_lastField = currentField();
    restoreText();
}

QString FieldPicker::currentField() const
{
    return currentIndex() < 0 ? QString() : currentData().toString();
}

void FieldPicker::focusInEvent(QFocusEvent *event)
{
    QComboBox::focusInEvent(event);
    // Typing starts a new search instead of editing the shown label.
    if (event->reason() != Qt::PopupFocusReason)
        lineEdit()->selectAll();
}

void FieldPicker::focusOutEvent(QFocusEvent *event)
{
    QComboBox::focusOutEvent(event);
    // Text typed for a search without picking a field is dropped, unless the focus
    // only went to the search popup.
    if (event->reason() != Qt::PopupFocusReason)
        restoreText();
}

void FieldPicker::restoreText()
{
    // The item without a field shows as the placeholder, so the user can type at once.
    const QString text = currentField().isEmpty() ? QString() : itemText(currentIndex());
    if (lineEdit() && lineEdit()->text() != text)
        lineEdit()->setText(text);
}
