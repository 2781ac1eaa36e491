#pragma once

#include <QtWidgets/QMainWindow>

class QLabel;
class TableBrowser;

namespace snow {
class Client;
}

/// The Snowscope main window: the table browser of one connected instance, with the
/// record count and the instance in the status bar.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    /// @p client must outlive the window. @p instanceLabel names the instance for the user.
    MainWindow(snow::Client *client, const QString &instanceLabel, QWidget *parent = nullptr);
    ~MainWindow() override;

    TableBrowser *browser() const { return m_browser; }

private:
    void createMenus();

    snow::Client *m_client;
    TableBrowser *m_browser;
    QLabel *m_countLabel;
    QLabel *m_instanceLabel;
};
