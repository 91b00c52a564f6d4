// Import from folders, files, a DICOMDIR (CD/DVD) or dropped files: the
// files are collected and ingested on a worker thread with a progress bar,
// then the dialog shows a summary (imported, already there, not DICOM,
// rejected, with the reason per rejected file). Cancel stops after the
// current batch; what was committed stays.
#pragma once

#include <kilima/archive/importer.h>

#include <QDialog>
#include <QFutureWatcher>

#include <atomic>
#include <memory>

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;

namespace kilima::browser {

class ImportDialog : public QDialog {
    Q_OBJECT

public:
    struct Result {
        archive::ImportSummary summary;
        QStringList errors;        // paths missing or unreadable
        int files = 0;
        bool cancelled = false;
    };

    ImportDialog(std::shared_ptr<archive::Archive> archive, QWidget *parent = nullptr);
    ~ImportDialog() override;

    // Starts importing `paths` (files, folders, DICOMDIR files).
    void start(const QStringList &paths);
    bool isRunning() const { return m_watcher.isRunning(); }
    const Result &result() const { return m_result; }
    QString summaryText() const;
    QString detailsText() const;
    QProgressBar *progressBar() const { return m_progress; }

    // The summary in plain words (also used for the status bar).
    static QString describe(const Result &result);

Q_SIGNALS:
    // After the import ended, with something new in the archive or not.
    void finished(int imported);

private:
    void onFinished();

    std::shared_ptr<archive::Archive> m_archive;
    QLabel *m_summary;
    QProgressBar *m_progress;
    QPlainTextEdit *m_details;
    QDialogButtonBox *m_buttons;
    QFutureWatcher<Result> m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    Result m_result;
};

} // namespace kilima::browser
