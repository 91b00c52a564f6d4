// Geometry with known answers: slice order, spacing, direction cosines,
// patient point → voxel in each MPR plane, thick slab, ROI statistics of a
// synthetic phantom, 4D phases, non-uniform spacing and gantry tilt.
#include <kilima/imaging/image2d.h>
#include <kilima/imaging/mpr.h>
#include <kilima/imaging/roi.h>
#include <kilima/imaging/seriesloader.h>

#include "../support/phantom.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>

#include <QTemporaryDir>
#include <cstring>
#include <QtTest>

using namespace kilima;
using imaging::Vec3;

namespace {
// A volume built in memory: value = 100*k + column (stored), so every voxel
// says where it is.
imaging::VolumePtr syntheticVolume(const std::vector<Vec3> &positions, int columns = 8, int rows = 6)
{
    auto v = std::make_shared<imaging::Volume>();
    v->columns = columns;
    v->rows = rows;
    v->rowSpacing = 0.5;
    v->columnSpacing = 0.25;
    v->hasGeometry = true;
    v->spacingKnown = true;
    v->positions = positions;
    v->sources.resize(positions.size());
    v->allocate();
    for (int k = 0; k < v->slices(); ++k) {
        for (int r = 0; r < rows; ++r)
            for (int c = 0; c < columns; ++c)
                v->sliceData(k)[r * columns + c] = quint16(100 * k + c);
        v->markSliceReady(k);
    }
    return v;
}
} // namespace

class TestGeometry : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;
    test::CtPhantom m_p;
    imaging::VolumePtr m_vol;

private Q_SLOTS:
    void initTestCase()
    {
        m_p.slices = 30;
        m_p.rows = m_p.columns = 100;
        m_p.pixelSpacing = 0.5;
        m_p.sliceSpacing = 2.0;
        m_p.originZ = -100;
        const QStringList files = test::writeCtPhantom(m_tmp.filePath(QStringLiteral("ct")), m_p);
        auto r = imaging::loadFiles(files);
        QCOMPARE(int(r.volumes.size()), 1);
        QVERIFY(r.notDisplayable.isEmpty());
        m_vol = r.volumes.front();
    }

    void slices_ShouldBeSortedByPositionNotInstanceNumber()
    {
        QCOMPARE(m_vol->slices(), 30);
        for (int k = 0; k < 30; ++k)
            QCOMPARE(m_vol->positions[size_t(k)].z, -100.0 + 2.0 * k);
        // The phantom writes instance numbers in reverse order.
        QCOMPARE(m_vol->sources.front().instanceNumber, 30);
        QCOMPARE(m_vol->sources.back().instanceNumber, 1);
    }

    void spacingAndDirectionCosines_ShouldComeFromTheHeaders()
    {
        QCOMPARE(m_vol->sliceSpacing(), 2.0);
        QVERIFY(m_vol->uniformSpacing());
        QCOMPARE(m_vol->rowSpacing, 0.5);
        QCOMPARE(m_vol->columnSpacing, 0.5);
        QCOMPARE(m_vol->rowDir.x, 1.0);
        QCOMPARE(m_vol->colDir.y, 1.0);
        QCOMPARE(m_vol->normal.z, 1.0);
        QVERIFY(m_vol->tiltDegrees() < 1e-9);
        QCOMPARE(m_vol->rescaleUnit, QStringLiteral("HU"));
    }

    void voxelValues_ShouldBeHounsfieldUnits()
    {
        for (int r : {0, 10, 50, 70, 99})
            for (int c : {0, 25, 50, 99})
                QCOMPARE(m_vol->valueAt(c, r, 7), double(test::CtPhantom::expectedHu(r, c, 100, 100)));
    }

    void patientPoint_ShouldMapToTheRightVoxelAndBack()
    {
        // IPP of the first slice is (-25, -25, -100), 0.5 mm pixels.
        const Vec3 p{-25 + 0.5 * 30, -25 + 0.5 * 60, -100 + 2.0 * 12};
        const Vec3 v = m_vol->patientToVoxel(p);
        QCOMPARE(v.x, 30.0);
        QCOMPARE(v.y, 60.0);
        QCOMPARE(v.z, 12.0);
        const Vec3 back = m_vol->voxelToPatient(30, 60, 12);
        QVERIFY((back - p).norm() < 1e-9);
    }

    void eachMprPlane_ShouldShowTheVoxelAtItsPatientPoint()
    {
        // Points in water (0 HU), in the rod (1000) and in air (-1000).
        struct Probe { int c, r, k; };
        for (const Probe &pr : {Probe{50, 80, 10}, Probe{49, 50, 3}, Probe{5, 5, 20}, Probe{75, 40, 29}}) {
            const Vec3 p = m_vol->voxelToPatient(pr.c, pr.r, pr.k);
            const double expected = test::CtPhantom::expectedHu(pr.r, pr.c, 100, 100);
            for (auto o : {imaging::Orientation::Axial, imaging::Orientation::Coronal, imaging::Orientation::Sagittal}) {
                const imaging::Plane plane = imaging::standardPlane(*m_vol, o, p);
                const imaging::Image2D img = imaging::reslice(*m_vol, plane);
                double x, y;
                plane.pixelOf(p, &x, &y);
                const int xi = int(std::lround(x)), yi = int(std::lround(y));
                QVERIFY2(std::abs(x - xi) < 1e-6 && std::abs(y - yi) < 1e-6, "the probe falls on a pixel centre");
                QCOMPARE(double(img.at(xi, yi)), expected);
                QVERIFY((plane.pointAt(x, y) - p).norm() < 1e-9);
            }
        }
    }

    void coronalPlane_ShouldShowTheCylinderAsABandOfTheRightWidth()
    {
        const Vec3 c = imaging::volumeCenter(*m_vol);
        const imaging::Plane plane = imaging::standardPlane(*m_vol, imaging::Orientation::Coronal, c);
        const imaging::Image2D img = imaging::reslice(*m_vol, plane);
        // Head up: the top row is the last slice (z = -42), the bottom the first (z = -100).
        double x, y;
        plane.pixelOf(m_vol->positions.back(), &x, &y);
        QCOMPARE(int(std::lround(y)), 0);
        // Water band 2 × 33.3 px wide (16.7 mm radius), centred on the volume's axis.
        const int row = img.height / 2;
        int first = -1, last = -1;
        for (int xx = 0; xx < img.width; ++xx) {
            if (img.at(xx, row) > -500) {
                if (first < 0)
                    first = xx;
                last = xx;
            }
        }
        QVERIFY2(last - first + 1 >= 65 && last - first + 1 <= 67, qPrintable(QStringLiteral("%1..%2").arg(first).arg(last)));
        QVERIFY(std::abs((first + last) / 2.0 - (img.width - 1) / 2.0) <= 0.5);
        // Same band at the top and bottom rows: a cylinder along z.
        QVERIFY(img.at((img.width - 1) / 2, 0) > -500 && img.at(first - 2, img.height - 1) < -500);
    }

    void thickSlab_ShouldTakeMaximumMinimumAndAverageAlongTheNormal()
    {
        // A coronal slab 10 mm thick centred 8 mm in front of the rod's edge reaches the rod.
        const Vec3 c = imaging::volumeCenter(*m_vol);
        imaging::Plane plane = imaging::standardPlane(*m_vol, imaging::Orientation::Coronal, c + Vec3{0, -8, 0});
        double x, y;
        plane.pixelOf(c + Vec3{0, -8, 0}, &x, &y);
        const int xi = int(std::lround(x)), yi = int(std::lround(y));
        QCOMPARE(double(imaging::reslice(*m_vol, plane).at(xi, yi)), 0.0);
        QCOMPARE(double(imaging::reslice(*m_vol, plane, {10, imaging::SlabMode::Mip}).at(xi, yi)), 1000.0);
        QCOMPARE(double(imaging::reslice(*m_vol, plane, {10, imaging::SlabMode::MinIp}).at(xi, yi)), 0.0);
        const double avg = imaging::reslice(*m_vol, plane, {10, imaging::SlabMode::Average}).at(xi, yi);
        QVERIFY(avg > 100 && avg < 900);
    }

    void thickSlabFastPath_ShouldMatchTheReferenceSampler_data()
    {
        QTest::addColumn<bool>("isSigned");
        QTest::addColumn<double>("tiltX");
        QTest::addColumn<double>("tiltZ");
        QTest::newRow("unsigned oblique") << false << 20.0 << 30.0;
        QTest::newRow("signed oblique") << true << -35.0 << 12.0;
        QTest::newRow("signed axial") << true << 0.0 << 0.0;
    }
    void thickSlabFastPath_ShouldMatchTheReferenceSampler()
    {
        // Pseudo-random voxels (every sample differs from its neighbours, so a
        // wrong voxel or weight shows), uniform spacing and rescale: the fast
        // slab path (vectorised where the CPU allows) must give the values of
        // the general sampler, pixel for pixel, NaN outside at the same pixels.
        QFETCH(bool, isSigned);
        QFETCH(double, tiltX);
        QFETCH(double, tiltZ);
        std::vector<Vec3> pos;
        for (int k = 0; k < 40; ++k)
            pos.push_back({-10, -7, 5 + 0.6 * k});
        auto v = std::make_shared<imaging::Volume>();
        v->columns = 67;
        v->rows = 45;
        v->rowSpacing = v->columnSpacing = 0.5;
        v->isSigned = isSigned;
        v->modality = QStringLiteral("CT");
        v->hasGeometry = v->spacingKnown = true;
        v->positions = pos;
        v->sources.resize(pos.size());
        for (auto &s : v->sources) {
            s.slope = 1;
            s.intercept = isSigned ? 0 : -1024;
        }
        v->allocate();
        quint32 seed = 12345;
        for (int k = 0; k < v->slices(); ++k) {
            for (size_t i = 0; i < v->sliceSamples(); ++i) {
                seed = seed * 1664525u + 1013904223u;
                const int val = int(seed >> 20) % 3000;   // 0..2999
                v->sliceData(k)[i] = isSigned ? quint16(qint16(val - 1500)) : quint16(val);
            }
            v->markSliceReady(k);
        }
        const Vec3 c = imaging::volumeCenter(*v) + Vec3{0.3, -0.2, 0.1};
        imaging::Plane plane = imaging::standardPlane(*v, imaging::Orientation::Axial, c);
        plane.width = 101;
        plane.height = 77;
        plane.pixelSize = 0.37;
        plane = imaging::rotated(imaging::rotated(plane, {1, 0, 0}, tiltX), {0, 0, 1}, tiltZ);
        for (auto mode : {imaging::SlabMode::Mip, imaging::SlabMode::MinIp, imaging::SlabMode::Average}) {
            imaging::SlabOptions fast{8, mode};
            imaging::SlabOptions ref = fast;
            ref.referencePath = true;
            const imaging::Image2D a = imaging::reslice(*v, plane, fast, 2);
            const imaging::Image2D b = imaging::reslice(*v, plane, ref, 1);
            QCOMPARE(a.values.size(), b.values.size());
            int inside = 0;
            double worst = 0;
            for (size_t i = 0; i < a.values.size(); ++i) {
                QCOMPARE(std::isnan(a.values[i]), std::isnan(b.values[i]));
                if (std::isnan(a.values[i]))
                    continue;
                ++inside;
                worst = std::max(worst, std::abs(double(a.values[i]) - double(b.values[i])));
            }
            QVERIFY2(inside > int(a.values.size()) / 3, qPrintable(QString::number(inside)));
            // float against double arithmetic: far below one HU.
            QVERIFY2(worst < 0.05, qPrintable(QStringLiteral("mode %1: %2 HU").arg(int(mode)).arg(worst)));
            // Into a reused buffer (the viewport's per-frame call): same pixels.
            imaging::Image2D reused = imaging::reslice(*v, imaging::rotated(plane, {0, 1, 0}, 10), {3, mode}, 1);
            imaging::reslice(*v, plane, fast, 2, &reused);
            QCOMPARE(reused.width, a.width);
            QCOMPARE(reused.height, a.height);
            QVERIFY(std::memcmp(reused.values.data(), a.values.data(), a.values.size() * sizeof(float)) == 0);
        }
    }

    void roiStatistics_ShouldEqualThePhantomsKnownValues()
    {
        const imaging::Image2D img = imaging::sliceImage(*m_vol, 5);
        // Ellipse inside the water ring, clear of the rod: 0 HU everywhere.
        auto water = imaging::ellipseStats(img, QPointF(20, 40), QPointF(30, 60));
        QVERIFY(water.pixels > 100);
        QCOMPARE(water.mean, 0.0);
        QCOMPARE(water.sd, 0.0);
        QCOMPARE(water.areaMm2, water.pixels * 0.25);
        // Around the rod centre (radius 10 px): 1000 HU.
        auto rod = imaging::ellipseStats(img, QPointF(44.5, 44.5), QPointF(54.5, 54.5));
        QCOMPARE(rod.mean, 1000.0);
        QCOMPARE(rod.min, 1000.0);
        // A rectangle half in air, half in water: mean is the pixel-weighted mean.
        auto mixed = imaging::rectangleStats(img, QPointF(0, 50), QPointF(29, 50));
        int air = 0;
        for (int c = 0; c <= 29; ++c)
            air += test::CtPhantom::expectedHu(50, c, 100, 100) == -1000;
        QCOMPARE(mixed.pixels, 30);
        QCOMPARE(mixed.mean, -1000.0 * air / 30);
        // Distances in mm from pixel spacing.
        QCOMPARE(imaging::distanceMm(img, QPointF(10, 10), QPointF(13, 14)), 2.5);
        QCOMPARE(imaging::angleDegrees(img, QPointF(20, 10), QPointF(10, 10), QPointF(10, 20)), 90.0);
    }

    void windowFunction_ShouldFollowTheDicomLinearFormula()
    {
        QCOMPARE(imaging::greyLevel(0, {40, 400}), 102);
        QCOMPARE(imaging::greyLevel(-161, {40, 400}), 0);
        QCOMPARE(imaging::greyLevel(240, {40, 400}), 255);
        QCOMPARE(imaging::greyLevel(40, {40, 400}), 128);
        imaging::Image2D img;
        img.width = 2;
        img.height = 1;
        img.values = {0, 1000};
        imaging::DisplayOptions opt;
        opt.window = {40, 400};
        auto px = imaging::render(img, opt);
        QCOMPARE(int(px[0] & 0xff), 102);
        opt.invert = true;   // MONOCHROME1 or the reader's invert
        px = imaging::render(img, opt);
        QCOMPARE(int(px[0] & 0xff), 255 - 102);
        QCOMPARE(int(px[1] & 0xff), 0);
    }

    void windowFunction_ShouldRoundLikeTheFormulaAtEveryValue()
    {
        // greyLevel rounds without libm: same grey as std::lround of the
        // PS3.3 formula for fractional values (resliced pixels), halves included.
        for (const imaging::WindowLevel w : {imaging::WindowLevel{40, 400}, imaging::WindowLevel{-600, 1500},
                                             imaging::WindowLevel{300, 2}, imaging::WindowLevel{0.5, 256}}) {
            const double c = w.center - 0.5, width = std::max(1.0, w.width) - 1;
            for (double v = -2000; v < 2000; v += 0.03125) {
                int expected;
                if (v <= c - width / 2)
                    expected = 0;
                else if (v > c + width / 2)
                    expected = 255;
                else
                    expected = int(std::lround(((v - c) / std::max(width, 1e-9) + 0.5) * 255));
                if (imaging::greyLevel(v, w) != expected)
                    QFAIL(qPrintable(QStringLiteral("value %1 window %2/%3").arg(v).arg(w.center).arg(w.width)));
            }
        }
    }

    void repeatedPositions_ShouldSplitIntoPhases()
    {
        test::CtPhantom p;
        p.slices = 5;
        p.rows = p.columns = 16;
        p.studyUid = test::newUid();
        p.seriesUid = test::newUid();
        QStringList files = test::writeCtPhantom(m_tmp.filePath(QStringLiteral("t0")), p);
        files += test::writeCtPhantom(m_tmp.filePath(QStringLiteral("t1")), p);
        auto r = imaging::scanFiles(files);
        QCOMPARE(int(r.volumes.size()), 2);
        QCOMPARE(r.volumes[0]->slices(), 5);
        QCOMPARE(r.volumes[1]->slices(), 5);
        QCOMPARE(r.volumes[0]->label, QStringLiteral("phase 1/2"));
        QCOMPARE(r.volumes[1]->label, QStringLiteral("phase 2/2"));
    }

    void localizerAndOtherOrientation_ShouldBeSplitOut()
    {
        test::CtPhantom p;
        p.slices = 4;
        p.rows = p.columns = 16;
        p.studyUid = test::newUid();
        p.seriesUid = test::newUid();
        QStringList files = test::writeCtPhantom(m_tmp.filePath(QStringLiteral("mixed")), p);
        // Turn the last file into a coronal localizer.
        DcmFileFormat ff;
        QVERIFY(ff.loadFile(files.back().toLocal8Bit().constData()).good());
        ff.getDataset()->putAndInsertString(DCM_ImageOrientationPatient, "1\\0\\0\\0\\0\\-1");
        ff.getDataset()->putAndInsertString(DCM_ImageType, "ORIGINAL\\PRIMARY\\LOCALIZER");
        QVERIFY(ff.saveFile(files.back().toLocal8Bit().constData(), EXS_LittleEndianExplicit).good());
        auto r = imaging::scanFiles(files);
        QCOMPARE(int(r.volumes.size()), 2);
        int localizers = 0;
        for (const auto &v : r.volumes) {
            if (v->label == QLatin1String("localizer")) {
                ++localizers;
                QCOMPARE(v->slices(), 1);
                QCOMPARE(v->normal.y, 1.0);   // (1,0,0) x (0,0,-1) = (0,1,0)
            } else {
                QCOMPARE(v->slices(), 3);
            }
            QVERIFY(v->notes.join(QLatin1Char(' ')).contains(QLatin1String("series split")));
        }
        QCOMPARE(localizers, 1);
    }

    void nonUniformSpacing_ShouldKeepExactPositions()
    {
        auto v = syntheticVolume({{0, 0, 0}, {0, 0, 1.5}, {0, 0, 3.0}, {0, 0, 4.0}});
        QVERIFY(!v->uniformSpacing());
        QCOMPARE(v->sliceSpacing(), 1.5);
        // z = 3.5 lies halfway between slices 2 and 3 (gap 1.0).
        QCOMPARE(v->patientToVoxel({0, 0, 3.5}).z, 2.5);
        QCOMPARE(v->patientToVoxel({0, 0, 0.75}).z, 0.5);
        // Trilinear sample: 100*k + column.
        QCOMPARE(imaging::sampleAt(*v, {0.5, 0.5, 3.5}), 250.0 + 2);
    }

    void gantryTilt_ShouldShiftEachSliceInPlane()
    {
        // Slices 2 mm apart along z, each shifted 0.5 mm (2 columns) along x: a sheared stack.
        auto v = syntheticVolume({{0, 0, 0}, {0.5, 0, 2}, {1.0, 0, 4}});
        QVERIFY(v->tiltDegrees() > 14 && v->tiltDegrees() < 14.1);   // atan(0.5/2) = 14.04°
        const Vec3 vx = v->patientToVoxel({1.0 + 0.25 * 3, 0, 4});
        QCOMPARE(vx.x, 3.0);
        QCOMPARE(vx.z, 2.0);
        QCOMPARE(imaging::sampleAt(*v, {1.0 + 0.25 * 3, 0, 4}), 203.0);
        QVERIFY(std::isnan(imaging::sampleAt(*v, {-0.2, 0, 4})));   // left of the shifted slice: outside
    }

    void uniformGrid_ShouldResampleNonUniformStacksExactly()
    {
        auto v = syntheticVolume({{0, 0, 0}, {0, 0, 1.5}, {0, 0, 3.0}, {0, 0, 4.0}});
        const imaging::UniformGrid g = imaging::resampleUniform(*v, 256, 1);
        QCOMPARE(g.dims[2], 3);   // 0, 1.5, 3.0 (4.0 is beyond the last full step)
        QCOMPARE(g.spacing[2], 1.5);
        QCOMPARE(int(g.values[size_t(2) * 48 + 5]), 205);
    }
};

QTEST_GUILESS_MAIN(TestGeometry)
#include "tst_geometry.moc"
