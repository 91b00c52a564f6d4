#include "testdata.h"

#include <kilima/dicom/attributes.h>
#include <kilima/dicom/charset.h>
#include <kilima/dicom/dicomfile.h>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcelem.h>
#include <dcmtk/dcmdata/dcitem.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dcvrlo.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTest>
#include <QScopeGuard>
#include <dcmtk/dcmdata/dcvr.h>

using namespace kilima;

namespace {

// Where the pydicom character set samples are: the shared copy first (what CI
// uses), then the one python3-pydicom installs.
QString charsetDir()
{
    const QString shared = test::sharedTestData();
    if (!shared.isEmpty()) {
        const QString dir = shared + QStringLiteral("/robustness/pydicom_charsets");
        if (QFileInfo(dir + QStringLiteral("/chrH31.dcm")).exists())
            return dir;
    }
    const QString pydicom = test::pydicomCharsetFiles();
    if (!pydicom.isEmpty() && QFileInfo(pydicom + QStringLiteral("/chrH31.dcm")).exists())
        return pydicom;
    return {};
}

QString u8(const char *s)
{
    return QString::fromUtf8(s);
}

// `path` is a keyword, or "SequenceKeyword/Keyword" for the first item.
QString valueAt(DcmItem &root, const QString &path)
{
    DcmItem *item = &root;
    const QStringList parts = path.split(QLatin1Char('/'));
    for (int i = 0; i + 1 < parts.size(); ++i) {
        DcmTagKey seqTag;
        if (!dicom::tagFromKeyword(parts.at(i), &seqTag))
            return QStringLiteral("<unknown keyword>");
        DcmItem *next = nullptr;
        if (item->findAndGetSequenceItem(seqTag, next, 0).bad() || !next)
            return QStringLiteral("<no item>");
        item = next;
    }
    DcmTagKey tag;
    if (!dicom::tagFromKeyword(parts.last(), &tag))
        return QStringLiteral("<unknown keyword>");
    return dicom::stringValue(*item, tag);
}

// A dataset with (0008,0005) = `charset` and PatientName holding `raw` bytes
// exactly as a modality would have written them.
DcmDataset datasetWith(const char *charset, const QByteArray &raw, const DcmTagKey &tag = DCM_PatientName)
{
    DcmDataset ds;
    if (charset)
        ds.putAndInsertString(DCM_SpecificCharacterSet, charset);
    ds.putAndInsertString(tag, raw.constData(), Uint32(raw.size()));
    ds.putAndInsertString(DCM_PatientID, "ID-1");
    return ds;
}

} // namespace

class TestCharset : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void pydicomSamples_ShouldDecodeToTheStandardsText_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expected");
        // Expected text: PS3.5 Annex H/I/J examples where the file is one
        // (chrH31, chrH32, chrI2, chrX1, chrX2), cross-checked with pydicom.
        // Trailing empty PN groups ("...=王^小東=") are kept as written.
        const struct {
            const char *file, *path, *expected;
        } rows[] = {
            {"chrArab", "PatientName", "قباني^لنزار"},
            {"chrFren", "PatientName", "Buc^Jérôme"},
            {"chrFrenMulti", "PatientName", "Buc^Jérôme"},
            {"chrFrenMulti", "OtherPatientNames", "Buc^Jérôme\\Buc^Jérôme"},
            {"chrFrenMulti", "00101000", "eggs\\spam"}, // OtherPatientIDs, retired
            {"chrGerm", "PatientName", "Äneas^Rüdiger"},
            {"chrGreek", "PatientName", "Διονυσιος"},
            {"chrH31", "PatientName", "Yamada^Tarou=山田^太郎=やまだ^たろう"},
            {"chrH32", "PatientName", "ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう"},
            {"chrHbrw", "PatientName", "שרון^דבורה"},
            {"chrI2", "PatientName", "Hong^Gildong=洪^吉洞=홍^길동"},
            {"chrJapMulti", "PatientName", "やまだ^たろう"},
            {"chrJapMulti", "OtherPatientNames", "やまだ^たろう\\やまだ^たろう"},
            {"chrJapMulti", "AdditionalPatientHistory", "たろう"},
            {"chrJapMulti", "Manufacturer", "Agfa-Gevaert AG"},
            {"chrJapMultiExplicitIR6", "PatientName", "やまだ^たろう"},
            {"chrJapMultiExplicitIR6", "OtherPatientNames", "やまだ^たろう\\やまだ^たろう"},
            {"chrJapMultiExplicitIR6", "AdditionalPatientHistory", "たろう"},
            {"chrKoreanMulti", "PatientName", "김희중"},
            {"chrKoreanMulti", "OtherPatientNames", "김희중\\김희중"},
            {"chrKoreanMulti", "AdditionalPatientHistory", "김희중"},
            {"chrKoreanMulti", "OperatorsName", "김희중"},
            {"chrRuss", "PatientName", "Люкceмбypг"}, // the c, e, y, p are Latin in the file
            {"chrSQEncoding", "RequestingPhysician", "Doctor^Who^^MD"},
            {"chrSQEncoding", "RequestedProcedureCodeSequence/PatientName", "ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう"},
            {"chrSQEncoding", "RequestedProcedureCodeSequence/CodeValue", "CodeValue"},
            {"chrSQEncoding1", "RequestedProcedureCodeSequence/PatientName", "ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう"},
            {"chrSQEncoding1", "RequestingPhysician", "Doctor^Who^^MD"},
            {"chrX1", "PatientName", "Wang^XiaoDong=王^小東="},
            {"chrX2", "PatientName", "Wang^XiaoDong=王^小东="},
        };
        for (const auto &row : rows) {
            QTest::addRow("%s %s", row.file, row.path)
                << QString::fromLatin1(row.file) << QString::fromLatin1(row.path) << u8(row.expected);
        }
    }

    void pydicomSamples_ShouldDecodeToTheStandardsText()
    {
        QFETCH(QString, file);
        QFETCH(QString, path);
        QFETCH(QString, expected);
        const QString dir = charsetDir();
        if (dir.isEmpty())
            QSKIP("pydicom character set samples are not installed");
        auto loaded = dicom::DicomFile::load(dir + QLatin1Char('/') + file + QStringLiteral(".dcm"));
        QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
        DcmDataset &ds = loaded.value().dataset();
        QString warning;
        const core::Status status = dicom::convertToUtf8(ds, &warning);
        QVERIFY2(status.ok(), qPrintable(status.error()));
        QVERIFY2(warning.isEmpty(), qPrintable(warning));
        QCOMPARE(valueAt(ds, path), expected);
        QCOMPARE(dicom::stringValue(ds, DCM_SpecificCharacterSet), QStringLiteral("ISO_IR 192"));
    }

    void generatedValues_ShouldDecodePerCharacterSet_data()
    {
        QTest::addColumn<QString>("charset");
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QString>("expected");
        // Byte strings are split where a following letter would extend a \x escape.
        QTest::newRow("ISO_IR 100 German") << "ISO_IR 100" << QByteArray("M\xfcller^J\xfcrgen") << u8("Müller^Jürgen");
        QTest::newRow("ISO_IR 101 Polish")
            << "ISO_IR 101" << QByteArray("Wa\xb3\xea" "sa^Lech=\xa3\xf3" "d\xbc") << u8("Wałęsa^Lech=Łódź");
        QTest::newRow("ISO_IR 109 Maltese") << "ISO_IR 109" << QByteArray("\xa1" "al G\xb1" "arg\xb1" "ur")
                                            << u8("Ħal Għargħur");
        QTest::newRow("ISO_IR 110 Baltic") << "ISO_IR 110" << QByteArray("\xa9\xf3\xba" "le") << u8("Šķēle");
        QTest::newRow("ISO_IR 126 Greek") << "ISO_IR 126" << QByteArray("\xc4\xe9\xef\xed\xf5\xf3\xe9\xef\xf2")
                                          << u8("Διονυσιος");
        QTest::newRow("ISO_IR 144 Cyrillic")
            << "ISO_IR 144" << QByteArray("\xb8\xd2\xd0\xdd\xde\xd2^\xbf\xf1\xe2\xe0") << u8("Иванов^Пётр");
        QTest::newRow("ISO_IR 148 Turkish")
            << "ISO_IR 148" << QByteArray("\xde" "ahin^Ay\xfe" "e Y\xfdld\xfdz") << u8("Şahin^Ayşe Yıldız");
        QTest::newRow("ISO_IR 166 Thai") << "ISO_IR 166" << QByteArray("\xca\xc1\xaa\xd2\xc2") << u8("สมชาย");
        QTest::newRow("ISO_IR 13 katakana") << "ISO_IR 13" << QByteArray("\xd4\xcf\xc0\xde^\xc0\xdb\xb3")
                                            << u8("ﾔﾏﾀﾞ^ﾀﾛｳ");
        QTest::newRow("ISO_IR 192") << "ISO_IR 192" << QByteArray("M\xc3\xbcller") << u8("Müller");
        QTest::newRow("GBK") << "GBK" << QByteArray("\xcd\xf5^\xd0\xa1\xb6\xab") << u8("王^小东");
        // 乗 is 81 5C in GBK: its trail byte must not end the value.
        QTest::newRow("GBK trail byte 0x5C") << "GBK" << QByteArray("\x81\x5c\\A") << u8("乗\\A");
        QTest::newRow("GB18030 four-byte") << "GB18030" << QByteArray("\x81\x30\x81\x30") << u8("\u0080");
        QTest::newRow("ISO 2022 IR 58 (PS3.5 K)")
            << "\\ISO 2022 IR 58"
            << QByteArray("Zhang^XiaoDong=\x1b$)A\xd5\xc5^\x1b$)A\xd0\xa1\xb6\xab=") << u8("Zhang^XiaoDong=张^小东=");
        QTest::newRow("ISO 2022 IR 159 JIS X 0212")
            << "\\ISO 2022 IR 87\\ISO 2022 IR 159" << QByteArray("\x1b$(D0!\x1b(B^\x1b$B;3\x1b(B") << u8("丂^山");
        // Value 1 active again after '^' and '\': the Cyrillic escape lasts
        // only until the next delimiter.
        QTest::newRow("ISO 2022 Latin-1 + Cyrillic")
            << "ISO 2022 IR 100\\ISO 2022 IR 144"
            << QByteArray("M\xfcller^\x1b-L\xbf\xf1\xe2\xe0^J\xfcrgen") << u8("Müller^Пётр^Jürgen");
        QTest::newRow("misspelled ISO-IR 100") << "ISO-IR 100" << QByteArray("M\xfcller") << u8("Müller");
        QTest::newRow("misspelled ISO_IR_144") << "ISO_IR_144" << QByteArray("\xbf\xf1\xe2\xe0") << u8("Пётр");
        QTest::newRow("misspelled iso 2022 ir 87")
            << "\\iso-2022-ir-87" << QByteArray("\x1b$B;3ED\x1b(B") << u8("山田");
    }

    void generatedValues_ShouldDecodePerCharacterSet()
    {
        QFETCH(QString, charset);
        QFETCH(QByteArray, raw);
        QFETCH(QString, expected);
        DcmDataset ds = datasetWith(charset.toLatin1().constData(), raw);
        QString warning;
        QVERIFY(dicom::convertToUtf8(ds, &warning).ok());
        QVERIFY2(warning.isEmpty(), qPrintable(warning));
        QCOMPARE(dicom::stringValue(ds, DCM_PatientName), expected);
        QCOMPARE(dicom::stringValue(ds, DCM_PatientID), QStringLiteral("ID-1"));
        QCOMPARE(dicom::stringValue(ds, DCM_SpecificCharacterSet), QStringLiteral("ISO_IR 192"));
    }

    void normalizeCharsetTerms_ShouldFixCommonMisspellings_data()
    {
        QTest::addColumn<QString>("in");
        QTest::addColumn<QString>("out");
        QTest::newRow("hyphen") << "ISO-IR 100" << "ISO_IR 100";
        QTest::newRow("underscores") << "ISO_IR_100" << "ISO_IR 100";
        QTest::newRow("lower case, no space") << "iso_ir100" << "ISO_IR 100";
        QTest::newRow("utf-8") << "UTF-8" << "ISO_IR 192";
        QTest::newRow("extension hyphens") << "ISO-2022-IR-87" << "ISO 2022 IR 87";
        QTest::newRow("87 without 2022") << "ISO_IR 87" << "ISO 2022 IR 87";
        QTest::newRow("multi-valued keeps empty value 1") << "\\ISO 2022 IR 149 " << "\\ISO 2022 IR 149";
        QTest::newRow("gb18030 lower case") << "gb18030" << "GB18030";
        QTest::newRow("correct term unchanged") << "ISO_IR 148" << "ISO_IR 148";
        QTest::newRow("unknown unchanged") << "WINDOWS-1252" << "WINDOWS-1252";
    }

    void normalizeCharsetTerms_ShouldFixCommonMisspellings()
    {
        QFETCH(QString, in);
        QFETCH(QString, out);
        QCOMPARE(dicom::normalizeCharsetTerms(in), out);
    }

    // A real ultrasound file that says "ISO-IR 100" (INDEX.tsv of the shared data).
    void realFileWithMisspelledTerm_ShouldConvertWithoutWarning()
    {
        const QString shared = test::sharedTestData();
        const QString path = shared
                             + QStringLiteral("/robustness/dicomparser_encapsulation/encapsulated/multi-frame/"
                                              "IM00001.implicit_little_endian.dcm");
        if (shared.isEmpty() || !QFileInfo(path).exists())
            QSKIP("shared test data absent");
        auto loaded = dicom::DicomFile::load(path);
        QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
        DcmDataset &ds = loaded.value().dataset();
        QCOMPARE(dicom::stringValue(ds, DCM_SpecificCharacterSet), QStringLiteral("ISO-IR 100"));
        QString warning;
        QVERIFY(dicom::convertToUtf8(ds, &warning).ok());
        QVERIFY2(warning.isEmpty(), qPrintable(warning));
        QCOMPARE(dicom::stringValue(ds, DCM_PatientName), QStringLiteral("US Echo"));
        QCOMPARE(dicom::stringValue(ds, DCM_SpecificCharacterSet), QStringLiteral("ISO_IR 192"));
    }

    // pydicom's explicit_VR-UN.dcm stores (0008,0005) itself as UN. Kilima's
    // parser converts UN to the dictionary VR while reading; a dataset built
    // without that conversion must still be decoded right.
    void charsetStoredAsUn_ShouldStillApply()
    {
        const OFBool conversion = dcmEnableUnknownVRConversion.get();
        dcmEnableUnknownVRConversion.set(OFFalse);
        auto restore = qScopeGuard([conversion] { dcmEnableUnknownVRConversion.set(conversion); });
        DcmDataset ds = datasetWith(nullptr, QByteArray("M\xfcller"));
        DcmElement *un = nullptr;
        QVERIFY(DcmItem::newDicomElementWithVR(un, DcmTag(DCM_SpecificCharacterSet, EVR_UN)).good());
        un->putUint8Array(reinterpret_cast<const Uint8 *>("ISO_IR 100"), 10);
        QVERIFY(ds.insert(un).good());
        QString warning;
        QVERIFY(dicom::convertToUtf8(ds, &warning).ok());
        QVERIFY2(warning.isEmpty(), qPrintable(warning));
        QCOMPARE(dicom::stringValue(ds, DCM_PatientName), u8("Müller"));
        QCOMPARE(dicom::stringValue(ds, DCM_SpecificCharacterSet), QStringLiteral("ISO_IR 192"));
    }

    void unknownTerm_ShouldDecodeAsLatin1AndWarn()
    {
        DcmDataset ds = datasetWith("WINDOWS-1252", QByteArray("M\xfcller"));
        QString warning;
        QVERIFY(dicom::convertToUtf8(ds, &warning).ok());
        QCOMPARE(dicom::stringValue(ds, DCM_PatientName), u8("Müller"));
        QVERIFY2(warning.contains(QStringLiteral("WINDOWS-1252")), qPrintable(warning));
        QVERIFY2(warning.contains(QStringLiteral("ISO_IR 100")), qPrintable(warning));
    }

    void invalidBytes_ShouldBeReplacedNotDropTheDataset()
    {
        DcmDataset ds = datasetWith("ISO_IR 192", QByteArray("Bad\xff\xfeName"));
        ds.putAndInsertString(DCM_StudyDescription, "Chest \xc3\xa9tude");
        QString warning;
        QVERIFY(dicom::convertToUtf8(ds, &warning).ok());
        const QString name = dicom::stringValue(ds, DCM_PatientName);
        QVERIFY2(name.startsWith(QStringLiteral("Bad")) && name.endsWith(QStringLiteral("Name")), qPrintable(name));
        QVERIFY(name.contains(QChar(QChar::ReplacementCharacter)));
        QCOMPARE(dicom::stringValue(ds, DCM_StudyDescription), u8("Chest étude"));
        QCOMPARE(dicom::stringValue(ds, DCM_PatientID), QStringLiteral("ID-1"));
        QVERIFY2(warning.contains(QStringLiteral("(0010,0010)")), qPrintable(warning));
    }

    void truncatedMultiByteAndUnknownEscape_ShouldNotCrash()
    {
        DcmDataset ds = datasetWith("\\ISO 2022 IR 87", QByteArray("\x1b$B;3E\x1b(B^\x1b$Z;3"));
        QString warning;
        QVERIFY(dicom::convertToUtf8(ds, &warning).ok());
        QVERIFY(dicom::stringValue(ds, DCM_PatientName).startsWith(u8("山")));
        QVERIFY(!warning.isEmpty());
    }

    void noCharsetAndAsciiOnly_ShouldLeaveTheDatasetAlone()
    {
        DcmDataset ds = datasetWith(nullptr, QByteArray("Doe^John"));
        QString warning;
        QVERIFY(dicom::convertToUtf8(ds, &warning).ok());
        QVERIFY(warning.isEmpty());
        QCOMPARE(dicom::stringValue(ds, DCM_PatientName), QStringLiteral("Doe^John"));
        QVERIFY(!ds.tagExists(DCM_SpecificCharacterSet));
    }

    void noCharsetWithHighBytes_ShouldDecodeAsLatin1AndWarn()
    {
        DcmDataset ds = datasetWith(nullptr, QByteArray("M\xfcller"));
        QString warning;
        QVERIFY(dicom::convertToUtf8(ds, &warning).ok());
        QCOMPARE(dicom::stringValue(ds, DCM_PatientName), u8("Müller"));
        QCOMPARE(dicom::stringValue(ds, DCM_SpecificCharacterSet), QStringLiteral("ISO_IR 192"));
        QVERIFY(warning.contains(QStringLiteral("(0010,0010)")));
    }

    // Many elements, in the dataset and in sequence items (found by
    // fuzz/dicom_parse): conversion walked the element list from its start
    // for every element, so 200,000 elements took minutes.
    // The bound leaves room for a loaded CI machine and the ASan build
    // (2-15 s there); the quadratic walk took over 80 s in Release.
    void manyElements_ShouldAllConvertInSeconds()
    {
        DcmDataset ds = datasetWith("ISO_IR 100", QByteArray("M\xfcller"));
        const int elements = 200000;
        for (int k = 0; k < elements; ++k) {
            auto *e = new DcmLongString(DcmTag(Uint16(0x0009 + 2 * (k / 0xf000)), Uint16(0x1000 + k % 0xf000), EVR_LO));
            e->putString("J\xfcrgen");
            QVERIFY(ds.insert(e).good());
        }
        auto *sequence = new DcmSequenceOfItems(DCM_OtherPatientIDsSequence);
        DcmItem *item = nullptr;
        for (int i = 0; i < 20000; ++i)
            QVERIFY(sequence->append(item = new DcmItem).good());
        item->putAndInsertString(DCM_IssuerOfPatientID, "J\xfcrgen");
        QVERIFY(ds.insert(sequence).good());
        QElapsedTimer timer;
        timer.start();
        QVERIFY(dicom::convertToUtf8(ds).ok());
        const qint64 ms = timer.elapsed();
        QCOMPARE(dicom::stringValue(ds, DcmTagKey(0x0009 + 2 * ((elements - 1) / 0xf000), 0x1000 + (elements - 1) % 0xf000)),
                 u8("Jürgen"));
        QCOMPARE(dicom::stringValue(*item, DCM_IssuerOfPatientID), u8("Jürgen"));
        QVERIFY2(ms < 30000, qPrintable(QStringLiteral("%1 ms").arg(ms)));
    }

    void sequenceItemWithOwnCharset_ShouldOverrideTheDatasets()
    {
        DcmDataset ds = datasetWith("ISO_IR 192", QByteArray("M\xc3\xbcller"));
        DcmItem *item = nullptr;
        QVERIFY(ds.findOrCreateSequenceItem(DCM_OtherPatientIDsSequence, item, -2).good());
        item->putAndInsertString(DCM_SpecificCharacterSet, "ISO_IR 144");
        item->putAndInsertString(DCM_IssuerOfPatientID, "\xbf\xf1\xe2\xe0");
        DcmItem *plain = nullptr;
        QVERIFY(ds.findOrCreateSequenceItem(DCM_OtherPatientIDsSequence, plain, -2).good());
        plain->putAndInsertString(DCM_IssuerOfPatientID, "J\xc3\xbcrgen");
        QVERIFY(dicom::convertToUtf8(ds).ok());
        QCOMPARE(dicom::stringValue(ds, DCM_PatientName), u8("Müller"));
        QCOMPARE(dicom::stringValue(*item, DCM_IssuerOfPatientID), u8("Пётр"));
        QCOMPARE(dicom::stringValue(*item, DCM_SpecificCharacterSet), QStringLiteral("ISO_IR 192"));
        QCOMPARE(dicom::stringValue(*plain, DCM_IssuerOfPatientID), u8("Jürgen"));
    }
};

QTEST_GUILESS_MAIN(TestCharset)
#include "tst_charset.moc"
