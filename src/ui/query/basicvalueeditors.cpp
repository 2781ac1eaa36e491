#include "query/basicvalueeditors.h"

#include "query/durationvalue.h"

#include <QtCore/QRegularExpression>
#include <QtGui/QKeyEvent>
#include <QtGui/QRegularExpressionValidator>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMenu>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QTimeEdit>
#include <QtWidgets/QToolButton>

using namespace Qt::StringLiterals;

namespace {

QHBoxLayout *rowLayout(QWidget *widget)
{
    auto *layout = new QHBoxLayout(widget);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    return layout;
}

QRegularExpression numberPattern(TextValueEditor::Format format)
{
    if (format == TextValueEditor::Format::Integer)
        return QRegularExpression(u"-?\\d*"_s);
    return QRegularExpression(u"-?\\d*(\\.\\d*)?"_s);
}

// A menu that stays open while the user checks entries with the mouse or the space
// bar; Return or Escape closes it.
class CheckMenu : public QMenu
{
public:
    using QMenu::QMenu;

protected:
    void mouseReleaseEvent(QMouseEvent *event) override
    {
        QAction *action = actionAt(event->position().toPoint());
        if (action && action->isCheckable()) {
            action->toggle();
            return;
        }
        QMenu::mouseReleaseEvent(event);
    }

    void keyPressEvent(QKeyEvent *event) override
    {
        if (event->key() == Qt::Key_Space && activeAction() && activeAction()->isCheckable()) {
            activeAction()->toggle();
            return;
        }
        QMenu::keyPressEvent(event);
    }
};

} // namespace

// --- TextValueEditor

TextValueEditor::TextValueEditor(Format format, QWidget *parent)
    : ValueEditor(parent)
    , m_format(format)
    , m_edit(new QLineEdit(this))
{
    rowLayout(this)->addWidget(m_edit);
    setFocusProxy(m_edit);
    m_edit->setObjectName(u"valueText"_s);
    m_edit->setMinimumWidth(140);
    if (format != Format::Text) {
        m_edit->setValidator(new QRegularExpressionValidator(numberPattern(format), m_edit));
        m_edit->setPlaceholderText(format == Format::Integer ? tr("Whole number") : tr("Number"));
    } else {
        m_edit->setPlaceholderText(tr("Value"));
    }
    connect(m_edit, &QLineEdit::textEdited, this, &ValueEditor::valuesChanged);
}

QStringList TextValueEditor::values() const
{
    return {m_edit->text()};
}

void TextValueEditor::setValues(const QStringList &values)
{
    m_edit->setText(values.value(0));
}

bool TextValueEditor::canShow(const QStringList &values) const
{
    if (values.size() != 1)
        return false;
    if (m_format == Format::Text)
        return true;
    const QRegularExpression whole(QRegularExpression::anchoredPattern(numberPattern(m_format).pattern()));
    return whole.match(values.first()).hasMatch();
}

// --- TextListValueEditor

TextListValueEditor::TextListValueEditor(QWidget *parent)
    : ValueEditor(parent)
    , m_edit(new QLineEdit(this))
{
    rowLayout(this)->addWidget(m_edit);
    setFocusProxy(m_edit);
    m_edit->setObjectName(u"valueList"_s);
    m_edit->setMinimumWidth(160);
    m_edit->setPlaceholderText(tr("Values separated by commas"));
    connect(m_edit, &QLineEdit::textEdited, this, &ValueEditor::valuesChanged);
}

QStringList TextListValueEditor::values() const
{
    // ServiceNow has no escape for a comma inside one value of a list.
    return m_edit->text().split(u',');
}

void TextListValueEditor::setValues(const QStringList &values)
{
    m_edit->setText(values.join(u','));
}

bool TextListValueEditor::canShow(const QStringList &values) const
{
    return std::none_of(values.cbegin(), values.cend(), [](const QString &value) { return value.contains(u','); });
}

// --- ComboValueEditor

ComboValueEditor::ComboValueEditor(const QList<Entry> &entries, QWidget *parent)
    : ValueEditor(parent)
    , m_combo(new QComboBox(this))
{
    rowLayout(this)->addWidget(m_combo);
    setFocusProxy(m_combo);
    m_combo->setObjectName(u"valueChoice"_s);
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (const Entry &entry : entries)
        m_combo->addItem(entry.label, entry.value);
    connect(m_combo, &QComboBox::activated, this, &ValueEditor::valuesChanged);
}

QStringList ComboValueEditor::values() const
{
    return {m_combo->currentData().toString()};
}

void ComboValueEditor::setValues(const QStringList &values)
{
    const int index = m_combo->findData(values.value(0));
    if (index >= 0)
        m_combo->setCurrentIndex(index);
}

bool ComboValueEditor::canShow(const QStringList &values) const
{
    return values.size() == 1 && m_combo->findData(values.first()) >= 0;
}

QList<ComboValueEditor::Entry> ComboValueEditor::booleanEntries()
{
    return {{tr("true"), u"true"_s}, {tr("false"), u"false"_s}};
}

QList<ComboValueEditor::Entry> ComboValueEditor::choiceEntries(const ValueEditorContext &context)
{
    QList<Entry> entries;
    if (!context.schema)
        return entries;
    const QList<ChoiceOption> options = context.schema->choices.value(context.field.name);
    for (const ChoiceOption &option : options)
        entries.append({option.label.isEmpty() ? option.value : option.label, option.value});
    return entries;
}

QList<ComboValueEditor::Entry> ComboValueEditor::fieldEntries(const ValueEditorContext &context)
{
    QList<Entry> entries;
    if (!context.schema)
        return entries;
    for (const FieldInfo &field : context.schema->fields) {
        if (field.name != context.field.name)
            entries.append({field.label, field.name});
    }
    return entries;
}

// --- ChoiceListValueEditor

ChoiceListValueEditor::ChoiceListValueEditor(const QList<ComboValueEditor::Entry> &entries, QWidget *parent)
    : ValueEditor(parent)
    , m_entries(entries)
    , m_button(new QToolButton(this))
    , m_menu(new CheckMenu(this))
{
    rowLayout(this)->addWidget(m_button);
    setFocusProxy(m_button);
    m_button->setObjectName(u"valueChoices"_s);
    m_button->setPopupMode(QToolButton::InstantPopup);
    m_button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_button->setFocusPolicy(Qt::StrongFocus);
    m_button->setMenu(m_menu);
    m_button->setMinimumWidth(160);
    for (const ComboValueEditor::Entry &entry : entries) {
        QAction *action = m_menu->addAction(entry.label);
        action->setCheckable(true);
        action->setData(entry.value);
        connect(action, &QAction::toggled, this, [this] {
            updateText();
            Q_EMIT valuesChanged();
        });
    }
    updateText();
}

QStringList ChoiceListValueEditor::values() const
{
    QStringList checked;
    for (const QAction *action : m_menu->actions()) {
        if (action->isChecked())
            checked.append(action->data().toString());
    }
    return checked;
}

void ChoiceListValueEditor::setValues(const QStringList &values)
{
    for (QAction *action : m_menu->actions()) {
        const QSignalBlocker actionBlocker(action);
        action->setChecked(values.contains(action->data().toString()));
    }
    updateText();
}

bool ChoiceListValueEditor::canShow(const QStringList &values) const
{
    // The menu lists entries once, in choice-list order; only such a list comes back unchanged.
    QStringList ordered;
    for (const ComboValueEditor::Entry &entry : m_entries) {
        if (values.contains(entry.value))
            ordered.append(entry.value);
    }
    return !values.isEmpty() && ordered == values;
}

void ChoiceListValueEditor::updateText()
{
    QStringList labels;
    for (const QAction *action : m_menu->actions()) {
        if (action->isChecked())
            labels.append(action->text());
    }
    const QString text = labels.isEmpty() ? tr("(choose values)") : labels.join(u", "_s);
    m_button->setText(m_button->fontMetrics().elidedText(text, Qt::ElideRight, 260));
    m_button->setToolTip(text);
}

// --- RelativeValueEditor

RelativeValueEditor::RelativeValueEditor(QWidget *parent)
    : ValueEditor(parent)
    , m_amount(new QSpinBox(this))
    , m_unit(new QComboBox(this))
    , m_direction(new QComboBox(this))
{
    QHBoxLayout *layout = rowLayout(this);
    layout->addWidget(m_amount);
    layout->addWidget(m_unit);
    layout->addWidget(m_direction);
    setFocusProxy(m_amount);

    m_amount->setObjectName(u"relativeAmount"_s);
    m_amount->setRange(0, 100000);
    m_amount->setValue(1);
    m_amount->setAccessibleName(tr("Amount"));

    // The units ServiceNow's relative operators take.
    m_unit->setObjectName(u"relativeUnit"_s);
    m_unit->addItem(tr("minutes"), u"minute"_s);
    m_unit->addItem(tr("hours"), u"hour"_s);
    m_unit->addItem(tr("days"), u"day"_s);
    m_unit->addItem(tr("weeks"), u"week"_s);
    m_unit->addItem(tr("months"), u"month"_s);
    m_unit->addItem(tr("quarters"), u"quarter"_s);
    m_unit->addItem(tr("years"), u"year"_s);
    m_unit->setCurrentIndex(2);

    m_direction->setObjectName(u"relativeDirection"_s);
    m_direction->addItem(tr("ago"), u"ago"_s);
    m_direction->addItem(tr("from now"), u"ahead"_s);

    connect(m_amount, &QSpinBox::valueChanged, this, &ValueEditor::valuesChanged);
    connect(m_unit, &QComboBox::activated, this, &ValueEditor::valuesChanged);
    connect(m_direction, &QComboBox::activated, this, &ValueEditor::valuesChanged);
}

QStringList RelativeValueEditor::values() const
{
    return {m_unit->currentData().toString(), m_direction->currentData().toString(), QString::number(m_amount->value())};
}

void RelativeValueEditor::setValues(const QStringList &values)
{
    const QSignalBlocker blocker(m_amount);
    if (const int unit = m_unit->findData(values.value(0)); unit >= 0)
        m_unit->setCurrentIndex(unit);
    if (const int direction = m_direction->findData(values.value(1)); direction >= 0)
        m_direction->setCurrentIndex(direction);
    m_amount->setValue(values.value(2).toInt());
}

bool RelativeValueEditor::canShow(const QStringList &values) const
{
    if (values.size() != 3 || m_unit->findData(values.at(0)) < 0 || m_direction->findData(values.at(1)) < 0)
        return false;
    bool ok = false;
    const int amount = values.at(2).toInt(&ok);
    return ok && amount >= m_amount->minimum() && amount <= m_amount->maximum() && QString::number(amount) == values.at(2);
}

// --- DurationValueEditor

DurationValueEditor::DurationValueEditor(QWidget *parent)
    : ValueEditor(parent)
    , m_days(new QSpinBox(this))
    , m_time(new QTimeEdit(this))
{
    QHBoxLayout *layout = rowLayout(this);
    layout->addWidget(m_days);
    layout->addWidget(new QLabel(tr("days"), this));
    layout->addWidget(m_time);
    setFocusProxy(m_days);

    m_days->setObjectName(u"durationDays"_s);
    m_days->setRange(0, 99999);
    m_days->setAccessibleName(tr("Days"));
    m_time->setObjectName(u"durationTime"_s);
    m_time->setDisplayFormat(u"HH:mm:ss"_s);
    m_time->setAccessibleName(tr("Hours, minutes and seconds"));

    connect(m_days, &QSpinBox::valueChanged, this, &ValueEditor::valuesChanged);
    connect(m_time, &QTimeEdit::timeChanged, this, &ValueEditor::valuesChanged);
}

QStringList DurationValueEditor::values() const
{
    const qint64 seconds = qint64(m_days->value()) * 86400 + QTime(0, 0).secsTo(m_time->time());
    return {DurationValue::encode(seconds)};
}

void DurationValueEditor::setValues(const QStringList &values)
{
    const std::optional<qint64> seconds = DurationValue::parse(values.value(0));
    if (!seconds)
        return;
    const QSignalBlocker daysBlocker(m_days);
    const QSignalBlocker timeBlocker(m_time);
    m_days->setValue(int(*seconds / 86400));
    m_time->setTime(QTime(0, 0).addSecs(int(*seconds % 86400)));
}

bool DurationValueEditor::canShow(const QStringList &values) const
{
    if (values.size() != 1)
        return false;
    const std::optional<qint64> seconds = DurationValue::parse(values.first());
    return seconds && *seconds / 86400 <= m_days->maximum() && DurationValue::encode(*seconds) == values.first();
}

// --- BetweenValueEditor

BetweenValueEditor::BetweenValueEditor(ValueEditor *start, ValueEditor *end, QWidget *parent)
    : ValueEditor(parent)
    , m_start(start)
    , m_end(end)
{
    QHBoxLayout *layout = rowLayout(this);
    layout->addWidget(start);
    layout->addWidget(new QLabel(tr("and"), this));
    layout->addWidget(end);
    start->setParent(this);
    end->setParent(this);
    start->setObjectName(u"betweenStart"_s);
    end->setObjectName(u"betweenEnd"_s);
    setFocusProxy(start);
    connect(start, &ValueEditor::valuesChanged, this, &ValueEditor::valuesChanged);
    connect(end, &ValueEditor::valuesChanged, this, &ValueEditor::valuesChanged);
}

QStringList BetweenValueEditor::values() const
{
    return {m_start->values().value(0), m_end->values().value(0)};
}

void BetweenValueEditor::setValues(const QStringList &values)
{
    m_start->setValues({values.value(0)});
    m_end->setValues({values.value(1)});
}

bool BetweenValueEditor::canShow(const QStringList &values) const
{
    return values.size() == 2 && m_start->canShow({values.at(0)}) && m_end->canShow({values.at(1)});
}
