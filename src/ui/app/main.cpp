#include "connection/connectioncontroller.h"
#include "connection/connectionprofile.h"
#include "connection/credentialstore.h"
#include "connection/profilestore.h"
#include "editor/recordediting.h"
#include "logging.h"
#include "widgets/aboutdialog.h"
#include "widgets/mainwindow.h"
#include "widgets/tablebrowser.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QTimer>
#include <QtWidgets/QApplication>
#include <QtWidgets/QInputDialog>
#include <QtWidgets/QLineEdit>

#include <cstdio>

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
        // --help prints text only, so it needs no display either.
        const bool help = qstrcmp(argv[i], "--help") == 0 || qstrcmp(argv[i], "-h") == 0 || qstrcmp(argv[i], "--help-all") == 0;
        if (help && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
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
    const QCommandLineOption profileOption(u"profile"_s,
                                           u"Open the saved connection <name>, as listed in the connection dialog. "
                                           "Without --demo, --profile, --instance or --host, Snowscope opens the "
                                           "connection dialog."_s,
                                           u"name"_s);
    parser.addOptions({demoOption, incidentsOption, screenshotOption, instanceOption, hostOption, userOption, profileOption});
    parser.process(application);

    bool valid = false;
    const int incidents = parser.value(incidentsOption).toInt(&valid);
    if (!valid || incidents < 0 || incidents > 1000000) {
        std::fprintf(stderr, "snowscope: --demo-incidents must be a number from 0 to 1000000\n");
        return 2;
    }
    if (parser.isSet(instanceOption) && parser.isSet(hostOption)) {
        std::fprintf(stderr, "snowscope: give either --instance or --host, not both\n");
        return 2;
    }

    const bool screenshot = parser.isSet(screenshotOption);
    const bool unsavedInstance = parser.isSet(instanceOption) || parser.isSet(hostOption);
    // Without --profile, --instance or --host, a screenshot run shows the demo, so that
    // it never waits in the connection dialog.
    const bool demo = parser.isSet(demoOption) || (screenshot && !unsavedInstance && !parser.isSet(profileOption));

    ProfileStore profiles;
    CredentialStore credentials;
    ConnectionController controller(&profiles, &credentials);
    controller.setDemoIncidents(incidents);
    controller.setUserAgentProduct("Snowscope/" SNOWSCOPE_VERSION);
    controller.setInteractive(!screenshot);
    QObject::connect(&controller, &ConnectionController::quitRequested, &application,
                     [](int exitCode) { QCoreApplication::exit(exitCode); }, Qt::QueuedConnection);
    QObject::connect(&controller, &ConnectionController::windowChanged, &application, [&](MainWindow *window) {
        if (screenshot) {
            arrangeScreenshot(window, parser.value(screenshotOption), 60000);
            return;
        }
        // Edits that a crash left unsaved are offered once the window is up; a screenshot
        // run must not wait for the user.
        QTimer::singleShot(0, window, [window] { window->recordEditing()->offerRecovery(); });
    });

    if (demo) {
        controller.openProfile(ConnectionProfile::demoId(), ConnectionController::Fallback::ExitWithError);
    } else if (parser.isSet(profileOption)) {
        const ConnectionProfile profile = profiles.profileByName(parser.value(profileOption));
        if (profile.id.isEmpty()) {
            QStringList names;
            for (const ConnectionProfile &saved : profiles.profiles())
                names << saved.name;
            std::fprintf(stderr, "snowscope: no saved connection is named \"%s\"; the connections are: %s\n",
                         qPrintable(parser.value(profileOption)), qPrintable(names.join(u", "_s)));
            return 2;
        }
        controller.openProfile(profile.id, screenshot ? ConnectionController::Fallback::ExitWithError
                                                      : ConnectionController::Fallback::ConnectionDialog);
    } else if (unsavedInstance) {
        ConnectionProfile profile;
        profile.instance = parser.isSet(instanceOption) ? parser.value(instanceOption) : parser.value(hostOption);
        profile.name = instanceLabel(profile);
        profile.userName = parser.value(userOption);
        if (profile.userName.isEmpty()) {
            std::fprintf(stderr, "snowscope: --user is required with --instance and --host\n");
            return 2;
        }
        const QString invalid = validateProfile(profile);
        if (!invalid.isEmpty()) {
            std::fprintf(stderr, "snowscope: %s\n", qPrintable(invalid));
            return 2;
        }
        controller.openUnsaved(profile, [](const QString &label, QString *password) {
            bool accepted = false;
            *password = QInputDialog::getText(nullptr, u"Snowscope"_s, label, QLineEdit::Password, QString(), &accepted);
            return accepted;
        });
    } else {
        controller.showConnectionDialog();
    }

    qCInfo(lcApp).noquote() << "Snowscope" << QApplication::applicationVersion() << "started";
    const int exitCode = QApplication::exec();
    qCInfo(lcApp) << "Snowscope stopped";
    return exitCode;
}
