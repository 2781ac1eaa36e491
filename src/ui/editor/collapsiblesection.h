#pragma once

#include <QtWidgets/QWidget>

class QToolButton;

/// A titled section whose content shows or hides with the arrow button in its header.
/// Extra widgets (a filter box) may sit in the header beside the title.
class CollapsibleSection : public QWidget
{
    Q_OBJECT

public:
    CollapsibleSection(const QString &title, QWidget *parent = nullptr);

    /// Sets the content; the section takes ownership.
    void setContent(QWidget *content);
    QWidget *content() const { return m_content; }
    void addHeaderWidget(QWidget *widget);

    bool isExpanded() const;
    void setExpanded(bool expanded);
    void setTitle(const QString &title);
    QToolButton *toggleButton() const { return m_toggle; }

Q_SIGNALS:
    void expandedChanged(bool expanded);

private:
    QToolButton *m_toggle;
    QWidget *m_content = nullptr;
};
