// The viewer's series loader meets hostile files (a CD, a folder) among
// good ones: 5,700 nested sequences and a 4 GB element are listed as not
// displayable with their reason, a frame whose JPEG header disagrees with
// the image is a slice error with the reason and shows zeros, never
// leftover memory; the good slices load as usual.
#include "hostiledicom.h"
#include "peers.h"
#include "phantom.h"

#include <kilima/imaging/seriesloader.h>

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace kilima;

class TestHostileSeries : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void hostileFiles_ShouldBeReportedAndGoodSlicesLoaded()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("dcmcjpeg")).isEmpty())
            QSKIP("dcmtk's dcmcjpeg is not installed");
        QTemporaryDir dir;
        auto write = [&](const QString &name, const QByteArray &bytes) {
            QFile f(dir.filePath(name));
            return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size() ? f.fileName() : QString();
        };
        const QByteArray study = test::newUid().toLatin1(), series = test::newUid().toLatin1();
        const QString deep = write(QStringLiteral("deep.dcm"),
                                   test::hostile::part10(test::hostile::nestedSequences(5700), test::newUid().toLatin1(), study, series));
        const QString huge = write(QStringLiteral("huge.dcm"),
                                   test::hostile::part10(test::hostile::fourGigabyteElement(), test::newUid().toLatin1(), study, series));
        QVERIFY(!deep.isEmpty() && !huge.isEmpty());

        test::CtPhantom p;
        p.slices = 3;
        p.rows = p.columns = 32;
        QStringList files = test::writeCtPhantom(dir.filePath(QStringLiteral("ct")), p);
        // The middle slice as JPEG lossless with a 16 x 16 frame header.
        const QString jpeg = dir.filePath(QStringLiteral("ct/middle-jpeg.dcm"));
        QString out;
        QCOMPARE(test::runTool(QStringLiteral("dcmcjpeg"), {QStringLiteral("+e1"), files.at(1), jpeg}, &out), 0);
        QFile f(jpeg);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray bytes = f.readAll();
        f.close();
        const int at = bytes.indexOf(QByteArray("\xff\xc3\x00\x0b\x10\x00\x20\x00\x20", 9));
        QVERIFY(at > 0);
        bytes.replace(at, 9, QByteArray("\xff\xc3\x00\x0b\x10\x00\x10\x00\x10", 9));
        QVERIFY(QFile::remove(files.at(1)) && QFile::remove(jpeg));
        QVERIFY(!write(QStringLiteral("ct/middle-jpeg.dcm"), bytes).isEmpty());
        files[1] = jpeg;

        const imaging::ScanResult r = imaging::loadFiles(files + QStringList{deep, huge});
        const QString listed = r.notDisplayable.join(QLatin1Char('\n'));
        QVERIFY2(listed.contains(QStringLiteral("deep.dcm: not readable as DICOM: sequences nested deeper than 64 levels")), qPrintable(listed));
        QVERIFY2(listed.contains(QStringLiteral("huge.dcm: not readable as DICOM: truncated: element (7FE0,0010)")), qPrintable(listed));
        QCOMPARE(int(r.volumes.size()), 1);
        const imaging::VolumePtr &v = r.volumes.front();
        QCOMPARE(v->slices(), 3);
        int failed = 0;
        for (int k = 0; k < v->slices(); ++k) {
            const QString error = v->sliceError(k);
            if (error.isEmpty()) {
                // A good slice: the water cylinder's centre is bone (1000 HU).
                QCOMPARE(v->valueAt(16, 16, k), 1000.0);
                continue;
            }
            ++failed;
            QVERIFY2(error.contains(QStringLiteral("middle-jpeg.dcm: ")) && error.contains(QStringLiteral("the codestream is 16 x 16 but the image is 32 x 32")),
                     qPrintable(error));
            for (size_t i = 0; i < v->sliceSamples(); ++i)
                QCOMPARE(v->sliceData(k)[i], quint16(0));
        }
        QCOMPARE(failed, 1);
    }
};

QTEST_GUILESS_MAIN(TestHostileSeries)
#include "tst_hostileseries.moc"
