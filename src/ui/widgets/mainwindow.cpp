#include "mainwindow.h"

#include "app/session.h"
#include "attachments/tableattachments.h"
#include "attachments/uploadmanager.h"
#include "editor/recordediting.h"
#include "query/querytools.h"
#include "widgets/aboutdialog.h"
#include "widgets/tablebrowser.h"

#include <snow/client.h>

#include <QtGui/QAction>
#include <QtGui/QCloseEvent>
#include <QtGui/QKeySequence>
#include <QtWidgets/QApplication>
#include <QtWidgets/QLabel>
#include <QtWidgets/QMenuBar>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QStatusBar>

using namespace Qt::StringLiterals;

MainWindow::MainWindow(Session *session, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_browser(new TableBrowser(session, this))
    , m_countLabel(new QLabel(this))
    , m_instanceLabel(new QLabel(session->label(), this))
    , m_recordEditing(new RecordEditing(this, session, m_browser))
    , m_queryTools(new QueryTools(this, m_browser))
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("Snowscope — %1").arg(session->label()));
    setCentralWidget(m_browser);
    resize(1100, 680);

    m_countLabel->setObjectName(u"countLabel"_s);
    statusBar()->addWidget(m_countLabel, 1);
    statusBar()->addPermanentWidget(m_instanceLabel);
    connect(m_browser, &TableBrowser::countTextChanged, m_countLabel, &QLabel::setText);

    auto *attachments = new TableAttachments(m_browser, UploadManager::forSession(session), this);
    connect(attachments, &TableAttachments::statusMessage, this, [this](const QString &text) { statusBar()->showMessage(text, 10000); });

    createMenus();
    m_browser->open(u"incident"_s);
}

MainWindow::~MainWindow() = default;

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_recordEditing->confirmWindowClose()) {
        event->ignore();
        return;
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::addConnectionMenu(QMenu *menu)
{
    // The second menu-bar entry follows File; with File alone, the menu is appended.
    menuBar()->insertMenu(menuBar()->actions().value(1), menu);
}

void MainWindow::createMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *reload = fileMenu->addAction(tr("&Reload"), m_browser, &TableBrowser::reload);
    reload->setShortcut(QKeySequence::Refresh);
    fileMenu->addSeparator();
    QAction *quit = fileMenu->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    menuBar()->addMenu(m_browser->tableMenu());
    menuBar()->addMenu(m_recordEditing->menu());
    menuBar()->addMenu(m_queryTools->menu());

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&About Snowscope"), this, [this] { AboutDialog(this).exec(); });
}
