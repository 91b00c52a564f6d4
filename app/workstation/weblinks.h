// The study list's links to the node's web viewer: "Open in Web Viewer"
// opens the selected study in the system browser, "Share Link…" makes a
// time-limited link for a referrer (docs/webviewer.md). The link is shown
// to the reader once and never logged.
#pragma once

#include <QDialog>
#include <QString>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace kilima::archive {
class Archive;
}

namespace kilima::workstation {

// Why the web viewer cannot be opened from this workstation (its web
// server is off, or the viewer's files are not installed), or empty.
QString webViewerUnavailable(const archive::Archive &archive);

// Opens the study in the system's browser; a message box says why not.
void openInWebViewer(QWidget *parent, const archive::Archive &archive, const QString &studyUid);

// Asks how long the link lives, creates it on a worker thread and shows it
// with a Copy button.
class ShareLinkDialog : public QDialog {
    Q_OBJECT
public:
    ShareLinkDialog(std::shared_ptr<archive::Archive> archive, const QString &studyUid, const QString &user,
                    QWidget *parent = nullptr);

    QString link() const;   // empty until created

private:
    void create();

    std::shared_ptr<archive::Archive> m_archive;
    QString m_studyUid, m_user;
    QComboBox *m_lifetime;
    QLineEdit *m_link;
    QLabel *m_status;
    QPushButton *m_create, *m_copy;
};

} // namespace kilima::workstation
