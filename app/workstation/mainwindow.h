// The workstation's main window: tabs for the study browser (with the
// series panel), query/retrieve, node status and the studies open in the
// viewer; menus with every action and its shortcut; import (folder,
// DICOMDIR/CD, drag and drop), export, delete, reading status. Owns no
// logic of its own beyond wiring; the archive is reached on worker threads.
#pragma once

#include <kilima/archive/readingstatus.h>
#include <kilima/browser/importdialog.h>
#include <kilima/core/config.h>

#include <QMainWindow>
#include <QPointer>

#include <memory>

class QAction;
class QLabel;
class QTabWidget;
class QTimer;

namespace kilima::archive {
class Archive;
}
namespace kilima::browser {
class ImportDialog;
class QueryRetrievePanel;
class SeriesPanel;
class StudyBrowser;
class StudyListModel;
class WorklistPanel;
} // namespace kilima::browser
namespace kilima::node {
class Node;
}

namespace kilima::workstation {

class NodeStatusPanel;
class ReadingLayout;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    // `node` may be null (--no-node); `configFile` is where Settings saves.
    MainWindow(std::shared_ptr<archive::Archive> archive, const core::Config &config, const QString &configFile,
               node::Node *node = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    browser::StudyListModel *studyModel() const { return m_model; }
    browser::StudyBrowser *studyBrowser() const { return m_browser; }
    browser::SeriesPanel *seriesPanel() const { return m_series; }
    browser::QueryRetrievePanel *queryRetrievePanel() const { return m_queryRetrieve; }
    NodeStatusPanel *nodeStatusPanel() const { return m_nodeStatus; }
    browser::WorklistPanel *worklistPanel() const { return m_worklist; }
    QTabWidget *tabs() const { return m_tabs; }
    browser::ImportDialog *importDialog() const { return m_importDialog; }
    QString userName() const { return m_user; }
    // The signed-in person's full name (the report's signer).
    QString fullName() const { return m_fullName; }
    ReadingLayout *readingLayout() const { return m_layout; }

    // Imports files/folders/DICOMDIRs with the import dialog.
    void importPaths(const QStringList &paths);
    // Opens a study in a viewer tab (or brings its tab forward).
    void openStudy(const QString &studyUid);
    QStringList selectedStudies() const;
    // Opens the settings dialog (non-modal; returned for tests/screenshots).
    QDialog *showSettings();

public Q_SLOTS:
    void refresh();
    // Report drafts journalled but never saved (the program or machine
    // died while a radiologist typed): offered once at start.
    void offerRecoveredDrafts();
    void askToOpenRecoveredDrafts(const QStringList &studies);
    void setReadingStatus(archive::ReadingStatus status);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createMenus();
    void chooseImportFolder();
    void chooseDicomDir();
    void exportSelected();
    void deleteSelected();
    void assignSelected();
    void toggleStat();
    void priorsOfSelected();
    void updateStats();
    void scheduleRefresh();
    void about();

    std::shared_ptr<archive::Archive> m_archive;
    core::Config m_config;
    QString m_configFile;
    node::Node *m_node;
    QString m_user;
    QString m_fullName;
    QWidget *m_studiesPage = nullptr;
    ReadingLayout *m_layout = nullptr;
    QList<QPair<QString, QString>> m_helpRows;   // the window's keys, for the viewer's F1 help
    browser::StudyListModel *m_model;
    browser::StudyBrowser *m_browser;
    browser::SeriesPanel *m_series;
    browser::QueryRetrievePanel *m_queryRetrieve;
    browser::WorklistPanel *m_worklist;
    NodeStatusPanel *m_nodeStatus;
    QTabWidget *m_tabs;
    QLabel *m_stats;
    QTimer *m_refreshTimer;
    QPointer<browser::ImportDialog> m_importDialog;
    bool m_statsPending = false;
};

} // namespace kilima::workstation
