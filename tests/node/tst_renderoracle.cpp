// `kilima-node render` (the viewer's loader and display pipeline) against
// dcmtk's dcm2pnm on real images: CT with rescale (file window and a given
// lung window), MR (a series' narrow first-slice window and a middle slice),
// MONOCHROME1 CR, an enhanced MR frame with its own per-frame window, a VOI
// LUT, a Modality LUT Sequence, and colour (YBR JPEG, JPEG 2000 ICT,
// palette). Every pixel within one grey level. JPEG 2000 goes through `gdcmconv --raw` first: dcmtk has no
// JPEG 2000 codec. Skips without ../shared/testdata/dicom.
#include "../support/peers.h"
#include "../support/testdata.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>

#include <QImage>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace kilima;

namespace {

const QString kNode = QStringLiteral(KILIMA_NODE_BIN);

QString sopUid(const QString &path)
{
    DcmFileFormat ff;
    if (ff.loadFile(path.toLocal8Bit().constData(), EXS_Unknown, EGL_noChange, 4096).bad())
        return {};
    OFString uid;
    ff.getDataset()->findAndGetOFString(DCM_SOPInstanceUID, uid);
    return QString::fromLatin1(uid.c_str());
}

// The tool that turns `path` into native pixel data for dcm2pnm (this
// Debian build of dcm2pnm has no JPEG, JPEG-LS or JPEG 2000 codec), or ""
// when it is native already.
QStringList decompressor(const QString &path)
{
    DcmFileFormat ff;
    if (ff.loadFile(path.toLocal8Bit().constData(), EXS_Unknown, EGL_noChange, 4096).bad())
        return {};
    switch (ff.getDataset()->getOriginalXfer()) {
    case EXS_JPEGProcess1:
    case EXS_JPEGProcess2_4:
    case EXS_JPEGProcess14:
    case EXS_JPEGProcess14SV1:
        return {QStringLiteral("dcmdjpeg")};   // YBR → RGB as dcmtk's viewer does
    case EXS_JPEGLSLossless:
    case EXS_JPEGLSLossy:
        return {QStringLiteral("dcmdjpls")};
    case EXS_RLELossless:
        return {QStringLiteral("dcmdrle")};
    case EXS_JPEG2000LosslessOnly:
    case EXS_JPEG2000:
        return {QStringLiteral("gdcmconv"), QStringLiteral("--raw")};
    default:
        return {};
    }
}

// dcm2pnm 3.6.7 reads neither the Frame VOI LUT nor the per-frame Pixel
// Value Transformation functional group: the frame's first window, read
// here from the file, is given to it instead, and a per-frame rescale
// (v = s·x + b) is folded into that window on stored values (-M), exactly:
// the PS3.3 C.11.2.1.2 function of v with (c, w) is the one of x with
// c' = (c - b - 0.5)/s + 0.5 and w' = (w - 1)/s + 1.
QStringList perFrameWindow(const QString &path, int frame)
{
    DcmFileFormat ff;
    if (ff.loadFile(path.toLocal8Bit().constData()).bad())
        return {};
    DcmItem *perFrame = nullptr, *voi = nullptr, *pvt = nullptr;
    Float64 c = 0, w = 0;
    if (ff.getDataset()->findAndGetSequenceItem(DCM_PerFrameFunctionalGroupsSequence, perFrame, frame - 1).bad() ||
        perFrame->findAndGetSequenceItem(DCM_FrameVOILUTSequence, voi).bad() ||
        voi->findAndGetFloat64(DCM_WindowCenter, c).bad() || voi->findAndGetFloat64(DCM_WindowWidth, w).bad())
        return {};
    Float64 slope = 1, intercept = 0;
    if (perFrame->findAndGetSequenceItem(DCM_PixelValueTransformationSequence, pvt).good()) {
        pvt->findAndGetFloat64(DCM_RescaleSlope, slope);
        pvt->findAndGetFloat64(DCM_RescaleIntercept, intercept);
    }
    if (slope == 1 && intercept == 0)
        return {QStringLiteral("+Ww"), QString::number(c, 'g', 12), QString::number(w, 'g', 12)};
    const double cs = (c - intercept - 0.5) / slope + 0.5, ws = (w - 1) / slope + 1;
    return {QStringLiteral("-M"), QStringLiteral("+Ww"), QString::number(cs, 'g', 12), QString::number(ws, 'g', 12)};
}

} // namespace

class TestRenderOracle : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_dataDir;

    struct Case {
        const char *name;
        const char *file;        // below ../shared/testdata/dicom
        int frame;
        const char *window;      // kilima-node --window, or "" for the file's VOI
        const char *dcmtkVoi;    // the same VOI in dcm2pnm's words; "per-frame": the frame's own window
        // Grey: one level (rounding of the window function). YBR_FULL that
        // Kilima converts with the PS3.3 equations: dcmtk's integer YBR → RGB
        // is up to two levels from them.
        int tolerance = 1;
    };
    static QList<Case> cases()
    {
        return {
            {"CT rescale, file window", "ct_invesalius_0051/1.3.12.2.1107.5.1.1.20706.20020604105251890.4.dcm", 1, "", "+Wi 1"},
            {"CT rescale, lung window", "ct_invesalius_0051/1.3.12.2.1107.5.1.1.20706.20020604105251890.4.dcm", 1, "-600,1500",
             "+Ww -600 1500"},
            {"CT signed, JPEG 2000 lossless", "robustness/wg04_nema_compression/J2KR/CT1_J2KR", 1, "40,400", "+Ww 40 400"},
            {"MR first slice, its own narrow window", "mr_fnndsc_sag_mprage/0001-1.3.12.2.1107.5.2.19.45152.2013030808110258929186035.dcm",
             1, "", "+Wi 1"},
            {"MR signed, file window", "robustness/wg04_nema_compression/REF/MR1_UNC", 1, "", "+Wi 1"},
            {"CR MONOCHROME1, file window", "robustness/wg04_nema_compression/REF/RG3_UNC", 1, "", "+Wi 1"},
            {"CR MONOCHROME1 JPEG lossless, given window", "robustness/wg04_nema_compression/JPLL/RG3_JPLL", 1, "700,1200",
             "+Ww 700 1200"},
            {"enhanced MR frame 4, per-frame window", "robustness/dcm_qa_enh/Siemens/XA10/6_2.dcm", 4, "", "per-frame"},
            {"enhanced MR frame 40, per-frame rescale and window", "robustness/dcm_qa_enh/Philips/IM_0027_fMAP.dcm", 40, "",
             "per-frame"},
            {"VOI LUT", "robustness/pydicom_extra/vlut_04.dcm", 1, "", "+Wl 1"},
            // Signed 12-bit samples through a 4096-entry Modality LUT (first
            // mapped -2048, SS descriptor) to 16-bit output; the window is on
            // the LUT's output, as dcm2pnm applies the Modality LUT by default.
            {"Modality LUT Sequence, given window", "robustness/pydicom_extra/mlut_18.dcm", 1, "30000,40000",
             "+Ww 30000 40000"},
            {"colour YBR_FULL_422 JPEG baseline frame 3", "robustness/dicomparser_encapsulation/encapsulated/multi-frame/"
                                                          "IM00001.fragmented_no_bot_jpeg_baseline.50.dcm", 3, "", ""},
            {"colour YBR_ICT JPEG 2000", "robustness/pydicom_extra/US1_J2KI.dcm", 1, "", ""},
            {"colour palette", "robustness/pydicom_extra/OBXXXX1A.dcm", 1, "", ""},
            {"colour YBR_FULL native", "robustness/pydicom_extra/SC_ybr_full_uncompressed.dcm", 1, "", "", 2},
        };
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (test::sharedTestData().isEmpty())
            QSKIP("../shared/testdata/dicom is absent: the display oracle uses real vendor images");
        if (QStandardPaths::findExecutable(QStringLiteral("dcm2pnm")).isEmpty() ||
            QStandardPaths::findExecutable(QStringLiteral("gdcmconv")).isEmpty())
            QSKIP("dcm2pnm (dcmtk) or gdcmconv (libgdcm-tools) is not installed");
        QVERIFY(m_dir.isValid());
        m_dataDir = m_dir.filePath(QStringLiteral("node"));
        QStringList files;
        for (const Case &c : cases()) {
            const QString f = test::sharedTestData() + QLatin1Char('/') + QLatin1String(c.file);
            if (!files.contains(f))
                files << f;
        }
        QString output;
        const int rc = test::runTool(kNode, QStringList{QStringLiteral("--data-dir"), m_dataDir, QStringLiteral("import")} + files,
                                     &output);
        QVERIFY2(rc == 0, qPrintable(output));
    }

    void render_ShouldMatchDcm2pnmWithinOneLevel_data()
    {
        QTest::addColumn<int>("index");
        for (int i = 0; i < cases().size(); ++i)
            QTest::newRow(cases()[i].name) << i;
    }

    void render_ShouldMatchDcm2pnmWithinOneLevel()
    {
        QFETCH(int, index);
        const Case c = cases()[index];
        const QString path = test::sharedTestData() + QLatin1Char('/') + QLatin1String(c.file);
        const QString uid = sopUid(path);
        QVERIFY(!uid.isEmpty());
        const QString ours = m_dir.filePath(QStringLiteral("kilima-%1.png").arg(index));
        const QString theirs = m_dir.filePath(QStringLiteral("dcmtk-%1.png").arg(index));

        QStringList args{QStringLiteral("--data-dir"), m_dataDir, QStringLiteral("render"), uid, QStringLiteral("--frame"),
                         QString::number(c.frame), QStringLiteral("--out"), ours};
        if (*c.window)
            args << QStringLiteral("--window=%1").arg(QLatin1String(c.window));
        QString output;
        QVERIFY2(test::runTool(kNode, args, &output) == 0, qPrintable(output));

        QString source = path;
        if (QStringList tool = decompressor(path); !tool.isEmpty()) {
            source = m_dir.filePath(QStringLiteral("native-%1.dcm").arg(index));
            const QString program = tool.takeFirst();
            QVERIFY2(test::runTool(program, tool + QStringList{path, source}, &output) == 0, qPrintable(output));
        }
        QStringList dcmtk{QStringLiteral("--write-png"), QStringLiteral("+F"), QString::number(c.frame)};
        if (QLatin1String(c.dcmtkVoi) == QLatin1String("per-frame")) {
            const QStringList window = perFrameWindow(path, c.frame);
            QVERIFY2(!window.isEmpty(), "no Frame VOI LUT window in the file");
            dcmtk += window;
        } else {
            dcmtk += QString::fromLatin1(c.dcmtkVoi).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        }
        dcmtk << source << theirs;
        QVERIFY2(test::runTool(QStringLiteral("dcm2pnm"), dcmtk, &output) == 0, qPrintable(output));

        QImage a(ours), b(theirs);
        QVERIFY(!a.isNull() && !b.isNull());
        QCOMPARE(a.size(), b.size());
        // dcm2pnm writes grey PNGs for grey images, RGB for colour; so must we.
        const bool colour = b.depth() > 8;
        QCOMPARE(a.depth() > 8, colour);
        a = a.convertToFormat(colour ? QImage::Format_RGB888 : QImage::Format_Grayscale8);
        b = b.convertToFormat(colour ? QImage::Format_RGB888 : QImage::Format_Grayscale8);
        const int bytesPerRow = a.width() * (colour ? 3 : 1);
        int worst = 0;
        qint64 off = 0;
        for (int y = 0; y < a.height(); ++y) {
            const uchar *p = a.constScanLine(y), *q = b.constScanLine(y);
            for (int x = 0; x < bytesPerRow; ++x) {
                const int d = std::abs(int(p[x]) - int(q[x]));
                worst = std::max(worst, d);
                off += d > 0;
            }
        }
        qInfo("%s: %dx%d %s, %lld of %lld samples differ, max difference %d", c.name, a.width(), a.height(),
              colour ? "RGB" : "grey", off, qint64(bytesPerRow) * a.height(), worst);
        QVERIFY2(worst <= c.tolerance, qPrintable(QStringLiteral("max difference %1 levels, tolerance %2").arg(worst).arg(c.tolerance)));
    }
};

QTEST_GUILESS_MAIN(TestRenderOracle)
#include "tst_renderoracle.moc"
