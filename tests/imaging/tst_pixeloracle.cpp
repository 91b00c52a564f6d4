// Every image in ../shared/testdata/dicom, every frame, through the same
// loader the viewer uses (scanFiles + decode), must hold the sample values
// an independent oracle reads: tests/imaging/pixeloracle.py decompresses
// with dcmtk (dcmdjpeg/dcmdjpls/dcmdrle) or gdcmconv --raw (JPEG 2000) and
// reads the native bytes with pydicom, applying Bits Stored, sign, planar
// configuration, YBR_FULL(_422) → RGB and palette itself.
// Exact for lossless encodings; lossy ones within the codec tolerance below.
#include <kilima/imaging/seriesloader.h>

#include "../support/testdata.h"

#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cstring>

using namespace kilima;

namespace {

struct Expected {
    QString path, transferSyntax, photometric, tool;
    int frames = 0, rows = 0, columns = 0, samples = 1, bitsAllocated = 0, bitsStored = 0;
    std::vector<qint32> values;   // every frame, interleaved samples
};

// Largest difference allowed between Kilima and the oracle. Lossless: none.
// JPEG baseline/extended and JPEG-LS near-lossless: both sides use dcmtk's
// decoder, so none either (YBR JPEG included: dcmdjpeg converts to RGB as
// Kilima's codec does). JPEG 2000 irreversible: OpenJPEG (Kilima) against
// GDCM, whose inverse wavelet/ICT may round one level apart (0 measured
// with Debian 12's libopenjp2 and GDCM 3.0).
int tolerance(const Expected &e)
{
    if (e.transferSyntax == QLatin1String("1.2.840.10008.1.2.4.91"))
        return 1;
    return 0;
}

// The data folders' licences and read-me files.
bool isTextFile(const QString &f)
{
    const QString n = QFileInfo(f).fileName();
    return n.endsWith(QLatin1String(".txt")) || n.endsWith(QLatin1String(".md")) || n.endsWith(QLatin1String(".tsv")) ||
           n.startsWith(QLatin1String("LICENSE")) || n.startsWith(QLatin1String("README"));
}

} // namespace

class TestPixelOracle : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QList<Expected> m_expected;
    QStringList m_nonImages, m_oracleErrors;
    int m_dicomFiles = 0;

private Q_SLOTS:
    void initTestCase()
    {
        if (test::sharedTestData().isEmpty())
            QSKIP("../shared/testdata/dicom is absent: the oracle compares real vendor data only");
        for (const char *tool : {"dcmdjpeg", "dcmdjpls", "dcmdrle", "gdcmconv"}) {
            if (QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty())
                QSKIP(qPrintable(QStringLiteral("%1 is not installed (dcmtk / libgdcm-tools)").arg(QLatin1String(tool))));
        }
        QProcess probe;
        probe.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QStringLiteral("import pydicom, numpy")});
        if (!probe.waitForFinished(60000) || probe.exitStatus() != QProcess::NormalExit || probe.exitCode() != 0)
            QSKIP("/usr/bin/python3 with pydicom and numpy is not available (python3-pydicom)");

        QStringList files;
        for (const QString &f : test::filesBelow(test::sharedTestData())) {
            if (!isTextFile(f))
                files << f;
        }
        m_dicomFiles = int(files.size());
        QVERIFY(m_dir.isValid());
        QFile list(m_dir.filePath(QStringLiteral("list.txt")));
        QVERIFY(list.open(QIODevice::WriteOnly));
        list.write(files.join(QLatin1Char('\n')).toUtf8() + '\n');
        list.close();
        QProcess oracle;
        oracle.setProcessChannelMode(QProcess::MergedChannels);
        oracle.start(QStringLiteral("/usr/bin/python3"),
                     {QStringLiteral(KILIMA_TEST_SOURCE_DIR "/pixeloracle.py"), list.fileName(), m_dir.path()});
        QVERIFY(oracle.waitForFinished(600000));
        QVERIFY2(oracle.exitCode() == 0, oracle.readAll().constData());

        QFile manifest(m_dir.filePath(QStringLiteral("manifest.tsv")));
        QVERIFY(manifest.open(QIODevice::ReadOnly));
        for (const QByteArray &line : manifest.readAll().split('\n')) {
            const QStringList c = QString::fromUtf8(line).split(QLatin1Char('\t'));
            if (c.size() < 3)
                continue;
            if (c[1] == QLatin1String("nonimage")) {
                m_nonImages << c[2];
                continue;
            }
            if (c[1] != QLatin1String("ok") || c.size() < 12) {
                m_oracleErrors << c.mid(2).join(QLatin1String(": "));
                continue;
            }
            Expected e;
            e.path = c[2];
            e.transferSyntax = c[3];
            e.frames = c[4].toInt();
            e.rows = c[5].toInt();
            e.columns = c[6].toInt();
            e.samples = c[7].toInt();
            e.photometric = c[8];
            e.bitsAllocated = c[9].toInt();
            e.tool = c[10];
            e.bitsStored = c[11].toInt();
            QFile data(m_dir.filePath(c[0] + QStringLiteral(".i32")));
            QVERIFY(data.open(QIODevice::ReadOnly));
            const QByteArray bytes = data.readAll();
            e.values.resize(size_t(bytes.size()) / 4);
            std::memcpy(e.values.data(), bytes.constData(), e.values.size() * 4);
            QCOMPARE(qint64(e.values.size()), qint64(e.frames) * e.rows * e.columns * e.samples);
            m_expected << e;
        }
        qInfo("%d DICOM files: %d images decoded by the oracle, %d without pixel data, %d the oracle could not decode",
              m_dicomFiles, int(m_expected.size()), int(m_nonImages.size()), int(m_oracleErrors.size()));
        for (const QString &e : std::as_const(m_oracleErrors))
            qInfo("oracle could not decode %s", qPrintable(e));
        // Every file is accounted for: compared, or without pixel data.
        QVERIFY2(m_oracleErrors.isEmpty(), qPrintable(m_oracleErrors.value(0)));
        QCOMPARE(int(m_expected.size() + m_nonImages.size()), m_dicomFiles);
        QVERIFY(m_expected.size() > 600);
    }

    void everyImage_ShouldShowTheOraclesSampleValues()
    {
        // Largest difference and differing samples per transfer syntax (+ colour).
        struct Tally {
            int files = 0;
            qint64 samples = 0, differing = 0;
            int maxDiff = 0;
        };
        QMap<QString, Tally> tallies;
        QStringList failures;
        for (const Expected &e : std::as_const(m_expected)) {
            const imaging::ScanResult scan = imaging::scanFiles({e.path}, 1);
            if (scan.volumes.empty()) {
                failures << QStringLiteral("%1: the loader shows nothing: %2").arg(e.path, scan.notDisplayable.join(QLatin1String("; ")));
                continue;
            }
            const QString key = e.transferSyntax + (e.samples == 3 ? QStringLiteral(" colour") : QString());
            Tally &t = tallies[key];
            ++t.files;
            const qint64 frameSamples = qint64(e.rows) * e.columns * e.samples;
            QSet<int> framesSeen;
            for (const imaging::VolumePtr &v : scan.volumes) {
                imaging::decode(v);
                v->waitUntilComplete();
                const int spp = v->samplesPerPixel;
                if (spp != e.samples) {
                    failures << QStringLiteral("%1: %2 samples per pixel, oracle %3").arg(e.path).arg(spp).arg(e.samples);
                    continue;
                }
                for (int k = 0; k < v->slices(); ++k) {
                    const imaging::SliceSource &s = v->sources[size_t(k)];
                    if (!v->sliceError(k).isEmpty()) {
                        failures << QStringLiteral("%1 frame %2: %3").arg(e.path).arg(s.frame + 1).arg(v->sliceError(k));
                        continue;
                    }
                    framesSeen.insert(s.frame);
                    // A mosaic tile is a rectangle of the stored frame.
                    int x0 = 0, y0 = 0;
                    if (s.tile >= 0) {
                        const int grid = e.columns / v->columns;
                        x0 = (s.tile % grid) * v->columns;
                        y0 = (s.tile / grid) * v->rows;
                    }
                    const qint32 *frame = e.values.data() + qint64(s.frame) * frameSamples;
                    const quint16 *got = v->sliceData(k);
                    // Kilima keeps 32-bit samples as their top 16 bits of Bits Stored.
                    const int shift = e.bitsAllocated == 32 ? std::max(0, e.bitsStored - 16) : 0;
                    int worst = 0;
                    qint64 worstAt = -1;
                    for (int r = 0; r < v->rows; ++r) {
                        for (int c = 0; c < v->columns * spp; ++c) {
                            const qint32 want = frame[qint64(y0 + r) * e.columns * spp + qint64(x0) * spp + c];
                            const quint16 raw = got[size_t(r) * size_t(v->columns * spp) + size_t(c)];
                            int diff;
                            if (e.bitsAllocated == 32)
                                diff = std::abs(int(raw) - int(quint16(want >> shift)));
                            else
                                diff = std::abs((v->isSigned ? int(qint16(raw)) : int(raw)) - int(want));
                            ++t.samples;
                            if (diff) {
                                ++t.differing;
                                if (diff > worst) {
                                    worst = diff;
                                    worstAt = qint64(r) * v->columns * spp + c;
                                }
                            }
                        }
                    }
                    t.maxDiff = std::max(t.maxDiff, worst);
                    if (worst > tolerance(e))
                        failures << QStringLiteral("%1 frame %2 (%3, %4 via %5): differs by up to %6 (sample %7), tolerance %8")
                                        .arg(e.path).arg(s.frame + 1).arg(e.transferSyntax, e.photometric, e.tool)
                                        .arg(worst).arg(worstAt).arg(tolerance(e));
                }
            }
            if (framesSeen.size() != e.frames)
                failures << QStringLiteral("%1: the loader showed %2 of %3 frames").arg(e.path).arg(framesSeen.size()).arg(e.frames);
        }
        for (auto it = tallies.cbegin(); it != tallies.cend(); ++it)
            qInfo("%-32s %4d files %11lld samples, %9lld differ, max difference %d", qPrintable(it.key()), it->files,
                  it->samples, it->differing, it->maxDiff);
        for (const QString &f : std::as_const(failures))
            qWarning("%s", qPrintable(f));
        QVERIFY2(failures.isEmpty(), qPrintable(QStringLiteral("%1 image(s) differ from the oracle; first: %2")
                                                    .arg(failures.size()).arg(failures.value(0))));
    }
};

QTEST_GUILESS_MAIN(TestPixelOracle)
#include "tst_pixeloracle.moc"
