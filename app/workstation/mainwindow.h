// The workstation's main window: for now the study browser over the local
// archive, folder import and archive statistics. Owns no logic of its own
// beyond wiring; the archive is reached on worker threads only.
#pragma once

#include <kilima/archive/importer.h>

#include <QFutureWatcher>
#include <QMainWindow>
#include <QPointer>

#include <memory>

class QAction;
class QLabel;
class QProgressDialog;

namespace kilima::archive {
class Archive;
}
namespace kilima::browser {
class StudyBrowser;
class StudyListModel;
} // namespace kilima::browser

namespace kilima::workstation {

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(std::shared_ptr<archive::Archive> archive, QWidget *parent = nullptr);
    ~MainWindow() override;

    browser::StudyListModel *studyModel() const { return m_model; }
    browser::StudyBrowser *studyBrowser() const { return m_browser; }

    // Imports `folder` on a worker thread with a progress dialog, then
    // refreshes the list and shows a summary.
    void importFolder(const QString &folder);

public Q_SLOTS:
    void refresh();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    struct ImportResult {
        archive::ImportSummary summary;
        QStringList errors;   // paths that did not exist or could not be read
        int files = 0;
    };

    void createMenus();
    void chooseImportFolder();
    void importFinished();
    void updateStats();
    void about();

    std::shared_ptr<archive::Archive> m_archive;
    browser::StudyListModel *m_model;
    browser::StudyBrowser *m_browser;
    QLabel *m_stats;
    QAction *m_importAction = nullptr;

    QFutureWatcher<ImportResult> m_import;
    QPointer<QProgressDialog> m_progress;
    QString m_importFolder;
    bool m_statsPending = false;
};

} // namespace kilima::workstation
