#include "messagebanner.h"

#include <QtWidgets/QApplication>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QStyle>
#include <QtWidgets/QToolButton>

using namespace Qt::StringLiterals;

MessageBanner::MessageBanner(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_detailsButton(new QPushButton(tr("Details…"), this))
    , m_actionButton(new QPushButton(this))
{
    setObjectName(u"messageBanner"_s);
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);

    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setObjectName(u"messageText"_s);
    m_actionButton->setVisible(false);

    auto *closeButton = new QToolButton(this);
    closeButton->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    closeButton->setAutoRaise(true);
    closeButton->setToolTip(tr("Hide this message"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addWidget(m_icon);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_actionButton);
    layout->addWidget(m_detailsButton);
    layout->addWidget(closeButton);

    connect(closeButton, &QToolButton::clicked, this, &QWidget::hide);
    connect(m_actionButton, &QPushButton::clicked, this, &MessageBanner::actionTriggered);
    connect(m_detailsButton, &QPushButton::clicked, this, [this] {
        QMessageBox box(QMessageBox::Information, tr("Details"), m_text->text(), QMessageBox::Close, this);
        box.setDetailedText(m_details);
        box.exec();
    });
    hide();
}

void MessageBanner::showMessage(Kind kind, const QString &text, const QString &details)
{
    QStyle::StandardPixmap icon = QStyle::SP_MessageBoxInformation;
    QColor background = palette().color(QPalette::AlternateBase);
    switch (kind) {
    case Kind::Information:
        break;
    case Kind::Warning:
        icon = QStyle::SP_MessageBoxWarning;
        background = QColor(0xff, 0xf4, 0xce);
        break;
    case Kind::Error:
        icon = QStyle::SP_MessageBoxCritical;
        background = QColor(0xfd, 0xe7, 0xe9);
        break;
    }

    QPalette colors = palette();
    colors.setColor(QPalette::Window, background);
    colors.setColor(QPalette::WindowText, Qt::black);
    setPalette(colors);

    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(style()->standardIcon(icon).pixmap(size, size));
    m_text->setText(text);
    m_details = details;
    m_detailsButton->setVisible(!details.isEmpty());
    show();
}

void MessageBanner::setActionText(const QString &text)
{
    m_actionButton->setText(text);
    m_actionButton->setVisible(!text.isEmpty());
}

QString MessageBanner::text() const
{
    return m_text->text();
}
