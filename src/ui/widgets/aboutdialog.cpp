#include "aboutdialog.h"

#include <snow/global.h>

#include <QtGui/QClipboard>
#include <QtGui/QGuiApplication>
#include <QtGui/QIcon>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

constexpr auto projectUrl = "https://github.com/snowscope/snowscope";

QString runtimeQtVersion()
{
    return QString::fromLatin1(qVersion());
}

// Names the Qt version Snowscope was built with when it differs from the one loaded,
// so that bug reports show the mismatch.
QString qtVersionText()
{
    const QString built = QStringLiteral(QT_VERSION_STR);
    if (built == runtimeQtVersion())
        return built;
    return AboutDialog::tr("%1 (built with %2)").arg(runtimeQtVersion(), built);
}

QLabel *createSelectableLabel(const QString &text, const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"aboutDialog"_s);
    setWindowTitle(tr("About Snowscope"));

    auto *iconLabel = new QLabel(this);
    iconLabel->setPixmap(applicationIcon().pixmap(64, 64));
    iconLabel->setAlignment(Qt::AlignTop);

    auto *titleLabel = new QLabel(tr("<h2>Snowscope %1</h2>").arg(QStringLiteral(SNOWSCOPE_VERSION)), this);
    titleLabel->setObjectName(u"versionLabel"_s);
    auto *summaryLabel = new QLabel(tr("A fast desktop explorer for ServiceNow instances."), this);

    auto *libraries = new QFormLayout;
    libraries->setObjectName(u"libraryVersions"_s);
    libraries->addRow(tr("SnowCore:"), createSelectableLabel(snow::libraryVersion(), u"snowCoreVersion"_s, this));
    libraries->addRow(tr("Qt:"), createSelectableLabel(qtVersionText(), u"qtVersion"_s, this));
#ifdef SNOWSCOPE_QTKEYCHAIN_VERSION
    libraries->addRow(tr("QtKeychain:"),
                      createSelectableLabel(QStringLiteral(SNOWSCOPE_QTKEYCHAIN_VERSION), u"qtKeychainVersion"_s, this));
#endif

    auto *licenceLabel = new QLabel(tr("Copyright © 2026 The Snowscope developers.<br>"
                                       "Snowscope is free software, released under the MIT License."),
                                    this);
    licenceLabel->setObjectName(u"licenceLabel"_s);

    const QString url = QString::fromLatin1(projectUrl);
    auto *linkLabel = new QLabel(u"<a href=\"%1\">%1</a>"_s.arg(url), this);
    linkLabel->setObjectName(u"projectLink"_s);
    linkLabel->setOpenExternalLinks(true);
    linkLabel->setTextInteractionFlags(Qt::TextBrowserInteraction);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copyButton = buttons->addButton(tr("&Copy Versions"), QDialogButtonBox::ActionRole);
    copyButton->setObjectName(u"copyVersionsButton"_s);
    connect(copyButton, &QPushButton::clicked, this, [] { QGuiApplication::clipboard()->setText(versionText()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *text = new QVBoxLayout;
    text->addWidget(titleLabel);
    text->addWidget(summaryLabel);
    text->addSpacing(8);
    text->addLayout(libraries);
    text->addSpacing(8);
    text->addWidget(licenceLabel);
    text->addWidget(linkLabel);

    auto *columns = new QHBoxLayout;
    columns->addWidget(iconLabel);
    columns->addSpacing(12);
    columns->addLayout(text, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns);
    layout->addWidget(buttons);
    layout->setSizeConstraint(QLayout::SetFixedSize);
}

AboutDialog::~AboutDialog() = default;

QString AboutDialog::versionText()
{
    return u"Snowscope %1 (SnowCore %2, Qt %3)"_s.arg(QStringLiteral(SNOWSCOPE_VERSION), snow::libraryVersion(),
                                                       runtimeQtVersion());
}

QIcon AboutDialog::applicationIcon()
{
    // The PNGs are rendered from resources/icons/snowscope.svg and embedded by
    // src/ui/CMakeLists.txt, so no SVG plugin is needed at run time.
    QIcon icon;
    for (const int size : {16, 32, 48, 64, 128, 256})
        icon.addFile(u":/icons/snowscope-%1.png"_s.arg(size), QSize(size, size));
    return icon;
}
