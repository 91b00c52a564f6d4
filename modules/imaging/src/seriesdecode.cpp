// Decoding of a volume's slices into its voxels, one job per file on a
// thread pool, nearest the first shown slice first; colour converted where
// the decoder left YBR, palette applied, mosaic tiles cut out.
#include <kilima/imaging/seriesloader.h>

#include "seriesloader_p.h"

#include <kilima/dicom/dicomfile.h>
#include <kilima/dicom/pixeldata.h>

#include <dcmtk/dcmdata/dcdatset.h>

#include <QFileInfo>
#include <QMap>
#include <QThreadPool>
#include <algorithm>
#include <climits>

namespace kilima::imaging {

namespace {

QString decodeInto(Volume &v, int k, DcmDataset &ds)
{
    const SliceSource &s = v.sources[size_t(k)];
    // The decoded frame's own description: a JPEG codec has already turned
    // YBR into RGB (the stored Photometric Interpretation still says YBR),
    // so colour is converted below only where the decoder left it YBR.
    auto frame = dicom::decodeFrames(ds, s.frame, 1);
    if (!frame)
        return frame.error();
    dicom::DecodedPixels px = frame.take();
    if (px.info.photometric == QLatin1String("PALETTE COLOR")) {
        auto rgb = dicom::applyPalette(ds, px);
        if (!rgb)
            return rgb.error();
        px = rgb.take();
    } else {
        dicom::ybrFullToRgb(px);
    }
    const int spp = px.info.samplesPerPixel;
    if (spp != v.samplesPerPixel)
        return QStringLiteral("frame has %1 samples per pixel, the series %2").arg(spp).arg(v.samplesPerPixel);
    const int srcCols = px.info.columns * spp;
    int x0 = 0, y0 = 0;
    if (s.tile >= 0) {
        const int grid = px.info.columns / v.columns;
        x0 = (s.tile % grid) * v.columns;
        y0 = (s.tile / grid) * v.rows;
    }
    if ((x0 + v.columns) > px.info.columns || (y0 + v.rows) > px.info.rows)
        return QStringLiteral("frame is %1x%2, smaller than the series' %3x%4")
            .arg(px.info.columns).arg(px.info.rows).arg(v.columns).arg(v.rows);
    const size_t need = size_t(px.info.rows) * size_t(srcCols) * size_t((px.info.bitsAllocated + 7) / 8);
    if (size_t(px.data.size()) < need)
        return QStringLiteral("decoded frame holds %1 bytes, %2 expected").arg(px.data.size()).arg(need);
    quint16 *dst = v.sliceData(k);
    // Grey: one sample per pixel; RGB: interleaved, copied as samples.
    const int cols = v.columns * spp;
    const int x0s = x0 * spp;
    const char *data = px.data.constData();
    auto copy = [&](auto *typed, int shift) {
        for (int r = 0; r < v.rows; ++r) {
            const auto *line = typed + size_t(y0 + r) * size_t(srcCols) + size_t(x0s);
            quint16 *out = dst + size_t(r) * size_t(cols);
            for (int c = 0; c < cols; ++c)
                out[c] = quint16(shift ? (line[c] >> shift) : line[c]);
        }
    };
    switch (px.info.bitsAllocated) {
    case 8:
        copy(reinterpret_cast<const quint8 *>(data), 0);
        break;
    case 16:
        copy(reinterpret_cast<const quint16 *>(data), 0);
        break;
    case 32: {
        const int shift = std::max(0, px.info.bitsStored - 16);
        if (px.info.isSigned)
            copy(reinterpret_cast<const qint32 *>(data), shift);
        else
            copy(reinterpret_cast<const quint32 *>(data), shift);
        break;
    }
    default:
        return QStringLiteral("%1 bits allocated after decoding is not supported").arg(px.info.bitsAllocated);
    }
    return {};
}


} // namespace

void decode(const VolumePtr &volume, QThreadPool *pool, int firstSlice, std::function<void(int)> onSlice)
{
    if (!pool)
        pool = QThreadPool::globalInstance();
    Volume &v = *volume;
    if (v.slices() == 0)
        return;
    v.allocate();
    // One job per file (a multi-frame object or mosaic is opened once),
    // ordered by distance from the slice the reader looks at first.
    QMap<QString, std::vector<int>> byFile;
    for (int k = 0; k < v.slices(); ++k)
        byFile[v.sources[size_t(k)].path].push_back(k);
    std::vector<std::pair<int, QString>> order;
    for (auto it = byFile.cbegin(); it != byFile.cend(); ++it) {
        int best = INT_MAX;
        for (int k : it.value())
            best = std::min(best, std::abs(k - firstSlice));
        order.emplace_back(best, it.key());
    }
    std::sort(order.begin(), order.end());
    for (const auto &o : order) {
        std::vector<int> ks = byFile.value(o.second);
        std::sort(ks.begin(), ks.end(), [&](int a, int b) { return std::abs(a - firstSlice) < std::abs(b - firstSlice); });
        const QString path = o.second;
        pool->start([volume, ks, path, onSlice]() {
            auto loaded = dicom::DicomFile::loadStructure(path, QFileInfo(path).fileName());
            QString fileError;
            if (!loaded) {
                fileError = loaded.error();
            } else if (auto pi = dicom::pixelInfo(loaded.value().dataset()); !pi) {
                fileError = QFileInfo(path).fileName() + QStringLiteral(": ") + pi.error();
            }
            for (int k : ks) {
                QString err = fileError;
                if (err.isEmpty()) {
                    err = decodeInto(*volume, k, loaded.value().dataset());
                    if (!err.isEmpty())
                        err = QFileInfo(path).fileName() + QStringLiteral(": ") + err;
                }
                if (!err.isEmpty()) {
                    qCWarning(lcLoader, "slice %d not decoded: %s", k, qPrintable(err));
                    // The voxel buffer is not zero-filled up front: a slice
                    // that failed must not show what that memory held.
                    std::fill_n(volume->sliceData(k), volume->sliceSamples(), quint16(0));
                }
                volume->markSliceReady(k, err);
                if (onSlice)
                    onSlice(k);
            }
        });
    }
}

} // namespace kilima::imaging
