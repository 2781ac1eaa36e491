#include "query/datevalueeditor.h"

#include "query/datevalues.h"

#include <QtWidgets/QComboBox>
#include <QtWidgets/QDateTimeEdit>
#include <QtWidgets/QHBoxLayout>

using namespace Qt::StringLiterals;

DateValueEditor::DateValueEditor(Mode mode, bool withTime, DateBoundary boundary, QWidget *parent)
    : ValueEditor(parent)
    , m_mode(mode)
    , m_withTime(withTime && mode == Mode::Moment)
    , m_boundary(boundary)
    , m_presetBoundary(boundary)
    , m_dayTime(boundary == DateBoundary::Start ? u"start"_s : u"end"_s)
    , m_range(new QComboBox(this))
    , m_date(new QDateTimeEdit(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_range);
    layout->addWidget(m_date);
    setFocusProxy(m_range);

    m_range->setObjectName(u"dateRange"_s);
    m_range->setAccessibleName(tr("Date range"));
    m_range->addItem(m_withTime ? tr("Specific date and time") : tr("Specific date"));
    for (const DatePreset &preset : DateValues::presets())
        m_range->addItem(preset.label, preset.name);

    m_date->setObjectName(u"dateValue"_s);
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(m_withTime ? u"yyyy-MM-dd HH:mm:ss"_s : u"yyyy-MM-dd"_s);
    m_date->setToolTip(tr("In the time zone of your ServiceNow user"));
    const QTime defaultTime = boundary == DateBoundary::Start ? QTime(0, 0, 0) : QTime(23, 59, 59);
    m_date->setDateTime(QDateTime(QDate::currentDate(), m_withTime ? defaultTime : QTime(0, 0)));

    connect(m_range, &QComboBox::activated, this, [this] {
        // A range the user picks writes the editor's own boundary.
        m_presetBoundary = m_boundary;
        updateDateEnabled();
        Q_EMIT valuesChanged();
    });
    connect(m_date, &QDateTimeEdit::dateTimeChanged, this, &ValueEditor::valuesChanged);
    updateDateEnabled();
}

void DateValueEditor::updateDateEnabled()
{
    m_date->setVisible(m_range->currentIndex() == 0);
}

QStringList DateValueEditor::values() const
{
    const int index = m_range->currentIndex();
    if (index > 0) {
        const DatePreset &preset = DateValues::presets().at(index - 1);
        if (m_mode == Mode::Day)
            return {DateValues::onValue(preset)};
        return {m_presetBoundary == DateBoundary::Start ? preset.start : preset.end};
    }

    const QDate date = m_date->date();
    if (m_mode == Mode::Day)
        return {DateValues::onValue(date)};
    if (m_withTime)
        return {DateValues::dateGenerate(date, m_date->time())};
    return {DateValues::dateGenerate(date, m_dayTime)};
}

std::optional<DateValueEditor::Reading> DateValueEditor::read(const QString &value) const
{
    const QList<DatePreset> &presets = DateValues::presets();
    const auto presetIndex = [&presets](const DatePreset *preset) { return int(preset - presets.constData()) + 1; };

    Reading reading;
    reading.boundary = m_boundary;
    reading.dayTime = m_dayTime;

    if (m_mode == Mode::Day) {
        if (const std::optional<QDate> day = DateValues::parseOnDay(value)) {
            reading.dateTime = QDateTime(*day, QTime(0, 0));
            return reading;
        }
        const std::optional<OnValue> on = DateValues::parseOnValue(value);
        if (!on)
            return std::nullopt;
        const DatePreset *preset = DateValues::findPreset(on->start, on->end);
        if (!preset || preset->name != on->name)
            return std::nullopt;
        reading.rangeIndex = presetIndex(preset);
        return reading;
    }

    if (const DatePreset *preset = DateValues::findPresetByStart(value)) {
        reading.rangeIndex = presetIndex(preset);
        reading.boundary = DateBoundary::Start;
        return reading;
    }
    if (const DatePreset *preset = DateValues::findPresetByEnd(value)) {
        reading.rangeIndex = presetIndex(preset);
        reading.boundary = DateBoundary::End;
        return reading;
    }

    const std::optional<DateValues::Generated> generated = DateValues::parseDateGenerate(value);
    if (!generated)
        return std::nullopt;
    const bool dayOnly = generated->time == u"start" || generated->time == u"end";
    if (dayOnly == m_withTime)
        return std::nullopt;
    reading.dateTime = QDateTime(generated->date, dayOnly ? QTime(0, 0) : QTime::fromString(generated->time, u"HH:mm:ss"_s));
    if (dayOnly)
        reading.dayTime = generated->time;
    return reading;
}

void DateValueEditor::setValues(const QStringList &values)
{
    const std::optional<Reading> reading = read(values.value(0));
    if (!reading)
        return;

    const QSignalBlocker blocker(m_date);
    m_range->setCurrentIndex(reading->rangeIndex);
    m_presetBoundary = reading->boundary;
    m_dayTime = reading->dayTime;
    if (reading->rangeIndex == 0)
        m_date->setDateTime(reading->dateTime);
    updateDateEnabled();
}

bool DateValueEditor::canShow(const QStringList &values) const
{
    if (values.size() != 1)
        return false;
    const std::optional<Reading> reading = read(values.first());
    if (!reading)
        return false;
    // A date outside the date edit's range (it starts in 1752) would not come back unchanged.
    return reading->rangeIndex > 0 || (reading->dateTime.date() >= m_date->minimumDate() && reading->dateTime.date() <= m_date->maximumDate());
}
