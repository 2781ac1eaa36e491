#pragma once

#include "query/valueeditor.h"

class QComboBox;
class QDateTimeEdit;

/// A date value as ServiceNow's condition builder writes it: a named range such as
/// "Today" or "Last 7 days", or a specific date (and time) written with
/// `gs.dateGenerate()`, which the instance reads in the signed-in user's time zone.
///
/// For ON and NOT ON (Mode::Day) the value is `Name@start@end`. For comparisons and
/// BETWEEN bounds (Mode::Moment) it is one bound of the range, the start or the end
/// as the DateBoundary selects.
class DateValueEditor : public ValueEditor
{
    Q_OBJECT

public:
    enum class Mode { Day, Moment };

    /// @p withTime offers a time of day for specific moments (date-time fields).
    DateValueEditor(Mode mode, bool withTime, DateBoundary boundary, QWidget *parent = nullptr);

    QStringList values() const override;
    void setValues(const QStringList &values) override;
    bool canShow(const QStringList &values) const override;

    /// The first entry is "Specific date"; the others are DateValues::presets().
    QComboBox *rangeBox() const { return m_range; }
    QDateTimeEdit *dateEdit() const { return m_date; }

private:
    /// The bound a preset writes: the boundary of the editor unless a pasted value
    /// chose the other one.
    struct Reading
    {
        int rangeIndex = 0;          ///< 0 for a specific date, else 1 + preset index
        DateBoundary boundary = DateBoundary::Start;
        QDateTime dateTime;          ///< for a specific date
        QString dayTime;             ///< "start" or "end" for a specific date without time
    };
    std::optional<Reading> read(const QString &value) const;
    void updateDateEnabled();

    Mode m_mode;
    bool m_withTime;
    DateBoundary m_boundary;
    DateBoundary m_presetBoundary;
    QString m_dayTime;
    QComboBox *m_range;
    QDateTimeEdit *m_date;
};
