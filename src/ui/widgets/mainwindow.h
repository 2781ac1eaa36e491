#pragma once

#include <QtWidgets/QMainWindow>

class QLabel;
class Session;
class TableBrowser;

/// The Snowscope main window: the table browser of one connected instance, with the
/// record count and the instance in the status bar.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    /// @p session must outlive the window.
    explicit MainWindow(Session *session, QWidget *parent = nullptr);
    ~MainWindow() override;

    TableBrowser *browser() const { return m_browser; }
    Session *session() const { return m_session; }

private:
    void createMenus();

    Session *m_session;
    TableBrowser *m_browser;
    QLabel *m_countLabel;
    QLabel *m_instanceLabel;
};
