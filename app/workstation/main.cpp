// kilima: the diagnostic workstation. Wiring only: options, data directory,
// configuration, archive, theme, main window.
#include "firstrundialog.h"
#include "mainwindow.h"
#include "nodestatuspanel.h"

#include <kilima/archive/archive.h>
#include <kilima/archive/users.h>
#include <kilima/browser/studybrowser.h>
#include <kilima/browser/studylistmodel.h>
#include <kilima/core/config.h>
#include <kilima/core/datadir.h>
#include <kilima/core/logging.h>
#include <kilima/dicom/codecs.h>
#include <kilima/node/node.h>
#include <kilima/widgets/theme.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QMessageBox>
#include <QDialog>
#include <QLibraryInfo>
#include <QLocale>
#include <QPixmap>
#include <QSettings>
#include <QTranslator>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>

#include <cstdio>
#include <memory>

using namespace kilima;

namespace {

// Startup errors go to stderr and, with a display, to a dialog too: a
// workstation started from a menu has no terminal.
int startupError(const QString &message, bool interactive)
{
    std::fprintf(stderr, "kilima: %s\n", qPrintable(message));
    if (interactive)
        QMessageBox::critical(nullptr, QCoreApplication::translate("main", "Kilima"), message);
    return 1;
}

// --help and --version print and exit: they must work without a display,
// where QApplication would abort while looking for a platform plugin.
bool onlyPrints(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray a(argv[i]);
        if (a == "-h" || a == "--help" || a == "-?" || a == "--help-all" || a == "-v" || a == "--version")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    std::unique_ptr<QCoreApplication> application;
    if (onlyPrints(argc, argv))
        application = std::make_unique<QCoreApplication>(argc, argv);
    else
        application = std::make_unique<QApplication>(argc, argv);
    QCoreApplication &app = *application;
    QCoreApplication::setApplicationName(QStringLiteral("kilima"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KILIMA_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("Kilima"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Kilima diagnostic workstation: browse and import studies of the local archive."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dataDirOption(
        QStringLiteral("data-dir"),
        QCoreApplication::translate("main", "Archive location (default $KILIMA_DATA_DIR, else "
                                            "$XDG_DATA_HOME/kilima, normally ~/.local/share/kilima)."),
        QStringLiteral("DIR"));
    const QCommandLineOption themeOption(
        QStringLiteral("theme"), QCoreApplication::translate("main", "Colour theme: dark (default) or light."),
        QStringLiteral("NAME"));
    const QCommandLineOption languageOption(
        QStringLiteral("language"),
        QCoreApplication::translate("main", "User interface language: en, sw, fr, es or pt (default: the one chosen "
                                            "in Settings, else the system's)."),
        QStringLiteral("CODE"));
    const QCommandLineOption settingsShotOption(
        QStringLiteral("screenshot-settings"),
        QCoreApplication::translate("main", "With --screenshot: also render the settings dialog to the PNG FILE."),
        QStringLiteral("FILE"));
    const QCommandLineOption openStudyOption(
        QStringLiteral("open-study"),
        QCoreApplication::translate("main", "Open the study with this Study Instance UID in the viewer at start."),
        QStringLiteral("UID"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("main", "Render the main window to the PNG FILE once the first page of "
                                            "studies is loaded, then exit (for documentation and tests)."),
        QStringLiteral("FILE"));
    const QCommandLineOption noNodeOption(
        QStringLiteral("no-node"),
        QCoreApplication::translate("main", "Do not run the embedded PACS node (DICOM listener) in the background."));
    const QCommandLineOption verboseOption(QStringLiteral("verbose"),
                                           QCoreApplication::translate("main", "Debug logging."));
    parser.addOption(dataDirOption);
    parser.addOption(themeOption);
    parser.addOption(languageOption);
    parser.addOption(settingsShotOption);
    parser.addOption(openStudyOption);
    parser.addOption(screenshotOption);
    parser.addOption(noNodeOption);
    parser.addOption(verboseOption);
    parser.process(app);
    // Past this point `app` is a QApplication: only --help/--version differ.
    QApplication::setApplicationDisplayName(QStringLiteral("Kilima"));

    core::initLogging(parser.isSet(verboseOption));
    dicom::registerCodecs();

    const QString screenshot = parser.value(screenshotOption);
    const bool interactive = screenshot.isEmpty() && QGuiApplication::platformName() != QLatin1String("offscreen");

    QSettings settings;
    // The language chosen in Settings, else the system's when translated.
    QString language = parser.value(languageOption);
    if (language.isEmpty())
        language = settings.value(QStringLiteral("ui/language"), QLocale::system().name().left(2)).toString();
    settings.setValue(QStringLiteral("ui/language.applied"), language);
    auto *translator = new QTranslator(&app);
    if (language != QLatin1String("en") && translator->load(QStringLiteral(":/i18n/kilima_") + language))
        QCoreApplication::installTranslator(translator);
    auto *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(QStringLiteral("qtbase_") + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);

    widgets::Theme theme = widgets::Theme::Dark;
    const QString themeName = parser.isSet(themeOption) ? parser.value(themeOption)
                                                        : settings.value(QStringLiteral("ui/theme"), QStringLiteral("dark")).toString();
    if (!widgets::themeFromString(themeName, &theme))
        return startupError(QCoreApplication::translate("main", "unknown theme \"%1\" (use dark or light)")
                                .arg(parser.value(themeOption)),
                            false);
    widgets::applyTheme(static_cast<QApplication &>(app), theme);

    const core::DataDir dataDir(core::DataDir::resolve(parser.value(dataDirOption)));
    if (const core::Status st = dataDir.ensure(); !st)
        return startupError(st.error(), interactive);
    const core::Result<core::Config> config = core::Config::load(dataDir.configFile());
    if (!config)
        return startupError(config.error(), interactive);
    // Opening may reconcile after an unclean shutdown; the window is not up
    // yet, so nothing waits on it but the start.
    core::Result<std::unique_ptr<archive::Archive>> opened = archive::Archive::open(dataDir, config.value());
    if (!opened)
        return startupError(QCoreApplication::translate("main", "cannot open the archive in %1: %2")
                                .arg(QDir::toNativeSeparators(dataDir.root()), opened.error()),
                            interactive);
    std::shared_ptr<archive::Archive> archive(opened.take());

    // First start: the person at the keyboard creates their own account
    // before the node starts (the node would otherwise invent an "admin"
    // with a password nobody sees). Not for screenshots, which change nothing.
    if (screenshot.isEmpty()) {
        archive::Users users(archive->databasePath());
        if (users.isEmpty()) {
            workstation::FirstRunDialog firstRun(users);
            if (firstRun.exec() != QDialog::Accepted)
                return 0;
        }
    }

    // The node receives studies in the background on its own threads; the
    // window only shows whether it runs. Not in screenshot mode: that must
    // never take a port.
    node::Node node(*archive, config.value());
    const bool runNode = !parser.isSet(noNodeOption) && screenshot.isEmpty();
    workstation::MainWindow window(archive, config.value(), dataDir.configFile(), runNode ? &node : nullptr);
    // A reading room's screen is for the images: the size the reader left,
    // else the whole screen (screenshots keep their fixed size).
    if (!screenshot.isEmpty())
        window.show();
    else if (!window.restoreGeometry(settings.value(QStringLiteral("ui/mainWindowGeometry")).toByteArray()))
        window.showMaximized();
    else
        window.show();
    if (parser.isSet(openStudyOption))
        window.openStudy(parser.value(openStudyOption));
    if (runNode) {
        const core::Status started = node.start();
        window.statusBar()->showMessage(
            started ? QCoreApplication::translate("main", "Node %1 listening on DICOM port %2")
                          .arg(config.value().node.aeTitle)
                          .arg(node.dicomPort())
                    : QCoreApplication::translate("main", "The node did not start: %1").arg(started.error()));
        // No terminal to show the first DICOMweb password on: an owner-only
        // file, named in the node status panel (it was never shown at all).
        if (started && !node.initialAdminPassword().isEmpty()) {
            const core::Result<QString> saved = node.saveInitialAdminPassword();
            window.nodeStatusPanel()->addError(
                saved ? QCoreApplication::translate("main", "Created the DICOMweb user \"admin\"; its password is in %1 "
                                                            "(readable by you only). Sign in, change it in Settings > Users, "
                                                            "then delete that file.")
                            .arg(QDir::toNativeSeparators(saved.value()))
                      : QCoreApplication::translate("main", "Created the DICOMweb user \"admin\", but its password could "
                                                            "not be kept: %1. Set one in Settings > Users.")
                            .arg(saved.error()));
        }
    }

    if (!screenshot.isEmpty()) {
        // countChanged comes once the count and the first page are in; the
        // zero-delay hop lets the view lay out and paint those rows.
        auto taken = std::make_shared<bool>(false);
        const QString settingsShot = parser.value(settingsShotOption);
        // A viewer tab needs longer to load and render its first images.
        const int delay = parser.isSet(openStudyOption) ? 6000 : 300;
        QObject::connect(window.studyModel(), &browser::StudyListModel::countChanged, &window,
                         [&window, screenshot, settingsShot, taken, delay] {
            if (*taken)
                return;
            *taken = true;
            window.studyBrowser()->view()->selectRow(0);
            QTimer::singleShot(delay, &window, [&window, screenshot, settingsShot] {
                bool saved = window.grab().save(screenshot, "PNG");
                if (!saved)
                    std::fprintf(stderr, "kilima: cannot write %s\n", qPrintable(screenshot));
                if (saved && !settingsShot.isEmpty()) {
                    QDialog *dialog = window.showSettings();
                    QCoreApplication::processEvents();
                    saved = dialog->grab().save(settingsShot, "PNG");
                    if (!saved)
                        std::fprintf(stderr, "kilima: cannot write %s\n", qPrintable(settingsShot));
                }
                QCoreApplication::exit(saved ? 0 : 1);
            });
        });
        QTimer::singleShot(60000, &app, [] {
            std::fprintf(stderr, "kilima: the study list did not load within 60 s\n");
            QCoreApplication::exit(2);
        });
    }
    return app.exec();
}
