// Every image series in ../shared/testdata/dicom either opens with correct
// geometry or is reported as not displayable with a reason; nothing crashes.
// Known answers for the real series (MANIFEST.txt): the 108-slice CT with
// its one 1.0 mm gap, the oblique MPRAGE, the GE 4D EPI, the Siemens mosaic.
#include <kilima/imaging/seriesloader.h>

#include "../support/testdata.h"

#include <QDir>
#include <QSet>
#include <QtTest>

using namespace kilima;

class TestTestData : public QObject {
    Q_OBJECT

    static imaging::ScanResult load(const QString &sub)
    {
        const QString dir = test::sharedTestData() + QLatin1Char('/') + sub;
        QStringList files;
        for (const QString &f : test::filesBelow(dir)) {
            if (!f.endsWith(QLatin1String(".txt")) && !f.endsWith(QLatin1String(".md")) && !f.contains(QLatin1String("LICENSE")) &&
                !f.endsWith(QLatin1String(".tsv")) && !f.contains(QLatin1String("README")))
                files << f;
        }
        return imaging::loadFiles(files);
    }

private Q_SLOTS:
    void init()
    {
        if (test::sharedTestData().isEmpty())
            QSKIP("../shared/testdata/dicom is absent");
    }

    void realCt_ShouldKeepTheOneShortGapExact()
    {
        auto r = load(QStringLiteral("ct_invesalius_0051"));
        QCOMPARE(int(r.volumes.size()), 1);
        const auto &v = r.volumes.front();
        QCOMPARE(v->slices(), 108);
        QCOMPARE(v->columns, 512);
        QVERIFY(std::abs(v->rowSpacing - 0.4785) < 1e-3);
        int gaps15 = 0, gaps10 = 0;
        for (int k = 1; k < 108; ++k) {
            const double g = v->sliceDistance(k) - v->sliceDistance(k - 1);
            QVERIFY(g > 0);
            gaps15 += std::abs(g - 1.5) < 1e-3;
            gaps10 += std::abs(g - 1.0) < 1e-3;
        }
        QCOMPARE(gaps15, 106);
        QCOMPARE(gaps10, 1);
        QVERIFY(!v->uniformSpacing());
        QVERIFY(v->notes.join(QLatin1Char(' ')).contains(QLatin1String("non-uniform")));
        for (int k = 0; k < 108; ++k)
            QVERIFY2(v->sliceError(k).isEmpty(), qPrintable(v->sliceError(k)));
        // HU: air outside the patient near the corner.
        QVERIFY(v->valueAt(5, 5, 50) < -900);
        QCOMPARE(v->windowCenters.value(0), 40.0);
    }

    void obliqueMr_ShouldKeepItsDirectionCosines()
    {
        auto r = load(QStringLiteral("mr_fnndsc_sag_mprage"));
        QCOMPARE(int(r.volumes.size()), 1);
        const auto &v = r.volumes.front();
        QCOMPARE(v->slices(), 192);
        QVERIFY(std::abs(v->sliceSpacing() - 0.9) < 0.01);
        QVERIFY(v->uniformSpacing());
        QVERIFY(std::abs(v->rowDir.x - 0.054) < 0.01 && std::abs(v->rowDir.y - 0.965) < 0.01 && std::abs(v->rowDir.z - 0.257) < 0.01);
        QVERIFY(std::abs(v->colDir.z + 0.967) < 0.01);
        QVERIFY(v->tiltDegrees() < 0.1);
    }

    void geFourD_ShouldSplitIntoTenPhasesOfFifteen()
    {
        auto r = load(QStringLiteral("mr_nih_ge_siemens/GE_mr_0004_epi"));
        QCOMPARE(int(r.volumes.size()), 10);
        for (const auto &v : r.volumes) {
            QCOMPARE(v->slices(), 15);
            QVERIFY(v->label.contains(QLatin1String("/10")));
            QVERIFY(v->isSigned);
        }
    }

    void siemensMosaic_ShouldBeUnpackedIntoSlices()
    {
        auto r = load(QStringLiteral("mr_nih_ge_siemens/Siemens_mr_0003_mosaic"));
        QVERIFY(!r.volumes.empty());
        for (const auto &v : r.volumes) {
            QVERIFY2(v->slices() > 1, "a mosaic holds several slices");
            QVERIFY(v->columns < 216);
            QVERIFY(v->hasGeometry);
            for (int k = 0; k < v->slices(); ++k)
                QVERIFY2(v->sliceError(k).isEmpty(), qPrintable(v->sliceError(k)));
        }
    }

    void debianPydicomFiles_ShouldOpenOrSayWhyNot()
    {
        // Truncated, no-meta, big-endian, deflated and odd files: nothing crashes,
        // every file is accounted for (in a volume or listed with a reason).
        const QString dir = test::pydicomTestFiles();
        if (dir.isEmpty())
            QSKIP("python3-pydicom is not installed");
        QStringList files;
        for (const QString &f : test::filesBelow(dir)) {
            if (!f.contains(QLatin1String("dicomdirtests")) && !f.endsWith(QLatin1String(".py")) &&
                !f.endsWith(QLatin1String(".txt")) && !f.endsWith(QLatin1String(".json")) && !f.endsWith(QLatin1String(".gz")) &&
                !f.endsWith(QLatin1String(".bz2")))
                files << f;
        }
        auto r = imaging::loadFiles(files);
        QSet<QString> inVolumes;
        int slices = 0;
        for (const auto &v : r.volumes) {
            for (const auto &s : v->sources)
                inVolumes.insert(s.path);
            slices += v->slices();
        }
        QCOMPARE(inVolumes.size() + r.notDisplayable.size(), files.size());
        qInfo("pydicom: %d files, %d volumes (%d slices), %d not displayable", int(files.size()), int(r.volumes.size()),
              slices, int(r.notDisplayable.size()));
        QVERIFY(r.volumes.size() > 20);
    }

    void everySeries_ShouldOpenOrSayWhyNot()
    {
        const QString root = test::sharedTestData();
        QStringList folders;
        for (const QString &sub : QDir(root + QStringLiteral("/robustness")).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
            folders << QStringLiteral("robustness/") + sub;
        int volumes = 0, notShown = 0, decodeErrors = 0;
        for (const QString &f : folders) {
            auto r = load(f);
            for (const QString &why : r.notDisplayable) {
                QVERIFY2(why.contains(QLatin1String(": ")), qPrintable(why));   // "file: reason"
                ++notShown;
                qInfo("not displayable: %s", qPrintable(why));
            }
            for (const auto &v : r.volumes) {
                ++volumes;
                QVERIFY(v->slices() > 0);
                QVERIFY(v->columns > 0 && v->rows > 0);
                QVERIFY(std::isfinite(v->rowSpacing) && v->rowSpacing > 0);
                if (v->hasGeometry) {
                    QVERIFY(std::abs(v->normal.norm() - 1) < 1e-6);
                    for (int k = 1; k < v->slices(); ++k)
                        QVERIFY(v->sliceDistance(k) >= v->sliceDistance(k - 1) - 1e-6);
                }
                for (int k = 0; k < v->slices(); ++k) {
                    if (!v->sliceError(k).isEmpty()) {
                        ++decodeErrors;
                        qInfo("%s: slice %d: %s", qPrintable(f), k, qPrintable(v->sliceError(k)));
                    }
                }
            }
        }
        qInfo("robustness: %d volumes, %d objects not displayable, %d slices with decode errors", volumes, notShown,
              decodeErrors);
        QVERIFY(volumes > 100);
        QCOMPARE(decodeErrors, 0);
        QVERIFY(notShown > 0);   // SR, waveform, ... say why
    }
};

QTEST_GUILESS_MAIN(TestTestData)
#include "tst_testdata.moc"
