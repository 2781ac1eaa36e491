#pragma once

#include <QtWidgets/QDialog>

class QIcon;

/// The "About Snowscope" dialog: the version, the licence, the versions of the
/// libraries in use and a link to the project page, with a button that copies the
/// versions to the clipboard for bug reports.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget *parent = nullptr);
    ~AboutDialog() override;

    /// Returns one line with the Snowscope, SnowCore and Qt versions, such as
    /// "Snowscope 0.1.0 (SnowCore 0.1.0, Qt 6.4.2)". Needs no QApplication, so
    /// `snowscope --version` works without a display.
    static QString versionText();

    /// Returns the application icon embedded in the executable, in every size the
    /// hicolor theme installs (16 to 256 pixels).
    static QIcon applicationIcon();
};
