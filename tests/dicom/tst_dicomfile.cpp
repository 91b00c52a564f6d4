#include "phantom.h"
#include "testdata.h"

#include <kilima/dicom/attributes.h>
#include <kilima/dicom/dicomfile.h>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcdatset.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace kilima;

static QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

class TestDicomFile : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QStringList m_phantom;

private Q_SLOTS:
    void initTestCase()
    {
        test::CtPhantom p;
        p.slices = 2;
        m_phantom = test::writeCtPhantom(m_dir.filePath(QStringLiteral("ct")), p);
    }

    void part10File_ShouldParseWithAttributes()
    {
        const auto file = dicom::DicomFile::load(m_phantom.first());
        QVERIFY2(file.ok(), qPrintable(file.error()));
        QVERIFY(file.value().hasMetaHeader());
        QCOMPARE(file.value().transferSyntaxUid(), QStringLiteral("1.2.840.10008.1.2.1"));
        QCOMPARE(dicom::stringValue(file.value().dataset(), DCM_PatientName), QStringLiteral("PHANTOM^CT"));
        QCOMPARE(dicom::stringValue(file.value().dataset(), DCM_Modality), QStringLiteral("CT"));
    }

    void truncatedFile_ShouldBeRejectedWithReason_data()
    {
        QTest::addColumn<int>("keep");
        QTest::newRow("inside pixel data") << -100;
        QTest::newRow("inside meta header") << 150;
        QTest::newRow("inside dataset header") << 400;
    }

    void truncatedFile_ShouldBeRejectedWithReason()
    {
        QFETCH(int, keep);
        QByteArray bytes = readAll(m_phantom.first());
        bytes.truncate(keep < 0 ? bytes.size() + keep : keep);
        const auto file = dicom::DicomFile::parse(bytes, QStringLiteral("cut.dcm"));
        QVERIFY(!file.ok());
        QVERIFY2(file.error().startsWith(QStringLiteral("cut.dcm: ")), qPrintable(file.error()));
    }

    void nonDicomAndEmpty_ShouldBeRejected()
    {
        QVERIFY(!dicom::DicomFile::parse(QByteArray(), QStringLiteral("e")).ok());
        const auto text = dicom::DicomFile::parse(QByteArray("hello, this is a text file\n"), QStringLiteral("t"));
        QVERIFY(!text.ok());
        QVERIFY2(text.error().contains(QStringLiteral("not a DICOM file")), qPrintable(text.error()));
    }

    void wrongElementLength_ShouldBeRejected()
    {
        QByteArray bytes = readAll(m_phantom.first());
        // Make the pixel data element claim more bytes than the file holds.
        const int pos = bytes.lastIndexOf(QByteArray("\xe0\x7f\x10\x00OW\0\0", 8));
        QVERIFY(pos > 0);
        bytes[pos + 8] = char(0xff);
        bytes[pos + 9] = char(0xff);
        bytes[pos + 10] = char(0x0f);
        const auto file = dicom::DicomFile::parse(bytes, QStringLiteral("long.dcm"));
        QVERIFY(!file.ok());
    }

    void pydicomFilesWithoutMeta_ShouldParse()
    {
        const QString dir = test::pydicomTestFiles();
        if (dir.isEmpty())
            QSKIP("python3-pydicom is not installed");
        // Neither preamble nor meta header: the dataset starts at byte 0.
        const auto file = dicom::DicomFile::load(dir + QStringLiteral("/ExplVR_LitEndNoMeta.dcm"));
        QVERIFY2(file.ok(), qPrintable(file.error()));
        QVERIFY(!file.value().hasMetaHeader());
        QVERIFY(!dicom::stringValue(file.value().dataset(), DCM_SOPInstanceUID).isEmpty());
    }

    void bigEndianWithoutMeta_ShouldParse()
    {
        const QString dir = test::pydicomTestFiles();
        if (dir.isEmpty())
            QSKIP("python3-pydicom is not installed");
        const auto file = dicom::DicomFile::load(dir + QStringLiteral("/ExplVR_BigEndNoMeta.dcm"));
        QVERIFY2(file.ok(), qPrintable(file.error()));
        QCOMPARE(file.value().transferSyntaxUid(), QStringLiteral("1.2.840.10008.1.2.2"));
        const auto twin = dicom::DicomFile::load(dir + QStringLiteral("/ExplVR_LitEndNoMeta.dcm"));
        QVERIFY(twin.ok());
        QCOMPARE(dicom::stringValue(file.value().dataset(), DCM_SOPInstanceUID),
                 dicom::stringValue(twin.value().dataset(), DCM_SOPInstanceUID));
    }

    void undefinedLengthItemWithoutDelimiters_ShouldBeRejected()
    {
        QByteArray bytes = readAll(m_phantom.first());
        // Cut the file before the pixel data and append a sequence of
        // undefined length whose item never ends: (0040,0275) SQ ffffffff,
        // item (fffe,e000) ffffffff, one element, then end of file.
        bytes.truncate(bytes.lastIndexOf(QByteArray("\xe0\x7f\x10\x00", 4)));
        bytes.append(QByteArray("\x40\x00\x75\x02SQ\0\0\xff\xff\xff\xff", 12));
        bytes.append(QByteArray("\xfe\xff\x00\xe0\xff\xff\xff\xff", 8));
        bytes.append(QByteArray("\x08\x00\x50\x00SH\x04\x00" "ACC1", 12));
        const auto file = dicom::DicomFile::parse(bytes, QStringLiteral("open.dcm"));
        QVERIFY(!file.ok());
        QVERIFY2(file.error().startsWith(QStringLiteral("open.dcm: ")), qPrintable(file.error()));
    }

    void pydicomTruncatedFiles_ShouldBeRejected()
    {
        const QString dir = test::pydicomTestFiles();
        if (dir.isEmpty())
            QSKIP("python3-pydicom is not installed");
        for (const char *name : {"rtplan_truncated.dcm", "JPEG-lossy_truncated.dcm"}) {
            const QString path = dir + QLatin1Char('/') + QLatin1String(name);
            if (!QFile::exists(path))
                continue;
            const auto file = dicom::DicomFile::load(path);
            QVERIFY2(!file.ok(), name);
        }
    }

    void keywords_ShouldMapBothWays()
    {
        DcmTagKey tag;
        QVERIFY(dicom::tagFromKeyword(QStringLiteral("PatientName"), &tag));
        QCOMPARE(tag, DCM_PatientName);
        QVERIFY(dicom::tagFromKeyword(QStringLiteral("00080060"), &tag));
        QCOMPARE(tag, DCM_Modality);
        QCOMPARE(dicom::keywordOf(DCM_StudyDate), QStringLiteral("StudyDate"));
        QCOMPARE(dicom::vrOf(DCM_PatientName), QStringLiteral("PN"));
        QVERIFY(!dicom::tagFromKeyword(QStringLiteral("NoSuchKeyword"), &tag));
    }
};

QTEST_GUILESS_MAIN(TestDicomFile)
#include "tst_dicomfile.moc"
