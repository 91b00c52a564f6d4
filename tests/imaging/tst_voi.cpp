// VOI belongs to each image: every slice of a series keeps the Window
// Center/Width and VOI LUT its own file gives (enhanced multi-frame: each
// frame's Frame VOI LUT functional group), and "Default (file)" is the
// displayed image's. Expected values are written into the files here, or
// for real data read back from each slice's file with DCMTK, never taken
// from the loader.
#include <kilima/imaging/image2d.h>
#include <kilima/imaging/seriesloader.h>

#include "../support/phantom.h"
#include "../support/testdata.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcitem.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

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

// The first Window Center/Width of a file, read with DCMTK.
bool fileWindow(const QString &path, double *c, double *w)
{
    DcmFileFormat ff;
    if (ff.loadFile(path.toLocal8Bit().constData(), EXS_Unknown, EGL_noChange, 4096).bad())
        return false;
    Float64 fc = 0, fw = 0;
    if (ff.getDataset()->findAndGetFloat64(DCM_WindowCenter, fc).bad() || ff.getDataset()->findAndGetFloat64(DCM_WindowWidth, fw).bad())
        return false;
    *c = fc;
    *w = fw;
    return true;
}

int sliceOf(const imaging::Volume &v, const QString &path, int frame = 0)
{
    for (int k = 0; k < v.slices(); ++k) {
        if (v.sources[size_t(k)].path == path && v.sources[size_t(k)].frame == frame)
            return k;
    }
    return -1;
}

} // namespace

class TestVoi : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;

private Q_SLOTS:
    void series_ShouldKeepEachSlicesOwnWindowAndVoiLut()
    {
        test::CtPhantom p;
        p.slices = 4;
        p.rows = p.columns = 16;
        const QStringList files = test::writeCtPhantom(m_tmp.filePath(QStringLiteral("ct")), p);
        QCOMPARE(files.size(), 4);
        // Slice files get windows 10/20, 110/220 (+ a second one), ...; the last a VOI LUT.
        for (int i = 0; i < files.size(); ++i) {
            QVERIFY(edit(files[i], [i](DcmDataset &ds) {
                QByteArray c = QByteArray::number(10 + 100 * i), w = QByteArray::number(20 + 200 * i);
                if (i == 1) {
                    c.append("\\-600");
                    w.append("\\1500");
                }
                ds.putAndInsertString(DCM_WindowCenter, c.constData());
                ds.putAndInsertString(DCM_WindowWidth, w.constData());
                if (i == 3) {
                    DcmItem *item = nullptr;
                    ds.findOrCreateSequenceItem(DCM_VOILUTSequence, item, 0);
                    const Uint16 desc[3] = {4, Uint16(-2 & 0xffff), 8};
                    item->putAndInsertUint16Array(DCM_LUTDescriptor, desc, 3);
                    const Uint16 data[4] = {0, 85, 170, 255};
                    item->putAndInsertUint16Array(DCM_LUTData, data, 4);
                    item->putAndInsertString(DCM_LUTExplanation, "four steps");
                }
            }));
        }
        const imaging::ScanResult r = imaging::loadFiles(files);
        QCOMPARE(int(r.volumes.size()), 1);
        const imaging::Volume &v = *r.volumes.front();
        for (int i = 0; i < files.size(); ++i) {
            const int k = sliceOf(v, files[i]);
            QVERIFY(k >= 0);
            const imaging::Image2D img = imaging::sliceImage(v, k);
            const imaging::WindowLevel w = imaging::defaultWindow(v, k, img);
            QCOMPARE(w.center, 10.0 + 100 * i);
            QCOMPARE(w.width, 20.0 + 200 * i);
            QCOMPARE(imaging::fileWindows(v, k).size(), i == 1 ? 2 : 1);
            if (i == 1) {
                QCOMPARE(imaging::fileWindows(v, k).at(1).center, -600.0);
                QCOMPARE(imaging::fileWindows(v, k).at(1).width, 1500.0);
            }
            const imaging::VoiLut *lut = imaging::voiLutFor(v, k);
            QCOMPARE(lut != nullptr, i == 3);
            if (lut) {
                QCOMPARE(lut->firstMapped, -2);
                QCOMPARE(int(lut->table.size()), 4);
                QCOMPARE(lut->explanation, QStringLiteral("four steps"));
            }
        }
        QVERIFY(imaging::voiLutFor(v, -1) == nullptr);
        QVERIFY(imaging::voiLutFor(v, v.slices()) == nullptr);
    }

    void presentationLutInverse_ShouldInvertGrey()
    {
        test::CtPhantom p;
        p.slices = 1;
        p.rows = p.columns = 8;
        const QStringList files = test::writeCtPhantom(m_tmp.filePath(QStringLiteral("plut")), p);
        QVERIFY(edit(files[0], [](DcmDataset &ds) { ds.putAndInsertString(DCM_PresentationLUTShape, "INVERSE"); }));
        const imaging::ScanResult r = imaging::loadFiles(files);
        QCOMPARE(int(r.volumes.size()), 1);
        QVERIFY(r.volumes.front()->invertGrey());
    }

    void realMprage_ShouldOpenEachSliceAtItsOwnWindow()
    {
        if (test::sharedTestData().isEmpty())
            QSKIP("../shared/testdata/dicom is absent");
        const QString dir = test::sharedTestData() + QStringLiteral("/mr_fnndsc_sag_mprage");
        QStringList files;
        for (const QString &f : QDir(dir).entryList({QStringLiteral("*.dcm")}, QDir::Files, QDir::Name))
            files << dir + QLatin1Char('/') + f;
        const imaging::ScanResult r = imaging::scanFiles(files);
        QCOMPARE(int(r.volumes.size()), 1);
        const imaging::Volume &v = *r.volumes.front();
        int differing = 0;
        const imaging::Image2D none;
        for (int k = 0; k < v.slices(); ++k) {
            double c = 0, w = 0;
            QVERIFY(fileWindow(v.sources[size_t(k)].path, &c, &w));
            const imaging::WindowLevel got = imaging::defaultWindow(v, k, none);
            QCOMPARE(got.center, c);
            QCOMPARE(got.width, w);
            differing += (c != v.windowCenters.value(0) || w != v.windowWidths.value(0));
        }
        // The series' first file says W22 L11: most slices must not be shown with it.
        QVERIFY2(differing > v.slices() / 2, qPrintable(QString::number(differing)));
    }

    void realEnhancedMr_ShouldKeepEachFramesWindow()
    {
        if (test::sharedTestData().isEmpty())
            QSKIP("../shared/testdata/dicom is absent");
        const QString path = test::sharedTestData() + QStringLiteral("/robustness/dcm_qa_enh/Philips/IM_0027_fMAP.dcm");
        DcmFileFormat ff;
        QVERIFY(ff.loadFile(path.toLocal8Bit().constData()).good());
        const imaging::ScanResult r = imaging::scanFiles({path});
        QVERIFY(!r.volumes.empty());
        int frames = 0;
        for (const imaging::VolumePtr &v : r.volumes) {
            for (int k = 0; k < v->slices(); ++k) {
                const int f = v->sources[size_t(k)].frame;
                DcmItem *perFrame = nullptr, *voi = nullptr;
                QVERIFY(ff.getDataset()->findAndGetSequenceItem(DCM_PerFrameFunctionalGroupsSequence, perFrame, f).good());
                QVERIFY(perFrame->findAndGetSequenceItem(DCM_FrameVOILUTSequence, voi).good());
                Float64 c = 0, w = 0;
                voi->findAndGetFloat64(DCM_WindowCenter, c);
                voi->findAndGetFloat64(DCM_WindowWidth, w);
                const imaging::WindowLevel got = imaging::defaultWindow(*v, k, imaging::Image2D{});
                QCOMPARE(got.center, c);
                QCOMPARE(got.width, w);
                ++frames;
            }
        }
        QCOMPARE(frames, 64);
    }
};

QTEST_GUILESS_MAIN(TestVoi)
#include "tst_voi.moc"
