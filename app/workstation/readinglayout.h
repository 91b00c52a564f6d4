// How an open study shares the screen: each viewer tab is a page with the
// viewer's toolbar across the top, the viewer and the report panel. The
// measurement list and the report panel collapse with one key, the report
// panel can live in its own window (a second monitor) and come back, and a
// full-screen mode gives the image the whole screen (Esc leaves). The
// choices are remembered in QSettings. Layout only: never reads the archive.
#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>

class QAction;
class QMainWindow;
class QStackedWidget;
class QTabWidget;
class QWidget;

namespace kilima::viewer {
class StudyViewer;
}
namespace kilima::reportui {
class ReportPanel;
}

namespace kilima::workstation {

class ReadingLayout : public QObject {
    Q_OBJECT

public:
    // `fixedTabs`: the tabs before the first viewer tab (never pages).
    ReadingLayout(QMainWindow *window, QTabWidget *tabs, int fixedTabs);
    ~ReadingLayout() override;

    // A study's page: the viewer's toolbar (reading tools first, so that
    // 2D/MPR/3D, cine and key image never go behind the » button), the
    // viewer and the report panel, laid out as the remembered choices say.
    QWidget *createPage(viewer::StudyViewer *viewer, reportui::ReportPanel *report);
    // Deletes the page and its report panel (which may sit in the report
    // window).
    void deletePage(QWidget *page);
    viewer::StudyViewer *viewerOf(QWidget *page) const;
    reportui::ReportPanel *reportOf(QWidget *page) const;
    // Gives the keyboard to the page's image (its active viewport), so that
    // window presets and scrolling work without a click.
    void focusViewer(QWidget *page) const;

    bool reportVisible() const { return m_reportVisible; }
    void setReportVisible(bool visible);
    bool measurementsVisible() const { return m_measurementsVisible; }
    void setMeasurementsVisible(bool visible);
    bool reportDetached() const { return m_detached; }
    void setReportDetached(bool detached);
    // The report window while detached (null before the first detach).
    QWidget *reportWindow() const { return m_reportWindow; }
    bool isFullScreen() const { return m_fullScreen; }
    void setFullScreen(bool on);

    // View-menu actions, with their shortcuts (F8, F9, Shift+F9, F11).
    QAction *measurementsAction() const { return m_measurementsAction; }
    QAction *reportAction() const { return m_reportAction; }
    QAction *detachAction() const { return m_detachAction; }
    QAction *fullScreenAction() const { return m_fullScreenAction; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Page {
        viewer::StudyViewer *viewer = nullptr;
        QPointer<reportui::ReportPanel> report;
        QWidget *reportSlot = nullptr;   // the splitter the report sits in when attached
    };
    void applyTo(QWidget *page);
    void applyAll();
    void currentTabChanged();
    void ensureReportWindow();
    QWidget *measurementList(viewer::StudyViewer *viewer) const;

    QMainWindow *m_window;
    QTabWidget *m_tabs;
    int m_fixedTabs;
    QHash<QWidget *, Page> m_pages;
    QPointer<QWidget> m_reportWindow;
    QStackedWidget *m_reportStack = nullptr;
    QWidget *m_noStudy = nullptr;
    QAction *m_measurementsAction;
    QAction *m_reportAction;
    QAction *m_detachAction;
    QAction *m_fullScreenAction;
    QAction *m_leaveFullScreen;
    bool m_reportVisible = true;
    bool m_measurementsVisible = true;
    bool m_detached = false;
    bool m_fullScreen = false;
    bool m_wasMaximized = false;
};

} // namespace kilima::workstation
