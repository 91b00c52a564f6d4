// The first start of the workstation: the person at the keyboard creates
// their own account (full name, user name, password typed twice) before the
// node starts, so the node never invents an "admin" with a password nobody
// is shown; that person then signs reports under their name, and the audit
// log records them, not "workstation" or the desktop login.
#include "peers.h"
#include "phantom.h"

#include "firstrundialog.h"
#include "mainwindow.h"

#include <kilima/archive/archive.h>
#include <kilima/archive/auditlog.h>
#include <kilima/archive/importer.h>
#include <kilima/archive/users.h>
#include <kilima/core/config.h>
#include <kilima/core/datadir.h>
#include <kilima/node/node.h>
#include <kilima/reportui/reportpanel.h>
#include <kilima/viewer/studyviewer.h>

#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QPushButton>
#include <QTextEdit>
#include <QToolBar>
#include <QTranslator>

using namespace kilima;

namespace {

void fill(workstation::FirstRunDialog &d, const QString &full, const QString &user, const QString &password,
          const QString &confirm)
{
    for (QLineEdit *e : {d.fullNameEdit(), d.passwordEdit(), d.confirmEdit()})
        e->clear();
    QTest::keyClicks(d.fullNameEdit(), full);
    if (!user.isEmpty()) {
        d.userNameEdit()->clear();
        QTest::keyClicks(d.userNameEdit(), user);
    }
    QTest::keyClicks(d.passwordEdit(), password);
    QTest::keyClicks(d.confirmEdit(), confirm);
}

} // namespace

class TestFirstRun : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("KilimaFirstRunTest"));
        qputenv("XDG_CONFIG_HOME", m_tmp.filePath(QStringLiteral("xdg")).toUtf8());
        qputenv("USER", "desktoplogin");
    }

    void firstRun_ShouldCreateTheReadersOwnAccount()
    {
        QTemporaryDir data;
        QVERIFY(core::DataDir(data.path()).ensure());
        auto opened = archive::Archive::open(core::DataDir(data.path()), core::Config());
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error()));
        std::unique_ptr<archive::Archive> archive(opened.take());
        archive::Users users(archive->databasePath());
        QVERIFY(users.isEmpty());

        workstation::FirstRunDialog dialog(users);
        dialog.show();
        // The user name is proposed from the full name.
        QTest::keyClicks(dialog.fullNameEdit(), QStringLiteral("Dr Amina Mwangi"));
        QCOMPARE(dialog.userNameEdit()->text(), QStringLiteral("amwangi"));

        fill(dialog, QStringLiteral("Dr Amina Mwangi"), QString(), QStringLiteral("radiology-7"),
             QStringLiteral("radiology-8"));
        dialog.accept();
        QVERIFY(dialog.isVisible());
        QVERIFY2(dialog.errorText().contains(QStringLiteral("differ")), qPrintable(dialog.errorText()));
        QVERIFY(users.isEmpty());

        fill(dialog, QStringLiteral("Dr Amina Mwangi"), QString(), QStringLiteral("short"), QStringLiteral("short"));
        dialog.accept();
        QVERIFY(!dialog.errorText().isEmpty());
        QVERIFY(users.isEmpty());

        fill(dialog, QString(), QStringLiteral("amwangi"), QStringLiteral("radiology-7"), QStringLiteral("radiology-7"));
        dialog.accept();
        QVERIFY2(dialog.errorText().contains(QStringLiteral("full name")), qPrintable(dialog.errorText()));

        fill(dialog, QStringLiteral("Dr Amina Mwangi"), QString(), QStringLiteral("radiology-7"),
             QStringLiteral("radiology-7"));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const auto who = users.verifyPassword(QStringLiteral("amwangi"), QStringLiteral("radiology-7"));
        QVERIFY2(who, qPrintable(who ? QString() : who.error()));
        QVERIFY(who.value().role == archive::Role::Admin);   // may sign and add colleagues
        QCOMPARE(QSettings().value(QStringLiteral("ui/user")).toString(), QStringLiteral("amwangi"));

        // The node started after the first account invents no password.
        core::Config config;
        config.node.bindAddress = QStringLiteral("127.0.0.1");
        config.node.dicomPort = test::freePort();
        config.node.httpPort = test::freePort();
        node::Node node(*archive, config);
        const core::Status started = node.start();
        QVERIFY2(started, qPrintable(started ? QString() : started.error()));
        QVERIFY(node.initialAdminPassword().isEmpty());
        node.stop();
        QVERIFY(!QFileInfo::exists(QDir(data.path()).filePath(QStringLiteral("initial-admin-password"))));
    }

    // The report's signer and the audit log name the person who signed in,
    // with the password asked again at signing as before.
    void signing_ShouldNameThePersonNotTheWorkstation()
    {
        QTemporaryDir data, src;
        auto opened = archive::Archive::open(core::DataDir(data.path()), core::Config());
        QVERIFY(opened);
        std::shared_ptr<archive::Archive> archive(opened.take());
        test::CtPhantom ph;
        ph.slices = 4;
        ph.rows = ph.columns = 16;
        ph.studyUid = test::newUid();
        QCOMPARE(archive::Importer(*archive).run(test::writeCtPhantom(src.path(), ph)).imported, 4);
        {
            archive::Users users(archive->databasePath());
            workstation::FirstRunDialog dialog(users);
            fill(dialog, QStringLiteral("Dr Juma Otieno"), QStringLiteral("jotieno"), QStringLiteral("reading-room-1"),
                 QStringLiteral("reading-room-1"));
            dialog.accept();
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        }

        const QString configFile = QDir(data.path()).filePath(QStringLiteral("kilima.json"));
        workstation::MainWindow window(archive, core::Config(), configFile);
        QCOMPARE(window.userName(), QStringLiteral("jotieno"));
        QCOMPARE(window.fullName(), QStringLiteral("Dr Juma Otieno"));
        window.openStudy(ph.studyUid);
        QWidget *page = window.tabs()->currentWidget();
        auto *viewer = page->findChild<viewer::StudyViewer *>();
        QVERIFY(viewer);
        QTRY_VERIFY_WITH_TIMEOUT(!viewer->volumes().isEmpty(), 20000);
        auto *panel = window.findChild<reportui::ReportPanel *>();
        QVERIFY(panel);
        QTRY_COMPARE_WITH_TIMEOUT(panel->studyUid(), ph.studyUid, 10000);
        const QStringList keys = {QStringLiteral("findings"), QStringLiteral("impression")};
        for (const QString &key : keys)
            if (QTextEdit *e = panel->sectionEditor(key))
                e->setPlainText(QStringLiteral("No acute abnormality."));
        QVERIFY2(!panel->sign(QStringLiteral("wrong-password")), "signing needs the password again");
        QVERIFY2(panel->sign(QStringLiteral("reading-room-1")), qPrintable(panel->lastError()));
        QCOMPARE(panel->report().signedBy, QStringLiteral("jotieno"));
        QCOMPARE(panel->report().authorDisplayName, QStringLiteral("Dr Juma Otieno"));

        archive->auditLog().flush();
        archive::AuditFilter filter;
        filter.studyUid = ph.studyUid;
        filter.limit = 1000;
        const auto records = archive->auditLog().list(filter);
        QVERIFY(records);
        QVERIFY(!records.value().isEmpty());
        QStringList actions;
        for (const archive::AuditRecord &r : records.value()) {
            QVERIFY2(r.actor == QStringLiteral("jotieno"),
                     qPrintable(QStringLiteral("%1 recorded under \"%2\"").arg(r.action, r.actor)));
            actions << r.action;
        }
        QVERIFY2(actions.contains(QStringLiteral("view")), qPrintable(actions.join(QLatin1Char(','))));
    }

    // What a Kiswahili-speaking reader sees: the first-start dialog, the
    // viewer's tools and help, and the report panel's buttons in Kiswahili
    // (the catalog's contexts must be the classes' full names for tr() to
    // find them; they were bare names, and the viewer stayed in English).
    void kiswahili_ShouldReachTheViewerReportAndDialogs()
    {
        QTranslator sw;
        QVERIFY(sw.load(QStringLiteral(KILIMA_BINARY_DIR "/app/workstation/kilima_sw.qm")));
        QCoreApplication::installTranslator(&sw);
        QTemporaryDir data;
        auto opened = archive::Archive::open(core::DataDir(data.path()), core::Config());
        QVERIFY(opened);
        std::unique_ptr<archive::Archive> archive(opened.take());
        archive::Users users(archive->databasePath());
        workstation::FirstRunDialog dialog(users);
        QCOMPARE(dialog.windowTitle(), QStringLiteral("Karibu Kilima"));

        viewer::StudyViewer viewer(*archive);
        QStringList tools;
        for (QAction *a : viewer.actions())
            tools << a->text();
        QVERIFY2(tools.contains(QStringLiteral("Kuza")), qPrintable(tools.join(QLatin1Char(','))));        // Zoom
        QVERIFY2(tools.contains(QStringLiteral("Picha muhimu")), qPrintable(tools.join(QLatin1Char(','))));  // Key image
        bool help = false;
        for (QLabel *l : viewer.findChildren<QLabel *>())
            help = help || l->text().contains(QStringLiteral("Njia za mkato za kibodi"));   // Keyboard shortcuts
        QVERIFY(help);

        reportui::ReportPanel panel(*archive);
        QStringList buttons;
        for (QPushButton *b : panel.findChildren<QPushButton *>())
            buttons << b->text();
        QVERIFY2(buttons.contains(QStringLiteral("Hifadhi rasimu")), qPrintable(buttons.join(QLatin1Char(','))));   // Save draft
        QCoreApplication::removeTranslator(&sw);
    }
};

QTEST_MAIN(TestFirstRun)
#include "tst_firstrun.moc"
