#include "app/demoinstance.h"
#include "app/session.h"
#include "logging.h"
#include "widgets/aboutdialog.h"
#include "widgets/mainwindow.h"
#include "widgets/tablebrowser.h"

#include <snow/client.h>

#include <QtCore/QCommandLineParser>
#include <QtCore/QTimer>
#include <QtWidgets/QApplication>
#include <QtWidgets/QInputDialog>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMessageBox>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

// Saves a picture of @p window once its first rows are shown, then quits. Gives up
// with exit code 1 after @p timeoutMs.
void arrangeScreenshot(MainWindow *window, const QString &path, int timeoutMs)
{
    auto save = [window, path] {
        // Let the view lay out and paint the new rows first.
        QTimer::singleShot(300, window, [window, path] {
            const bool saved = window->grab().save(path, "PNG");
            if (saved)
                std::fprintf(stdout, "Saved screenshot to %s\n", qPrintable(path));
            else
                std::fprintf(stderr, "snowscope: could not write the screenshot to %s\n", qPrintable(path));
            QCoreApplication::exit(saved ? 0 : 1);
        });
    };
    QObject::connect(window->browser(), &TableBrowser::firstRowsShown, window, save);
    QObject::connect(window->browser(), &TableBrowser::errorShown, window, save);
    QTimer::singleShot(timeoutMs, window, [path] {
        std::fprintf(stderr, "snowscope: no rows were shown within the time limit; no screenshot written to %s\n",
                     qPrintable(path));
        QCoreApplication::exit(1);
    });
}

} // namespace

int main(int argc, char *argv[])
{
    // Answer --version before QApplication opens the display, so that it also works
    // over SSH and in scripts. The parser below still lists the option in --help.
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--version") == 0 || qstrcmp(argv[i], "-v") == 0) {
            std::printf("%s\n", qPrintable(AboutDialog::versionText()));
            return 0;
        }
    }

    QApplication application(argc, argv);
    QApplication::setApplicationName(u"Snowscope"_s);
    QApplication::setOrganizationName(u"Snowscope"_s);
    QApplication::setApplicationVersion(QStringLiteral(SNOWSCOPE_VERSION));
    QApplication::setDesktopFileName(u"io.github.snowscope.Snowscope"_s);
    QApplication::setWindowIcon(AboutDialog::applicationIcon());

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Snowscope: a fast desktop explorer for ServiceNow instances."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoOption(u"demo"_s,
                                        u"Open the built-in demo instance: an emulated ServiceNow instance running inside "
                                        "Snowscope, with realistic incidents. Demo edits are kept in the user's data folder."_s);
    const QCommandLineOption incidentsOption(u"demo-incidents"_s,
                                             u"Number of incidents the demo instance holds (default 5000, at most 1000000)."_s,
                                             u"count"_s, u"5000"_s);
    const QCommandLineOption screenshotOption(u"screenshot"_s,
                                              u"Save a PNG picture of the main window to <file> once the first rows are "
                                              "shown, then exit (exit code 1 if no rows appear within 60 seconds)."_s,
                                              u"file"_s);
    const QCommandLineOption instanceOption(u"instance"_s,
                                            u"Connect to <name>.service-now.com. Snowscope asks for the password."_s,
                                            u"name"_s);
    const QCommandLineOption hostOption(u"host"_s, u"Connect to the instance at <host> (HTTPS), such as example.service-now.com."_s,
                                        u"host"_s);
    const QCommandLineOption userOption(u"user"_s, u"User name for --instance or --host."_s, u"name"_s);
    parser.addOptions({demoOption, incidentsOption, screenshotOption, instanceOption, hostOption, userOption});
    parser.process(application);

    std::unique_ptr<DemoInstance> demo;
    snow::ClientOptions options;
    QString instanceLabel;

    if (parser.isSet(demoOption) || (!parser.isSet(instanceOption) && !parser.isSet(hostOption))) {
        bool valid = false;
        const int incidents = parser.value(incidentsOption).toInt(&valid);
        if (!valid || incidents < 0 || incidents > 1000000) {
            std::fprintf(stderr, "snowscope: --demo-incidents must be a number from 0 to 1000000\n");
            return 2;
        }

        demo = std::make_unique<DemoInstance>();
        QString error;
        if (!demo->start(incidents, &error)) {
            std::fprintf(stderr, "snowscope: the demo instance did not start: %s\n", qPrintable(error));
            if (!parser.isSet(screenshotOption))
                QMessageBox::critical(nullptr, u"Snowscope"_s, u"The demo instance did not start: %1"_s.arg(error));
            return 1;
        }
        options.host = u"127.0.0.1:%1"_s.arg(demo->baseUrl().port());
        options.useSsl = false;
        options.user = DemoInstance::user();
        options.password = DemoInstance::password();
        instanceLabel = u"Demo instance"_s;
    } else {
        options.instance = parser.value(instanceOption);
        options.host = parser.value(hostOption);
        options.user = parser.value(userOption);
        instanceLabel = options.instance.isEmpty() ? options.host : options.instance + u".service-now.com"_s;

        bool accepted = false;
        options.password = QInputDialog::getText(nullptr, u"Snowscope"_s,
                                                 u"Password of %1 on %2:"_s.arg(options.user, instanceLabel),
                                                 QLineEdit::Password, QString(), &accepted);
        if (!accepted)
            return 0;
    }

    snow::Client client(options);
    client.setUserAgentProduct("Snowscope/" SNOWSCOPE_VERSION);
    options.password.fill(u'\0');
    if (!client.isValid()) {
        std::fprintf(stderr, "snowscope: %s\n", qPrintable(client.validationError().message()));
        QMessageBox::critical(nullptr, u"Snowscope"_s, client.validationError().message());
        return 2;
    }

    Session session(&client, instanceLabel, demo ? u"demo"_s : instanceLabel);
    MainWindow window(&session);
    if (parser.isSet(screenshotOption))
        arrangeScreenshot(&window, parser.value(screenshotOption), 60000);
    window.show();

    qCInfo(lcApp).noquote() << "Snowscope" << QApplication::applicationVersion() << "started on" << instanceLabel;
    const int exitCode = QApplication::exec();
    qCInfo(lcApp) << "Snowscope stopped";
    return exitCode;
}
