#pragma once

#include <QtWidgets/QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

/// A row under the table while records load: a progress bar, what is loading or
/// what the instance asked for (a rate-limit wait), and a Cancel button that emits
/// cancelRequested(). Hidden while nothing loads.
class LoadingBar : public QWidget
{
    Q_OBJECT

public:
    explicit LoadingBar(QWidget *parent = nullptr);

    /// Shows @p text with a busy indicator, or progress when @p maximum > 0.
    void showLoading(const QString &text, qint64 value = 0, qint64 maximum = 0);
    /// Replaces the text, keeping the bar as it is.
    void setText(const QString &text);
    QString text() const;
    void finish();

    QPushButton *cancelButton() const { return m_cancel; }

Q_SIGNALS:
    void cancelRequested();

private:
    QProgressBar *m_progress;
    QLabel *m_text;
    QPushButton *m_cancel;
};
