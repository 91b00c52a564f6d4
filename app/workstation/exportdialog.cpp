#include "exportdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace kilima::workstation {

using Format = exchange::ExportOptions::Format;

ExportDialog::ExportDialog(std::shared_ptr<archive::Archive> archive, archive::Level level, const QStringList &uids,
                           const QString &user, QWidget *parent)
    : QDialog(parent),
      m_archive(std::move(archive)),
      m_level(level),
      m_uids(uids),
      m_user(user),
      m_format(new QComboBox(this)),
      m_destination(new QLineEdit(this)),
      m_deidentify(new QCheckBox(tr("&De-identify (DICOM Basic Confidentiality Profile)"), this)),
      m_anonName(new QLineEdit(QStringLiteral("ANONYMOUS"), this)),
      m_anonId(new QLineEdit(QStringLiteral("ANON"), this)),
      m_keepDates(new QCheckBox(tr("Keep &dates (Retain Longitudinal Temporal Information)"), this)),
      m_message(new QLabel(this)),
      m_details(new QPlainTextEdit(this)),
      m_progress(new QProgressBar(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setWindowTitle(uids.size() == 1 ? tr("Export study") : tr("Export %1 studies").arg(uids.size()));
    setObjectName(QStringLiteral("exportDialog"));
    m_format->addItem(tr("Folder"), int(Format::Folder));
    m_format->addItem(tr("ZIP file"), int(Format::Zip));
    m_format->addItem(tr("DICOMDIR set (CD/DVD)"), int(Format::DicomDir));
    m_destination->setText(QDir::home().filePath(QStringLiteral("kilima-export")));
    auto *browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const bool zip = Format(m_format->currentData().toInt()) == Format::Zip;
        const QString p = zip ? QFileDialog::getSaveFileName(this, tr("Export to"), m_destination->text(),
                                                             tr("ZIP files (*.zip)"))
                              : QFileDialog::getExistingDirectory(this, tr("Export to"), m_destination->text());
        if (!p.isEmpty())
            m_destination->setText(p);
    });
    connect(m_format, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        QString d = m_destination->text();
        const bool zip = Format(m_format->currentData().toInt()) == Format::Zip;
        if (zip && !d.endsWith(QLatin1String(".zip")))
            m_destination->setText(d + QStringLiteral(".zip"));
        else if (!zip && d.endsWith(QLatin1String(".zip")))
            m_destination->setText(d.chopped(4));
    });
    // The same choices as `kilima-node export --deidentify`.
    for (QWidget *w : {static_cast<QWidget *>(m_anonName), static_cast<QWidget *>(m_anonId), static_cast<QWidget *>(m_keepDates)}) {
        w->setEnabled(false);
        connect(m_deidentify, &QCheckBox::toggled, w, &QWidget::setEnabled);
    }
    auto *dest = new QHBoxLayout;
    dest->addWidget(m_destination, 1);
    dest->addWidget(browse);
    auto *form = new QFormLayout;
    form->addRow(tr("&Format:"), m_format);
    form->addRow(tr("&To:"), dest);
    form->addRow(QString(), m_deidentify);
    form->addRow(tr("Patient name in the copy:"), m_anonName);
    form->addRow(tr("Patient ID in the copy:"), m_anonId);
    form->addRow(QString(), m_keepDates);
    m_message->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("exportMessage"));
    m_progress->setVisible(false);
    m_details->setReadOnly(true);
    m_details->setObjectName(QStringLiteral("exportDetails"));
    m_details->setVisible(false);
    m_buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ExportDialog::start);
    connect(m_buttons, &QDialogButtonBox::rejected, this, [this] {
        if (isRunning())
            m_cancel->store(true);
        else
            reject();
    });
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_message);
    layout->addWidget(m_details, 1);
    layout->addWidget(m_buttons);
    resize(620, 240);

    connect(&m_watcher, &QFutureWatcher<core::Result<exchange::ExportSummary>>::finished, this, [this] {
        m_progress->setVisible(false);
        m_buttons->setEnabled(true);
        const auto r = m_watcher.result();
        if (!r) {
            m_message->setText(r.error());
            m_message->setStyleSheet(QStringLiteral("color: #e06c60;"));
            return;
        }
        m_message->setStyleSheet(QString());
        m_message->setText(tr("Exported %1 images (%2) to %3.")
                               .arg(r.value().files)
                               .arg(QLocale().formattedDataSize(r.value().bytes))
                               .arg(QDir::toNativeSeparators(m_destination->text())));
        // The privacy officer's account: every object left out or cleaned.
        const QString details = r.value().privacyText();
        m_details->setPlainText(details);
        m_details->setVisible(!details.isEmpty());
        if (!details.isEmpty())
            resize(width(), qMax(height(), 420));
        m_buttons->clear();
        m_buttons->addButton(QDialogButtonBox::Close);
        connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::accept, Qt::UniqueConnection);
    });
}

ExportDialog::~ExportDialog()
{
    if (m_cancel)
        m_cancel->store(true);
    m_watcher.waitForFinished();
}

QString ExportDialog::messageText() const
{
    return m_message->text();
}

QString ExportDialog::detailsText() const
{
    return m_details->toPlainText();
}

void ExportDialog::start()
{
    if (isRunning())
        return;
    exchange::ExportOptions o;
    o.format = Format(m_format->currentData().toInt());
    o.destination = m_destination->text().trimmed();
    o.deidentify = m_deidentify->isChecked();
    o.deidentifyOptions.patientName = m_anonName->text().trimmed().isEmpty() ? QStringLiteral("ANONYMOUS")
                                                                              : m_anonName->text().trimmed();
    o.deidentifyOptions.patientId = m_anonId->text().trimmed().isEmpty() ? QStringLiteral("ANON") : m_anonId->text().trimmed();
    o.deidentifyOptions.keepDates = m_keepDates->isChecked();
    o.user = m_user;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_progress->setRange(0, 0);
    m_progress->setVisible(true);
    m_message->setText(tr("Exporting…"));
    std::shared_ptr<archive::Archive> archive = m_archive;
    const archive::Level level = m_level;
    const QStringList uids = m_uids;
    auto cancel = m_cancel;
    m_watcher.setFuture(QtConcurrent::run([this, archive, level, uids, o, cancel] {
        return exchange::Exporter::run(*archive, level, uids, o, [this](int done, int total) {
            QMetaObject::invokeMethod(this, [this, done, total] {
                m_progress->setRange(0, total);
                m_progress->setValue(done);
            }, Qt::QueuedConnection);
        }, cancel.get());
    }));
}

} // namespace kilima::workstation
