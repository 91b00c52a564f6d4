// Modality LUT Sequence (0028,3000), PS3.3 C.11.1: where a file has one,
// modality values (what the probe reads, what the window applies to, what
// MPR interpolates) are the LUT's output, per slice, stored values below
// the first mapped one taking the first entry and above the last the last.
// Expected values are computed here from the LUT and samples these tests
// write into the files, never taken from the loader.
#include <kilima/imaging/image2d.h>
#include <kilima/imaging/mpr.h>
#include <kilima/imaging/seriesloader.h>

#include "../support/phantom.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcitem.h>

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace kilima;

namespace {

bool edit(const QString &path, const std::function<void(DcmDataset &)> &change)
{
    DcmFileFormat ff;
    if (ff.loadFile(path.toLocal8Bit().constData()).bad())
        return false;
    change(*ff.getDataset());
    return ff.saveFile(path.toLocal8Bit().constData(), EXS_LittleEndianExplicit).good();
}

// A non-linear LUT of `entries` 16-bit entries, different per `variant`, so
// neither a rescale nor another slice's table can give the same values.
std::vector<Uint16> makeTable(int entries, int variant)
{
    std::vector<Uint16> t(static_cast<size_t>(entries));
    for (int j = 0; j < entries; ++j)
        t[size_t(j)] = Uint16((j * j) / 40 + 1000 * variant + 7);
    return t;
}

// Replaces the file's rescale with a Modality LUT Sequence item.
void putModalityLut(DcmDataset &ds, int entries, Sint16 first, const std::vector<Uint16> &table)
{
    ds.findAndDeleteElement(DCM_RescaleSlope);
    ds.findAndDeleteElement(DCM_RescaleIntercept);
    ds.findAndDeleteElement(DCM_RescaleType);
    DcmItem *item = nullptr;
    ds.findOrCreateSequenceItem(DCM_ModalityLUTSequence, item, 0);
    // First mapped value as the raw 16 bits; its sign follows Pixel Representation.
    const Uint16 desc[3] = {Uint16(entries == 65536 ? 0 : entries), Uint16(first), 16};
    item->putAndInsertUint16Array(DCM_LUTDescriptor, desc, 3);
    item->putAndInsertUint16Array(DCM_LUTData, table.data(), static_cast<unsigned long>(table.size()));
    item->putAndInsertString(DCM_ModalityLUTType, "US");
}

double lutValue(const std::vector<Uint16> &table, int first, int stored)
{
    const int idx = std::clamp(stored - first, 0, int(table.size()) - 1);
    return table[size_t(idx)];
}

int sliceOf(const imaging::Volume &v, const QString &path)
{
    for (int k = 0; k < v.slices(); ++k) {
        if (v.sources[size_t(k)].path == path)
            return k;
    }
    return -1;
}

} // namespace

class TestModalityLut : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;

private Q_SLOTS:
    void series_ShouldShowEachSlicesModalityLutOutput()
    {
        // Phantom stored values: 24 (air), 1024 (water), 2024 (bone). The
        // LUT maps 500..1699: air falls below it, bone above it.
        test::CtPhantom p;
        p.slices = 4;
        p.rows = p.columns = 30;
        p.modality = QStringLiteral("OT");
        const QStringList files = test::writeCtPhantom(m_tmp.filePath(QStringLiteral("series")), p);
        QCOMPARE(files.size(), 4);
        const int first = 500, entries = 1200;
        // Slices 0-2 each their own LUT; slice 3 keeps its rescale (slope 1, intercept -1024).
        for (int i = 0; i < 3; ++i) {
            QVERIFY(edit(files[i], [&](DcmDataset &ds) { putModalityLut(ds, entries, Sint16(first), makeTable(entries, i)); }));
        }
        const imaging::ScanResult r = imaging::loadFiles(files);
        QCOMPARE(int(r.volumes.size()), 1);
        const imaging::Volume &v = *r.volumes.front();
        QCOMPARE(v.slices(), 4);
        for (int i = 0; i < 4; ++i) {
            const int k = sliceOf(v, files[i]);
            QVERIFY(k >= 0);
            QVERIFY(v.sliceError(k).isEmpty());
            const imaging::Image2D img = imaging::sliceImage(v, k);
            for (int row = 0; row < p.rows; row += 3) {
                for (int col = 0; col < p.columns; col += 3) {
                    const int stored = test::CtPhantom::expectedHu(row, col, p.rows, p.columns) + 1024;
                    const double want = i < 3 ? lutValue(makeTable(entries, i), first, stored) : stored - 1024.0;
                    QCOMPARE(v.valueAt(col, row, k), want);
                    QCOMPARE(double(img.at(col, row)), want);
                }
            }
        }
        // The window applies to the LUT's output: water of slice 1 (LUT
        // entry 524) is the centre of a window there, mid grey.
        const int k1 = sliceOf(v, files[1]);
        const double water = lutValue(makeTable(entries, 1), first, 1024);
        imaging::DisplayOptions opt;
        opt.window = {water, 100};
        opt.volume = &v;
        const imaging::Image2D img = imaging::sliceImage(v, k1);
        const std::vector<quint32> px = imaging::render(img, opt);
        const int c = p.columns / 2 - p.rows / 5;   // in water, off the bone rod
        QCOMPARE(test::CtPhantom::expectedHu(p.rows / 2, c, p.rows, p.columns), 0);
        const int grey = int(px[size_t(p.rows / 2) * size_t(p.columns) + size_t(c)] & 0xff);
        QVERIFY2(std::abs(grey - 128) <= 1, qPrintable(QString::number(grey)));

        // MPR samples modality values: at a slice's own position, the LUT's output.
        const imaging::Vec3 at = v.voxelToPatient(c, p.rows / 2, k1);
        QCOMPARE(imaging::sampleAt(v, at), water);
    }

    void signedPixels_ShouldReadFirstMappedAsSigned()
    {
        test::CtPhantom p;
        p.slices = 1;
        p.rows = p.columns = 20;
        const QStringList files = test::writeCtPhantom(m_tmp.filePath(QStringLiteral("signed")), p);
        // Pixel Representation 1: first mapped 0xFF9C is -100, not 65436
        // (which would put every sample below the table).
        const int first = -100, entries = 3000;
        QVERIFY(edit(files[0], [&](DcmDataset &ds) {
            ds.putAndInsertUint16(DCM_PixelRepresentation, 1);
            putModalityLut(ds, entries, Sint16(first), makeTable(entries, 2));
        }));
        const imaging::ScanResult r = imaging::loadFiles(files);
        QCOMPARE(int(r.volumes.size()), 1);
        const imaging::Volume &v = *r.volumes.front();
        for (int row = 0; row < p.rows; row += 2) {
            for (int col = 0; col < p.columns; col += 2) {
                const int stored = test::CtPhantom::expectedHu(row, col, p.rows, p.columns) + 1024;
                QCOMPARE(v.valueAt(col, row, 0), lutValue(makeTable(entries, 2), first, stored));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestModalityLut)
#include "tst_modalitylut.moc"
