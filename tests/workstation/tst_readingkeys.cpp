// The keyboard and the screen of a radiologist reading all day, on the real
// main window with a study open: the image has the keyboard as soon as the
// study opens (a window preset key works without a click), no key means two
// things in one place (every QAction and QShortcut of every window, in 2D,
// MPR and 3D), the measurement list and the report panel fold away with one
// key each, full screen comes with F11 and goes with Esc, the report panel
// moves to its own window and back (remembered), and at 1600 px the toolbar
// shows 2D/MPR/3D, cine and key image rather than hiding them behind ».
#include "phantom.h"

#include "mainwindow.h"
#include "readinglayout.h"

#include <kilima/archive/archive.h>
#include <kilima/archive/importer.h>
#include <kilima/core/config.h>
#include <kilima/core/datadir.h>
#include <kilima/reportui/reportpanel.h>
#include <kilima/viewer/sliceview.h>
#include <kilima/viewer/studyviewer.h>
#include <kilima/viewer/volumeview.h>

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QShortcut>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

using namespace kilima;
using viewer::StudyViewer;

namespace {

struct Binding {
    QKeySequence key;
    QObject *source;          // the QAction or QShortcut
    QWidget *widget;          // where it is registered
    Qt::ShortcutContext context;
    QString what;
};

// The widget whose window (or subtree) an association stands for: menus
// and tool bars only show an action; its shortcut lives where the action
// was added as well (Qt resolves a menu-only action through the menu bar).
QWidget *owner(QWidget *w)
{
    while (w && (qobject_cast<QMenu *>(w) || qobject_cast<QMenuBar *>(w))) {
        QWidget *next = nullptr;
        if (auto *menu = qobject_cast<QMenu *>(w)) {
            for (QObject *o : menu->menuAction()->associatedObjects())
                if (auto *ow = qobject_cast<QWidget *>(o)) {
                    next = ow;
                    break;
                }
            if (!next)
                next = menu->parentWidget();
        } else {
            next = w->parentWidget();
        }
        w = next;
    }
    return w;
}

QList<Binding> bindings()
{
    QList<Binding> out;
    QSet<QObject *> seen;
    for (QWidget *top : QApplication::topLevelWidgets()) {
        QList<QAction *> actions = top->findChildren<QAction *>();
        actions += top->actions();
        for (QAction *a : actions) {
            if (seen.contains(a) || a->shortcuts().isEmpty())
                continue;
            seen.insert(a);
            QList<QWidget *> where;
            bool elsewhere = false;
            for (QObject *o : a->associatedObjects()) {
                auto *w = qobject_cast<QWidget *>(o);
                if (!w)
                    continue;
                if (qobject_cast<QMenu *>(w) || qobject_cast<QMenuBar *>(w) || qobject_cast<QToolBar *>(w))
                    continue;
                elsewhere = true;
                where << w;
            }
            if (!elsewhere)   // only in menus: the menu bar's window
                for (QObject *o : a->associatedObjects())
                    if (auto *w = qobject_cast<QMenu *>(o))
                        if (QWidget *ow = owner(w))
                            where << ow;
            for (QWidget *w : where)
                for (const QKeySequence &k : a->shortcuts())
                    out.append({k, a, w, a->shortcutContext(), a->text().remove(QLatin1Char('&'))});
        }
        for (QShortcut *s : top->findChildren<QShortcut *>()) {
            if (seen.contains(s) || !qobject_cast<QWidget *>(s->parent()))
                continue;
            seen.insert(s);
            for (const QKeySequence &k : s->keys())
                out.append({k, s, qobject_cast<QWidget *>(s->parent()), s->context(), s->objectName()});
        }
    }
    return out;
}

bool overlap(const Binding &a, const Binding &b)
{
    if (a.context == Qt::ApplicationShortcut || b.context == Qt::ApplicationShortcut)
        return true;
    if (a.widget->window() != b.widget->window())
        return false;
    auto root = [](const Binding &x) { return x.context == Qt::WindowShortcut ? x.widget->window() : x.widget; };
    const QWidget *ra = root(a), *rb = root(b);
    const bool subA = a.context != Qt::WidgetShortcut, subB = b.context != Qt::WidgetShortcut;
    if (subA && subB)
        return ra == rb || ra->isAncestorOf(rb) || rb->isAncestorOf(ra);
    if (subA)
        return ra == rb || ra->isAncestorOf(rb);
    if (subB)
        return ra == rb || rb->isAncestorOf(ra);
    return ra == rb;
}

QString describe(const Binding &b)
{
    return QStringLiteral("\"%1\" (%2 on %3)")
        .arg(b.what, QString::fromLatin1(b.source->metaObject()->className()),
             QString::fromLatin1(b.widget->metaObject()->className()));
}

QStringList ambiguities()
{
    const QList<Binding> all = bindings();
    QStringList out;
    for (int i = 0; i < all.size(); ++i)
        for (int j = i + 1; j < all.size(); ++j)
            if (all[i].source != all[j].source && all[i].key == all[j].key && overlap(all[i], all[j]))
                out << QStringLiteral("%1: %2 and %3")
                           .arg(all[i].key.toString(), describe(all[i]), describe(all[j]));
    out.removeDuplicates();
    return out;
}

QAction *actionWithKey(QWidget *w, const QKeySequence &key)
{
    for (QAction *a : w->actions())
        if (a->shortcuts().contains(key))
            return a;
    return nullptr;
}

bool hasGl()
{
    return QGuiApplication::platformName() == QLatin1String("xcb") && qEnvironmentVariableIsEmpty("KILIMA_NO_GL");
}

} // namespace

class TestReadingKeys : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    std::shared_ptr<archive::Archive> m_archive;
    std::unique_ptr<workstation::MainWindow> m_window;
    QString m_uid;

    StudyViewer *viewer() const
    {
        QWidget *page = m_window->tabs()->currentWidget();
        return page ? page->findChild<StudyViewer *>() : nullptr;
    }
    reportui::ReportPanel *report() const
    {
        return m_window->readingLayout()->reportOf(m_window->tabs()->currentWidget());
    }
    // A key as the reader presses it: to whatever has the keyboard.
    static bool press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        QWidget *target = QApplication::focusWidget() ? QApplication::focusWidget() : QApplication::activeWindow();
        if (!target)
            return false;
        QTest::keyClick(target, Qt::Key(key), modifiers);
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("KilimaReadingKeysTest"));
        qputenv("XDG_CONFIG_HOME", m_tmp.filePath(QStringLiteral("xdg")).toUtf8());
        QSettings().clear();
        test::CtPhantom ph;
        ph.slices = 24;
        ph.rows = ph.columns = 64;
        ph.studyUid = test::newUid();
        m_uid = ph.studyUid;
        auto opened = archive::Archive::open(core::DataDir(m_tmp.filePath(QStringLiteral("data"))), core::Config());
        QVERIFY(opened);
        m_archive = std::shared_ptr<archive::Archive>(opened.take());
        QCOMPARE(archive::Importer(*m_archive).run(test::writeCtPhantom(m_tmp.filePath(QStringLiteral("src")), ph)).imported,
                 24);
        m_window = std::make_unique<workstation::MainWindow>(m_archive, core::Config(),
                                                             m_tmp.filePath(QStringLiteral("data/kilima.json")));
        m_window->resize(1600, 1000);
        m_window->show();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    // Each case starts as the reader would: the window in front.
    void init()
    {
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    void cleanupTestCase()
    {
        m_window.reset();
    }

    void openingAStudy_ShouldGiveTheImageTheKeyboard()
    {
        m_window->openStudy(m_uid);
        StudyViewer *v = viewer();
        QVERIFY(v);
        QTRY_VERIFY_WITH_TIMEOUT(!v->volumes().isEmpty() && v->activeView() && v->activeView()->volume(), 20000);
        QWidget *focus = QApplication::focusWidget();
        QVERIFY2(focus && v->isAncestorOf(focus),
                 qPrintable(QStringLiteral("the keyboard is on %1 (window %2, focus window %3)")
                                .arg(focus ? QString::fromLatin1(focus->metaObject()->className()) : QStringLiteral("nothing"),
                                     QApplication::activeWindow() ? QApplication::activeWindow()->objectName() + QString::fromLatin1(QApplication::activeWindow()->metaObject()->className()) : QStringLiteral("none"),
                                     QGuiApplication::focusWindow() ? QGuiApplication::focusWindow()->objectName() + QString::fromLatin1(QGuiApplication::focusWindow()->metaObject()->className()) : QStringLiteral("none"))));
        // "2" is CT Lung (resources/presets/window.json): no click first.
        QVERIFY2(press(Qt::Key_2), "no window has the keyboard");
        QCOMPARE(v->activeView()->window().center, -600.0);
        QCOMPARE(v->activeView()->window().width, 1500.0);
        QVERIFY2(press(Qt::Key_1), "no window has the keyboard");
        QCOMPARE(v->activeView()->window().center, 40.0);
    }

    void keys_ShouldMeanOneThingInEachPlace_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("2D") << int(StudyViewer::Mode::Stack);
        QTest::newRow("MPR") << int(StudyViewer::Mode::Mpr);
        QTest::newRow("3D") << int(StudyViewer::Mode::Volume3D);
    }
    void keys_ShouldMeanOneThingInEachPlace()
    {
        QFETCH(int, mode);
        if (mode == int(StudyViewer::Mode::Volume3D) && !hasGl())
            QSKIP("3D needs OpenGL: run under xvfb-run (ctest does where xvfb-run is installed)");
        StudyViewer *v = viewer();
        QVERIFY(v);
        v->setMode(StudyViewer::Mode(mode));
        QApplication::processEvents();
        const QStringList clashes = ambiguities();
        QVERIFY2(clashes.isEmpty(), qPrintable(QStringLiteral("\n") + clashes.join(QLatin1Char('\n'))));
        v->setMode(StudyViewer::Mode::Stack);
    }

    // 1–5 pick the rendering preset in 3D, not a window preset of a 2D view
    // that is out of sight.
    void digitsIn3D_ShouldPickTheRenderingPreset()
    {
        if (!hasGl())
            QSKIP("3D needs OpenGL: run under xvfb-run (ctest does where xvfb-run is installed)");
        StudyViewer *v = viewer();
        v->setMode(StudyViewer::Mode::Volume3D);
        QTRY_VERIFY_WITH_TIMEOUT(!v->volumeView()->preset().isEmpty(), 30000);
        m_window->readingLayout()->focusViewer(m_window->tabs()->currentWidget());
        const QList<viewer::VolumePreset> presets = viewer::volumePresets();
        QVERIFY(presets.size() >= 2);
        const double centerBefore = v->activeView()->window().center;
        QVERIFY2(press(Qt::Key_2), "no window has the keyboard");
        QCOMPARE(v->volumeView()->preset(), presets[1].name);
        QVERIFY2(press(Qt::Key_1), "no window has the keyboard");
        QCOMPARE(v->volumeView()->preset(), presets[0].name);
        QCOMPARE(v->activeView()->window().center, centerBefore);
        v->setMode(StudyViewer::Mode::Stack);
    }

    void measurementListAndReport_ShouldFoldWithOneKey()
    {
        StudyViewer *v = viewer();
        QWidget *list = v->findChild<QWidget *>(QStringLiteral("measurementList"));
        QVERIFY(list);
        QVERIFY(list->isVisible());
        QVERIFY(report()->isVisible());
        QVERIFY2(press(Qt::Key_F8), "no window has the keyboard");
        QVERIFY(!list->isVisible());
        QVERIFY(report()->isVisible());
        QVERIFY2(press(Qt::Key_F8), "no window has the keyboard");
        QVERIFY(list->isVisible());
        QVERIFY2(press(Qt::Key_F9), "no window has the keyboard");
        QVERIFY(!report()->isVisible());
        QVERIFY2(press(Qt::Key_F9), "no window has the keyboard");
        QVERIFY(report()->isVisible());
    }

    void fullScreen_ShouldComeWithF11AndGoWithEsc()
    {
        QVERIFY2(press(Qt::Key_F11), "no window has the keyboard");
        QVERIFY(m_window->windowState() & Qt::WindowFullScreen);
        QVERIFY(!m_window->tabs()->tabBar()->isVisible());
        QVERIFY(!m_window->menuBar()->isVisible());
        QVERIFY(!report()->isVisible());
        QVERIFY(viewer()->isVisible());
        // The image keeps the keyboard.
        QWidget *focus = QApplication::focusWidget();
        QVERIFY(focus && viewer()->isAncestorOf(focus));
        QVERIFY2(press(Qt::Key_Escape), "no window has the keyboard");
        QVERIFY(!(m_window->windowState() & Qt::WindowFullScreen));
        QVERIFY(m_window->tabs()->tabBar()->isVisible());
        QVERIFY(m_window->menuBar()->isVisible());
        QVERIFY(report()->isVisible());
    }

    void report_ShouldDetachToItsOwnWindowAndComeBack()
    {
        reportui::ReportPanel *panel = report();
        QCOMPARE(panel->window(), m_window.get());
        QVERIFY2(press(Qt::Key_F9, Qt::ShiftModifier), "no window has the keyboard");
        QVERIFY(panel->window() != m_window.get());
        QVERIFY(panel->window()->isVisible());
        QVERIFY(panel->isVisible());
        QCOMPARE(QSettings().value(QStringLiteral("ui/reportDetached")).toBool(), true);
        {
            // Remembered: the next window starts with the report detached.
            workstation::MainWindow second(m_archive, core::Config(), m_tmp.filePath(QStringLiteral("data/kilima.json")));
            QVERIFY(second.readingLayout()->reportDetached());
        }
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        m_window->readingLayout()->focusViewer(m_window->tabs()->currentWidget());
        QVERIFY2(press(Qt::Key_F9, Qt::ShiftModifier), "no window has the keyboard");
        QCOMPARE(panel->window(), m_window.get());
        QVERIFY(panel->isVisible());
        QCOMPARE(QSettings().value(QStringLiteral("ui/reportDetached")).toBool(), false);
        // Closing the report window also brings the report back.
        m_window->readingLayout()->setReportDetached(true);
        QVERIFY(panel->window() != m_window.get());
        panel->window()->close();
        QCOMPARE(panel->window(), m_window.get());
        QVERIFY(panel->isVisible());
    }

    void toolbarAt1600_ShouldShowTheReadingActions()
    {
        m_window->resize(1600, 1000);
        QWidget *page = m_window->tabs()->currentWidget();
        QToolBar *bar = page->findChild<QToolBar *>();
        QVERIFY(bar);
        QTRY_VERIFY(bar->width() > 1000);
        const QList<QPair<QKeySequence, const char *>> wanted = {
            {QKeySequence(Qt::Key_F5), "2D"}, {QKeySequence(Qt::Key_M), "MPR"}, {QKeySequence(Qt::Key_F7), "3D"},
            {QKeySequence(Qt::Key_C), "Cine"}, {QKeySequence(Qt::Key_K), "Key image"}};
        for (const auto &w : wanted) {
            QAction *a = actionWithKey(bar, w.first);
            QVERIFY2(a, w.second);
            QWidget *button = bar->widgetForAction(a);
            QVERIFY2(button && button->isVisible(), qPrintable(QStringLiteral("%1 is behind the » button").arg(QLatin1String(w.second))));
            QVERIFY(bar->rect().contains(button->geometry()));
        }
    }

    void help_ShouldListTheWindowsKeysToo()
    {
        StudyViewer *v = viewer();
        QString text;
        for (QLabel *l : v->findChildren<QLabel *>())
            if (l->text().contains(QLatin1String("<table")))
                text = l->text();
        for (const QKeySequence &k : {QKeySequence(Qt::Key_F11), QKeySequence(Qt::Key_F9), QKeySequence(Qt::Key_F8),
                                      QKeySequence(Qt::CTRL | Qt::Key_W), QKeySequence(Qt::Key_F5)})
            QVERIFY2(text.contains(k.toString(QKeySequence::NativeText).toHtmlEscaped()), qPrintable(k.toString()));
    }
};

QTEST_MAIN(TestReadingKeys)
#include "tst_readingkeys.moc"
