#include "uploadstatuswidget.h"

#include "attachments/attachmentinfo.h"
#include "attachments/uploadmanager.h"

#include <QtCore/QEvent>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QProgressBar>
#include <QtWidgets/QStyle>
#include <QtWidgets/QToolButton>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

QToolButton *makeButton(const QString &objectName, const QString &text, QStyle::StandardPixmap icon, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(objectName);
    button->setText(text);
    button->setToolTip(text);
    button->setIcon(parent->style()->standardIcon(icon));
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    button->setAutoRaise(true);
    button->setFocusPolicy(Qt::StrongFocus);
    return button;
}

} // namespace

QPalette UploadStatusWidget::errorPalette() const
{
    // A red that stays readable on light and dark window colors.
    QPalette errorColors = palette();
    const bool dark = errorColors.color(QPalette::Window).lightness() < 128;
    errorColors.setColor(QPalette::WindowText, dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x1c, 0x1c));
    return errorColors;
}

UploadStatusWidget::UploadStatusWidget(UploadManager *uploads, int uploadId, QWidget *parent)
    : QWidget(parent)
    , m_uploads(uploads)
    , m_uploadId(uploadId)
    , m_progress(new QProgressBar(this))
    , m_message(new QLabel(this))
    , m_cancel(makeButton(u"cancelUploadButton"_s, tr("Cancel"), QStyle::SP_DialogCancelButton, this))
    , m_retry(makeButton(u"retryUploadButton"_s, tr("Retry"), QStyle::SP_BrowserReload, this))
    , m_dismiss(makeButton(u"dismissUploadButton"_s, tr("Remove"), QStyle::SP_DialogDiscardButton, this))
{
    setObjectName(u"uploadStatus"_s);
    // The view paints the cell's text under an index widget; the background hides it.
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);

    m_progress->setObjectName(u"uploadProgress"_s);
    m_progress->setTextVisible(true);
    m_progress->setMaximumHeight(fontMetrics().height() + 6);
    // Wide enough for the longest text it shows, such as "999.9 MB of 999.9 MB".
    m_progress->setMinimumWidth(fontMetrics().horizontalAdvance(u"999.9 MB of 999.9 MB"_s) + 12);
    m_message->setObjectName(u"uploadMessage"_s);
    // The message gives way to the buttons and is elided; its tooltip has it whole.
    m_message->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_message->installEventFilter(this);
    m_dismiss->setToolTip(tr("Remove this upload from the list"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(2, 0, 2, 0);
    layout->setSpacing(4);
    layout->addWidget(m_progress, 1);
    layout->addWidget(m_message, 1);
    layout->addWidget(m_cancel);
    layout->addWidget(m_retry);
    layout->addWidget(m_dismiss);

    connect(m_cancel, &QToolButton::clicked, this, [this] {
        if (m_uploads)
            m_uploads->cancel(m_uploadId);
    });
    connect(m_retry, &QToolButton::clicked, this, [this] {
        if (m_uploads)
            m_uploads->retry(m_uploadId);
    });
    connect(m_dismiss, &QToolButton::clicked, this, [this] {
        if (m_uploads)
            m_uploads->dismiss(m_uploadId);
    });
    connect(uploads, &UploadManager::itemChanged, this, [this](int id) {
        if (id == m_uploadId)
            updateFromItem();
    });
    updateFromItem();
}

UploadStatusWidget::~UploadStatusWidget() = default;

void UploadStatusWidget::updateFromItem()
{
    if (!m_uploads || !m_uploads->contains(m_uploadId))
        return;
    const UploadItem item = m_uploads->item(m_uploadId);

    const bool running = item.state == UploadState::Queued || item.state == UploadState::Uploading;
    const bool stopped = item.state == UploadState::Failed || item.state == UploadState::Cancelled;
    m_progress->setVisible(running);
    m_message->setVisible(!running);
    m_cancel->setVisible(running);
    m_retry->setVisible(stopped && !item.filePath.isEmpty());
    m_dismiss->setVisible(stopped);

    switch (item.state) {
    case UploadState::Queued:
        m_progress->setRange(0, 100);
        m_progress->setValue(0);
        m_progress->setFormat(tr("Queued"));
        break;
    case UploadState::Uploading:
        if (item.bytesTotal > 0) {
            m_progress->setRange(0, 1000);
            m_progress->setValue(int(std::clamp<qint64>(item.bytesSent * 1000 / item.bytesTotal, 0, 1000)));
            m_progress->setFormat(tr("%1 of %2").arg(attachmentformat::byteSize(item.bytesSent),
                                                     attachmentformat::byteSize(item.bytesTotal)));
        } else {
            // A busy indicator while the total is unknown.
            m_progress->setRange(0, 0);
        }
        break;
    case UploadState::Done:
        showMessage(tr("Uploaded"));
        break;
    case UploadState::Failed:
        showMessage(tr("Failed: %1").arg(item.error.message()));
        m_message->setToolTip(item.error.message());
        m_message->setPalette(errorPalette());
        break;
    case UploadState::Cancelled:
        showMessage(tr("Cancelled"));
        m_message->setToolTip(QString());
        m_message->setPalette(palette());
        break;
    }
}

void UploadStatusWidget::showMessage(const QString &text)
{
    m_messageText = text;
    elideMessage();
}

void UploadStatusWidget::elideMessage()
{
    m_message->setText(m_message->fontMetrics().elidedText(m_messageText, Qt::ElideRight, m_message->width()));
}

bool UploadStatusWidget::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_message && event->type() == QEvent::Resize)
        elideMessage();
    return QWidget::eventFilter(watched, event);
}
