// Pixel decoding: every transfer syntax against its uncompressed twin, the
// CT phantom to Hounsfield units, multi-frame counts, and bad input that must
// fail with a reason instead of crashing. Cases that need ../shared/testdata
// skip where it is absent; the generated and pydicom cases always run.
#include "phantom.h"
#include "testdata.h"

#include <kilima/dicom/dicomfile.h>
#include <kilima/dicom/pixeldata.h>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcpxitem.h>
#include <dcmtk/dcmdata/dcrleerg.h>
#include <dcmtk/dcmdata/dcsequen.h>

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace kilima;

Q_DECLARE_METATYPE(dicom::DecodedPixels)

namespace {

enum class Match { Exact, NearLossless, Lossy };

struct Comparison {
    qint64 samples = 0;
    qint64 maxAbs = 0;
    double meanAbs = 0;
    double psnr = 0; // against the reference's value range
    QString mismatch; // set when the two cannot be compared at all
};

qint64 sampleValue(const dicom::DecodedPixels &p, qint64 k)
{
    const char *d = p.data.constData();
    switch ((p.info.bitsAllocated + 7) / 8) {
    case 1:
        return p.info.isSigned ? qint64(qint8(d[k])) : qint64(quint8(d[k]));
    case 2: {
        quint16 v;
        memcpy(&v, d + 2 * k, 2);
        return p.info.isSigned ? qint64(qint16(v)) : qint64(v);
    }
    default: {
        quint32 v;
        memcpy(&v, d + 4 * k, 4);
        return p.info.isSigned ? qint64(qint32(v)) : qint64(v);
    }
    }
}

Comparison compare(const dicom::DecodedPixels &a, const dicom::DecodedPixels &ref)
{
    Comparison c;
    const auto &ia = a.info, &ir = ref.info;
    if (ia.rows != ir.rows || ia.columns != ir.columns || ia.frames != ir.frames || ia.samplesPerPixel != ir.samplesPerPixel) {
        c.mismatch = QStringLiteral("geometry %1x%2x%3 s%4 vs reference %5x%6x%7 s%8")
                         .arg(ia.columns).arg(ia.rows).arg(ia.frames).arg(ia.samplesPerPixel)
                         .arg(ir.columns).arg(ir.rows).arg(ir.frames).arg(ir.samplesPerPixel);
        return c;
    }
    if (ia.photometric != ir.photometric) {
        c.mismatch = QStringLiteral("photometric %1 vs reference %2").arg(ia.photometric, ir.photometric);
        return c;
    }
    c.samples = qint64(ia.rows) * ia.columns * ia.samplesPerPixel * ia.frames;
    if (a.data.size() < c.samples * ((ia.bitsAllocated + 7) / 8) || ref.data.size() < c.samples * ((ir.bitsAllocated + 7) / 8)) {
        c.mismatch = QStringLiteral("decoded data is shorter than the geometry says");
        return c;
    }
    qint64 lo = std::numeric_limits<qint64>::max(), hi = std::numeric_limits<qint64>::min();
    double sumAbs = 0, sumSq = 0;
    for (qint64 k = 0; k < c.samples; ++k) {
        const qint64 r = sampleValue(ref, k), d = std::llabs(sampleValue(a, k) - r);
        lo = std::min(lo, r);
        hi = std::max(hi, r);
        c.maxAbs = std::max(c.maxAbs, d);
        sumAbs += double(d);
        sumSq += double(d) * double(d);
    }
    c.meanAbs = sumAbs / double(c.samples);
    const double mse = sumSq / double(c.samples), range = double(std::max<qint64>(hi - lo, 1));
    c.psnr = mse == 0 ? 999.0 : 10.0 * std::log10(range * range / mse);
    return c;
}

// JPEG-LS near-lossless bound: NEAR from the first scan header (SOS) of
// frame 1, so the test holds the codec to exactly what the encoder promised.
int jpegLsNear(DcmDataset &ds)
{
    DcmElement *e = nullptr;
    if (ds.findAndGetElement(DCM_PixelData, e).bad())
        return -1;
    auto *pixel = static_cast<DcmPixelData *>(e);
    E_TransferSyntax xfer;
    const DcmRepresentationParameter *param = nullptr;
    pixel->getCurrentRepresentationKey(xfer, param);
    DcmPixelSequence *seq = nullptr;
    DcmPixelItem *item = nullptr;
    Uint8 *d = nullptr;
    if (pixel->getEncapsulatedRepresentation(xfer, param, seq).bad() || seq->getItem(item, 1).bad()
        || item->getUint8Array(d).bad())
        return -1;
    const Uint32 n = item->getLength();
    for (Uint32 k = 0; k + 4 < n; ++k) {
        if (d[k] == 0xFF && d[k + 1] == 0xDA) {
            const int components = d[k + 4];
            const Uint32 nearAt = k + 5 + 2 * Uint32(components);
            return nearAt < n ? d[nearAt] : -1;
        }
    }
    return -1;
}

struct Pair {
    QString name;
    QString file;
    QString reference;
    Match match;
    double minPsnr = 0; // lossy only
};

} // namespace

class TestPixelData : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_shared;
    QString m_pydicom;

    static dicom::DecodedPixels decodeOrFail(const QString &path, QString *error)
    {
        auto file = dicom::DicomFile::load(path);
        if (!file) {
            *error = file.error();
            return {};
        }
        auto px = dicom::decodePixels(file.value().dataset());
        if (!px) {
            *error = px.error();
            return {};
        }
        return px.take();
    }

    void addPairRows(const QList<Pair> &pairs)
    {
        for (const Pair &p : pairs)
            if (QFileInfo::exists(p.file) && QFileInfo::exists(p.reference))
                QTest::newRow(qPrintable(p.name)) << p.file << p.reference << int(p.match) << p.minPsnr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_shared = test::sharedTestData();
        m_pydicom = test::pydicomTestFiles();
    }

    void ctPhantom_ShouldDecodeToExpectedHounsfieldUnits()
    {
        test::CtPhantom p;
        p.slices = 1;
        const QStringList files = test::writeCtPhantom(m_dir.filePath(QStringLiteral("ct")), p);
        auto file = dicom::DicomFile::load(files.first());
        QVERIFY2(file.ok(), qPrintable(file.error()));
        auto px = dicom::decodePixels(file.value().dataset());
        QVERIFY2(px.ok(), qPrintable(px.error()));
        QCOMPARE(px.value().info.frames, 1);
        QCOMPARE(px.value().data.size(), p.rows * p.columns * 2);
        auto hu = dicom::modalityValues(file.value().dataset(), px.value().data, px.value().info);
        QVERIFY2(hu.ok(), qPrintable(hu.error()));
        for (int y = 0; y < p.rows; ++y)
            for (int x = 0; x < p.columns; ++x)
                QCOMPARE(hu.value()[size_t(y * p.columns + x)], double(test::CtPhantom::expectedHu(y, x, p.rows, p.columns)));
    }

    void generatedEncodings_ShouldDecodeToTheSamePixels_data()
    {
        QTest::addColumn<int>("xfer");
        QTest::newRow("implicit little endian") << int(EXS_LittleEndianImplicit);
        QTest::newRow("explicit big endian") << int(EXS_BigEndianExplicit);
        QTest::newRow("deflated") << int(EXS_DeflatedLittleEndianExplicit);
        QTest::newRow("RLE") << int(EXS_RLELossless);
    }

    void generatedEncodings_ShouldDecodeToTheSamePixels()
    {
        QFETCH(int, xfer);
        test::CtPhantom p;
        p.slices = 1;
        const QString dir = m_dir.filePath(QStringLiteral("enc%1").arg(xfer));
        const QString native = test::writeCtPhantom(dir, p).first();
        DcmFileFormat ff;
        QVERIFY(ff.loadFile(native.toLocal8Bit().constData()).good());
        DcmRLEEncoderRegistration::registerCodecs();
        QVERIFY(ff.getDataset()->chooseRepresentation(E_TransferSyntax(xfer), nullptr).good());
        const QString encoded = dir + QStringLiteral("/encoded.dcm");
        QVERIFY(ff.saveFile(encoded.toLocal8Bit().constData(), E_TransferSyntax(xfer)).good());

        QString error;
        const auto a = decodeOrFail(encoded, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const auto ref = decodeOrFail(native, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const Comparison c = compare(a, ref);
        QVERIFY2(c.mismatch.isEmpty(), qPrintable(c.mismatch));
        QCOMPARE(c.maxAbs, 0);
    }

    void colourLayouts_ShouldComeOutInterleaved()
    {
        // Two 2x1 RGB images, one colour by plane and one by pixel, same colours.
        auto make = [](int planar) {
            auto ds = std::make_unique<DcmDataset>();
            ds->putAndInsertUint16(DCM_SamplesPerPixel, 3);
            ds->putAndInsertString(DCM_PhotometricInterpretation, "RGB");
            ds->putAndInsertUint16(DCM_PlanarConfiguration, Uint16(planar));
            ds->putAndInsertUint16(DCM_Rows, 1);
            ds->putAndInsertUint16(DCM_Columns, 2);
            ds->putAndInsertUint16(DCM_BitsAllocated, 8);
            ds->putAndInsertUint16(DCM_BitsStored, 8);
            ds->putAndInsertUint16(DCM_HighBit, 7);
            ds->putAndInsertUint16(DCM_PixelRepresentation, 0);
            const Uint8 byPixel[] = {10, 20, 30, 40, 50, 60};
            const Uint8 byPlane[] = {10, 40, 20, 50, 30, 60};
            ds->putAndInsertUint8Array(DCM_PixelData, planar ? byPlane : byPixel, 6);
            return ds;
        };
        const QByteArray expected("\x0a\x14\x1e\x28\x32\x3c", 6);
        for (int planar : {0, 1}) {
            auto ds = make(planar);
            auto px = dicom::decodePixels(*ds);
            QVERIFY2(px.ok(), qPrintable(px.error()));
            QCOMPARE(px.value().data, expected);
            QCOMPARE(px.value().info.planarConfiguration, 0);
        }
    }

    void modalityLutSequence_ShouldMapStoredValues()
    {
        DcmDataset ds;
        ds.putAndInsertUint16(DCM_Rows, 1);
        ds.putAndInsertUint16(DCM_Columns, 4);
        DcmItem *lut = nullptr;
        QVERIFY(ds.findOrCreateSequenceItem(DCM_ModalityLUTSequence, lut, 0).good());
        lut->putAndInsertUint16Array(DCM_LUTDescriptor, std::array<Uint16, 3>{3, 5, 16}.data(), 3);
        lut->putAndInsertUint16Array(DCM_LUTData, std::array<Uint16, 3>{100, 200, 300}.data(), 3);
        dicom::PixelInfo info;
        info.rows = 1;
        info.columns = 4;
        info.bitsAllocated = info.bitsStored = 16;
        const quint16 stored[] = {4, 5, 6, 9}; // below, at, inside and beyond the mapped range
        const auto values = dicom::modalityValues(ds, QByteArray(reinterpret_cast<const char *>(stored), 8), info);
        QVERIFY2(values.ok(), qPrintable(values.error()));
        QCOMPARE(values.value(), (std::vector<double>{100, 100, 200, 300}));
    }

    void realModalityLut_ShouldMapIntoTheLutRange()
    {
        if (m_shared.isEmpty())
            QSKIP("../shared/testdata is absent");
        auto f = dicom::DicomFile::load(m_shared + QStringLiteral("/robustness/pydicom_extra/mlut_18.dcm"));
        QVERIFY2(f.ok(), qPrintable(f.error()));
        auto px = dicom::decodePixels(f.value().dataset());
        QVERIFY2(px.ok(), qPrintable(px.error()));
        auto values = dicom::modalityValues(f.value().dataset(), px.value().data, px.value().info);
        QVERIFY2(values.ok(), qPrintable(values.error()));
        DcmItem *lut = nullptr;
        QVERIFY(f.value().dataset().findAndGetSequenceItem(DCM_ModalityLUTSequence, lut, 0).good());
        const Uint16 *data = nullptr;
        unsigned long n = 0;
        QVERIFY(lut->findAndGetUint16Array(DCM_LUTData, data, &n).good() && n > 0);
        const auto [lo, hi] = std::minmax_element(data, data + n);
        const auto [vlo, vhi] = std::minmax_element(values.value().begin(), values.value().end());
        QVERIFY(*vlo >= *lo && *vhi <= *hi);
        QVERIFY(*vhi > *vlo); // not collapsed to one entry
    }

    void signedRescale_ShouldGiveNegativeValues()
    {
        DcmDataset ds;
        ds.putAndInsertString(DCM_RescaleSlope, "2");
        ds.putAndInsertString(DCM_RescaleIntercept, "-10");
        dicom::PixelInfo info;
        info.rows = 1;
        info.columns = 2;
        info.bitsAllocated = info.bitsStored = 16;
        info.isSigned = true;
        const qint16 stored[] = {-3, 7};
        const auto values = dicom::modalityValues(ds, QByteArray(reinterpret_cast<const char *>(stored), 4), info);
        QVERIFY2(values.ok(), qPrintable(values.error()));
        QCOMPARE(values.value(), (std::vector<double>{-16, 4}));
    }

    void shortNativePixelData_ShouldFailWithLengths()
    {
        DcmDataset ds;
        ds.putAndInsertUint16(DCM_Rows, 512);
        ds.putAndInsertUint16(DCM_Columns, 512);
        ds.putAndInsertUint16(DCM_BitsAllocated, 16);
        ds.putAndInsertString(DCM_PhotometricInterpretation, "MONOCHROME2");
        std::vector<Uint16> few(512);
        ds.putAndInsertUint16Array(DCM_PixelData, few.data(), 512);
        const auto px = dicom::decodePixels(ds);
        QVERIFY(!px.ok());
        QVERIFY2(px.error().contains(QLatin1String("pixel data length 1024 is shorter than")), qPrintable(px.error()));
        QVERIFY2(px.error().contains(QLatin1String("524288")), qPrintable(px.error()));
    }

    void missingPixelModule_ShouldFailWithTagName()
    {
        DcmDataset ds;
        ds.putAndInsertUint16(DCM_Columns, 4);
        const auto px = dicom::decodePixels(ds);
        QVERIFY(!px.ok());
        QVERIFY2(px.error().contains(QLatin1String("Rows")), qPrintable(px.error()));
    }

    void singleBitPixels_ShouldUnpackAcrossFrames()
    {
        // 3 frames of 1x3, bits run on across frames (LSB first): frame 1 = 1,0,1 / 0,1,1 / 1,1,0
        DcmDataset ds;
        ds.putAndInsertUint16(DCM_Rows, 1);
        ds.putAndInsertUint16(DCM_Columns, 3);
        ds.putAndInsertString(DCM_NumberOfFrames, "3");
        ds.putAndInsertUint16(DCM_BitsAllocated, 1);
        ds.putAndInsertUint16(DCM_BitsStored, 1);
        ds.putAndInsertUint16(DCM_HighBit, 0);
        ds.putAndInsertString(DCM_PhotometricInterpretation, "MONOCHROME2");
        const Uint8 bits[] = {0b11110101, 0b00000000};
        ds.putAndInsertUint8Array(DCM_PixelData, bits, 2);
        const auto px = dicom::decodePixels(ds);
        QVERIFY2(px.ok(), qPrintable(px.error()));
        QCOMPARE(px.value().info.bitsAllocated, 8);
        QCOMPARE(px.value().data, QByteArray("\1\0\1\0\1\1\1\1\0", 9));
        const auto frame2 = dicom::decodeFrame(ds, 2);
        QVERIFY2(frame2.ok(), qPrintable(frame2.error()));
        QCOMPARE(frame2.value(), QByteArray("\1\1\0", 3));
        QVERIFY(!dicom::decodeFrame(ds, 3).ok());
    }

    void compressedFile_ShouldMatchUncompressedTwin_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("reference");
        QTest::addColumn<int>("match");
        QTest::addColumn<double>("minPsnr");
        const QString p = m_pydicom + QLatin1Char('/');
        QList<Pair> pairs;
        if (!m_pydicom.isEmpty()) {
            for (const char *v : {"RLE", "jp2klossless", "jpeg_ls_lossless", "bigendian", "implicit", "expb"})
                pairs << Pair{QStringLiteral("pydicom MR_small_%1").arg(QLatin1String(v)),
                              p + QStringLiteral("MR_small_%1.dcm").arg(QLatin1String(v)), p + QStringLiteral("MR_small.dcm"), Match::Exact};
            pairs << Pair{QStringLiteral("pydicom rtdose_rle"), p + QStringLiteral("rtdose_rle.dcm"), p + QStringLiteral("rtdose.dcm"), Match::Exact}
                  << Pair{QStringLiteral("pydicom rtdose_expb"), p + QStringLiteral("rtdose_expb.dcm"), p + QStringLiteral("rtdose.dcm"), Match::Exact}
                  << Pair{QStringLiteral("pydicom rtdose_rle_1frame"), p + QStringLiteral("rtdose_rle_1frame.dcm"), p + QStringLiteral("rtdose_1frame.dcm"), Match::Exact}
                  << Pair{QStringLiteral("pydicom liver_expb_1frame"), p + QStringLiteral("liver_expb_1frame.dcm"), p + QStringLiteral("liver_1frame.dcm"), Match::Exact}
                  << Pair{QStringLiteral("pydicom color-pl vs color-px"), p + QStringLiteral("color-pl.dcm"), p + QStringLiteral("color-px.dcm"), Match::Exact};
        }
        if (!m_shared.isEmpty()) {
            const QString w = m_shared + QStringLiteral("/robustness/wg04_nema_compression/");
            const QString x = m_shared + QStringLiteral("/robustness/pydicom_extra/");
            const QString e = m_shared + QStringLiteral("/robustness/dicomparser_encapsulation/");
            const QString mf = e + QStringLiteral("encapsulated/multi-frame/");
            const QString sf = e + QStringLiteral("encapsulated/single-frame/");
            // Lossy floors, measured with margin (see the report in the commit):
            // they catch a wrong decode (byte order, colour space, planar
            // layout give < 20 dB) while allowing each codec's designed loss.
            const QMap<QString, std::pair<Match, double>> wg04 = {
                {QStringLiteral("J2KR"), {Match::Exact, 0}}, {QStringLiteral("JLSL"), {Match::Exact, 0}},
                {QStringLiteral("JPLL"), {Match::Exact, 0}}, {QStringLiteral("RLE"), {Match::Exact, 0}},
                {QStringLiteral("JLSN"), {Match::NearLossless, 0}}, {QStringLiteral("J2KI"), {Match::Lossy, 30}},
                {QStringLiteral("JPLY"), {Match::Lossy, 30}}};
            for (auto it = wg04.begin(); it != wg04.end(); ++it)
                for (const QString &f : QDir(w + it.key()).entryList(QDir::Files, QDir::Name)) {
                    const QString stem = f.section(QLatin1Char('_'), 0, 0);
                    pairs << Pair{QStringLiteral("WG04 %1").arg(f), w + it.key() + QLatin1Char('/') + f,
                                  w + QStringLiteral("REF/%1_UNC").arg(stem), it.value().first, it.value().second};
                }
            for (int k = 2; k <= 9; ++k)
                pairs << Pair{QStringLiteral("dcm_qa_ts %1.dcm").arg(k), m_shared + QStringLiteral("/robustness/dcm_qa_ts/%1.dcm").arg(k),
                              m_shared + QStringLiteral("/robustness/dcm_qa_ts/1.dcm"), Match::Exact};
            for (const char *v : {"RLE", "big_endian", "jpeg_2k_lossless", "jpeg_ls_lossless"})
                pairs << Pair{QStringLiteral("emri_small_%1").arg(QLatin1String(v)), x + QStringLiteral("emri_small_%1.dcm").arg(QLatin1String(v)),
                              x + QStringLiteral("emri_small.dcm"), Match::Exact};
            // *_UNCI files are another decoder's output of the lossy stream,
            // so even the lossy J2K must match them exactly (US1_UNCI is the
            // original instead, hence the PSNR floor there).
            pairs << Pair{QStringLiteral("MR2_J2KR"), x + QStringLiteral("MR2_J2KR.dcm"), x + QStringLiteral("MR2_UNCR.dcm"), Match::Exact}
                  << Pair{QStringLiteral("MR2_J2KI"), x + QStringLiteral("MR2_J2KI.dcm"), x + QStringLiteral("MR2_UNCI.dcm"), Match::Exact}
                  << Pair{QStringLiteral("US1_J2KR"), x + QStringLiteral("US1_J2KR.dcm"), x + QStringLiteral("US1_UNCR.dcm"), Match::Exact}
                  << Pair{QStringLiteral("US1_J2KI"), x + QStringLiteral("US1_J2KI.dcm"), x + QStringLiteral("US1_UNCI.dcm"), Match::Lossy, 30}
                  << Pair{QStringLiteral("693_J2KR"), x + QStringLiteral("693_J2KR.dcm"), x + QStringLiteral("693_UNCR.dcm"), Match::Exact}
                  << Pair{QStringLiteral("693_J2KI"), p + QStringLiteral("693_J2KI.dcm"), x + QStringLiteral("693_UNCI.dcm"), Match::Exact}
                  << Pair{QStringLiteral("RG3_J2KR"), x + QStringLiteral("RG3_J2KR.dcm"), w + QStringLiteral("REF/RG3_UNC"), Match::Exact}
                  << Pair{QStringLiteral("JPEG-LL (NM1)"), x + QStringLiteral("JPEG-LL.dcm"), w + QStringLiteral("REF/NM1_UNC"), Match::Exact}
                  << Pair{QStringLiteral("pydicom JPEG2000 (NM1 lossy)"), p + QStringLiteral("JPEG2000.dcm"), x + QStringLiteral("JPEG2000_UNC.dcm"), Match::Exact}
                  << Pair{QStringLiteral("pydicom JPGExtended (NM1 12-bit lossy)"), p + QStringLiteral("JPGExtended.dcm"), w + QStringLiteral("REF/NM1_UNC"), Match::Lossy, 30}
                  << Pair{QStringLiteral("liver_expb"), x + QStringLiteral("liver_expb.dcm"), x + QStringLiteral("liver.dcm"), Match::Exact}
                  << Pair{QStringLiteral("gdcm-US-ALOKA-16_big"), x + QStringLiteral("gdcm-US-ALOKA-16_big.dcm"), x + QStringLiteral("gdcm-US-ALOKA-16.dcm"), Match::Exact};
            // OBXXXX1A_expb is left out: pydicom "corrected" its 8-bit OW big
            // endian pixel data to unswapped bytes, while PS3.5 (and DCMTK)
            // swap bytes within each 16-bit OW word.
            for (const char *v : {"", "_2frame"}) {
                const QString s = QLatin1String(v);
                pairs << Pair{QStringLiteral("OBXXXX1A_rle%1").arg(s), x + QStringLiteral("OBXXXX1A_rle%1.dcm").arg(s), x + QStringLiteral("OBXXXX1A%1.dcm").arg(s), Match::Exact};
                for (const char *b : {"", "_16bit", "_32bit"}) {
                    const QString suffix = QLatin1String(b) + s;
                    pairs << Pair{QStringLiteral("SC_rgb_expb%1").arg(suffix), x + QStringLiteral("SC_rgb_expb%1.dcm").arg(suffix),
                                  x + QStringLiteral("SC_rgb%1.dcm").arg(suffix), Match::Exact}
                          << Pair{QStringLiteral("SC_rgb_rle%1").arg(suffix), p + QStringLiteral("SC_rgb_rle%1.dcm").arg(suffix),
                                  x + QStringLiteral("SC_rgb%1.dcm").arg(suffix), Match::Exact};
                }
            }
            // DCMTK-decompressed twins of pydicom's DCMTK JPEG files: same
            // library, so the pixels must be identical.
            for (const char *v : {"cr", "cy+n1", "cy+n2", "cy+np", "cy+s2", "cy+s4"}) {
                QString twin = QLatin1String(v);
                twin.remove(QLatin1Char('+'));
                pairs << Pair{QStringLiteral("SC_rgb_dcmtk_+eb+%1").arg(QLatin1String(v)), p + QStringLiteral("SC_rgb_dcmtk_+eb+%1.dcm").arg(QLatin1String(v)),
                              x + QStringLiteral("SC_rgb_dcmtk_eb%1_dcmd.dcm").arg(twin), Match::Exact};
            }
            pairs << Pair{QStringLiteral("SC_rgb_jpeg_dcmtk vs SC_rgb"), p + QStringLiteral("SC_rgb_jpeg_dcmtk.dcm"), x + QStringLiteral("SC_rgb.dcm"), Match::Lossy, 25}
                  << Pair{QStringLiteral("CT1 explicit big endian"), e + QStringLiteral("CT1_UNC.explicit_big_endian.dcm"), e + QStringLiteral("CT1_UNC.explicit_little_endian.dcm"), Match::Exact}
                  << Pair{QStringLiteral("CT1 implicit"), e + QStringLiteral("CT1_UNC.implicit_little_endian.dcm"), e + QStringLiteral("CT1_UNC.explicit_little_endian.dcm"), Match::Exact};
            for (const QString &f : QDir(sf).entryList({QStringLiteral("*jpeg_ls*")}, QDir::Files, QDir::Name))
                pairs << Pair{QStringLiteral("CT1 %1").arg(f), sf + f, sf + QStringLiteral("CT1_UNC.explicit_little_endian.dcm"), Match::Exact};
            for (const QString &f : QDir(mf).entryList({QStringLiteral("CT0012.*")}, QDir::Files, QDir::Name)) {
                // The .51 file's stored values sit 1023 above its twin's with the
                // same rescale (dcmdjpeg gives the same): a data defect, not a codec one.
                if (f.contains(QLatin1String("explicit_little")) || f.endsWith(QLatin1String(".51.dcm")))
                    continue;
                const Match m = f.endsWith(QLatin1String(".81.dcm")) ? Match::NearLossless : Match::Exact;
                pairs << Pair{QStringLiteral("CT0012 %1").arg(f), mf + f, mf + QStringLiteral("CT0012.explicit_little_endian.dcm"), m};
            }
            pairs << Pair{QStringLiteral("US cine JPEG baseline YBR"), mf + QStringLiteral("IM00001.fragmented_no_bot_jpeg_baseline.50.dcm"),
                          mf + QStringLiteral("IM00001.implicit_little_endian.dcm"), Match::Lossy, 25};
        }
        addPairRows(pairs);
        if (m_pydicom.isEmpty() && m_shared.isEmpty())
            QTest::newRow("no data") << QString() << QString() << 0 << 0.0;
    }

    void compressedFile_ShouldMatchUncompressedTwin()
    {
        QFETCH(QString, file);
        QFETCH(QString, reference);
        QFETCH(int, match);
        QFETCH(double, minPsnr);
        if (file.isEmpty())
            QSKIP("neither pydicom's files nor ../shared/testdata are present");
        QString error;
        auto decoded = decodeOrFail(file, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        auto ref = decodeOrFail(reference, &error);
        QVERIFY2(error.isEmpty(), qPrintable(QStringLiteral("reference: ") + error));
        // Lossy YBR originals are compared in RGB, as a viewer shows them.
        if (Match(match) == Match::Lossy) {
            dicom::ybrFullToRgb(decoded);
            dicom::ybrFullToRgb(ref);
        }
        const Comparison c = compare(decoded, ref);
        QVERIFY2(c.mismatch.isEmpty(), qPrintable(c.mismatch));
        const QString stats = QStringLiteral("%1 samples, max |diff| %2, mean |diff| %3, PSNR %4 dB")
                                  .arg(c.samples).arg(c.maxAbs).arg(c.meanAbs, 0, 'f', 3).arg(c.psnr, 0, 'f', 1);
        if (qEnvironmentVariableIsSet("KILIMA_PIXEL_STATS"))
            qInfo("%s: %s", QTest::currentDataTag(), qPrintable(stats));
        switch (Match(match)) {
        case Match::Exact:
            QVERIFY2(c.maxAbs == 0, qPrintable(stats));
            break;
        case Match::NearLossless: {
            auto f = dicom::DicomFile::load(file);
            QVERIFY(f.ok());
            const int nearValue = jpegLsNear(f.value().dataset());
            QVERIFY2(nearValue >= 0, "no JPEG-LS scan header found");
            QVERIFY2(c.maxAbs <= nearValue, qPrintable(stats + QStringLiteral(", NEAR %1").arg(nearValue)));
            break;
        }
        case Match::Lossy:
            QVERIFY2(c.psnr >= minPsnr, qPrintable(stats + QStringLiteral(", floor %1 dB").arg(minPsnr)));
            break;
        }
    }

    void multiFrame_ShouldCountAndSliceFrames_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("frames");
        const QString s = m_shared + QStringLiteral("/robustness/");
        if (!m_pydicom.isEmpty()) {
            QTest::newRow("pydicom rtdose 15 frames") << m_pydicom + QStringLiteral("/rtdose.dcm") << 15;
            QTest::newRow("pydicom SC_rgb_rle_2frame") << m_pydicom + QStringLiteral("/SC_rgb_rle_2frame.dcm") << 2;
        }
        if (m_shared.isEmpty())
            return;
        QTest::newRow("enhanced MR Philips 64 frames") << s + QStringLiteral("dcm_qa_enh/Philips/IM_0027_fMAP.dcm") << 64;
        QTest::newRow("enhanced MR Siemens 6 frames") << s + QStringLiteral("dcm_qa_enh/Siemens/XA10/6_1.dcm") << 6;
        QTest::newRow("US cine implicit 8 frames") << s + QStringLiteral("dicomparser_encapsulation/encapsulated/multi-frame/IM00001.implicit_little_endian.dcm") << 8;
        QTest::newRow("US cine JPEG no BOT 8 frames") << s + QStringLiteral("dicomparser_encapsulation/encapsulated/multi-frame/IM00001.fragmented_no_bot_jpeg_baseline.50.dcm") << 8;
        QTest::newRow("SEG liver 3 frames 1-bit") << s + QStringLiteral("pydicom_extra/liver.dcm") << 3;
        QTest::newRow("SEG 13 frames") << s + QStringLiteral("dcmqi_seg_sr_pm/sr-example/seg.dcm") << 13;
        QTest::newRow("enhanced MR J2K 10 frames") << s + QStringLiteral("pydicom_extra/emri_small_jpeg_2k_lossless.dcm") << 10;
        QTest::newRow("enhanced CT JPEG-LS fragmented no BOT") << s + QStringLiteral("dicomparser_encapsulation/encapsulated/multi-frame/CT0012.fragmented_no_bot_jpeg_ls.80.dcm") << 2;
        QTest::newRow("enhanced CT RLE with BOT") << s + QStringLiteral("dicomparser_encapsulation/encapsulated/multi-frame/CT0012.not_fragmented_bot_rle.dcm") << 2;
    }

    void multiFrame_ShouldCountAndSliceFrames()
    {
        QFETCH(QString, file);
        QFETCH(int, frames);
        auto f = dicom::DicomFile::load(file);
        QVERIFY2(f.ok(), qPrintable(f.error()));
        auto all = dicom::decodePixels(f.value().dataset());
        QVERIFY2(all.ok(), qPrintable(all.error()));
        const auto &info = all.value().info;
        QCOMPARE(info.frames, frames);
        QCOMPARE(all.value().data.size(), qsizetype(frames) * info.bytesPerFrame());
        // Random access, last frame first, must equal the slice of the whole.
        for (int k = frames - 1; k >= 0; k -= std::max(1, frames / 4)) {
            auto one = dicom::decodeFrame(f.value().dataset(), k);
            QVERIFY2(one.ok(), qPrintable(one.error()));
            QVERIFY2(one.value() == all.value().data.mid(qsizetype(k) * info.bytesPerFrame(), info.bytesPerFrame()),
                     qPrintable(QStringLiteral("frame %1 differs").arg(k)));
        }
    }

    void decoding_ShouldLeaveTheDatasetAsItWas()
    {
        if (m_pydicom.isEmpty())
            QSKIP("pydicom's test files are absent");
        for (const char *name : {"MR_small_jp2klossless.dcm", "SC_rgb_jpeg_dcmtk.dcm", "MR_small_RLE.dcm", "MR_small_bigendian.dcm"}) {
            auto f = dicom::DicomFile::load(m_pydicom + QLatin1Char('/') + QLatin1String(name));
            QVERIFY2(f.ok(), qPrintable(f.error()));
            const E_TransferSyntax xfer = f.value().dataset().getOriginalXfer();
            auto first = dicom::decodePixels(f.value().dataset());
            QVERIFY2(first.ok(), qPrintable(first.error()));
            auto second = dicom::decodePixels(f.value().dataset());
            QVERIFY2(second.ok(), qPrintable(second.error()));
            QCOMPARE(second.value().data, first.value().data);
            QVERIFY2(f.value().dataset().canWriteXfer(xfer), name);
        }
    }

    void j2kSignednessMismatch_ShouldFollowPixelRepresentation()
    {
        if (m_pydicom.isEmpty())
            QSKIP("pydicom's test files are absent");
        auto f = dicom::DicomFile::load(m_pydicom + QStringLiteral("/J2K_pixelrep_mismatch.dcm"));
        QVERIFY2(f.ok(), qPrintable(f.error()));
        auto px = dicom::decodePixels(f.value().dataset());
        QVERIFY2(px.ok(), qPrintable(px.error()));
        // Signed CT: air must come out negative (about -2000 stored, as pydicom reads it).
        qint64 lo = 0, hi = 0;
        const auto &d = px.value();
        QVERIFY(d.info.isSigned);
        for (qint64 k = 0; k < qint64(d.info.rows) * d.info.columns; ++k) {
            lo = std::min(lo, sampleValue(d, k));
            hi = std::max(hi, sampleValue(d, k));
        }
        QVERIFY2(lo < -1000 && hi < 4096, qPrintable(QStringLiteral("range %1..%2").arg(lo).arg(hi)));
    }

    void j2kColourTransform_ShouldComeOutRgb()
    {
        if (m_pydicom.isEmpty())
            QSKIP("pydicom's test files are absent");
        auto f = dicom::DicomFile::load(m_pydicom + QStringLiteral("/GDCMJ2K_TextGBR.dcm"));
        QVERIFY2(f.ok(), qPrintable(f.error()));
        auto px = dicom::decodePixels(f.value().dataset());
        QVERIFY2(px.ok(), qPrintable(px.error()));
        QCOMPARE(px.value().info.photometric, QStringLiteral("RGB"));
        QCOMPARE(px.value().data.size(), 400 * 400 * 3);
    }

    void paletteColour_ShouldMapThroughTheLuts_data()
    {
        QTest::addColumn<QString>("file");
        if (!m_shared.isEmpty()) {
            QTest::newRow("OBXXXX1A 8-bit palette") << m_shared + QStringLiteral("/robustness/pydicom_extra/OBXXXX1A.dcm");
            QTest::newRow("US ALOKA segmented 16-bit palette") << m_shared + QStringLiteral("/robustness/pydicom_extra/gdcm-US-ALOKA-16.dcm");
        }
        if (m_shared.isEmpty())
            QTest::newRow("no data") << QString();
    }

    void paletteColour_ShouldMapThroughTheLuts()
    {
        QFETCH(QString, file);
        if (file.isEmpty())
            QSKIP("../shared/testdata is absent");
        auto f = dicom::DicomFile::load(file);
        QVERIFY2(f.ok(), qPrintable(f.error()));
        auto px = dicom::decodePixels(f.value().dataset());
        QVERIFY2(px.ok(), qPrintable(px.error()));
        QCOMPARE(px.value().info.photometric, QStringLiteral("PALETTE COLOR"));
        auto rgb = dicom::applyPalette(f.value().dataset(), px.value());
        QVERIFY2(rgb.ok(), qPrintable(rgb.error()));
        QCOMPARE(rgb.value().info.samplesPerPixel, 3);
        QCOMPARE(rgb.value().data.size(), qsizetype(rgb.value().info.frames) * rgb.value().info.bytesPerFrame());
        // A real image is not one flat colour.
        QVERIFY(rgb.value().data.count(rgb.value().data.at(0)) < rgb.value().data.size());
    }

    void uncompressedYbr_ShouldConvertToRgbCloseToTheOriginal()
    {
        if (m_shared.isEmpty() || m_pydicom.isEmpty())
            QSKIP("needs ../shared/testdata and pydicom's files");
        QString error;
        const auto ref = decodeOrFail(m_shared + QStringLiteral("/robustness/pydicom_extra/SC_rgb.dcm"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // A QStringList, not a braced list: with QStringBuilder the braced
        // list would hold builders that refer to destroyed temporaries.
        const QStringList paths{m_shared + QStringLiteral("/robustness/pydicom_extra/SC_ybr_full_uncompressed.dcm"),
                                m_pydicom + QStringLiteral("/SC_ybr_full_422_uncompressed.dcm")};
        for (const QString &path : paths) {
            auto ybr = decodeOrFail(path, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QCOMPARE(ybr.info.photometric, QStringLiteral("YBR_FULL"));
            dicom::ybrFullToRgb(ybr);
            const Comparison c = compare(ybr, ref);
            QVERIFY2(c.mismatch.isEmpty(), qPrintable(c.mismatch));
            // Rounding in the forward and inverse transforms, and 4:2:2 chroma
            // on colour bars with sharp edges.
            QVERIFY2(c.psnr > 25, qPrintable(QStringLiteral("%1: PSNR %2").arg(path).arg(c.psnr)));
        }
    }

    void pixelSequenceWithoutDelimiter_ShouldStillDecodeAllFrames()
    {
        // pydicom's "too short" J2K file lacks only the final sequence
        // delimiter: all ten codestreams are whole, so the frames are good.
        if (m_shared.isEmpty())
            QSKIP("../shared/testdata is absent");
        const QString x = m_shared + QStringLiteral("/robustness/pydicom_extra/");
        // DicomFile rejects the file outright; DCMTK's lenient reader keeps
        // what is there, which is what a decoder meets in the wild.
        DcmFileFormat ff;
        ff.loadFile((x + QStringLiteral("emri_small_jpeg_2k_lossless_too_short.dcm")).toLocal8Bit().constData());
        QVERIFY(ff.getDataset()->tagExists(DCM_PixelData));
        auto px = dicom::decodePixels(*ff.getDataset());
        QVERIFY2(px.ok(), qPrintable(px.error()));
        QString error;
        const auto ref = decodeOrFail(x + QStringLiteral("emri_small.dcm"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const Comparison c = compare(px.value(), ref);
        QVERIFY2(c.mismatch.isEmpty(), qPrintable(c.mismatch));
        QCOMPARE(c.maxAbs, 0);
    }

    void j2kWithOverwrittenBytes_ShouldFailWithFrameNumber()
    {
        if (m_pydicom.isEmpty())
            QSKIP("pydicom's test files are absent");
        // Four codestream bytes replaced by a sequence delimiter tag.
        auto f = dicom::DicomFile::load(m_pydicom + QStringLiteral("/JPEG2000-embedded-sequence-delimiter.dcm"));
        QVERIFY2(f.ok(), qPrintable(f.error()));
        auto px = dicom::decodePixels(f.value().dataset());
        QVERIFY2(!px.ok(), "corrupt codestream decoded without an error");
        QVERIFY2(px.error().startsWith(QLatin1String("JPEG 2000 frame 1: ")), qPrintable(px.error()));
    }

    void damagedFragments_ShouldNeverCrash_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("damage");
        if (m_pydicom.isEmpty())
            return;
        for (const char *name : {"MR_small_jp2klossless.dcm", "MR_small_jpeg_ls_lossless.dcm", "MR_small_RLE.dcm", "SC_rgb_jpeg_dcmtk.dcm", "JPEG-lossy.dcm"})
            for (int damage : {0, 1, 2})
                QTest::newRow(qPrintable(QStringLiteral("%1 %2").arg(QLatin1String(name), QStringList{"truncated", "zeroed", "cut to 10 bytes"}[damage])))
                    << m_pydicom + QLatin1Char('/') + QLatin1String(name) << damage;
    }

    void damagedFragments_ShouldNeverCrash()
    {
        QFETCH(QString, file);
        QFETCH(int, damage);
        auto f = dicom::DicomFile::load(file);
        QVERIFY2(f.ok(), qPrintable(f.error()));
        DcmElement *e = nullptr;
        QVERIFY(f.value().dataset().findAndGetElement(DCM_PixelData, e).good());
        auto *pixel = static_cast<DcmPixelData *>(e);
        E_TransferSyntax xfer;
        const DcmRepresentationParameter *param = nullptr;
        pixel->getCurrentRepresentationKey(xfer, param);
        DcmPixelSequence *seq = nullptr;
        DcmPixelItem *item = nullptr;
        Uint8 *d = nullptr;
        QVERIFY(pixel->getEncapsulatedRepresentation(xfer, param, seq).good());
        QVERIFY(seq->getItem(item, 1).good() && item->getUint8Array(d).good());
        QByteArray bytes(reinterpret_cast<const char *>(d), int(item->getLength()));
        if (damage == 0)
            bytes.truncate(bytes.size() / 2);
        else if (damage == 1)
            bytes.fill('\0', bytes.size()).truncate(bytes.size());
        else
            bytes.truncate(10);
        if (bytes.size() % 2)
            bytes.append('\0');
        QVERIFY(item->putUint8Array(reinterpret_cast<const Uint8 *>(bytes.constData()), Uint32(bytes.size())).good());
        const auto px = dicom::decodePixels(f.value().dataset());
        // JPEG 2000 is decoded in strict mode: a cut codestream must not show.
        if (file.contains(QLatin1String("jp2k")) && damage != 1)
            QVERIFY2(!px.ok(), "damaged JPEG 2000 decoded without an error");
        if (!px.ok()) {
            QVERIFY(!px.error().isEmpty());
            QVERIFY2(px.error().contains(QLatin1String("frame 1")), qPrintable(px.error()));
        } else {
            QCOMPARE(px.value().data.size(), qsizetype(px.value().info.frames) * px.value().info.bytesPerFrame());
        }
    }

    void everyFileWithPixelData_ShouldDecodeOrSayWhy()
    {
        QStringList files;
        if (!m_shared.isEmpty())
            files << test::filesBelow(m_shared);
        if (!m_pydicom.isEmpty())
            files << test::filesBelow(m_pydicom);
        if (files.isEmpty())
            QSKIP("no test files");
        // Files that must fail, with the reason they are broken.
        const QStringList mustFail = {
            QStringLiteral("JPEG2000-embedded-sequence-delimiter.dcm"),  // 4 codestream bytes overwritten
            QStringLiteral("meta_missing_tsyntax.dcm"), // 2-byte Pixel Data, no Image Pixel module
            QStringLiteral("nested_priv_SQ.dcm"),       // the same
        };
        QStringList summary, unexpected;
        int decoded = 0, failed = 0, noPixels = 0;
        for (const QString &path : files) {
            if (!dicom::DicomFile::looksLikeDicom([&] {
                    QFile f(path);
                    return f.open(QIODevice::ReadOnly) ? f.read(512) : QByteArray();
                }()))
                continue;
            auto f = dicom::DicomFile::load(path);
            if (!f.ok() || !f.value().dataset().tagExists(DCM_PixelData)) {
                ++noPixels;
                continue;
            }
            auto px = dicom::decodePixels(f.value().dataset());
            const QString name = QFileInfo(path).fileName();
            const bool shouldFail = mustFail.contains(name);
            if (px.ok()) {
                ++decoded;
                const auto &i = px.value().info;
                const bool sizeOk = px.value().data.size() == qsizetype(i.frames) * i.bytesPerFrame();
                summary << QStringLiteral("ok   %1: %2 frame(s) %3x%4 %5 %6-bit%7").arg(path).arg(i.frames).arg(i.columns).arg(i.rows)
                               .arg(i.photometric).arg(i.bitsAllocated).arg(sizeOk ? QString() : QStringLiteral(" WRONG SIZE"));
                if (!sizeOk || shouldFail)
                    unexpected << summary.last();
            } else {
                ++failed;
                summary << QStringLiteral("FAIL %1: %2").arg(path, px.error());
                if (!shouldFail || px.error().isEmpty())
                    unexpected << summary.last();
            }
        }
        if (!unexpected.isEmpty() || qEnvironmentVariableIsSet("KILIMA_PIXEL_STATS"))
            qInfo("%d decoded, %d failed, %d without pixel data or unreadable\n%s", decoded, failed, noPixels,
                  qPrintable(summary.join(QLatin1Char('\n'))));
        QVERIFY2(unexpected.isEmpty(), qPrintable(unexpected.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestPixelData)
#include "tst_pixeldata.moc"
