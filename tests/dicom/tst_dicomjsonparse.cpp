#include "testdata.h"

#include <kilima/dicom/dicomjson.h>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dcvrobow.h>
#include <dcmtk/dcmdata/dcvrov.h>

#include <QFile>
#include <QJsonDocument>
#include <QTest>

#include <cmath>
#include <limits>

using namespace kilima;

namespace {

QString u8(const char *s)
{
    return QString::fromUtf8(s);
}

// The value DCMTK holds for `tag` ("a\b" for several), or "<absent>".
QString text(DcmItem &item, const DcmTagKey &tag)
{
    OFString value;
    if (item.findAndGetOFStringArray(tag, value).bad())
        return QStringLiteral("<absent>");
    return QString::fromUtf8(value.c_str(), qsizetype(value.length()));
}

DcmItem *itemOf(DcmItem &parent, const DcmTagKey &sequence, int index = 0)
{
    DcmItem *item = nullptr;
    parent.findAndGetSequenceItem(sequence, item, index);
    return item;
}

QJsonObject parseObject(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

// A dataset with an attribute of every VR class, PN groups, empty values,
// nested and empty sequences: all of it valid, so that it must survive
// toDicomJson -> fromDicomJson -> toDicomJson unchanged.
DcmDataset everyVr()
{
    DcmDataset ds;
    ds.putAndInsertString(DCM_SpecificCharacterSet, "ISO_IR 192");
    ds.putAndInsertString(DCM_ImageType, "ORIGINAL\\PRIMARY\\\\AXIAL");
    ds.putAndInsertString(DCM_StudyDate, "");
    ds.putAndInsertString(DCM_StudyTime, "093000.123");
    ds.putAndInsertString(DCM_AcquisitionDateTime, "20261122093000");
    ds.putAndInsertString(DCM_RetrieveAETitle, "ARCHIVE");
    ds.putAndInsertString(DCM_PatientAge, "051Y");
    ds.putAndInsertString(DCM_SOPInstanceUID, "1.2.3.4");
    ds.putAndInsertString(DCM_PatientName, "Yamada^Tarou=山田^太郎=やまだ^たろう");
    ds.putAndInsertString(DCM_OtherPatientNames, "Doe^John\\\\=李\\==Phon");
    ds.putAndInsertString(DCM_StudyDescription, "Chest");
    ds.putAndInsertString(DCM_SelectorSTValue, "short text\\with backslash");
    ds.putAndInsertString(DCM_SelectorLTValue, " line 1\\still line 1");
    ds.putAndInsertString(DCM_SelectorUTValue, "a\\b");
    ds.putAndInsertString(DCM_SelectorUCValue, "unlimited\\chars");
    ds.putAndInsertString(DCM_SelectorURValue, "https://example.org/a\\b");
    ds.putAndInsertString(DCM_SelectorDSValue, "1.5\\-2.25e3\\0.1\\123456.789012346\\1e-20");
    ds.putAndInsertString(DCM_SelectorISValue, "42\\-7\\2147483647");
    ds.putAndInsertString(DCM_SliceThickness, "n/a"); // DS that is not a number
    ds.putAndInsertString(DCM_SelectorUSValue, "1\\65535");
    ds.putAndInsertString(DCM_SelectorSSValue, "-32768\\7");
    ds.putAndInsertString(DCM_SelectorULValue, "4294967295");
    ds.putAndInsertString(DCM_SelectorSLValue, "-2147483648\\2147483647");
    ds.putAndInsertString(DCM_SelectorSVValue, "-5\\9007199254740993\\-9223372036854775808");
    ds.putAndInsertString(DCM_SelectorUVValue, "18446744073709551615\\3");
    const Float32 fl[] = {0.5f, std::numeric_limits<float>::quiet_NaN(), -std::numeric_limits<float>::infinity(),
                          1.0e-30f};
    ds.putAndInsertFloat32Array(DCM_SelectorFLValue, fl, 4);
    const Float64 fd[] = {0.1, 0.30000000000000004, std::numeric_limits<double>::infinity()};
    ds.putAndInsertFloat64Array(DCM_SelectorFDValue, fd, 3);
    ds.putAndInsertTagKey(DCM_FrameIncrementPointer, DCM_FrameTime);
    const Uint8 ob[] = {1, 2, 3, 4};
    ds.putAndInsertUint8Array(DCM_SelectorOBValue, ob, 4);
    const Uint16 ow[] = {0x0102, 0x0304};
    ds.putAndInsertUint16Array(DCM_SelectorOWValue, ow, 2);
    const Float32 of[] = {1.0f, -2.5f};
    ds.putAndInsertFloat32Array(DCM_SelectorOFValue, of, 2);
    const Float64 od[] = {1.0 / 3.0};
    ds.putAndInsertFloat64Array(DCM_SelectorODValue, od, 1);
    const Uint32 ol[] = {0x01020304};
    ds.putAndInsertUint32Array(DCM_SelectorOLValue, ol, 1);
    auto *ov = new DcmOther64bitVeryLong(DcmTag(DCM_SelectorOVValue));
    const Uint64 ovValue[] = {0x0102030405060708ULL};
    ov->putUint64Array(ovValue, 1);
    ds.insert(ov);
    ds.putAndInsertString(DcmTag(0x0029, 0x0010, EVR_LO), "KILIMA TEST");
    auto *un = new DcmOtherByteOtherWord(DcmTag(0x0029, 0x1010, EVR_UN));
    const Uint8 unBytes[] = {0xde, 0xad, 0xbe, 0xef};
    un->putUint8Array(unBytes, 4);
    ds.insert(un);

    // Three levels of sequences, two items at the second level, one empty item.
    DcmItem *series = nullptr;
    ds.findOrCreateSequenceItem(DCM_ReferencedSeriesSequence, series, -2);
    series->putAndInsertString(DCM_SeriesInstanceUID, "1.2.3.4.5");
    for (int i = 0; i < 2; ++i) {
        DcmItem *instance = nullptr;
        series->findOrCreateSequenceItem(DCM_ReferencedInstanceSequence, instance, -2);
        instance->putAndInsertString(DCM_ReferencedSOPInstanceUID, i == 0 ? "1.2.3.4.5.1" : "1.2.3.4.5.2");
        DcmItem *code = nullptr;
        instance->findOrCreateSequenceItem(DCM_PurposeOfReferenceCodeSequence, code, -2);
        code->putAndInsertString(DCM_CodeValue, "121311");
        code->putAndInsertString(DCM_CodeMeaning, u8("Localizer – ü").toUtf8().constData());
    }
    DcmItem *empty = nullptr;
    ds.findOrCreateSequenceItem(DCM_ReferencedSeriesSequence, empty, -2);
    ds.insertEmptyElement(DCM_ReferencedImageSequence);
    const Uint16 pixels[] = {0x0102, 0x0304};
    ds.putAndInsertUint16Array(DCM_PixelData, pixels, 2);
    return ds;
}

const char *kWorklist = R"([{"00100010":{"vr":"PN","Value":[{"Alphabetic":"DOE^JANE"}]},
"00100020":{"vr":"LO","Value":["P123"]},"00080050":{"vr":"SH","Value":["ACC001"]},
"00401001":{"vr":"SH","Value":["RP1"]},
"00400100":{"vr":"SQ","Value":[{"00080060":{"vr":"CS","Value":["CT"]},"00400001":{"vr":"AE","Value":["CT01"]},
"00400002":{"vr":"DA","Value":["20261122"]},"00400003":{"vr":"TM","Value":["0930"]},
"00400007":{"vr":"LO","Value":["CT HEAD"]}}]}}])";

QString pydicomJson(const char *name)
{
    const QString dir = test::pydicomTestFiles();
    const QString path = dir + QLatin1Char('/') + QLatin1String(name);
    return !dir.isEmpty() && QFile::exists(path) ? path : QString();
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestDicomJsonParse : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyVrClass_ShouldRoundTripToTheSameJson()
    {
        DcmDataset original = everyVr();
        const QJsonObject json = dicom::toDicomJson(original);
        // Through text, as a file or an HTTP body would carry it.
        const QByteArray body = QJsonDocument(QJsonArray{json}).toJson(QJsonDocument::Compact);

        QStringList warnings;
        auto decoded = dicom::fromDicomJsonArray(body, {}, &warnings);
        QVERIFY2(decoded.ok(), qPrintable(decoded.error()));
        QCOMPARE(decoded.value().size(), size_t(1));
        DcmDataset &ds = *decoded.value().front();
        const QJsonObject again = dicom::toDicomJson(ds);
        if (again != json) {
            for (auto it = json.begin(); it != json.end(); ++it) {
                if (again.value(it.key()) != it.value())
                    qWarning("%s differs: %s vs %s", qPrintable(it.key()),
                             QJsonDocument(QJsonArray{it.value()}).toJson(QJsonDocument::Compact).constData(),
                             QJsonDocument(QJsonArray{again.value(it.key())}).toJson(QJsonDocument::Compact).constData());
            }
        }
        QCOMPARE(again, json);
        // The one malformed value is kept, and said to be malformed.
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings.at(0).contains(QStringLiteral("00180050")), qPrintable(warnings.at(0)));

        // And DCMTK holds what the original held.
        for (const DcmTagKey &tag :
             {DCM_ImageType, DCM_PatientName, DCM_OtherPatientNames, DCM_SelectorLTValue, DCM_SelectorUTValue,
              DCM_SelectorSTValue, DCM_SelectorISValue, DCM_SelectorUSValue, DCM_SelectorSSValue,
              DCM_SelectorSLValue, DCM_SelectorSVValue, DCM_SelectorUVValue, DCM_FrameIncrementPointer,
              DCM_SpecificCharacterSet, DCM_SliceThickness})
            QCOMPARE(text(ds, tag), text(original, tag));
        DcmElement *element = nullptr;
        QVERIFY(ds.findAndGetElement(DCM_SelectorOBValue, element).good());
        QCOMPARE(element->getVR(), EVR_OB);
        QVERIFY(ds.findAndGetElement(DcmTagKey(0x0029, 0x1010), element).good());
        QCOMPARE(element->getVR(), EVR_UN);
        QVERIFY(ds.findAndGetElement(DCM_PixelData, element).good());
        Uint16 *words = nullptr;
        QVERIFY(element->getUint16Array(words).good());
        QCOMPARE(words[1], Uint16(0x0304));
        DcmItem *code = itemOf(*itemOf(*itemOf(ds, DCM_ReferencedSeriesSequence), DCM_ReferencedInstanceSequence, 1),
                               DCM_PurposeOfReferenceCodeSequence);
        QVERIFY(code);
        QCOMPARE(text(*code, DCM_CodeMeaning), u8("Localizer – ü"));
        DcmSequenceOfItems *sequence = nullptr;
        QVERIFY(ds.findAndGetSequence(DCM_ReferencedImageSequence, sequence).good());
        QCOMPARE(sequence->card(), 0ul);
        QVERIFY(ds.findAndGetSequence(DCM_ReferencedSeriesSequence, sequence).good());
        QCOMPARE(sequence->card(), 2ul);
        QCOMPARE(sequence->getItem(1)->card(), 0ul);
    }

    void worklistItem_ShouldDecodeToTheRightValues()
    {
        auto decoded = dicom::fromDicomJsonArray(kWorklist);
        QVERIFY2(decoded.ok(), qPrintable(decoded.error()));
        QCOMPARE(decoded.value().size(), size_t(1));
        DcmDataset &ds = *decoded.value().front();
        QCOMPARE(text(ds, DCM_PatientName), QStringLiteral("DOE^JANE"));
        QCOMPARE(text(ds, DCM_PatientID), QStringLiteral("P123"));
        QCOMPARE(text(ds, DCM_AccessionNumber), QStringLiteral("ACC001"));
        QCOMPARE(text(ds, DCM_RequestedProcedureID), QStringLiteral("RP1"));
        QCOMPARE(text(ds, DCM_SpecificCharacterSet), QStringLiteral("<absent>")); // plain ASCII needs none
        DcmElement *element = nullptr;
        QVERIFY(ds.findAndGetElement(DCM_AccessionNumber, element).good());
        QCOMPARE(element->getVR(), EVR_SH);

        DcmItem *step = itemOf(ds, DCM_ScheduledProcedureStepSequence);
        QVERIFY(step);
        QCOMPARE(text(*step, DCM_Modality), QStringLiteral("CT"));
        QCOMPARE(text(*step, DCM_ScheduledStationAETitle), QStringLiteral("CT01"));
        QCOMPARE(text(*step, DCM_ScheduledProcedureStepStartDate), QStringLiteral("20261122"));
        QCOMPARE(text(*step, DCM_ScheduledProcedureStepStartTime), QStringLiteral("0930"));
        QCOMPARE(text(*step, DCM_ScheduledProcedureStepDescription), QStringLiteral("CT HEAD"));
        QCOMPARE(itemOf(ds, DCM_ScheduledProcedureStepSequence, 1), nullptr);

        // A single object is read as an array of one.
        auto single = dicom::fromDicomJsonArray(
            QJsonDocument(QJsonDocument::fromJson(kWorklist).array().at(0).toObject()).toJson());
        QVERIFY2(single.ok(), qPrintable(single.error()));
        QCOMPARE(text(*single.value().front(), DCM_PatientName), QStringLiteral("DOE^JANE"));
    }

    void personName_ShouldJoinGroupsAndTrimTrailingEmptyOnes_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("alphabetic") << QByteArray(R"([{"Alphabetic":"DOE^JANE"}])") << "DOE^JANE";
        QTest::newRow("all three") << QByteArray(R"([{"Phonetic":"P","Alphabetic":"A","Ideographic":"I"}])")
                                   << "A=I=P";
        QTest::newRow("ideographic only") << QByteArray(R"([{"Ideographic":"I"}])") << "=I";
        QTest::newRow("no ideographic") << QByteArray(R"([{"Alphabetic":"A","Phonetic":"P"}])") << "A==P";
        QTest::newRow("empty trailing groups") << QByteArray(R"([{"Alphabetic":"A","Ideographic":"","Phonetic":""}])")
                                               << "A";
        QTest::newRow("empty object") << QByteArray(R"([{}])") << "";
        QTest::newRow("several with null") << QByteArray(R"([{"Alphabetic":"A"},null,{"Ideographic":"I"}])")
                                           << "A\\\\=I";
    }

    void personName_ShouldJoinGroupsAndTrimTrailingEmptyOnes()
    {
        QFETCH(QByteArray, value);
        QFETCH(QString, expected);
        const QJsonObject object = parseObject(R"({"00101001":{"vr":"PN","Value":)" + value + "}}");
        QVERIFY(!object.isEmpty());
        auto decoded = dicom::fromDicomJson(object);
        QVERIFY2(decoded.ok(), qPrintable(decoded.error()));
        QCOMPARE(text(*decoded.value(), DCM_OtherPatientNames), expected.isEmpty() ? QString() : expected);
    }

    void numbers_ShouldBecomeTheRightDicomText_data()
    {
        QTest::addColumn<QByteArray>("attribute");
        QTest::addColumn<QString>("expected");
        // DS: the shortest exact text when it fits 16 characters, else the
        // closest that does.
        QTest::newRow("DS exact") << QByteArray(R"({"vr":"DS","Value":[87.09,-2250,0.1]})") << "87.09\\-2250\\0.1";
        QTest::newRow("DS 17 digits") << QByteArray(R"({"vr":"DS","Value":[0.30000000000000004]})") << "0.3";
        QTest::newRow("DS long") << QByteArray(R"({"vr":"DS","Value":[123456.78901234567]})") << "123456.789012346";
        QTest::newRow("DS tiny") << QByteArray(R"({"vr":"DS","Value":[-1.2345678901234567e-100]})")
                                 << "-1.23456789e-100";
        QTest::newRow("DS huge") << QByteArray(R"({"vr":"DS","Value":[1e20]})") << "1e+20";
        QTest::newRow("DS string") << QByteArray(R"({"vr":"DS","Value":[" 1.50 ",null]})") << "1.50\\";
        QTest::newRow("IS") << QByteArray(R"({"vr":"IS","Value":[42,-7,3.0,"12"]})") << "42\\-7\\3\\12";
        QTest::newRow("US strings") << QByteArray(R"({"vr":"US","Value":["7", 65535]})") << "7\\65535";
        QTest::newRow("SS") << QByteArray(R"({"vr":"SS","Value":[-32768]})") << "-32768";
        QTest::newRow("UL") << QByteArray(R"({"vr":"UL","Value":[4294967295]})") << "4294967295";
        QTest::newRow("SL") << QByteArray(R"({"vr":"SL","Value":["-2147483648"]})") << "-2147483648";
        QTest::newRow("UV string") << QByteArray(R"({"vr":"UV","Value":["18446744073709551615"]})")
                                   << "18446744073709551615";
        QTest::newRow("SV number") << QByteArray(R"({"vr":"SV","Value":[-9007199254740992]})") << "-9007199254740992";
        QTest::newRow("FD") << QByteArray(R"({"vr":"FD","Value":[0.5,"-Infinity","2.5"]})") << "0.5\\-inf\\2.5";
        QTest::newRow("FL NaN") << QByteArray(R"({"vr":"FL","Value":["NaN"]})") << "nan";
        QTest::newRow("AT lower case") << QByteArray(R"({"vr":"AT","Value":["0018106a","00181063"]})")
                                       << "(0018,106a)\\(0018,1063)";
    }

    void numbers_ShouldBecomeTheRightDicomText()
    {
        QFETCH(QByteArray, attribute);
        QFETCH(QString, expected);
        // Any tag will do: the JSON VR wins over the dictionary.
        auto decoded = dicom::fromDicomJson(parseObject(R"({"00091001":)" + attribute + "}"));
        QVERIFY2(decoded.ok(), qPrintable(decoded.error()));
        DcmElement *element = nullptr;
        QVERIFY(decoded.value()->findAndGetElement(DcmTagKey(0x0009, 0x1001), element).good());
        OFString value;
        QVERIFY(element->getOFStringArray(value).good());
        QCOMPARE(QString::fromLatin1(value.c_str()).toLower(), expected.toLower());
        if (element->getVR() == EVR_DS) {
            for (const QString &part : QString::fromLatin1(value.c_str()).split(QLatin1Char('\\')))
                QVERIFY2(part.size() <= 16, qPrintable(part));
        }
    }

    void nonAsciiText_ShouldDeclareUtf8()
    {
        auto noCharset = dicom::fromDicomJson(parseObject(u8(R"({"00100010":{"vr":"PN","Value":[{"Alphabetic":"Müller^Jürgen"}]}})").toUtf8()));
        QVERIFY2(noCharset.ok(), qPrintable(noCharset.error()));
        QCOMPARE(text(*noCharset.value(), DCM_SpecificCharacterSet), QStringLiteral("ISO_IR 192"));
        QCOMPARE(text(*noCharset.value(), DCM_PatientName), u8("Müller^Jürgen"));

        // Only in a sequence item: still the dataset's character set.
        auto nested = dicom::fromDicomJson(parseObject(
            u8(R"({"00400100":{"vr":"SQ","Value":[{"00400007":{"vr":"LO","Value":["Schädel"]}}]}})").toUtf8()));
        QVERIFY2(nested.ok(), qPrintable(nested.error()));
        QCOMPARE(text(*nested.value(), DCM_SpecificCharacterSet), QStringLiteral("ISO_IR 192"));
        QCOMPARE(text(*itemOf(*nested.value(), DCM_ScheduledProcedureStepSequence), DCM_SpecificCharacterSet),
                 QStringLiteral("<absent>"));

        QStringList warnings;
        auto wrongCharset = dicom::fromDicomJson(
            parseObject(u8(R"({"00080005":{"vr":"CS","Value":["ISO_IR 100"]},"00081030":{"vr":"LO","Value":["Schädel"]}})")
                            .toUtf8()),
            {}, &warnings);
        QVERIFY2(wrongCharset.ok(), qPrintable(wrongCharset.error()));
        QCOMPARE(text(*wrongCharset.value(), DCM_SpecificCharacterSet), QStringLiteral("ISO_IR 192"));
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings.at(0).startsWith(QStringLiteral("00080005: ")), qPrintable(warnings.at(0)));

        auto ascii = dicom::fromDicomJson(parseObject(R"({"00080005":{"vr":"CS","Value":["ISO_IR 100"]},
            "00081030":{"vr":"LO","Value":["Head"]}})"));
        QVERIFY(ascii.ok());
        QCOMPARE(text(*ascii.value(), DCM_SpecificCharacterSet), QStringLiteral("ISO_IR 100"));
    }

    void missingVr_ShouldComeFromTheDictionary()
    {
        auto decoded = dicom::fromDicomJson(parseObject(R"({"00280010":{"Value":[512]},"00100010":{"Value":[{"Alphabetic":"A^B"}]}})"));
        QVERIFY2(decoded.ok(), qPrintable(decoded.error()));
        DcmElement *element = nullptr;
        QVERIFY(decoded.value()->findAndGetElement(DCM_Rows, element).good());
        QCOMPARE(element->getVR(), EVR_US);
        QCOMPARE(text(*decoded.value(), DCM_Rows), QStringLiteral("512"));
        QCOMPARE(text(*decoded.value(), DCM_PatientName), QStringLiteral("A^B"));
    }

    void bulkDataUri_ShouldGoThroughTheResolver()
    {
        const QJsonObject object = parseObject(R"({"7FE00010":{"vr":"OW","BulkDataURI":"bulk/pixels"},
            "00720070":{"vr":"UT","BulkDataURI":"bulk/text"},
            "00720074":{"vr":"FD","BulkDataURI":"bulk/fd"}})");
        auto unresolved = dicom::fromDicomJson(object);
        QVERIFY(!unresolved.ok());
        QVERIFY2(unresolved.error().startsWith(QStringLiteral("00720070: bulk data URIs cannot be resolved here")),
                 qPrintable(unresolved.error()));

        QStringList asked;
        dicom::BulkDataResolver resolver = [&](const QString &uri) -> core::Result<QByteArray> {
            asked.append(uri);
            if (uri.endsWith(QLatin1String("pixels")))
                return QByteArray("\x02\x01\x04\x03", 4);
            if (uri.endsWith(QLatin1String("text")))
                return u8("a\\b ü").toUtf8();
            double half = 0.5; // little endian on every host Kilima runs on
            return QByteArray(reinterpret_cast<const char *>(&half), 8);
        };
        auto resolved = dicom::fromDicomJson(object, resolver);
        QVERIFY2(resolved.ok(), qPrintable(resolved.error()));
        QCOMPARE(asked.size(), 3);
        DcmDataset &ds = *resolved.value();
        DcmElement *pixels = nullptr;
        QVERIFY(ds.findAndGetElement(DCM_PixelData, pixels).good());
        Uint16 *words = nullptr;
        QVERIFY(pixels->getUint16Array(words).good());
        QCOMPARE(pixels->getLength(), Uint32(4));
        QCOMPARE(words[0], Uint16(0x0102));
        QCOMPARE(text(ds, DCM_SelectorUTValue), u8("a\\b ü"));
        QCOMPARE(text(ds, DCM_SelectorFDValue), QStringLiteral("0.5"));
        QCOMPARE(text(ds, DCM_SpecificCharacterSet), QStringLiteral("ISO_IR 192"));

        auto failing = dicom::fromDicomJson(
            object, [](const QString &) -> core::Result<QByteArray> { return core::Error{QStringLiteral("HTTP 404")}; });
        QVERIFY(!failing.ok());
        QVERIFY2(failing.error().contains(QStringLiteral("HTTP 404")) && failing.error().contains(QStringLiteral("bulk/")),
                 qPrintable(failing.error()));
    }

    void hostileInput_ShouldGiveAnErrorNamingTheTag_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("PN string") << QByteArray(R"({"00100010":{"vr":"PN","Value":["DOE^JANE"]}})")
                                   << "00100010: PN value 1 must be an object";
        QTest::newRow("PN group number") << QByteArray(R"({"00100010":{"vr":"PN","Value":[{"Alphabetic":5}]}})")
                                         << "00100010: PN value 1 Alphabetic must be a string";
        QTest::newRow("PN unknown group") << QByteArray(R"({"00100010":{"vr":"PN","Value":[{"Kanji":"x"}]}})")
                                          << "00100010: PN value 1 has an unknown group";
        QTest::newRow("PN separator") << QByteArray(R"({"00100010":{"vr":"PN","Value":[{"Alphabetic":"A=B"}]}})")
                                      << "00100010: PN value 1 Alphabetic contains '='";
        QTest::newRow("short key") << QByteArray(R"({"0010001":{"vr":"PN"}})") << "0010001: key is not a tag";
        QTest::newRow("signed key") << QByteArray(R"({"+0010010":{"vr":"PN"}})") << "+0010010: key is not a tag";
        QTest::newRow("item tag") << QByteArray(R"({"FFFEE000":{"vr":"SQ"}})") << "FFFEE000: item and delimitation";
        QTest::newRow("attribute not object") << QByteArray(R"({"00100010":"DOE"})")
                                              << "00100010: attribute must be an object";
        QTest::newRow("unknown VR") << QByteArray(R"({"00100010":{"vr":"XX"}})") << "00100010: unknown VR \"XX\"";
        QTest::newRow("VR not string") << QByteArray(R"({"00100010":{"vr":7}})") << "00100010: \"vr\" must be a string";
        QTest::newRow("no VR, private") << QByteArray(R"({"00291010":{"Value":["x"]}})")
                                        << "00291010: \"vr\" is missing and the tag is not in the data dictionary";
        QTest::newRow("Value not array") << QByteArray(R"({"00100020":{"vr":"LO","Value":"P1"}})")
                                         << "00100020: \"Value\" must be an array";
        QTest::newRow("LO number") << QByteArray(R"({"00100020":{"vr":"LO","Value":[5]}})")
                                   << "00100020: LO value 1 must be a string";
        QTest::newRow("LO backslash") << QByteArray(R"({"00100020":{"vr":"LO","Value":["a\\b"]}})")
                                      << "00100020: LO value 1 contains a backslash";
        QTest::newRow("LT two values") << QByteArray(R"({"00104000":{"vr":"LT","Value":["a","b"]}})")
                                       << "00104000: LT holds one value, not 2";
        QTest::newRow("US too big") << QByteArray(R"({"00280010":{"vr":"US","Value":[70000]}})")
                                    << "00280010: US value 1 70000 is out of range for US";
        QTest::newRow("US negative") << QByteArray(R"({"00280010":{"vr":"US","Value":["-1"]}})")
                                     << "00280010: US value 1 \"-1\" is not an unsigned integer";
        QTest::newRow("US fraction") << QByteArray(R"({"00280010":{"vr":"US","Value":[1.5]}})")
                                     << "00280010: US value 1 1.5 is not an integer";
        QTest::newRow("US bool") << QByteArray(R"({"00280010":{"vr":"US","Value":[true]}})")
                                 << "00280010: US value 1 must be a number";
        QTest::newRow("SL text") << QByteArray(R"({"00186020":{"vr":"SL","Value":["12abc"]}})")
                                 << "00186020: SL value 1 \"12abc\" is not an integer";
        QTest::newRow("UV too big") << QByteArray(R"({"00720083":{"vr":"UV","Value":[1e30]}})")
                                    << "00720083: UV value 1 1e+30 is out of range for UV";
        QTest::newRow("FL too big") << QByteArray(R"({"00720076":{"vr":"FL","Value":[1e300]}})")
                                    << "00720076: FL value 1 1e+300 is out of range for FL";
        QTest::newRow("FD object") << QByteArray(R"({"00720074":{"vr":"FD","Value":[{}]}})")
                                   << "00720074: FD value 1 must be a number";
        QTest::newRow("IS fraction") << QByteArray(R"({"00201208":{"vr":"IS","Value":[2.5]}})")
                                     << "00201208: IS value 1 2.5 is not an integer";
        QTest::newRow("IS too big") << QByteArray(R"({"00201208":{"vr":"IS","Value":[1e12]}})")
                                    << "00201208: IS value 1 1e+12 is out of range for IS";
        QTest::newRow("DS array") << QByteArray(R"({"00180050":{"vr":"DS","Value":[[1]]}})")
                                  << "00180050: DS value 1 must be a number";
        QTest::newRow("AT bad") << QByteArray(R"({"00280009":{"vr":"AT","Value":["0018,1063"]}})")
                                << "00280009: AT value 1 must be a tag string";
        QTest::newRow("OB with Value") << QByteArray(R"({"00720065":{"vr":"OB","Value":[1,2]}})")
                                       << "00720065: OB takes InlineBinary or BulkDataURI, not Value";
        QTest::newRow("bad base64") << QByteArray(R"({"00720065":{"vr":"OB","InlineBinary":"@@@"}})")
                                    << "00720065: InlineBinary is not valid base64";
        QTest::newRow("base64 not string") << QByteArray(R"({"00720065":{"vr":"OB","InlineBinary":[1]}})")
                                           << "00720065: InlineBinary must be a base64 string";
        QTest::newRow("OW odd") << QByteArray(R"({"7FE00010":{"vr":"OW","InlineBinary":"AQID"}})")
                                << "7FE00010: OW data of 3 bytes is not a multiple of 2";
        QTest::newRow("InlineBinary on LO") << QByteArray(R"({"00100020":{"vr":"LO","InlineBinary":"AQID"}})")
                                            << "00100020: InlineBinary is only for";
        QTest::newRow("Value and InlineBinary")
            << QByteArray(R"({"00720065":{"vr":"OB","InlineBinary":"AQI=","Value":[]}})")
            << "00720065: has more than one of Value, InlineBinary and BulkDataURI";
        QTest::newRow("bulk data") << QByteArray(R"({"7FE00010":{"vr":"OB","BulkDataURI":"bulk/1"}})")
                                   << "7FE00010: bulk data URIs cannot be resolved here";
        QTest::newRow("bulk data PN") << QByteArray(R"({"00100010":{"vr":"PN","BulkDataURI":"bulk/1"}})")
                                      << "00100010: PN cannot be bulk data";
        QTest::newRow("SQ item not object") << QByteArray(R"({"00400100":{"vr":"SQ","Value":[null]}})")
                                            << "00400100: SQ item 1 must be an object";
        QTest::newRow("error inside item")
            << QByteArray(R"({"00400100":{"vr":"SQ","Value":[{},{"00400002":{"vr":"DA","Value":[20261122]}}]}})")
            << "00400100 item 2, 00400002: DA value 1 must be a string";
        QTest::newRow("same tag twice") << QByteArray(R"({"0010001a":{"vr":"LO"},"0010001A":{"vr":"LO"}})")
                                        << "0010001A: the tag appears more than once";

        QByteArray deep = R"({"00400275":{"vr":"SQ","Value":[{}]}})";
        for (int i = 0; i < 70; ++i)
            deep = R"({"00400275":{"vr":"SQ","Value":[)" + deep + "]}}";
        QTest::newRow("deep nesting") << deep << "sequences nested deeper than 64 levels";
    }

    void hostileInput_ShouldGiveAnErrorNamingTheTag()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        QJsonParseError parse;
        const QJsonDocument document = QJsonDocument::fromJson(json, &parse);
        QCOMPARE(parse.error, QJsonParseError::NoError);
        auto decoded = dicom::fromDicomJson(document.object());
        QVERIFY2(!decoded.ok(), "hostile input must be refused");
        QVERIFY2(decoded.error().startsWith(expected) || (expected.startsWith(QLatin1String("sequences"))
                                                          && decoded.error().startsWith(QLatin1String("00400275 item 1"))
                                                          && decoded.error().endsWith(expected)),
                 qPrintable(decoded.error()));
        // The same through the array entry point, with the dataset named.
        auto viaArray = dicom::fromDicomJsonArray("[{}," + json + "]");
        QVERIFY(!viaArray.ok());
        QVERIFY2(viaArray.error().startsWith(QStringLiteral("dataset 2: ")), qPrintable(viaArray.error()));
    }

    void hostileDocuments_ShouldBeRefused_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not JSON") << QByteArray("[{\"00100010\":") << "not valid JSON at offset";
        QTest::newRow("empty") << QByteArray() << "not valid JSON";
        QTest::newRow("array of numbers") << QByteArray("[{}, 5]") << "dataset 2: must be a JSON object";
        QTest::newRow("JSON nesting") << QByteArray(100000, '[') << "not valid JSON";
    }

    void hostileDocuments_ShouldBeRefused()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        auto decoded = dicom::fromDicomJsonArray(json);
        QVERIFY(!decoded.ok());
        QVERIFY2(decoded.error().startsWith(expected), qPrintable(decoded.error()));
    }

    void hugeArrays_ShouldDecodeOrWarnOnce()
    {
        QJsonArray names;
        QJsonArray numbers;
        for (int i = 0; i < 100000; ++i) {
            names.append(QStringLiteral("N%1").arg(i));
            numbers.append(i % 2 ? QJsonValue(i % 65536) : QJsonValue::Null);
        }
        const QJsonObject object{
            {QStringLiteral("00080008"), QJsonObject{{QStringLiteral("vr"), QStringLiteral("CS")}, {QStringLiteral("Value"), names}}},
            {QStringLiteral("00181310"), QJsonObject{{QStringLiteral("vr"), QStringLiteral("US")}, {QStringLiteral("Value"), numbers}}}};
        QStringList warnings;
        auto decoded = dicom::fromDicomJson(object, {}, &warnings);
        QVERIFY2(decoded.ok(), qPrintable(decoded.error()));
        DcmElement *element = nullptr;
        QVERIFY(decoded.value()->findAndGetElement(DCM_ImageType, element).good());
        QCOMPARE(element->getVM(), 100000ul);
        QVERIFY(decoded.value()->findAndGetElement(DCM_AcquisitionMatrix, element).good());
        QCOMPARE(element->getVM(), 50000ul);
        QCOMPARE(warnings, QStringList{QStringLiteral(
                               "00181310: 50000 empty US value(s) left out: a binary VR has no empty value")});
    }

    // pydicom's samples hold what other encoders write: "Value":[""] for an
    // empty value, a null inside a US value and a BulkDataURI of "" for the
    // pixel data. "" is an empty value, the null is left out with a warning,
    // and the URI needs the caller's resolver like any other.
    void pydicomTest1Json_ShouldDecode()
    {
        const QString path = pydicomJson("test1.json");
        if (path.isEmpty())
            QSKIP("python3-pydicom is not installed");
        const QByteArray json = readAll(path);

        auto unresolved = dicom::fromDicomJsonArray(json);
        QVERIFY(!unresolved.ok());
        QVERIFY2(unresolved.error().startsWith(QStringLiteral("7FE00010: bulk data URIs cannot be resolved here")),
                 qPrintable(unresolved.error()));

        QStringList uris;
        QStringList warnings;
        auto decoded = dicom::fromDicomJsonArray(
            json,
            [&](const QString &uri) -> core::Result<QByteArray> {
                uris.append(uri);
                return QByteArray(); // metadata only: leave the pixels out
            },
            &warnings);
        QVERIFY2(decoded.ok(), qPrintable(decoded.error()));
        QCOMPARE(uris, QStringList{QString()});
        QCOMPARE(decoded.value().size(), size_t(1));
        DcmDataset &ds = *decoded.value().front();
        QCOMPARE(text(ds, DCM_PatientName), QStringLiteral("Prostate^Volunteer"));
        QCOMPARE(text(ds, DCM_SOPClassUID), QStringLiteral("1.2.840.10008.5.1.4.1.1.4"));
        QCOMPARE(text(ds, DCM_PatientWeight), QStringLiteral("87.09"));
        QCOMPARE(text(ds, DCM_ImagesInAcquisition), QStringLiteral("714"));
        QCOMPARE(text(ds, DcmTagKey(0x0040, 0x2017)), QString()); // "Value":[""]
        QCOMPARE(text(ds, DCM_AcquisitionMatrix), QStringLiteral("128\\0\\0\\32"));
        QVERIFY2(warnings.size() == 1 && warnings.at(0).startsWith(QStringLiteral("00181310: 1 empty US")),
                 qPrintable(warnings.join(QLatin1Char('\n'))));
        QCOMPARE(text(ds, DcmTagKey(0x0019, 0x0010)), QStringLiteral("GEMS_ACQU_01")); // private creator
        DcmSequenceOfItems *sequence = nullptr;
        QVERIFY(ds.findAndGetSequence(DCM_DeidentificationMethodCodeSequence, sequence).good());
        QVERIFY(sequence->card() >= 3);
        QCOMPARE(sequence->getItem(1)->card(), 0ul); // {} is an empty item
        QCOMPARE(text(*sequence->getItem(0), DCM_CodeValue), QStringLiteral("113100"));
        DcmElement *pixels = nullptr;
        QVERIFY(ds.findAndGetElement(DCM_PixelData, pixels).good());
        QCOMPARE(pixels->getLength(), Uint32(0));

        // What we decoded encodes to JSON that decodes to the same again.
        const QJsonObject once = dicom::toDicomJson(ds);
        auto again = dicom::fromDicomJson(once);
        QVERIFY2(again.ok(), qPrintable(again.error()));
        QCOMPARE(dicom::toDicomJson(*again.value()), once);
    }

    void pydicomTestPnJson_ShouldDecode()
    {
        const QString path = pydicomJson("test_PN.json");
        if (path.isEmpty())
            QSKIP("python3-pydicom is not installed");
        QStringList warnings;
        auto decoded = dicom::fromDicomJsonArray(readAll(path), {}, &warnings);
        QVERIFY2(decoded.ok(), qPrintable(decoded.error()));
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(QLatin1Char('\n'))));
        DcmDataset &ds = *decoded.value().front();
        QCOMPARE(text(ds, DCM_PatientName), QStringLiteral("Prostate^Volunteer"));
        QCOMPARE(text(ds, DCM_ReferringPhysicianName), QString()); // {"Alphabetic":""}
        DcmItem *original = itemOf(ds, DCM_OriginalAttributesSequence);
        QVERIFY(original);
        DcmItem *modified = itemOf(*original, DCM_ModifiedAttributesSequence);
        QVERIFY(modified);
        QCOMPARE(text(*modified, DCM_PatientAge), QStringLiteral("051Y"));
        QCOMPARE(text(*modified, DCM_PatientSex), QStringLiteral("M"));
        QCOMPARE(text(*modified, DCM_PatientName), QString());
        QCOMPARE(text(*modified, DCM_PatientBirthDate), QString());
        QCOMPARE(text(ds, DCM_SpecificCharacterSet), QStringLiteral("<absent>"));
    }
};

QTEST_GUILESS_MAIN(TestDicomJsonParse)
#include "tst_dicomjsonparse.moc"
