// SEG read for an overlay: frames land on the slices they were drawn on,
// segments keep their recommended colour, blending colours exactly the
// segmented pixels. Oracle: a SEG written with pydicom (makeseg.py) over
// the CT phantom; the real dcmqi liver SEG over its 3-slice CT when the
// shared test data is present.
#include <kilima/imaging/segmentation.h>
#include <kilima/imaging/seriesloader.h>

#include "../support/phantom.h"
#include "segsupport.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

using namespace kilima;

class TestSegmentation : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;

private Q_SLOTS:
    void cielab_ShouldConvertToSrgb()
    {
        // sRGB primaries and white in DICOM-scaled CIELab (D65).
        const imaging::Rgb red = imaging::cielabToRgb(34891, 53480, 50167);
        QVERIFY2(red.r >= 253 && red.g <= 3 && red.b <= 3, qPrintable(QStringLiteral("%1 %2 %3").arg(red.r).arg(red.g).arg(red.b)));
        const imaging::Rgb white = imaging::cielabToRgb(65535, 32896, 32896);
        QVERIFY(white.r >= 253 && white.g >= 253 && white.b >= 253);
        const imaging::Rgb black = imaging::cielabToRgb(0, 32896, 32896);
        QVERIFY(black.r <= 2 && black.g <= 2 && black.b <= 2);
    }

    void pydicomSeg_ShouldMapFramesToTheirSlicesWithTheSegmentColour()
    {
        test::CtPhantom ph;
        ph.slices = 8;
        ph.rows = ph.columns = 64;
        const QStringList ct = test::writeCtPhantom(m_tmp.filePath(QStringLiteral("ct")), ph);
        QString why;
        // Instances 3 and 4 are slices 5 and 4 (instance numbers run against position).
        const QString segPath = test::writeSeg(m_tmp.filePath(QStringLiteral("seg.dcm")), 20, 30, 6, {3, 4}, ct, &why);
        if (segPath.isEmpty())
            QSKIP(qPrintable(why));
        const imaging::ScanResult r = imaging::loadFiles(ct);
        QCOMPARE(int(r.volumes.size()), 1);
        const imaging::Volume &v = *r.volumes.front();
        auto seg = imaging::loadSegmentation(segPath);
        QVERIFY2(seg, qPrintable(seg.error()));
        const imaging::Segmentation &s = *seg.value();
        QCOMPARE(int(s.segments.size()), 1);
        QCOMPARE(s.segments[0].label, QStringLiteral("Lesion"));
        QVERIFY(s.segments[0].color.r >= 253 && s.segments[0].color.g <= 3);
        QCOMPARE(s.referencedSeriesUid, v.seriesUid);
        const auto per = imaging::framesPerSlice(s, v);
        QCOMPARE(int(per.size()), v.slices());
        for (int k = 0; k < v.slices(); ++k) {
            const int instance = ph.slices - k;
            QCOMPARE(int(per[size_t(k)].size()), (instance == 3 || instance == 4) ? 1 : 0);
        }
        // Blend at 50 %: inside the disc grey 100 turns (178, 50, 50); outside unchanged.
        std::vector<quint32> px(size_t(v.rows) * size_t(v.columns), 0xff646464u);
        imaging::blendSegmentation(s, per[4], 0.5, px.data());
        QCOMPARE(px[size_t(30) * size_t(v.columns) + 20], 0xffb23232u);
        QCOMPARE(px[size_t(30) * size_t(v.columns) + 26], 0xffb23232u);   // on the rim (r = 6)
        QCOMPARE(px[size_t(30) * size_t(v.columns) + 27], 0xff646464u);
        QCOMPARE(px[size_t(5) * size_t(v.columns) + 5], 0xff646464u);
    }

    void dcmqiLiverSeg_ShouldLieOnItsThreeCtSlices()
    {
        const QString dir = QStringLiteral(KILIMA_SHARED_TESTDATA "/robustness/dcmqi_seg_sr_pm/segmentations");
        if (!QFile::exists(dir + QStringLiteral("/liver.dcm")))
            QSKIP("shared test data (dcmqi liver SEG) absent");
        QStringList ct;
        for (const QString &f : QDir(dir + QStringLiteral("/ct-3slice")).entryList({QStringLiteral("*.dcm")}))
            ct.append(dir + QStringLiteral("/ct-3slice/") + f);
        const imaging::ScanResult r = imaging::loadFiles(ct);
        QCOMPARE(int(r.volumes.size()), 1);
        auto seg = imaging::loadSegmentation(dir + QStringLiteral("/liver.dcm"));
        QVERIFY2(seg, qPrintable(seg.error()));
        QCOMPARE(seg.value()->segments.front().label, QStringLiteral("Liver"));
        const auto per = imaging::framesPerSlice(*seg.value(), *r.volumes.front());
        int mapped = 0;
        for (const auto &f : per)
            mapped += int(f.size());
        QCOMPARE(mapped, 3);
        int set = 0;
        for (quint8 m : seg.value()->frames.front().mask)
            set += m ? 1 : 0;
        QVERIFY(set > 1000);   // a liver, not an empty frame
    }
};

QTEST_GUILESS_MAIN(TestSegmentation)
#include "tst_segmentation.moc"
