#include <kilima/browser/seriespanel.h>

#include <kilima/archive/archive.h>
#include <kilima/dicom/attributes.h>
#include <kilima/dicom/dicomfile.h>
#include <kilima/dicom/pixeldata.h>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>

#include <QFile>
#include <QFutureWatcher>
#include <QImage>
#include <QPainter>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace kilima::browser {

namespace {

struct SeriesInfo {
    QString uid;
    QString label;
    QImage thumbnail;
};

const unsigned kSeriesUid = dicom::tagNumber(DCM_SeriesInstanceUID);
const unsigned kSeriesNumber = dicom::tagNumber(DCM_SeriesNumber);
const unsigned kModality = dicom::tagNumber(DCM_Modality);
const unsigned kDescription = dicom::tagNumber(DCM_SeriesDescription);
const unsigned kCount = dicom::tagNumber(DCM_NumberOfSeriesRelatedInstances);

QString get(const dicom::AttributeMap &m, unsigned tag)
{
    auto it = m.find(tag);
    return it == m.end() ? QString() : it->second;
}

// The middle image, windowed with its own window or its value range.
QImage thumbnail(const QString &file, int size)
{
    auto loaded = dicom::DicomFile::loadStructure(file, file);
    if (!loaded)
        return {};
    DcmDataset &ds = loaded.value().dataset();
    auto info = dicom::pixelInfo(ds);
    if (!info || info.value().rows <= 0 || info.value().columns <= 0)
        return {};
    auto frame = dicom::decodeFrame(ds, 0);
    if (!frame)
        return {};
    const dicom::PixelInfo &pi = info.value();
    QImage img;
    if (pi.samplesPerPixel == 3 && pi.bitsAllocated == 8) {
        img = QImage(reinterpret_cast<const uchar *>(frame.value().constData()), pi.columns, pi.rows,
                     pi.columns * 3, QImage::Format_RGB888)
                  .copy();
    } else if (pi.samplesPerPixel == 1) {
        auto values = dicom::modalityValues(ds, frame.value(), pi);
        if (!values || values.value().empty())
            return {};
        const std::vector<double> &v = values.value();
        double lo, hi;
        const QString wc = dicom::stringValue(ds, DCM_WindowCenter).section(QLatin1Char('\\'), 0, 0);
        const QString ww = dicom::stringValue(ds, DCM_WindowWidth).section(QLatin1Char('\\'), 0, 0);
        if (!wc.isEmpty() && ww.toDouble() > 0) {
            lo = wc.toDouble() - ww.toDouble() / 2;
            hi = wc.toDouble() + ww.toDouble() / 2;
        } else {
            const auto mm = std::minmax_element(v.begin(), v.end());
            lo = *mm.first;
            hi = *mm.second;
        }
        const bool invert = pi.photometric == QLatin1String("MONOCHROME1");
        img = QImage(pi.columns, pi.rows, QImage::Format_Grayscale8);
        const double span = hi > lo ? hi - lo : 1;
        for (int y = 0; y < pi.rows; ++y) {
            uchar *line = img.scanLine(y);
            for (int x = 0; x < pi.columns; ++x) {
                int g = int((v[size_t(y) * pi.columns + x] - lo) * 255.0 / span);
                g = std::clamp(g, 0, 255);
                line[x] = uchar(invert ? 255 - g : g);
            }
        }
    } else {
        return {};
    }
    return img.scaled(size, size, Qt::KeepAspectRatio, Qt::SmoothTransformation);
}

} // namespace

SeriesPanel::SeriesPanel(std::shared_ptr<archive::Archive> archive, QWidget *parent)
    : QListWidget(parent), m_archive(std::move(archive))
{
    setObjectName(QStringLiteral("seriesPanel"));
    setViewMode(QListView::IconMode);
    setIconSize(QSize(ThumbnailSize, ThumbnailSize));
    setResizeMode(QListView::Adjust);
    setMovement(QListView::Static);
    setWordWrap(true);
    setGridSize(QSize(ThumbnailSize + 40, ThumbnailSize + 48));
    setSelectionMode(QAbstractItemView::SingleSelection);
    m_pool.setMaxThreadCount(2);
    connect(this, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        Q_EMIT seriesActivated(m_studyUid, item->data(Qt::UserRole).toString());
    });
}

SeriesPanel::~SeriesPanel()
{
    m_pool.clear();
    m_pool.waitForDone();
}

void SeriesPanel::showStudy(const QString &studyUid)
{
    if (studyUid == m_studyUid && count() > 0)
        return;
    m_studyUid = studyUid;
    const int generation = ++m_generation;
    clear();
    if (studyUid.isEmpty())
        return;
    ++m_pending;
    std::shared_ptr<archive::Archive> archive = m_archive;
    using R = QList<SeriesInfo>;
    auto *w = new QFutureWatcher<R>(this);
    connect(w, &QFutureWatcher<R>::finished, this, [this, w, generation] {
        w->deleteLater();
        --m_pending;
        if (generation != m_generation)
            return;
        for (const SeriesInfo &s : w->result()) {
            QPixmap pm(ThumbnailSize, ThumbnailSize);
            pm.fill(Qt::black);
            if (!s.thumbnail.isNull()) {
                QPainter p(&pm);
                p.drawImage((ThumbnailSize - s.thumbnail.width()) / 2, (ThumbnailSize - s.thumbnail.height()) / 2,
                            s.thumbnail);
            }
            auto *item = new QListWidgetItem(QIcon(pm), s.label, this);
            item->setData(Qt::UserRole, s.uid);
            item->setToolTip(s.label);
        }
        Q_EMIT loaded();
    });
    w->setFuture(QtConcurrent::run(&m_pool, [archive, studyUid] {
        R out;
        archive::Query q;
        q.level = archive::Level::Series;
        q.keys.append({dicom::tagNumber(DCM_StudyInstanceUID), studyUid});
        q.returnKeys = {kSeriesUid, kSeriesNumber, kModality, kDescription, kCount};
        auto rows = archive->query(q);
        if (!rows)
            return out;
        for (const auto &row : rows.value()) {
            SeriesInfo s;
            s.uid = get(row, kSeriesUid);
            s.label = QStringLiteral("%1 %2\n%3 (%4)")
                          .arg(get(row, kModality), get(row, kSeriesNumber), get(row, kDescription), get(row, kCount));
            auto files = archive->instanceFiles(archive::Level::Series, s.uid);
            if (files && !files.value().isEmpty())
                s.thumbnail = thumbnail(files.value().at(files.value().size() / 2), ThumbnailSize);
            out.append(s);
        }
        return out;
    }));
}

} // namespace kilima::browser
