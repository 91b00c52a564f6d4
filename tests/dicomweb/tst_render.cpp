// Rendered frames (WADO-RS /rendered, thumbnails) of hostile stored objects:
// an RLE frame whose segment offset points past its fragment made DCMTK's
// frame decoder read out of bounds and took the node down (dcm2pnm --frame 5
// crashes on the same file); it must be a rendering error, and the intact
// object and the object's other frames must still render.
#include "render_p.h"
#include "testdata.h"

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcpxitem.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace kilima;

class TestRender : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rleFrameWithSegmentOffsetPastItsFragment_ShouldFailNotCrash()
    {
        const QString source = test::pydicomTestFiles() + QStringLiteral("/rtdose_rle.dcm");
        if (test::pydicomTestFiles().isEmpty() || !QFile::exists(source))
            QSKIP("python3-pydicom's rtdose_rle.dcm is absent");
        dicomweb::RenderOptions options;
        options.png = true;
        options.frame = 4; // frame 5
        auto intact = dicomweb::renderFile(source, options);
        QVERIFY2(intact.ok(), qPrintable(intact.error()));
        QVERIFY(intact.value().startsWith("\x89PNG"));

        DcmFileFormat ff;
        QVERIFY(ff.loadFile(OFFilename(QFile::encodeName(source).constData())).good());
        DcmElement *element = nullptr;
        QVERIFY(ff.getDataset()->findAndGetElement(DCM_PixelData, element).good());
        auto *pixels = static_cast<DcmPixelData *>(element);
        E_TransferSyntax xfer = EXS_Unknown;
        const DcmRepresentationParameter *param = nullptr;
        pixels->getCurrentRepresentationKey(xfer, param);
        DcmPixelSequence *sequence = nullptr;
        QVERIFY(pixels->getEncapsulatedRepresentation(xfer, param, sequence).good());
        DcmPixelItem *frame5 = nullptr;
        QVERIFY(sequence->getItem(frame5, 5).good());
        Uint8 *bytes = nullptr;
        QVERIFY(frame5->getUint8Array(bytes).good());
        bytes[16] = 0xdc, bytes[17] = 0x00, bytes[18] = 0xfe, bytes[19] = 0x00; // segment 4 at 0x00FE00DC
        QTemporaryDir dir;
        const QString hostile = dir.filePath(QStringLiteral("hostile.dcm"));
        QVERIFY(ff.saveFile(OFFilename(QFile::encodeName(hostile).constData()), EXS_RLELossless).good());

        auto rendered = dicomweb::renderFile(hostile, options);
        QVERIFY(!rendered.ok());
        QVERIFY2(rendered.error().contains(QLatin1String("frame 5: RLE segment 4 starts at byte 16646364")),
                 qPrintable(rendered.error()));
        // The intact frames of the same object still render.
        options.frame = 3;
        auto other = dicomweb::renderFile(hostile, options);
        QVERIFY2(other.ok(), qPrintable(other.error()));
        QVERIFY(other.value().startsWith("\x89PNG"));
    }
};

QTEST_GUILESS_MAIN(TestRender)
#include "tst_render.moc"
