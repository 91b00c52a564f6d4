#include "readinglayout.h"

#include <kilima/reportui/reportpanel.h>
#include <kilima/viewer/sliceview.h>
#include <kilima/viewer/studyviewer.h>

#include <QAction>
#include <QCloseEvent>
#include <QLabel>
#include <QMainWindow>
#include <QMenuBar>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>
#include <QWidgetAction>

namespace kilima::workstation {

namespace {

const QString kReportVisible = QStringLiteral("ui/reportVisible");
const QString kMeasurementsVisible = QStringLiteral("ui/measurementsVisible");
const QString kReportDetached = QStringLiteral("ui/reportDetached");
const QString kReportGeometry = QStringLiteral("ui/reportWindowGeometry");

QAction *findByKey(const QList<QAction *> &actions, const QKeySequence &key)
{
    for (QAction *a : actions)
        if (a->shortcuts().contains(key))
            return a;
    return nullptr;
}

// The reading essentials go first: at 1600 px the toolbar is nearly full,
// and what does not fit goes behind the » button, which a radiologist
// should never need for 2D/MPR/3D, cine or key images. Found by shortcut,
// which translations do not change.
void essentialsFirst(QToolBar *bar)
{
    const QList<QAction *> actions = bar->actions();
    if (actions.isEmpty())
        return;
    QAction *first = actions.front();
    QAction *fps = nullptr;
    for (QAction *a : actions)
        if (qobject_cast<QWidgetAction *>(a) && qobject_cast<QSpinBox *>(bar->widgetForAction(a)))
            fps = a;
    const QList<QAction *> essentials = {findByKey(actions, QKeySequence(Qt::Key_F5)),
                                         findByKey(actions, QKeySequence(Qt::Key_M)),
                                         findByKey(actions, QKeySequence(Qt::Key_F7)),
                                         nullptr,
                                         findByKey(actions, QKeySequence(Qt::Key_C)),
                                         fps,
                                         findByKey(actions, QKeySequence(Qt::Key_K)),
                                         nullptr};
    for (QAction *a : essentials) {
        if (!a)
            bar->insertSeparator(first);
        else if (a != first)
            bar->insertAction(first, a);
    }
}

} // namespace

ReadingLayout::ReadingLayout(QMainWindow *window, QTabWidget *tabs, int fixedTabs)
    : QObject(window),
      m_window(window),
      m_tabs(tabs),
      m_fixedTabs(fixedTabs),
      m_measurementsAction(new QAction(tr("&Measurement List"), window)),
      m_reportAction(new QAction(tr("&Report Panel"), window)),
      m_detachAction(new QAction(tr("Report in Own &Window"), window)),
      m_fullScreenAction(new QAction(tr("&Full Screen"), window)),
      m_leaveFullScreen(new QAction(tr("Leave Full Screen"), window))
{
    const QSettings settings;
    m_reportVisible = settings.value(kReportVisible, true).toBool();
    m_measurementsVisible = settings.value(kMeasurementsVisible, true).toBool();
    m_detached = settings.value(kReportDetached, false).toBool();

    m_measurementsAction->setObjectName(QStringLiteral("toggleMeasurements"));
    m_measurementsAction->setShortcut(QKeySequence(Qt::Key_F8));
    m_measurementsAction->setCheckable(true);
    m_measurementsAction->setChecked(m_measurementsVisible);
    connect(m_measurementsAction, &QAction::toggled, this, &ReadingLayout::setMeasurementsVisible);

    m_reportAction->setObjectName(QStringLiteral("toggleReport"));
    m_reportAction->setShortcut(QKeySequence(Qt::Key_F9));
    m_reportAction->setCheckable(true);
    m_reportAction->setChecked(m_reportVisible);
    connect(m_reportAction, &QAction::toggled, this, &ReadingLayout::setReportVisible);

    m_detachAction->setObjectName(QStringLiteral("detachReport"));
    m_detachAction->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F9));
    m_detachAction->setCheckable(true);
    m_detachAction->setChecked(m_detached);
    connect(m_detachAction, &QAction::toggled, this, &ReadingLayout::setReportDetached);

    m_fullScreenAction->setObjectName(QStringLiteral("fullScreen"));
    m_fullScreenAction->setShortcut(QKeySequence(Qt::Key_F11));
    m_fullScreenAction->setCheckable(true);
    connect(m_fullScreenAction, &QAction::toggled, this, &ReadingLayout::setFullScreen);
    // Esc leaves full screen; it is bound only while full screen, so that
    // elsewhere it keeps cancelling a measurement being drawn.
    m_leaveFullScreen->setObjectName(QStringLiteral("leaveFullScreen"));
    m_leaveFullScreen->setShortcut(QKeySequence(Qt::Key_Escape));
    connect(m_leaveFullScreen, &QAction::triggered, this, [this] { setFullScreen(false); });

    connect(m_tabs, &QTabWidget::currentChanged, this, &ReadingLayout::currentTabChanged);
    if (m_detached) {
        m_detached = false;   // set up by setReportDetached
        setReportDetached(true);
    }
}

ReadingLayout::~ReadingLayout()
{
    if (m_reportWindow)
        QSettings().setValue(kReportGeometry, m_reportWindow->saveGeometry());
}

QWidget *ReadingLayout::measurementList(viewer::StudyViewer *viewer) const
{
    return viewer->findChild<QWidget *>(QStringLiteral("measurementList"));
}

QWidget *ReadingLayout::createPage(viewer::StudyViewer *viewer, reportui::ReportPanel *report)
{
    auto *page = new QWidget(m_tabs);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    // The toolbar spans the report column too: the viewer's width alone is
    // too narrow for its tools at 1600 px.
    if (auto *bar = viewer->findChild<QToolBar *>(QString(), Qt::FindDirectChildrenOnly)) {
        essentialsFirst(bar);
        bar->setParent(page);
        layout->addWidget(bar);
    }
    auto *split = new QSplitter(Qt::Horizontal, page);
    split->setObjectName(QStringLiteral("readingSplitter"));
    split->setChildrenCollapsible(false);
    viewer->setParent(split);
    split->addWidget(viewer);
    split->setStretchFactor(0, 3);
    layout->addWidget(split, 1);
    m_pages.insert(page, {viewer, report, split});
    if (m_detached) {
        ensureReportWindow();
        m_reportStack->addWidget(report);
    } else {
        split->addWidget(report);
        split->setStretchFactor(1, 1);
    }
    applyTo(page);
    return page;
}

void ReadingLayout::deletePage(QWidget *page)
{
    const auto it = m_pages.find(page);
    if (it == m_pages.end())
        return;
    if (it->report && it->report->parent() != page && !page->isAncestorOf(it->report))
        it->report->deleteLater();
    m_pages.erase(it);
    page->deleteLater();
}

viewer::StudyViewer *ReadingLayout::viewerOf(QWidget *page) const
{
    return m_pages.value(page).viewer;
}

reportui::ReportPanel *ReadingLayout::reportOf(QWidget *page) const
{
    return m_pages.value(page).report;
}

void ReadingLayout::focusViewer(QWidget *page) const
{
    viewer::StudyViewer *viewer = viewerOf(page);
    if (!viewer)
        return;
    QWidget *target = viewer;
    if (viewer->mode() == viewer::StudyViewer::Mode::Stack && viewer->activeView())
        target = viewer->activeView();
    target->setFocus(Qt::OtherFocusReason);
}

void ReadingLayout::applyTo(QWidget *page)
{
    const Page p = m_pages.value(page);
    if (!p.viewer)
        return;
    if (QWidget *list = measurementList(p.viewer))
        list->setVisible(m_measurementsVisible && !m_fullScreen);
    if (p.report && !m_detached)
        p.report->setVisible(m_reportVisible && !m_fullScreen);
}

void ReadingLayout::applyAll()
{
    for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it)
        applyTo(it.key());
    if (m_reportWindow)
        m_reportWindow->setVisible(m_detached && m_reportVisible);
}

void ReadingLayout::setReportVisible(bool visible)
{
    m_reportVisible = visible;
    QSettings().setValue(kReportVisible, visible);
    m_reportAction->setChecked(visible);
    applyAll();
}

void ReadingLayout::setMeasurementsVisible(bool visible)
{
    m_measurementsVisible = visible;
    QSettings().setValue(kMeasurementsVisible, visible);
    m_measurementsAction->setChecked(visible);
    applyAll();
}

void ReadingLayout::ensureReportWindow()
{
    if (m_reportWindow)
        return;
    // A window of its own (Qt::Window), owned by the main window: it goes to
    // a second monitor and closes with the program.
    auto *w = new QWidget(m_window, Qt::Window);
    w->setObjectName(QStringLiteral("reportWindow"));
    w->setWindowTitle(tr("Report — Kilima"));
    auto *layout = new QVBoxLayout(w);
    layout->setContentsMargins(0, 0, 0, 0);
    m_reportStack = new QStackedWidget(w);
    auto *noStudy = new QLabel(tr("Open a study to write its report."), m_reportStack);
    noStudy->setAlignment(Qt::AlignCenter);
    m_noStudy = noStudy;
    m_reportStack->addWidget(m_noStudy);
    layout->addWidget(m_reportStack);
    // The same keys work in the report window.
    w->addAction(m_reportAction);
    w->addAction(m_detachAction);
    w->installEventFilter(this);
    const QByteArray geometry = QSettings().value(kReportGeometry).toByteArray();
    if (geometry.isEmpty() || !w->restoreGeometry(geometry))
        w->resize(640, 800);
    m_reportWindow = w;
}

void ReadingLayout::setReportDetached(bool detached)
{
    if (detached == m_detached)
        return;
    m_detached = detached;
    QSettings().setValue(kReportDetached, detached);
    m_detachAction->setChecked(detached);
    if (detached) {
        ensureReportWindow();
        for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it)
            if (it->report)
                m_reportStack->addWidget(it->report);
        // Detaching is asking to see the report there.
        if (!m_reportVisible)
            setReportVisible(true);
        currentTabChanged();
    } else {
        for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it) {
            if (!it->report)
                continue;
            auto *split = static_cast<QSplitter *>(it->reportSlot);
            split->addWidget(it->report);
            split->setStretchFactor(1, 1);
            it->report->show();
        }
        if (m_reportWindow) {
            QSettings().setValue(kReportGeometry, m_reportWindow->saveGeometry());
            m_reportWindow->hide();
        }
    }
    applyAll();
}

void ReadingLayout::currentTabChanged()
{
    QWidget *page = m_tabs->currentWidget();
    if (m_detached && m_reportStack) {
        reportui::ReportPanel *report = reportOf(page);
        m_reportStack->setCurrentWidget(report ? static_cast<QWidget *>(report) : m_noStudy);
    }
    if (m_pages.contains(page))
        focusViewer(page);
}

void ReadingLayout::setFullScreen(bool on)
{
    if (on == m_fullScreen)
        return;
    m_fullScreen = on;
    m_fullScreenAction->setChecked(on);
    m_window->menuBar()->setVisible(!on);
    m_window->statusBar()->setVisible(!on);
    m_tabs->tabBar()->setVisible(!on);
    if (on) {
        m_wasMaximized = m_window->isMaximized();
        m_window->addAction(m_leaveFullScreen);
        m_window->showFullScreen();
    } else {
        m_window->removeAction(m_leaveFullScreen);
        if (m_wasMaximized)
            m_window->showMaximized();
        else
            m_window->showNormal();
    }
    applyAll();
    if (m_pages.contains(m_tabs->currentWidget()))
        focusViewer(m_tabs->currentWidget());
}

bool ReadingLayout::eventFilter(QObject *watched, QEvent *event)
{
    // Closing the report window puts the report back beside the image.
    if (watched == m_reportWindow && event->type() == QEvent::Close && m_detached) {
        setReportDetached(false);
        return false;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace kilima::workstation
