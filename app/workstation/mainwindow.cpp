#include "mainwindow.h"

#include <kilima/archive/archive.h>
#include <kilima/browser/studybrowser.h>
#include <kilima/browser/studylistmodel.h>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrentRun>

namespace kilima::workstation {

MainWindow::MainWindow(std::shared_ptr<archive::Archive> archive, QWidget *parent)
    : QMainWindow(parent),
      m_archive(std::move(archive)),
      m_model(new browser::StudyListModel(m_archive, this)),
      m_browser(new browser::StudyBrowser(m_model, this)),
      m_stats(new QLabel(this))
{
    setWindowTitle(tr("Kilima"));
    setCentralWidget(m_browser);
    statusBar()->addPermanentWidget(m_stats);
    createMenus();

    connect(&m_import, &QFutureWatcher<ImportResult>::finished, this, &MainWindow::importFinished);
    connect(m_model, &browser::StudyListModel::countChanged, this, &MainWindow::updateStats);
    connect(m_model, &browser::StudyListModel::queryFailed, this,
            [this](const QString &message) { statusBar()->showMessage(tr("Query failed: %1").arg(message)); });

    resize(1280, 800);
    m_model->refresh();
}

MainWindow::~MainWindow()
{
    // The import posts progress to this window: let it end first.
    m_import.waitForFinished();
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_importAction = file->addAction(tr("&Import Folder…"));
    connect(m_importAction, &QAction::triggered, this, &MainWindow::chooseImportFolder);
    m_importAction->setShortcut(QKeySequence(tr("Ctrl+I")));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"));
    connect(quit, &QAction::triggered, this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    if (quit->shortcut().isEmpty())   // not every platform defines one
        quit->setShortcut(QKeySequence(tr("Ctrl+Q")));
    quit->setMenuRole(QAction::QuitRole);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *refresh = view->addAction(tr("&Refresh"));
    connect(refresh, &QAction::triggered, this, &MainWindow::refresh);
    refresh->setShortcut(QKeySequence::Refresh);
    if (refresh->shortcut().isEmpty())
        refresh->setShortcut(QKeySequence(Qt::Key_F5));
    QAction *find = view->addAction(tr("&Find Patient"));
    connect(find, &QAction::triggered, this, [this] { m_browser->setFocus(); });
    find->setShortcut(QKeySequence::Find);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Kilima"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::about);
}

void MainWindow::refresh()
{
    m_model->refresh();
}

void MainWindow::updateStats()
{
    if (m_statsPending)
        return;
    m_statsPending = true;
    auto *watcher = new QFutureWatcher<core::Result<archive::Stats>>(this);
    connect(watcher, &QFutureWatcher<core::Result<archive::Stats>>::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_statsPending = false;
        const core::Result<archive::Stats> stats = watcher->result();
        if (!stats) {
            m_stats->setText(tr("Archive statistics unavailable: %1").arg(stats.error()));
            return;
        }
        const archive::Stats &s = stats.value();
        const QLocale locale;
        m_stats->setText(tr("Patients: %1 · Studies: %2 · Series: %3 · Images: %4 · Stored: %5")
                             .arg(locale.toString(s.patients), locale.toString(s.studies),
                                  locale.toString(s.series), locale.toString(s.instances),
                                  locale.formattedDataSize(s.storedBytes)));
    });
    std::shared_ptr<archive::Archive> archive = m_archive;
    watcher->setFuture(QtConcurrent::run([archive] { return archive->stats(); }));
}

void MainWindow::chooseImportFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Import Folder"), QDir::homePath());
    if (!folder.isEmpty())
        importFolder(folder);
}

void MainWindow::importFolder(const QString &folder)
{
    if (m_import.isRunning())
        return;
    m_importFolder = folder;
    m_importAction->setEnabled(false);

    m_progress = new QProgressDialog(tr("Looking for DICOM files in %1…").arg(QDir::toNativeSeparators(folder)),
                                     QString(), 0, 0, this);
    m_progress->setWindowTitle(tr("Import"));
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(0);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    m_progress->setValue(0);

    std::shared_ptr<archive::Archive> archive = m_archive;
    m_import.setFuture(QtConcurrent::run([this, archive, folder] {
        ImportResult result;
        const QStringList files = archive::Importer::collect({folder}, &result.errors);
        result.files = int(files.size());
        archive::Importer importer(*archive);
        // Runs on the worker: hand the numbers to the UI thread. The window
        // outlives the import (its destructor waits for it).
        importer.setProgressHandler([this](int done, int total) {
            QMetaObject::invokeMethod(this, [this, done, total] {
                if (!m_progress)
                    return;
                m_progress->setLabelText(tr("Importing %1 of %2 files…").arg(done).arg(total));
                m_progress->setMaximum(total);
                m_progress->setValue(done);
            }, Qt::QueuedConnection);
        });
        result.summary = importer.run(files);
        return result;
    }));
}

void MainWindow::importFinished()
{
    if (m_progress)
        m_progress->deleteLater();
    m_importAction->setEnabled(true);
    refresh();

    const ImportResult r = m_import.result();
    const archive::ImportSummary &s = r.summary;
    QString text = tr("Imported %1 files from %2.").arg(s.imported).arg(QDir::toNativeSeparators(m_importFolder));
    QStringList notes;
    if (s.duplicates)
        notes << tr("%1 already in the archive").arg(s.duplicates);
    if (s.skipped)
        notes << tr("%1 not DICOM, skipped").arg(s.skipped);
    if (s.rejected)
        notes << tr("%1 rejected").arg(s.rejected);
    if (!notes.isEmpty())
        text += QLatin1Char('\n') + notes.join(QStringLiteral("; ")) + QLatin1Char('.');
    if (r.files == 0 && r.errors.isEmpty())
        text = tr("No files found in %1.").arg(QDir::toNativeSeparators(m_importFolder));

    QStringList details;
    for (const QString &e : r.errors)
        details << e;
    // Reasons usually name their file already; name it only when not.
    auto describe = [](const QPair<QString, QString> &fileReason) {
        return fileReason.second.contains(fileReason.first)
                   ? fileReason.second
                   : tr("%1: %2").arg(QDir::toNativeSeparators(fileReason.first), fileReason.second);
    };
    for (const auto &rej : s.rejections)
        details << describe(rej);
    for (const auto &c : s.conflicts)
        details << describe(c);

    QMessageBox box(this);
    box.setWindowTitle(tr("Import"));
    box.setIcon(s.rejected || !r.errors.isEmpty() ? QMessageBox::Warning : QMessageBox::Information);
    box.setText(text);
    if (!details.isEmpty()) {
        box.setInformativeText(tr("See the details for the files that were not imported and why."));
        box.setDetailedText(details.join(QLatin1Char('\n')));
    }
    box.exec();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_import.isRunning()) {
        // Stopping mid-import is safe (each batch commits on its own), but
        // the importer cannot be cancelled yet: say so rather than hang.
        QMessageBox::information(this, tr("Import"),
                                 tr("An import is running. Quit again once it has finished."));
        event->ignore();
        return;
    }
    event->accept();
}

void MainWindow::about()
{
    QMessageBox::about(this, tr("About Kilima"),
                       tr("<b>Kilima</b> %1<br>Diagnostic workstation with an embedded DICOM archive.<br>"
                          "Archive: %2")
                           .arg(QApplication::applicationVersion(),
                                QDir::toNativeSeparators(m_archive->dataDir().root()).toHtmlEscaped()));
}

} // namespace kilima::workstation
