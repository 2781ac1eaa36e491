#pragma once

#include <QtWidgets/QFrame>

class QLabel;
class QPushButton;

/// An inline message strip shown above the content of a window: errors and warnings
/// are shown where the user looks, not only on the console. It offers a "Details"
/// button for the technical text and an optional action button such as "Retry".
class MessageBanner : public QFrame
{
    Q_OBJECT

public:
    enum class Kind { Information, Warning, Error };

    explicit MessageBanner(QWidget *parent = nullptr);

    /// Shows @p text; @p details (may be empty) appears in a dialog from "Details".
    void showMessage(Kind kind, const QString &text, const QString &details = QString());
    /// Shows an action button; clicking it emits actionTriggered(). An empty text hides it.
    void setActionText(const QString &text);
    QString text() const;
    QString details() const { return m_details; }

Q_SIGNALS:
    void actionTriggered();

private:
    QLabel *m_icon;
    QLabel *m_text;
    QPushButton *m_detailsButton;
    QPushButton *m_actionButton;
    QString m_details;
};
