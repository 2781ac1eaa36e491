#pragma once

#include "editor/fieldeditor.h"

class QCalendarWidget;
class QLabel;
class QLineEdit;
class QMenu;
class QSpinBox;
class QTimeEdit;
class QToolButton;

/// A typed date or date-time with a calendar button beside it. The text may be
/// empty, which clears the field; text that does not parse is kept and reported by
/// validationError().
class CalendarFieldEditor : public FieldEditor
{
    Q_OBJECT

public:
    void setReadOnly(bool readOnly) override;
    QLineEdit *lineEdit() const { return m_line; }

protected:
    CalendarFieldEditor(const FieldInfo &field, const QString &format, QWidget *parent);

    QVariant widgetState() const override;
    /// Returns the text of @p date in the editor's format, keeping the time of day
    /// already typed for date-times.
    virtual QString textForPickedDate(QDate date) const = 0;
    /// Returns the text for "Now".
    virtual QString textForNow() const = 0;

    QString format() const { return m_format; }
    void addTrailingWidget(QWidget *widget);

private:
    QString m_format;
    QLineEdit *m_line;
    QToolButton *m_pickButton;
    QMenu *m_pickMenu;
    QCalendarWidget *m_calendar;
};

/// A date-time, shown in the user's time zone and sent in UTC as
/// "YYYY-MM-DD HH:MM:SS".
class DateTimeFieldEditor : public CalendarFieldEditor
{
    Q_OBJECT

public:
    DateTimeFieldEditor(const FieldInfo &field, const QTimeZone &timeZone, QWidget *parent = nullptr);

    QString validationError() const override;
    QTimeZone timeZone() const { return m_timeZone; }

protected:
    void display(const FieldValue &value) override;
    FieldValue editedValue() const override;
    QString textForPickedDate(QDate date) const override;
    QString textForNow() const override;

private:
    /// The typed text read in the user's time zone; invalid when it does not parse.
    QDateTime typedDateTime() const;

    QTimeZone m_timeZone;
};

/// A date without time or time zone, "YYYY-MM-DD".
class DateFieldEditor : public CalendarFieldEditor
{
    Q_OBJECT

public:
    explicit DateFieldEditor(const FieldInfo &field, QWidget *parent = nullptr);

    QString validationError() const override;

protected:
    void display(const FieldValue &value) override;
    FieldValue editedValue() const override;
    QString textForPickedDate(QDate date) const override;
    QString textForNow() const override;
};

/// A duration in days, hours, minutes and seconds. A zero duration sends an empty
/// value, which ServiceNow treats as zero.
class DurationFieldEditor : public FieldEditor
{
    Q_OBJECT

public:
    explicit DurationFieldEditor(const FieldInfo &field, QWidget *parent = nullptr);

    void setReadOnly(bool readOnly) override;
    QSpinBox *daysBox() const { return m_days; }
    QTimeEdit *timeEdit() const { return m_time; }
    /// The duration shown, in seconds.
    qint64 seconds() const;

    /// Returns "2 days 03:00:00" and the like.
    static QString durationText(qint64 seconds);

protected:
    void display(const FieldValue &value) override;
    QVariant widgetState() const override;
    FieldValue editedValue() const override;

private:
    QSpinBox *m_days;
    QTimeEdit *m_time;
};
