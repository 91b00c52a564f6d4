#include "testdata.h"

#include <kilima/dicom/attributes.h>
#include <kilima/dicom/charset.h>
#include <kilima/dicom/dicomfile.h>
#include <kilima/dicom/dicomjson.h>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcpxitem.h>
#include <dcmtk/dcmdata/dcvrlo.h>
#include <dcmtk/dcmdata/dcvrobow.h>
#include <dcmtk/dcmdata/dcvrov.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
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

QJsonValue valueOf(const QJsonObject &json, const char *tag)
{
    return json.value(QLatin1String(tag)).toObject().value(QStringLiteral("Value"));
}

// A dataset with one attribute of every VR class the JSON model treats
// differently.
DcmDataset everyVr()
{
    DcmDataset ds;
    ds.putAndInsertString(DCM_SpecificCharacterSet, "ISO_IR 192");
    ds.putAndInsertUint32(DcmTagKey(0x0008, 0x0000), 100); // group length: never in JSON
    ds.putAndInsertString(DCM_ImageType, "ORIGINAL\\PRIMARY\\\\AXIAL");
    ds.putAndInsertString(DCM_StudyDate, "");
    ds.putAndInsertString(DCM_SOPInstanceUID, "1.2.3.4");
    ds.putAndInsertString(DCM_PatientName, "Yamada^Tarou=山田^太郎=やまだ^たろう");
    ds.putAndInsertString(DCM_OtherPatientNames, "Doe^John\\\\=李");
    ds.putAndInsertString(DCM_StudyDescription, " Chest  ");
    ds.putAndInsertString(DCM_SelectorLTValue, " line 1\\still line 1 ");
    ds.putAndInsertString(DCM_SelectorUTValue, "a\\b");
    ds.putAndInsertString(DCM_SelectorDSValue, "1.5\\-2.25e3\\ 0.1 \\0.30000000000000004");
    ds.putAndInsertString(DCM_SelectorISValue, "42\\-7\\ +3");
    ds.putAndInsertString(DCM_SliceThickness, "n/a"); // DS that is not a number
    ds.putAndInsertString(DCM_SelectorUSValue, "1\\65535");
    ds.putAndInsertString(DCM_SelectorSSValue, "-32768\\7");
    ds.putAndInsertString(DCM_SelectorULValue, "4294967295");
    ds.putAndInsertString(DCM_SelectorSLValue, "-2147483648");
    ds.putAndInsertString(DCM_SelectorSVValue, "-5\\9007199254740993");
    ds.putAndInsertString(DCM_SelectorUVValue, "18446744073709551615");
    const Float32 fl[] = {0.5f, std::numeric_limits<float>::quiet_NaN()};
    ds.putAndInsertFloat32Array(DCM_SelectorFLValue, fl, 2);
    ds.putAndInsertFloat64(DCM_SelectorFDValue, 0.1);
    ds.putAndInsertTagKey(DCM_FrameIncrementPointer, DCM_FrameTime);
    const Uint8 ob[] = {1, 2, 3};
    ds.putAndInsertUint8Array(DCM_SelectorOBValue, ob, 3);
    const Uint16 ow[] = {0x0102, 0x0304};
    ds.putAndInsertUint16Array(DCM_SelectorOWValue, ow, 2);
    const Float32 of[] = {1.0f};
    ds.putAndInsertFloat32Array(DCM_SelectorOFValue, of, 1);
    const Float64 od[] = {1.0};
    ds.putAndInsertFloat64Array(DCM_SelectorODValue, od, 1);
    const Uint32 ol[] = {0x01020304};
    ds.putAndInsertUint32Array(DCM_SelectorOLValue, ol, 1);
    auto *ov = new DcmOther64bitVeryLong(DcmTag(DCM_SelectorOVValue));
    const Uint64 ovValue[] = {1};
    ov->putUint64Array(ovValue, 1);
    ds.insert(ov);
    ds.putAndInsertString(DcmTag(0x0029, 0x0010, EVR_LO), "KILIMA TEST");
    auto *un = new DcmOtherByteOtherWord(DcmTag(0x0029, 0x1010, EVR_UN));
    const Uint8 unBytes[] = {0xde, 0xad, 0xbe, 0xef};
    un->putUint8Array(unBytes, 4);
    ds.insert(un);

    // Series item 0 with two instance items; the second holds a big value.
    DcmItem *series = nullptr;
    ds.findOrCreateSequenceItem(DCM_ReferencedSeriesSequence, series, -2);
    series->putAndInsertString(DCM_SeriesInstanceUID, "1.2.3.4.5");
    for (int i = 0; i < 2; ++i) {
        DcmItem *instance = nullptr;
        series->findOrCreateSequenceItem(DCM_ReferencedInstanceSequence, instance, -2);
        instance->putAndInsertString(DCM_ReferencedSOPInstanceUID, i == 0 ? "1.2.3.4.5.1" : "1.2.3.4.5.2");
        if (i == 1) {
            const QByteArray big(4000, 'x');
            instance->putAndInsertUint8Array(DCM_SelectorOBValue, reinterpret_cast<const Uint8 *>(big.constData()),
                                             Uint32(big.size()));
        }
    }
    ds.insertEmptyElement(DCM_ReferencedImageSequence);
    const Uint16 pixels[] = {0x0102, 0x0304};
    ds.putAndInsertUint16Array(DCM_PixelData, pixels, 2);
    return ds;
}

// The pydicom character set samples: the shared copy first (what CI uses),
// then the one python3-pydicom installs.
QString charsetDir()
{
    const QString shared = test::sharedTestData();
    const QString copy = shared + QStringLiteral("/robustness/pydicom_charsets");
    if (!shared.isEmpty() && QFileInfo(copy + QStringLiteral("/chrH31.dcm")).exists())
        return copy;
    return test::pydicomCharsetFiles();
}

// Loads, converts and encodes every file of `paths`; returns how many were
// DICOM. Fails the test on invalid JSON or pixel data without its URI.
int encodeAll(const QStringList &paths)
{
    dicom::JsonOptions options;
    options.bulkDataUri = [](const QStringList &tags, const QList<int> &) { return tags.join(QLatin1Char('/')); };
    int encoded = 0;
    for (const QString &path : paths) {
        if (QFileInfo(path).size() > 8 * 1024 * 1024)
            continue; // keep the Debug run short
        auto loaded = dicom::DicomFile::load(path);
        if (!loaded.ok())
            continue; // deliberately broken samples are DicomFile's business
        DcmDataset &ds = loaded.value().dataset();
        QString warning;
        if (!dicom::convertToUtf8(ds, &warning).ok()) {
            QTest::qFail(qPrintable(QStringLiteral("convertToUtf8 failed: ") + path), __FILE__, __LINE__);
            return -1;
        }
        if (!warning.isEmpty())
            qInfo("%s: %s", qPrintable(QFileInfo(path).fileName()), qPrintable(warning));
        const QJsonObject json = dicom::toDicomJson(ds, options);
        QJsonParseError error;
        QJsonDocument::fromJson(QJsonDocument(json).toJson(QJsonDocument::Compact), &error);
        DcmElement *pixels = nullptr;
        const bool pixelsWithoutUri = ds.findAndGetElement(DCM_PixelData, pixels).good() && pixels->getLength() > 0
                                      && !json.value(QStringLiteral("7FE00010")).toObject().contains(
                                          QStringLiteral("BulkDataURI"));
        if (error.error != QJsonParseError::NoError || json.isEmpty() || pixelsWithoutUri) {
            QTest::qFail(qPrintable(QStringLiteral("bad JSON for ") + path), __FILE__, __LINE__);
            return -1;
        }
        ++encoded;
    }
    qInfo("%d of %lld files encoded", encoded, qint64(paths.size()));
    return encoded;
}

} // namespace

class TestDicomJson : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyVrClass_ShouldFollowPs318AnnexF()
    {
        DcmDataset ds = everyVr();
        const QJsonObject json = dicom::toDicomJson(ds);

        QVERIFY(!json.contains(QStringLiteral("00080000")));
        QCOMPARE(json.value(QStringLiteral("00080008")).toObject().value(QStringLiteral("vr")).toString(),
                 QStringLiteral("CS"));
        QCOMPARE(valueOf(json, "00080008").toArray(),
                 (QJsonArray{QStringLiteral("ORIGINAL"), QStringLiteral("PRIMARY"), QJsonValue::Null,
                             QStringLiteral("AXIAL")}));
        const QJsonObject studyDate = json.value(QStringLiteral("00080020")).toObject();
        QCOMPARE(studyDate.value(QStringLiteral("vr")).toString(), QStringLiteral("DA"));
        QVERIFY2(!studyDate.contains(QStringLiteral("Value")), "an empty value has no Value key");
        QCOMPARE(valueOf(json, "00080018").toArray(), QJsonArray{QStringLiteral("1.2.3.4")});

        const QJsonObject name = valueOf(json, "00100010").toArray().at(0).toObject();
        QCOMPARE(name.value(QStringLiteral("Alphabetic")).toString(), QStringLiteral("Yamada^Tarou"));
        QCOMPARE(name.value(QStringLiteral("Ideographic")).toString(), u8("山田^太郎"));
        QCOMPARE(name.value(QStringLiteral("Phonetic")).toString(), u8("やまだ^たろう"));
        const QJsonArray others = valueOf(json, "00101001").toArray();
        QCOMPARE(others.size(), 3);
        QCOMPARE(others.at(0).toObject(), (QJsonObject{{QStringLiteral("Alphabetic"), QStringLiteral("Doe^John")}}));
        QVERIFY(others.at(1).isNull());
        QCOMPARE(others.at(2).toObject(), (QJsonObject{{QStringLiteral("Ideographic"), u8("李")}}));

        QCOMPARE(valueOf(json, "00081030").toArray(), QJsonArray{QStringLiteral("Chest")});
        // LT/UT: one value, backslash kept, leading space significant.
        QCOMPARE(valueOf(json, "00720068").toArray(), QJsonArray{QStringLiteral(" line 1\\still line 1")});
        QCOMPARE(valueOf(json, "00720070").toArray(), QJsonArray{QStringLiteral("a\\b")});

        const QJsonArray ds_ = valueOf(json, "00720072").toArray();
        QCOMPARE(ds_.size(), 4);
        QVERIFY(ds_.at(0).isDouble());
        QCOMPARE(ds_.at(0).toDouble(), 1.5);
        QCOMPARE(ds_.at(1).toDouble(), -2250.0);
        QCOMPARE(ds_.at(2).toDouble(), 0.1);
        QCOMPARE(ds_.at(3).toDouble(), 0.30000000000000004); // full precision kept
        QCOMPARE(valueOf(json, "00720064").toArray(), (QJsonArray{42, -7, 3}));
        QCOMPARE(valueOf(json, "00180050").toArray(), QJsonArray{QStringLiteral("n/a")});
        QCOMPARE(valueOf(json, "0072007A").toArray(), (QJsonArray{1, 65535}));
        QCOMPARE(valueOf(json, "0072007E").toArray(), (QJsonArray{-32768, 7}));
        QCOMPARE(valueOf(json, "00720078").toArray(), QJsonArray{qint64(4294967295LL)});
        QCOMPARE(valueOf(json, "0072007C").toArray(), QJsonArray{qint64(-2147483648LL)});
        // Beyond 2^53 a JSON number would lose digits.
        QCOMPARE(valueOf(json, "00720082").toArray(), (QJsonArray{-5, QStringLiteral("9007199254740993")}));
        QCOMPARE(valueOf(json, "00720083").toArray(), QJsonArray{QStringLiteral("18446744073709551615")});
        QCOMPARE(valueOf(json, "00720076").toArray(), (QJsonArray{0.5, QStringLiteral("NaN")}));
        QCOMPARE(valueOf(json, "00720074").toArray(), QJsonArray{0.1});
        QCOMPARE(valueOf(json, "00280009").toArray(), QJsonArray{QStringLiteral("00181063")});

        auto inlineBinary = [&](const char *tag) {
            return QByteArray::fromBase64(json.value(QLatin1String(tag))
                                              .toObject()
                                              .value(QStringLiteral("InlineBinary"))
                                              .toString()
                                              .toLatin1());
        };
        // OB is padded to even length as it would be on the wire.
        QCOMPARE(inlineBinary("00720065"), QByteArray("\x01\x02\x03\x00", 4));
        QCOMPARE(inlineBinary("00720069"), QByteArray("\x02\x01\x04\x03", 4)); // little endian
        QCOMPARE(inlineBinary("00720067"), QByteArray("\x00\x00\x80\x3f", 4));
        QCOMPARE(inlineBinary("00720073").size(), 8);
        QCOMPARE(inlineBinary("00720075"), QByteArray("\x04\x03\x02\x01", 4));
        QCOMPARE(inlineBinary("00720081"), QByteArray("\x01\0\0\0\0\0\0\0", 8));
        QCOMPARE(inlineBinary("7FE00010"), QByteArray("\x02\x01\x04\x03", 4));
        for (const char *tag : {"00720065", "00720069", "00720067", "00720073", "00720075", "00720081"})
            QVERIFY2(!json.value(QLatin1String(tag)).toObject().contains(QStringLiteral("Value")), tag);
        QCOMPARE(json.value(QStringLiteral("00720081")).toObject().value(QStringLiteral("vr")).toString(),
                 QStringLiteral("OV"));

        // Private tags keep their VR; unknown ones are UN.
        QCOMPARE(valueOf(json, "00290010").toArray(), QJsonArray{QStringLiteral("KILIMA TEST")});
        QCOMPARE(json.value(QStringLiteral("00291010")).toObject().value(QStringLiteral("vr")).toString(),
                 QStringLiteral("UN"));
        QCOMPARE(inlineBinary("00291010"), QByteArray("\xde\xad\xbe\xef", 4));

        const QJsonArray seriesItems = valueOf(json, "00081115").toArray();
        QCOMPARE(seriesItems.size(), 1);
        const QJsonArray instances =
            seriesItems.at(0).toObject().value(QStringLiteral("0008114A")).toObject().value(QStringLiteral("Value")).toArray();
        QCOMPARE(instances.size(), 2);
        QCOMPARE(instances.at(1).toObject().value(QStringLiteral("00081155")).toObject().value(QStringLiteral("Value")),
                 QJsonValue(QJsonArray{QStringLiteral("1.2.3.4.5.2")}));
        const QJsonObject emptySeq = json.value(QStringLiteral("00081140")).toObject();
        QCOMPARE(emptySeq.value(QStringLiteral("vr")).toString(), QStringLiteral("SQ"));
        QVERIFY(!emptySeq.contains(QStringLiteral("Value")));

        // And it is valid JSON that survives a text round trip.
        QJsonParseError error;
        const QJsonDocument back = QJsonDocument::fromJson(QJsonDocument(json).toJson(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(back.object(), json);
    }

    void bulkDataUri_ShouldGetTheTagAndItemPath()
    {
        DcmDataset ds = everyVr();
        QList<QPair<QStringList, QList<int>>> calls;
        dicom::JsonOptions options;
        options.bulkDataThreshold = 1024;
        options.bulkDataUri = [&](const QStringList &tags, const QList<int> &items) -> QString {
            calls.append({tags, items});
            return QStringLiteral("bulk/") + tags.join(QLatin1Char('/'));
        };
        const QJsonObject json = dicom::toDicomJson(ds, options);

        QCOMPARE(calls.size(), 2); // the 4000-byte OB and the (small) pixel data
        QCOMPARE(calls.at(0).first, (QStringList{QStringLiteral("00081115"), QStringLiteral("0008114A"),
                                                 QStringLiteral("00720065")}));
        QCOMPARE(calls.at(0).second, (QList<int>{0, 1}));
        QCOMPARE(calls.at(1).first, QStringList{QStringLiteral("7FE00010")});
        QVERIFY(calls.at(1).second.isEmpty());

        const QJsonObject instance = valueOf(json, "00081115")
                                         .toArray()
                                         .at(0)
                                         .toObject()
                                         .value(QStringLiteral("0008114A"))
                                         .toObject()
                                         .value(QStringLiteral("Value"))
                                         .toArray()
                                         .at(1)
                                         .toObject();
        const QJsonObject big = instance.value(QStringLiteral("00720065")).toObject();
        QCOMPARE(big.value(QStringLiteral("BulkDataURI")).toString(), QStringLiteral("bulk/00081115/0008114A/00720065"));
        QVERIFY(!big.contains(QStringLiteral("InlineBinary")));
        QCOMPARE(json.value(QStringLiteral("7FE00010")).toObject().value(QStringLiteral("BulkDataURI")).toString(),
                 QStringLiteral("bulk/7FE00010"));
        // Values under the threshold stay inline.
        QVERIFY(json.value(QStringLiteral("00720065")).toObject().contains(QStringLiteral("InlineBinary")));
    }

    void encapsulatedPixelData_ShouldBeOneStreamOrOneUri()
    {
        DcmDataset ds;
        auto *pixel = new DcmPixelData(DCM_PixelData);
        auto *sequence = new DcmPixelSequence(DCM_PixelSequenceTag);
        sequence->insert(new DcmPixelItem(DCM_PixelItemTag)); // empty offset table
        auto *fragment = new DcmPixelItem(DCM_PixelItemTag);
        const Uint8 jpeg[] = {0xff, 0xd8, 0xff, 0xd9};
        fragment->putUint8Array(jpeg, 4);
        sequence->insert(fragment);
        pixel->putOriginalRepresentation(EXS_JPEGProcess1, nullptr, sequence);
        ds.insert(pixel);

        const QJsonObject inlined = dicom::toDicomJson(ds).value(QStringLiteral("7FE00010")).toObject();
        QCOMPARE(inlined.value(QStringLiteral("vr")).toString(), QStringLiteral("OB"));
        const QByteArray expected("\xfe\xff\x00\xe0\x00\x00\x00\x00"
                                  "\xfe\xff\x00\xe0\x04\x00\x00\x00\xff\xd8\xff\xd9",
                                  20);
        QCOMPARE(QByteArray::fromBase64(inlined.value(QStringLiteral("InlineBinary")).toString().toLatin1()), expected);

        dicom::JsonOptions options;
        options.bulkDataUri = [](const QStringList &tags, const QList<int> &) { return tags.last(); };
        const QJsonObject uri = dicom::toDicomJson(ds, options).value(QStringLiteral("7FE00010")).toObject();
        QCOMPARE(uri.value(QStringLiteral("BulkDataURI")).toString(), QStringLiteral("7FE00010"));
        QVERIFY(!uri.contains(QStringLiteral("InlineBinary")));
    }

    void metaGroup_ShouldBeSkippedUnlessAsked()
    {
        DcmDataset ds;
        ds.putAndInsertString(DCM_TransferSyntaxUID, "1.2.840.10008.1.2.1");
        ds.putAndInsertString(DCM_Modality, "CT");
        QVERIFY(!dicom::toDicomJson(ds).contains(QStringLiteral("00020010")));
        dicom::JsonOptions options;
        options.includeMetaGroup = true;
        QVERIFY(dicom::toDicomJson(ds, options).contains(QStringLiteral("00020010")));
    }

    void attributeMap_ShouldUseDictionaryVrs()
    {
        dicom::AttributeMap map;
        map[dicom::tagNumber(0x0010, 0x0010)] = u8("Wang^XiaoDong=王^小東=");
        map[dicom::tagNumber(0x0008, 0x0061)] = QStringLiteral("CT\\MR");
        map[dicom::tagNumber(0x0020, 0x1208)] = QStringLiteral("12");
        map[dicom::tagNumber(0x0028, 0x0010)] = QStringLiteral("512");
        map[dicom::tagNumber(0x0018, 0x0050)] = QStringLiteral("2.5");
        map[dicom::tagNumber(0x0008, 0x0020)] = QString();
        map[dicom::tagNumber(0x0028, 0x0009)] = QStringLiteral("(0018,1063)");
        const QJsonObject json = dicom::toDicomJson(map);

        const QJsonObject name = json.value(QStringLiteral("00100010")).toObject();
        QCOMPARE(name.value(QStringLiteral("vr")).toString(), QStringLiteral("PN"));
        QCOMPARE(name.value(QStringLiteral("Value")).toArray().at(0).toObject(),
                 (QJsonObject{{QStringLiteral("Alphabetic"), QStringLiteral("Wang^XiaoDong")},
                              {QStringLiteral("Ideographic"), u8("王^小東")}}));
        QCOMPARE(valueOf(json, "00080061").toArray(), (QJsonArray{QStringLiteral("CT"), QStringLiteral("MR")}));
        QCOMPARE(json.value(QStringLiteral("00201208")).toObject().value(QStringLiteral("vr")).toString(),
                 QStringLiteral("IS"));
        QCOMPARE(valueOf(json, "00201208").toArray(), QJsonArray{12});
        QCOMPARE(valueOf(json, "00280010").toArray(), QJsonArray{512});
        QCOMPARE(valueOf(json, "00180050").toArray(), QJsonArray{2.5});
        QVERIFY(json.contains(QStringLiteral("00080020")));
        QVERIFY(!json.value(QStringLiteral("00080020")).toObject().contains(QStringLiteral("Value")));
        QCOMPARE(valueOf(json, "00280009").toArray(), QJsonArray{QStringLiteral("00181063")});
    }

    void realCharsetFiles_ShouldGiveTheRightPersonNameGroups_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("alphabetic");
        QTest::addColumn<QString>("ideographic");
        QTest::addColumn<QString>("phonetic");
        QTest::newRow("chrH31") << "chrH31" << "Yamada^Tarou" << u8("山田^太郎") << u8("やまだ^たろう");
        QTest::newRow("chrH32") << "chrH32" << u8("ﾔﾏﾀﾞ^ﾀﾛｳ") << u8("山田^太郎") << u8("やまだ^たろう");
        QTest::newRow("chrI2") << "chrI2" << "Hong^Gildong" << u8("洪^吉洞") << u8("홍^길동");
        QTest::newRow("chrX1") << "chrX1" << "Wang^XiaoDong" << u8("王^小東") << QString();
        QTest::newRow("chrX2") << "chrX2" << "Wang^XiaoDong" << u8("王^小东") << QString();
        QTest::newRow("chrGerm") << "chrGerm" << u8("Äneas^Rüdiger") << QString() << QString();
    }

    void realCharsetFiles_ShouldGiveTheRightPersonNameGroups()
    {
        QFETCH(QString, file);
        QFETCH(QString, alphabetic);
        QFETCH(QString, ideographic);
        QFETCH(QString, phonetic);
        const QString dir = charsetDir();
        if (dir.isEmpty())
            QSKIP("pydicom character set samples are not installed");
        auto loaded = dicom::DicomFile::load(dir + QLatin1Char('/') + file + QStringLiteral(".dcm"));
        QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
        QVERIFY(dicom::convertToUtf8(loaded.value().dataset()).ok());
        const QJsonObject json = dicom::toDicomJson(loaded.value().dataset());
        const QJsonDocument back = QJsonDocument::fromJson(QJsonDocument(json).toJson(QJsonDocument::Compact));
        QVERIFY(back.isObject());
        const QJsonObject name = valueOf(back.object(), "00100010").toArray().at(0).toObject();
        QCOMPARE(name.value(QStringLiteral("Alphabetic")).toString(), alphabetic);
        QCOMPARE(name.value(QStringLiteral("Ideographic")).toString(), ideographic);
        QCOMPARE(name.value(QStringLiteral("Phonetic")).toString(), phonetic);
        QCOMPARE(name.contains(QStringLiteral("Phonetic")), !phonetic.isEmpty());
    }

    // Every file pydicom ships, odd ones included: valid JSON, never a crash,
    // pixel data always behind a URI when one is offered.
    void pydicomFiles_ShouldAllEncode()
    {
        QStringList files;
        for (const QString &dir : {test::pydicomCharsetFiles(), test::pydicomTestFiles()}) {
            if (dir.isEmpty())
                continue;
            for (const QString &name : QDir(dir).entryList({QStringLiteral("*.dcm")}, QDir::Files))
                files.append(dir + QLatin1Char('/') + name);
        }
        if (files.isEmpty())
            QSKIP("pydicom test files are not installed");
        const int encoded = encodeAll(files);
        QVERIFY2(encoded > 10, qPrintable(QString::number(encoded)));
    }

    // A hostile object of many small elements (found by fuzz/dicom_parse):
    // encoding walked the element list from its start for every element, so
    // 200,000 elements took minutes. All of them must come out, in seconds.
    // The bound leaves room for a loaded CI machine and the ASan build
    // (2-15 s there); the quadratic walk took over 80 s in Release.
    void manyElementsAndItems_ShouldAllEncodeInSeconds()
    {
        DcmDataset ds;
        const int elements = 200000, items = 20000;
        for (int k = 0; k < elements; ++k) {
            auto *e = new DcmLongString(DcmTag(Uint16(0x0009 + 2 * (k / 0xf000)), Uint16(0x1000 + k % 0xf000), EVR_LO));
            e->putString("V");
            QVERIFY(ds.insert(e).good());
        }
        for (int i = 0; i < items; ++i) {
            DcmItem *item = nullptr;
            QVERIFY(ds.findOrCreateSequenceItem(DCM_ReferencedSeriesSequence, item, -2).good());
        }
        QElapsedTimer timer;
        timer.start();
        const QJsonObject json = dicom::toDicomJson(ds);
        const qint64 ms = timer.elapsed();
        QCOMPARE(json.size(), elements + 1);
        QCOMPARE(json.value(QStringLiteral("00081115")).toObject().value(QStringLiteral("Value")).toArray().size(), items);
        QVERIFY2(ms < 30000, qPrintable(QStringLiteral("%1 ms").arg(ms)));
    }

    void sharedRobustnessFiles_ShouldAllEncode()
    {
        const QString shared = test::sharedTestData();
        if (shared.isEmpty())
            QSKIP("shared test data absent");
        const int encoded = encodeAll(test::filesBelow(shared + QStringLiteral("/robustness")));
        QVERIFY2(encoded > 100, qPrintable(QString::number(encoded)));
    }
};

QTEST_GUILESS_MAIN(TestDicomJson)
#include "tst_dicomjson.moc"
