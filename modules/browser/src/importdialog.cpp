#include <kilima/browser/importdialog.h>

#include <kilima/archive/archive.h>

#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace kilima::browser {

ImportDialog::ImportDialog(std::shared_ptr<archive::Archive> archive, QWidget *parent)
    : QDialog(parent),
      m_archive(std::move(archive)),
      m_summary(new QLabel(this)),
      m_progress(new QProgressBar(this)),
      m_details(new QPlainTextEdit(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Import"));
    setObjectName(QStringLiteral("importDialog"));
    m_summary->setObjectName(QStringLiteral("importSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress->setObjectName(QStringLiteral("importProgress"));
    m_details->setObjectName(QStringLiteral("importDetails"));
    m_details->setReadOnly(true);
    m_details->setVisible(false);
    m_details->setMinimumHeight(160);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_progress);
    layout->addWidget(m_details, 1);
    layout->addWidget(m_buttons);
    resize(560, 200);
    connect(m_buttons, &QDialogButtonBox::rejected, this, [this] {
        if (isRunning()) {
            m_cancel->store(true);
            m_summary->setText(tr("Stopping after the current files…"));
        } else {
            reject();
        }
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(&m_watcher, &QFutureWatcher<Result>::finished, this, &ImportDialog::onFinished);
}

ImportDialog::~ImportDialog()
{
    if (m_cancel)
        m_cancel->store(true);
    m_watcher.waitForFinished();
}

void ImportDialog::start(const QStringList &paths)
{
    if (isRunning())
        return;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_result = {};
    m_details->clear();
    m_details->setVisible(false);
    m_buttons->setStandardButtons(QDialogButtonBox::Cancel);
    m_progress->setRange(0, 0);
    m_progress->setVisible(true);
    QStringList shown;
    for (const QString &p : paths)
        shown << QDir::toNativeSeparators(p);
    m_summary->setText(tr("Looking for DICOM files in %1…").arg(shown.join(QStringLiteral(", "))));

    std::shared_ptr<archive::Archive> archive = m_archive;
    auto cancel = m_cancel;
    m_watcher.setFuture(QtConcurrent::run([this, archive, paths, cancel] {
        Result r;
        const QStringList files = archive::Importer::collect(paths, &r.errors);
        r.files = int(files.size());
        archive::Importer importer(*archive);
        importer.setProgressHandler([this](int done, int total) {
            QMetaObject::invokeMethod(this, [this, done, total] {
                m_progress->setRange(0, total);
                m_progress->setValue(done);
                m_summary->setText(tr("Importing %1 of %2 files…").arg(done).arg(total));
            }, Qt::QueuedConnection);
        });
        // Batches of 256 files so that a cancel is honoured quickly.
        for (int start = 0; start < files.size() && !cancel->load(); start += 256) {
            const archive::ImportSummary s = importer.run(files.mid(start, 256));
            r.summary.imported += s.imported;
            r.summary.duplicates += s.duplicates;
            r.summary.rejected += s.rejected;
            r.summary.skipped += s.skipped;
            r.summary.rejections += s.rejections;
            r.summary.conflicts += s.conflicts;
        }
        r.cancelled = cancel->load();
        return r;
    }));
}

QString ImportDialog::describe(const Result &r)
{
    const archive::ImportSummary &s = r.summary;
    if (r.files == 0 && r.errors.isEmpty())
        return tr("No files found.");
    QString text = r.cancelled ? tr("Import stopped: %1 files imported.").arg(s.imported)
                               : tr("Imported %1 files.").arg(s.imported);
    QStringList notes;
    if (s.duplicates)
        notes << tr("%1 already in the archive").arg(s.duplicates);
    if (s.skipped)
        notes << tr("%1 not DICOM, skipped").arg(s.skipped);
    if (s.rejected)
        notes << tr("%1 rejected").arg(s.rejected);
    if (!r.errors.isEmpty())
        notes << tr("%1 could not be read").arg(r.errors.size());
    if (!notes.isEmpty())
        text += QLatin1Char(' ') + notes.join(QStringLiteral("; ")) + QLatin1Char('.');
    return text;
}

void ImportDialog::onFinished()
{
    m_result = m_watcher.result();
    m_progress->setVisible(false);
    QString text = describe(m_result);
    QStringList details = m_result.errors;
    auto line = [](const QPair<QString, QString> &fr) {
        return fr.second.contains(fr.first) ? fr.second
                                            : QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(fr.first), fr.second);
    };
    for (const auto &rej : m_result.summary.rejections)
        details << line(rej);
    for (const auto &c : m_result.summary.conflicts)
        details << line(c);
    if (!details.isEmpty()) {
        text += QLatin1Char('\n') + tr("The files below were not imported; the reason follows each name. Fix or "
                                      "replace them and import again.");
        m_details->setPlainText(details.join(QLatin1Char('\n')));
        m_details->setVisible(true);
        resize(width(), 420);
    }
    m_summary->setText(text);
    m_buttons->setStandardButtons(QDialogButtonBox::Close);
    connect(m_buttons->button(QDialogButtonBox::Close), &QPushButton::clicked, this, &QDialog::accept,
            Qt::UniqueConnection);
    Q_EMIT finished(m_result.summary.imported);
}

QString ImportDialog::summaryText() const
{
    return m_summary->text();
}

QString ImportDialog::detailsText() const
{
    return m_details->toPlainText();
}

} // namespace kilima::browser
