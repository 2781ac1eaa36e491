#include "datetimeeditors.h"

#include "editor/pluraltext.h"

#include <QtCore/QDateTime>
#include <QtWidgets/QCalendarWidget>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMenu>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QTimeEdit>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QWidgetAction>

using namespace Qt::StringLiterals;

namespace {

const QString DateTimeFormat = u"yyyy-MM-dd HH:mm:ss"_s;
const QString DateFormat = u"yyyy-MM-dd"_s;
constexpr qint64 SecondsPerDay = 24 * 60 * 60;

} // namespace

CalendarFieldEditor::CalendarFieldEditor(const FieldInfo &field, const QString &format, QWidget *parent)
    : FieldEditor(field, parent)
    , m_format(format)
    , m_line(new QLineEdit(this))
    , m_pickButton(new QToolButton(this))
    , m_pickMenu(new QMenu(this))
    , m_calendar(new QCalendarWidget(this))
{
    m_line->setPlaceholderText(format.toUpper().replace(u"HH"_s, u"hh"_s));
    m_line->setMaximumWidth(m_line->fontMetrics().horizontalAdvance(u"0000-00-00 00:00:00  "_s) + 16);
    // In a narrow column the box would otherwise cut off the start of the value.
    const QString widest = QDateTime(QDate(2000, 12, 28), QTime(23, 59, 59)).toString(format);
    m_line->setMinimumWidth(qMin(m_line->maximumWidth(), m_line->fontMetrics().horizontalAdvance(widest) + 16));

    m_calendar->setGridVisible(true);
    auto *calendarAction = new QWidgetAction(m_pickMenu);
    calendarAction->setDefaultWidget(m_calendar);
    m_pickMenu->addAction(calendarAction);
    m_pickMenu->addSeparator();
    m_pickMenu->addAction(tr("Now"), this, [this] {
        m_line->setText(textForNow());
        m_pickMenu->close();
    });
    m_pickMenu->addAction(tr("Clear"), this, [this] { m_line->clear(); });

    m_pickButton->setText(tr("…"));
    m_pickButton->setToolTip(tr("Pick a date"));
    m_pickButton->setMenu(m_pickMenu);
    m_pickButton->setPopupMode(QToolButton::InstantPopup);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_line);
    layout->addWidget(m_pickButton);
    layout->addStretch(1);
    setFocusProxy(m_line);

    connect(m_line, &QLineEdit::textChanged, this, &CalendarFieldEditor::notifyEdited);
    connect(m_pickMenu, &QMenu::aboutToShow, this, [this] {
        const QDate typed = QDate::fromString(m_line->text().left(10), DateFormat);
        m_calendar->setSelectedDate(typed.isValid() ? typed : QDate::currentDate());
    });
    connect(m_calendar, &QCalendarWidget::clicked, this, [this](QDate date) {
        m_line->setText(textForPickedDate(date));
        m_pickMenu->close();
    });
}

void CalendarFieldEditor::setReadOnly(bool readOnly)
{
    rememberReadOnly(readOnly);
    m_line->setReadOnly(readOnly);
    m_pickButton->setVisible(!readOnly);
    if (readOnly)
        m_line->setPlaceholderText(QString());
}

QVariant CalendarFieldEditor::widgetState() const
{
    return m_line->text();
}

void CalendarFieldEditor::addTrailingWidget(QWidget *widget)
{
    auto *layout = static_cast<QHBoxLayout *>(this->layout());
    layout->insertWidget(layout->count() - 1, widget);
}

DateTimeFieldEditor::DateTimeFieldEditor(const FieldInfo &field, const QTimeZone &timeZone, QWidget *parent)
    : CalendarFieldEditor(field, DateTimeFormat, parent)
    , m_timeZone(timeZone.isValid() ? timeZone : QTimeZone::utc())
{
    auto *zone = new QLabel(this);
    zone->setText(m_timeZone.abbreviation(QDateTime::currentDateTimeUtc()));
    zone->setToolTip(tr("Shown in %1 time, your time zone on the instance; saved in UTC.")
                         .arg(QString::fromUtf8(m_timeZone.id())));
    zone->setForegroundRole(QPalette::PlaceholderText);
    addTrailingWidget(zone);
    lineEdit()->setToolTip(zone->toolTip());
}

QString DateTimeFieldEditor::validationError() const
{
    const QString text = lineEdit()->text().trimmed();
    if (text.isEmpty() || !isChanged() || typedDateTime().isValid())
        return QString();
    return tr("%1: \"%2\" is not a date and time. Type it as YYYY-MM-DD hh:mm:ss in %3 time.")
        .arg(field().label, text, QString::fromUtf8(m_timeZone.id()));
}

void DateTimeFieldEditor::display(const FieldValue &value)
{
    const QDateTime utc = WireValues::parseDateTime(value.value);
    if (utc.isValid())
        lineEdit()->setText(utc.toTimeZone(m_timeZone).toString(DateTimeFormat));
    else
        lineEdit()->setText(value.value.isEmpty() ? QString() : value.displayValue);
}

FieldValue DateTimeFieldEditor::editedValue() const
{
    const QString text = lineEdit()->text().trimmed();
    if (text.isEmpty())
        return {};
    const QDateTime local = typedDateTime();
    if (!local.isValid())
        return {text, text};
    return {WireValues::formatDateTime(local), text};
}

QString DateTimeFieldEditor::textForPickedDate(QDate date) const
{
    const QString text = lineEdit()->text().trimmed();
    const QTime time = text.size() == 19 ? QTime::fromString(text.mid(11), u"HH:mm:ss"_s) : QTime();
    return date.toString(DateFormat) + u' ' + (time.isValid() ? time : QTime(0, 0)).toString(u"HH:mm:ss"_s);
}

QString DateTimeFieldEditor::textForNow() const
{
    return QDateTime::currentDateTimeUtc().toTimeZone(m_timeZone).toString(DateTimeFormat);
}

QDateTime DateTimeFieldEditor::typedDateTime() const
{
    // The wall-clock time is read as UTC first, then given the user's zone, so the
    // machine's own time zone never takes part.
    const QDateTime wallClock = WireValues::parseDateTime(lineEdit()->text().trimmed());
    if (!wallClock.isValid())
        return {};
    return QDateTime(wallClock.date(), wallClock.time(), m_timeZone);
}

DateFieldEditor::DateFieldEditor(const FieldInfo &field, QWidget *parent)
    : CalendarFieldEditor(field, DateFormat, parent)
{
}

QString DateFieldEditor::validationError() const
{
    const QString text = lineEdit()->text().trimmed();
    if (text.isEmpty() || !isChanged() || WireValues::parseDate(text).isValid())
        return QString();
    return tr("%1: \"%2\" is not a date. Type it as YYYY-MM-DD.").arg(field().label, text);
}

void DateFieldEditor::display(const FieldValue &value)
{
    lineEdit()->setText(value.value.isEmpty() ? QString() : value.value);
}

FieldValue DateFieldEditor::editedValue() const
{
    const QString text = lineEdit()->text().trimmed();
    const QDate date = WireValues::parseDate(text);
    if (!date.isValid())
        return {text, text};
    return {WireValues::formatDate(date), text};
}

QString DateFieldEditor::textForPickedDate(QDate date) const
{
    return WireValues::formatDate(date);
}

QString DateFieldEditor::textForNow() const
{
    return WireValues::formatDate(QDate::currentDate());
}

DurationFieldEditor::DurationFieldEditor(const FieldInfo &field, QWidget *parent)
    : FieldEditor(field, parent)
    , m_days(new QSpinBox(this))
    , m_time(new QTimeEdit(this))
{
    m_days->setRange(0, 99999);
    m_days->setSuffix(tr(" days"));
    m_days->setAccessibleName(tr("%1, days").arg(field.label));
    m_time->setDisplayFormat(u"HH:mm:ss"_s);
    m_time->setAccessibleName(tr("%1, hours, minutes and seconds").arg(field.label));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_days);
    layout->addWidget(m_time);
    layout->addStretch(1);
    setFocusProxy(m_days);

    connect(m_days, &QSpinBox::valueChanged, this, &DurationFieldEditor::notifyEdited);
    connect(m_time, &QTimeEdit::timeChanged, this, &DurationFieldEditor::notifyEdited);
}

void DurationFieldEditor::setReadOnly(bool readOnly)
{
    rememberReadOnly(readOnly);
    m_days->setReadOnly(readOnly);
    m_time->setReadOnly(readOnly);
}

qint64 DurationFieldEditor::seconds() const
{
    return m_days->value() * SecondsPerDay + m_time->time().msecsSinceStartOfDay() / 1000;
}

QString DurationFieldEditor::durationText(qint64 seconds)
{
    const QString time = QTime::fromMSecsSinceStartOfDay(int(seconds % SecondsPerDay) * 1000).toString(u"HH:mm:ss"_s);
    const qint64 days = seconds / SecondsPerDay;
    if (days == 0)
        return time;
    return pluralText(days, tr("1 day %2"), tr("%1 days %2")).arg(time);
}

void DurationFieldEditor::display(const FieldValue &value)
{
    const qint64 total = WireValues::parseDuration(value.value).value_or(0);
    m_days->setValue(int(qMin<qint64>(total / SecondsPerDay, m_days->maximum())));
    m_time->setTime(QTime::fromMSecsSinceStartOfDay(int(total % SecondsPerDay) * 1000));
}

QVariant DurationFieldEditor::widgetState() const
{
    return seconds();
}

FieldValue DurationFieldEditor::editedValue() const
{
    const qint64 total = seconds();
    if (total == 0)
        return {};
    return {WireValues::formatDuration(total), durationText(total)};
}
