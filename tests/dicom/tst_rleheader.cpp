// RLE header checks before single-frame decoding: every RLE object that
// dcmdrle (DCMTK's whole-object decoder, which checks) decodes passes; one
// whose segment offset points past its fragment, which dcmdrle refuses and
// DCMTK's frame decoder reads out of bounds on (found by fuzz/pixel_decode),
// is refused with the frame and segment named.
#include "testdata.h"

#include <kilima/dicom/rleheader.h>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcpxitem.h>
#include <dcmtk/dcmdata/dcxfer.h>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace kilima;

namespace {

QByteArray header(const QList<quint32> &words, int size)
{
    QByteArray b(size, '\0');
    for (int i = 0; i < words.size(); ++i) {
        const quint32 w = words.at(i);
        for (int k = 0; k < 4; ++k)
            b[4 * i + k] = char((w >> (8 * k)) & 0xff);
    }
    return b;
}

core::Status check(const QByteArray &b)
{
    return dicom::checkRleFragment(reinterpret_cast<const uint8_t *>(b.constData()), size_t(b.size()));
}

// dcmdrle, DCMTK's own decoder of whole RLE objects, as the oracle.
bool dcmdrleDecodes(const QString &path, QString *output)
{
    QTemporaryDir dir;
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("dcmdrle"), {path, dir.filePath(QStringLiteral("out.dcm"))});
    if (!p.waitForFinished(60000))
        return false;
    *output = QString::fromLocal8Bit(p.readAll());
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

QStringList rleFiles()
{
    QStringList out;
    QStringList candidates;
    if (!test::pydicomTestFiles().isEmpty())
        candidates += test::filesBelow(test::pydicomTestFiles());
    if (!test::sharedTestData().isEmpty())
        candidates += test::filesBelow(test::sharedTestData());
    for (const QString &path : candidates) {
        if (!path.endsWith(QLatin1String(".dcm")))
            continue;
        DcmFileFormat ff;
        if (ff.loadFile(OFFilename(QFile::encodeName(path).constData()), EXS_Unknown, EGL_noChange, 256).bad())
            continue;
        OFString ts;
        if (ff.getMetaInfo()->findAndGetOFString(DCM_TransferSyntaxUID, ts).good() && ts == "1.2.840.10008.1.2.5")
            out << path;
    }
    return out;
}

} // namespace

class TestRleHeader : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void badHeaders_ShouldBeRefusedWithTheReason_data()
    {
        QTest::addColumn<QByteArray>("fragment");
        QTest::addColumn<QString>("reason");
        QTest::newRow("shorter than the header") << header({1, 64}, 40) << QStringLiteral("shorter than its 64-byte header");
        QTest::newRow("no segments") << header({0}, 80) << QStringLiteral("declares 0 segments");
        QTest::newRow("16 segments") << header({16, 64}, 200) << QStringLiteral("declares 16 segments");
        QTest::newRow("first segment not at 64") << header({1, 68}, 80) << QStringLiteral("segment 1 starts at byte 68");
        QTest::newRow("segment past the end") << header({2, 64, 0x00fe00dc}, 224)
                                              << QStringLiteral("segment 2 starts at byte 16646364, outside the 224-byte fragment");
        QTest::newRow("offsets going back") << header({3, 64, 100, 90}, 224) << QStringLiteral("segment 3 starts at byte 90");
    }

    void badHeaders_ShouldBeRefusedWithTheReason()
    {
        QFETCH(QByteArray, fragment);
        QFETCH(QString, reason);
        const core::Status status = check(fragment);
        QVERIFY(!status.ok());
        QVERIFY2(status.error().contains(reason), qPrintable(status.error()));
    }

    void wellFormedHeaders_ShouldPass()
    {
        QVERIFY(check(header({1, 64}, 65)).ok());
        QVERIFY(check(header({3, 64, 64 + 100, 64 + 200}, 400)).ok());
    }

    void everyRleFileDcmtkDecodes_ShouldPass()
    {
        const QStringList files = rleFiles();
        if (files.isEmpty())
            QSKIP("no RLE files (python3-pydicom and the shared data are absent)");
        int checked = 0;
        for (const QString &path : files) {
            QString output;
            if (!dcmdrleDecodes(path, &output))
                continue; // the oracle itself refuses it: nothing to compare
            DcmFileFormat ff;
            QVERIFY(ff.loadFile(OFFilename(QFile::encodeName(path).constData())).good());
            const core::Status status = dicom::checkRlePixelData(*ff.getDataset());
            QVERIFY2(status.ok(), qPrintable(path + QStringLiteral(": ") + status.error()));
            ++checked;
        }
        QVERIFY2(checked >= 5, qPrintable(QString::number(checked)));
    }

    // pydicom's rtdose_rle.dcm with frame 5's fourth segment offset moved
    // past the fragment: dcm2pnm --frame 5 crashes on it.
    void segmentOffsetPastTheFragment_ShouldBeRefusedLikeDcmdrleDoes()
    {
        const QString source = test::pydicomTestFiles() + QStringLiteral("/rtdose_rle.dcm");
        if (test::pydicomTestFiles().isEmpty() || !QFile::exists(source))
            QSKIP("python3-pydicom's rtdose_rle.dcm is absent");
        DcmFileFormat ff;
        QVERIFY(ff.loadFile(OFFilename(QFile::encodeName(source).constData())).good());
        DcmDataset &ds = *ff.getDataset();
        QVERIFY(dicom::checkRlePixelData(ds).ok());

        DcmPixelData *pixels = nullptr;
        QVERIFY(ds.findAndGetElement(DCM_PixelData, reinterpret_cast<DcmElement *&>(pixels)).good());
        E_TransferSyntax xfer = EXS_Unknown;
        const DcmRepresentationParameter *param = nullptr;
        pixels->getCurrentRepresentationKey(xfer, param);
        DcmPixelSequence *sequence = nullptr;
        QVERIFY(pixels->getEncapsulatedRepresentation(xfer, param, sequence).good());
        DcmPixelItem *frame5 = nullptr;
        QVERIFY(sequence->getItem(frame5, 5).good());
        Uint8 *bytes = nullptr;
        QVERIFY(frame5->getUint8Array(bytes).good());
        QCOMPARE(int(bytes[0]), 4); // four segments (32-bit samples)
        bytes[16] = 0xdc, bytes[17] = 0x00, bytes[18] = 0xfe, bytes[19] = 0x00;

        const core::Status status = dicom::checkRlePixelData(ds);
        QVERIFY(!status.ok());
        QVERIFY2(status.error().contains(QLatin1String("RLE frame 5: RLE segment 4 starts at byte 16646364")),
                 qPrintable(status.error()));

        QTemporaryDir dir;
        const QString hostile = dir.filePath(QStringLiteral("hostile.dcm"));
        QVERIFY(ff.saveFile(OFFilename(QFile::encodeName(hostile).constData()), EXS_RLELossless).good());
        QString output;
        QVERIFY2(!dcmdrleDecodes(hostile, &output), qPrintable(output));
        QVERIFY2(output.contains(QLatin1String("stream size in RLE header is wrong")), qPrintable(output));
    }
};

QTEST_GUILESS_MAIN(TestRleHeader)
#include "tst_rleheader.moc"
