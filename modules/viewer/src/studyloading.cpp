// StudyViewer's loading side: scanning on worker threads, the strip of
// series and documents, decoding progress and thumbnails, and showing
// objects without pixel data and SEG overlays.
#include <kilima/viewer/studyviewer.h>
#include "studyscan_p.h"
#include <kilima/viewer/mprview.h>
#include <kilima/viewer/volumeview.h>

#include <QListWidget>
#include <QLoggingCategory>
#include <QtConcurrent>

Q_DECLARE_LOGGING_CATEGORY(lcViewer)

namespace kilima::viewer {

void StudyViewer::startScan(const QStringList &files, bool append)
{
    auto *watcher = new QFutureWatcher<StudyScan>(this);
    m_scans.append(watcher);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, append] {
        onScanned(watcher->result(), append);
        m_scans.removeAll(watcher);
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run([files]() { return scanForReading(files); }));
}

void StudyViewer::onScanned(const StudyScan &scan, bool append)
{
    const imaging::ScanResult &result = scan.scan;
    if (!append) {
        m_volumes.clear();
        m_completeSeen.clear();
        m_strip->clear();
        m_notDisplayable.clear();
        m_documents.clear();
        m_patientOrientation.clear();
        m_segmentations.clear();
        for (SliceView *v : m_views)
            v->setVolume(nullptr);
        if (m_studyUid.isEmpty() && !result.volumes.empty())
            m_studyUid = result.volumes.front()->studyUid;
    }
    m_notDisplayable += result.notDisplayable;
    for (const QString &why : result.notDisplayable)
        qCInfo(lcViewer) << "not displayable:" << why;
    for (auto it = scan.patientOrientation.begin(); it != scan.patientOrientation.end(); ++it)
        m_patientOrientation.insert(it.key(), it.value());
    for (auto it = scan.segmentations.begin(); it != scan.segmentations.end(); ++it)
        m_segmentations.insert(it.key(), it.value());
    const int first = int(m_volumes.size());
    for (const imaging::VolumePtr &v : result.volumes) {
        m_volumes.append(v);
        m_completeSeen.append(0);
        auto *item = new QListWidgetItem(m_strip);
        QString text = QStringLiteral("S%1 %2 %3\n%4 im").arg(v->seriesNumber).arg(v->modality, v->seriesDescription).arg(v->slices());
        if (!v->label.isEmpty())
            text += QStringLiteral(" · ") + v->label;
        if (m_segmentations.contains(v.get()))
            text += tr(" · segmentation");
        if (v->studyUid != m_studyUid)
            text += tr("\n(other study %1)").arg(v->studyDate);
        item->setText(text);
        item->setToolTip(v->notes.join(QLatin1Char('\n')));
        item->setData(Qt::UserRole, QString::number(m_volumes.size() - 1));
    }
    // Objects without pixel data get strip entries too (negative keys), so
    // the reader sees that the study holds a report, key images or a PDF.
    for (const dicom::ObjectSummary &d : scan.documents) {
        m_documents.append(d);
        auto *item = new QListWidgetItem(m_strip);
        item->setText(QStringLiteral("%1 %2\n%3").arg(d.modality.isEmpty() ? d.kind : d.modality, d.seriesDescription, d.heading));
        item->setToolTip(d.heading);
        item->setData(Qt::UserRole, QString::number(-int(m_documents.size())));
    }
    // Decode: the series the reader sees first gets the pool first.
    int shown = first;
    for (int i = first; i < m_volumes.size(); ++i) {
        if (m_volumes[i]->label != QLatin1String("localizer") && m_volumes[i]->slices() > m_volumes[shown]->slices())
            shown = i;
    }
    if (shown < m_volumes.size() && !append)
        imaging::decode(m_volumes[shown], &m_pool, 0);
    for (int i = first; i < m_volumes.size(); ++i) {
        if (i != shown || append)
            imaging::decode(m_volumes[i], &m_pool, m_volumes[i]->slices() / 2);
    }
    if (!append && shown < m_volumes.size()) {
        showVolume(shown, m_views.isEmpty() ? nullptr : m_views.front());
        for (int i = 1; i < m_views.size() && i < m_volumes.size(); ++i)
            showVolume(i == shown ? 0 : i, m_views[i]);
    }
    if (!append && m_volumes.isEmpty() && !m_documents.isEmpty()) {
        for (int i = 0; i < m_views.size() && i < m_documents.size(); ++i)
            showDocument(i, m_views[i]);
    }
    m_progress.start();
    Q_EMIT studyLoaded();
}

void StudyViewer::pollProgress()
{
    bool busy = false;
    for (int i = 0; i < m_volumes.size(); ++i) {
        const imaging::VolumePtr &v = m_volumes[i];
        const int ready = v->readySlices();
        if (ready != m_completeSeen[i]) {
            const bool complete = v->isComplete();
            for (SliceView *view : m_views) {
                if (view->volume() == v)
                    view->refresh();
            }
            if (complete) {
                if (m_mpr->volume() == v)
                    m_mpr->refresh();
                if (m_pending3d == v) {
                    m_pending3d.reset();
                    m_3d->setVolume(v);
                }
                Q_EMIT volumeComplete(i);
            }
            if (m_completeSeen[i] == 0 || complete || v->isSliceReady(v->slices() / 2))
                updateThumbnail(i);
            m_completeSeen[i] = ready;
        }
        busy = busy || !v->isComplete();
    }
    if (!busy)
        m_progress.stop();
}

void StudyViewer::updateThumbnail(int index)
{
    const imaging::VolumePtr &v = m_volumes[index];
    int k = v->slices() / 2;
    if (!v->isSliceReady(k)) {
        k = -1;
        for (int j = 0; j < v->slices(); ++j) {
            if (v->isSliceReady(j)) {
                k = j;
                break;
            }
        }
    }
    if (k < 0)
        return;
    const imaging::Image2D img = imaging::sliceImage(*v, k);
    imaging::DisplayOptions opt;
    opt.window = imaging::defaultWindow(*v, k, img);
    opt.invert = v->invertGrey();
    const std::vector<quint32> px = imaging::render(img, opt);
    QImage q(reinterpret_cast<const uchar *>(px.data()), img.width, img.height, img.width * 4, QImage::Format_RGB32);
    QListWidgetItem *item = m_strip->item(index);
    if (item)
        item->setIcon(QIcon(QPixmap::fromImage(q.scaled(96, 96, Qt::KeepAspectRatio, Qt::SmoothTransformation))));
}

void StudyViewer::showDocument(int index, SliceView *view)
{
    if (index < 0 || index >= m_documents.size())
        return;
    if (!view)
        view = m_active ? m_active : (m_views.isEmpty() ? nullptr : m_views.front());
    if (!view)
        return;
    view->setDocument(m_documents[index]);
    setActiveView(view);
}

void StudyViewer::setShowSegmentations(bool on)
{
    m_showSegmentations = on;
    for (SliceView *v : m_views)
        v->setShowSegmentations(on);
}

} // namespace kilima::viewer
