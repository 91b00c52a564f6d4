// Export of the selected studies: folder, ZIP or DICOMDIR set, optionally
// de-identified, with a progress bar; the work runs on a worker thread.
#pragma once

#include <kilima/archive/query.h>
#include <kilima/browser/exporter.h>   // kilima::exchange, and the browser:: names callers use

#include <QDialog>
#include <QFutureWatcher>

#include <atomic>
#include <memory>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;

namespace kilima::workstation {

class ExportDialog : public QDialog {
    Q_OBJECT

public:
    ExportDialog(std::shared_ptr<archive::Archive> archive, archive::Level level, const QStringList &uids,
                 const QString &user, QWidget *parent = nullptr);
    ~ExportDialog() override;

    QComboBox *formatCombo() const { return m_format; }
    QLineEdit *destinationEdit() const { return m_destination; }
    QCheckBox *deidentifyBox() const { return m_deidentify; }
    QString messageText() const;
    // What a de-identified export left out or cleaned, and why.
    QString detailsText() const;
    bool isRunning() const { return m_watcher.isRunning(); }
    // Starts the export with the dialog's values.
    void start();

private:
    std::shared_ptr<archive::Archive> m_archive;
    archive::Level m_level;
    QStringList m_uids;
    QString m_user;
    QComboBox *m_format;
    QLineEdit *m_destination;
    QCheckBox *m_deidentify;
    QLineEdit *m_anonName;
    QLineEdit *m_anonId;
    QCheckBox *m_keepDates;
    QLabel *m_message;
    QPlainTextEdit *m_details;
    QProgressBar *m_progress;
    QDialogButtonBox *m_buttons;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QFutureWatcher<core::Result<exchange::ExportSummary>> m_watcher;
};

} // namespace kilima::workstation
