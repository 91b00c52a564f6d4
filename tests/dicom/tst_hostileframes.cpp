// Encoded frames that do not describe their image: DCMTK decodes what the
// codestream's own header says and reports success, so a JPEG frame header
// smaller than Rows x Columns, or lossless data labelled Baseline, filled
// part of the frame buffer and the rest was served as pixels (another
// patient's, from an earlier decode). Every such frame must be an error
// that names the disagreement. The files come from dcmtk's own encoders
// (dcmcjpeg, dcmcrle) and are then damaged in one field.
#include "peers.h"
#include "phantom.h"

#include <kilima/dicom/dicomfile.h>
#include <kilima/dicom/pixeldata.h>

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace kilima;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestHostileFrames : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_lossless; // 16-bit CT phantom, JPEG lossless SV1 (dcmcjpeg +e1)
    QString m_rle;      // the same, RLE (dcmcrle)
    QString m_jpegLs;   // the same, JPEG-LS lossless (dcmcjpls)
    QByteArray m_good;  // its pixels decoded from the uncompressed original

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("dcmcjpeg")).isEmpty()
            || QStandardPaths::findExecutable(QStringLiteral("dcmcrle")).isEmpty())
            QSKIP("dcmtk's dcmcjpeg/dcmcrle are not installed");
        test::CtPhantom p;
        p.slices = 1;
        p.rows = p.columns = 32;
        const QString plain = test::writeCtPhantom(m_dir.filePath(QStringLiteral("ct")), p).first();
        m_lossless = m_dir.filePath(QStringLiteral("lossless.dcm"));
        m_rle = m_dir.filePath(QStringLiteral("rle.dcm"));
        QString out;
        QVERIFY2(test::runTool(QStringLiteral("dcmcjpeg"), {QStringLiteral("+e1"), plain, m_lossless}, &out) == 0, qPrintable(out));
        QVERIFY2(test::runTool(QStringLiteral("dcmcrle"), {plain, m_rle}, &out) == 0, qPrintable(out));
        m_jpegLs = m_dir.filePath(QStringLiteral("jpegls.dcm"));
        if (!QStandardPaths::findExecutable(QStringLiteral("dcmcjpls")).isEmpty())
            QVERIFY2(test::runTool(QStringLiteral("dcmcjpls"), {plain, m_jpegLs}, &out) == 0, qPrintable(out));
        auto original = dicom::DicomFile::load(plain);
        QVERIFY(original.ok());
        auto pixels = dicom::decodeFrame(original.value().dataset(), 0);
        QVERIFY(pixels.ok());
        m_good = pixels.value();
        QCOMPARE(m_good.size(), 32 * 32 * 2);
    }

    void intactEncodings_ShouldDecodeToTheOriginalPixels()
    {
        for (const QString &path : {m_lossless, m_rle, m_jpegLs}) {
            if (!QFile::exists(path))
                continue;
            auto file = dicom::DicomFile::load(path);
            QVERIFY2(file.ok(), qPrintable(file.error()));
            auto frame = dicom::decodeFrame(file.value().dataset(), 0);
            QVERIFY2(frame.ok(), qPrintable(frame.error()));
            QCOMPARE(frame.value(), m_good);
            QVERIFY(dicom::checkEncodedFrame(file.value().dataset(), 0).ok());
        }
    }

    void disagreeingFrames_ShouldFailWithTheDisagreement_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QByteArray>("find");
        QTest::addColumn<QByteArray>("replace");
        QTest::addColumn<QString>("reason");
        // Meta header's transfer syntax: lossless SV1 -> baseline (same length).
        QTest::newRow("lossless labelled baseline") << QStringLiteral("lossless") << QByteArray("1.2.840.10008.1.2.4.70")
                                                    << QByteArray("1.2.840.10008.1.2.4.50")
                                                    << QStringLiteral("the codestream is lossless (SOF3) but the transfer syntax is JPEG Baseline");
        // SOF3: length 11, precision 16 (dcmcjpeg writes 16 for 16-bit
        // data), 32 rows, 32 columns -> 16 x 16.
        QTest::newRow("frame header smaller than the image")
            << QStringLiteral("lossless") << QByteArray("\xff\xc3\x00\x0b\x10\x00\x20\x00\x20", 9)
            << QByteArray("\xff\xc3\x00\x0b\x10\x00\x10\x00\x10", 9)
            << QStringLiteral("the codestream is 16 x 16 but the image is 32 x 32");
        // 8-bit samples in a 16-bit image: half the frame would be filled.
        QTest::newRow("8-bit codestream, 16-bit image") << QStringLiteral("lossless") << QByteArray("\xff\xc3\x00\x0b\x10", 5)
                                                        << QByteArray("\xff\xc3\x00\x0b\x08", 5)
                                                        << QStringLiteral("8-bit samples but Bits Allocated is 16");
        // JPEG-LS frame header (SOF55): 32 rows -> 16.
        QTest::newRow("JPEG-LS frame header smaller than the image")
            << QStringLiteral("jpegls") << QByteArray("\xff\xf7\x00\x0b", 4) << QByteArray()
            << QStringLiteral("but the image is 32 x 32");
        // RLE header: 2 segments (high and low bytes) -> 1.
        QTest::newRow("RLE with a segment missing") << QStringLiteral("rle") << QByteArray("\x02\x00\x00\x00\x40\x00\x00\x00", 8)
                                                    << QByteArray("\x01\x00\x00\x00\x40\x00\x00\x00", 8)
                                                    << QStringLiteral("declares 1 segment(s) but the image needs 2");
    }

    void disagreeingFrames_ShouldFailWithTheDisagreement()
    {
        QFETCH(QString, source);
        QFETCH(QByteArray, find);
        QFETCH(QByteArray, replace);
        QFETCH(QString, reason);
        const QString path = source == QLatin1String("rle") ? m_rle : source == QLatin1String("jpegls") ? m_jpegLs : m_lossless;
        if (!QFile::exists(path))
            QSKIP("dcmtk's dcmcjpls is not installed");
        QByteArray bytes = readAll(path);
        const int at = bytes.indexOf(find);
        QVERIFY2(at > 0, "the field to damage is not where dcmtk writes it");
        if (replace.isEmpty()) {
            // SOF55: marker, length, precision, then the rows (big endian).
            bytes[at + 5] = 0;
            bytes[at + 6] = 16;
        } else {
            bytes.replace(at, find.size(), replace);
        }
        auto file = dicom::DicomFile::parse(bytes, QStringLiteral("hostile.dcm"));
        QVERIFY2(file.ok(), qPrintable(file.error()));
        for (int attempt = 0; attempt < 2; ++attempt) {
            auto frame = dicom::decodeFrame(file.value().dataset(), 0);
            QVERIFY2(!frame.ok(), "a frame that disagrees with its image was served as pixels");
            QVERIFY2(frame.error().contains(reason), qPrintable(frame.error()));
            QVERIFY(frame.error().contains(QLatin1String("frame 1")));
            auto all = dicom::decodePixels(file.value().dataset());
            QVERIFY(!all.ok());
            QVERIFY(!dicom::checkEncodedFrame(file.value().dataset(), 0).ok());
            // A good decode in between leaves nothing for the next attempt.
            auto good = dicom::DicomFile::load(m_lossless);
            QVERIFY(dicom::decodeFrame(good.value().dataset(), 0).ok());
        }
    }

    void emptyFragment_ShouldFailNamingIt()
    {
        // The fragment's item length set to 0 and its bytes dropped.
        QByteArray bytes = readAll(m_lossless);
        const int seq = bytes.lastIndexOf(QByteArray("\xe0\x7f\x10\x00OB\0\0\xff\xff\xff\xff", 12));
        QVERIFY(seq > 0);
        int item = seq + 12;
        // Basic Offset Table, then the frame's fragment.
        const quint32 bot = quint8(bytes[item + 4]) | quint8(bytes[item + 5]) << 8;
        item += 8 + int(bot);
        const quint32 length = quint8(bytes[item + 4]) | quint8(bytes[item + 5]) << 8 | quint8(bytes[item + 6]) << 16;
        bytes.remove(item + 8, int(length));
        bytes[item + 4] = bytes[item + 5] = bytes[item + 6] = bytes[item + 7] = 0;
        auto file = dicom::DicomFile::parse(bytes, QStringLiteral("empty.dcm"));
        QVERIFY2(file.ok(), qPrintable(file.error()));
        auto frame = dicom::decodeFrame(file.value().dataset(), 0);
        QVERIFY(!frame.ok());
        QVERIFY2(frame.error().contains(QLatin1String("frame 1: its fragment is empty"))
                     || frame.error().contains(QLatin1String("holds no fragments")),
                 qPrintable(frame.error()));
    }
};

QTEST_GUILESS_MAIN(TestHostileFrames)
#include "tst_hostileframes.moc"
