#include "weblinks.h"

#include <kilima/archive/archive.h>
#include <kilima/dicomweb/shares.h>

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace kilima::workstation {

QString webViewerUnavailable(const archive::Archive &archive)
{
    const core::Config &config = archive.config();
    if (config.node.httpPort == 0)
        return QCoreApplication::translate("kilima::workstation::ShareLinkDialog",
                                       "The node's web server is off (Settings → Node → HTTP port), so there is no web viewer to open.");
    if (dicomweb::webViewerDirectory(config).isEmpty())
        return QCoreApplication::translate("kilima::workstation::ShareLinkDialog",
                                       "The web viewer is not installed on this machine (installers/install-deps.sh installs it).");
    return {};
}

void openInWebViewer(QWidget *parent, const archive::Archive &archive, const QString &studyUid)
{
    if (const QString why = webViewerUnavailable(archive); !why.isEmpty()) {
        QMessageBox::information(parent, QCoreApplication::translate("kilima::workstation::ShareLinkDialog", "Web viewer"), why);
        return;
    }
    QDesktopServices::openUrl(QUrl(dicomweb::viewerUrl(archive.config(), studyUid)));
}

ShareLinkDialog::ShareLinkDialog(std::shared_ptr<archive::Archive> archive, const QString &studyUid, const QString &user,
                                 QWidget *parent)
    : QDialog(parent),
      m_archive(std::move(archive)),
      m_studyUid(studyUid),
      m_user(user),
      m_lifetime(new QComboBox(this)),
      m_link(new QLineEdit(this)),
      m_status(new QLabel(this)),
      m_create(new QPushButton(tr("&Create Link"), this)),
      m_copy(new QPushButton(tr("&Copy"), this))
{
    setWindowTitle(tr("Share Link"));
    m_lifetime->addItem(tr("1 day"), QStringLiteral("1d"));
    m_lifetime->addItem(tr("7 days"), QStringLiteral("7d"));
    m_lifetime->addItem(tr("30 days"), QStringLiteral("30d"));
    m_lifetime->setCurrentIndex(1);
    m_link->setReadOnly(true);
    m_link->setPlaceholderText(tr("The link appears here once created"));
    m_link->setMinimumWidth(480);
    m_copy->setEnabled(false);
    m_status->setWordWrap(true);
    m_status->setText(tr("Anyone with the link can open this one study in the web viewer until it expires "
                         "or is revoked (kilima-node share revoke). Every use is audited."));

    auto *form = new QFormLayout;
    form->addRow(tr("Valid for:"), m_lifetime);
    auto *linkRow = new QHBoxLayout;
    linkRow->addWidget(m_link, 1);
    linkRow->addWidget(m_copy);
    form->addRow(tr("Link:"), linkRow);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_create, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_create, &QPushButton::clicked, this, &ShareLinkDialog::create);
    connect(m_copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_link->text()); });
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    m_create->setDefault(true);
}

QString ShareLinkDialog::link() const
{
    return m_link->text();
}

void ShareLinkDialog::create()
{
    if (const QString why = webViewerUnavailable(*m_archive); !why.isEmpty()) {
        m_status->setText(why);
        return;
    }
    const auto seconds = dicomweb::parseDuration(m_lifetime->currentData().toString());
    if (!seconds) {
        m_status->setText(seconds.error());
        return;
    }
    m_create->setEnabled(false);
    m_lifetime->setEnabled(false);
    m_status->setText(tr("Creating the link…"));
    // The share is written to the archive's database: off the GUI thread.
    auto *watcher = new QFutureWatcher<core::Result<dicomweb::ShareLink>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        const core::Result<dicomweb::ShareLink> made = watcher->result();
        if (!made) {
            m_status->setText(tr("No link was made: %1").arg(made.error()));
            m_create->setEnabled(true);
            m_lifetime->setEnabled(true);
            return;
        }
        m_link->setText(made.value().url);
        m_link->selectAll();
        m_copy->setEnabled(true);
        m_status->setText(tr("Link %1 expires on %2. Revoke it with: kilima-node share revoke %1")
                              .arg(made.value().id,
                                   QLocale().toString(made.value().expiresAt.toLocalTime(), QLocale::ShortFormat)));
    });
    std::shared_ptr<archive::Archive> archive = m_archive;
    const QString study = m_studyUid, user = m_user;
    const qint64 lifetime = seconds.value();
    watcher->setFuture(QtConcurrent::run([archive, study, lifetime, user] {
        return dicomweb::createShareLink(*archive, study, lifetime, user);
    }));
}

} // namespace kilima::workstation
