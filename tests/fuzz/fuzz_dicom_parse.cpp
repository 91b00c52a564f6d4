// Fuzz target: a DICOM object from bytes as ingest sees it (C-STORE, STOW-RS,
// import): parse, convert text to UTF-8, read every attribute as the index
// does, and write it as DICOM JSON as QIDO/WADO metadata does. Any input must
// end in a value or an error message, never a crash.
#include "fuzzreplay.h"

#include <kilima/dicom/attributes.h>
#include <kilima/dicom/charset.h>
#include <kilima/dicom/dicomfile.h>
#include <kilima/dicom/dicomjson.h>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcelem.h>
#include <dcmtk/dcmdata/dcsequen.h>

#include <QJsonDocument>

#include <cstdint>

using namespace kilima;

namespace {

// Every element, in sequences too, read as text (what C-FIND and DICOM JSON
// read), and the attributes the index keeps through stringValue(). The walk
// follows the list, never looks elements up one by one: that is O(n) each
// in DCMTK and would make the harness, not the parser, quadratic.
void readAll(DcmItem &item, int depth)
{
    for (DcmObject *object = item.nextInContainer(nullptr); object; object = item.nextInContainer(object)) {
        auto *element = dynamic_cast<DcmElement *>(object);
        if (!element)
            continue;
        const DcmTagKey tag = element->getTag();
        OFString text;
        (void)element->getOFStringArray(text);
        (void)dicom::keywordOf(tag);
        (void)dicom::vrOf(tag);
        if (element->ident() == EVR_SQ && depth < 64) {
            auto *sequence = static_cast<DcmSequenceOfItems *>(element);
            for (DcmObject *child = sequence->nextInContainer(nullptr); child; child = sequence->nextInContainer(child))
                readAll(*static_cast<DcmItem *>(child), depth + 1);
        }
    }
    static const DcmTagKey indexed[] = {DCM_SpecificCharacterSet, DCM_SOPClassUID, DCM_SOPInstanceUID,
                                        DCM_StudyInstanceUID, DCM_SeriesInstanceUID, DCM_PatientName,
                                        DCM_PatientID, DCM_PatientBirthDate, DCM_PatientSex, DCM_StudyDate,
                                        DCM_StudyTime, DCM_AccessionNumber, DCM_StudyDescription, DCM_Modality,
                                        DCM_SeriesNumber, DCM_InstanceNumber, DCM_ReferringPhysicianName,
                                        DCM_InstitutionName, DCM_BodyPartExamined, DCM_NumberOfFrames};
    for (const DcmTagKey &tag : indexed)
        (void)dicom::stringValue(item, tag);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)dicom::DicomFile::looksLikeDicom(bytes.left(256));
    auto parsed = dicom::DicomFile::parse(bytes, QStringLiteral("fuzz.dcm"));
    if (!parsed.ok())
        return 0;
    dicom::DicomFile file = parsed.take();
    (void)file.transferSyntaxUid();
    DcmDataset &dataset = file.dataset();
    QString warning;
    (void)dicom::convertToUtf8(dataset, &warning);
    readAll(dataset, 0);

    dicom::JsonOptions options;
    options.bulkDataUri = [](const QStringList &tags, const QList<int> &items) -> QString {
        return tags.join(QLatin1Char('/')) + QString::number(items.size());
    };
    const QJsonObject json = dicom::toDicomJson(dataset, options);
    // The JSON the server writes must read back (without bulk data).
    (void)dicom::fromDicomJsonArray(QJsonDocument(json).toJson(QJsonDocument::Compact),
                                    [](const QString &) { return core::Result<QByteArray>(QByteArray()); });
    return 0;
}

#ifdef KILIMA_FUZZ_REPLAY
namespace {

void putU16(QByteArray &b, quint16 v) { b.append(char(v & 0xff)).append(char(v >> 8)); }
void putU32(QByteArray &b, quint32 v)
{
    putU16(b, quint16(v & 0xffff));
    putU16(b, quint16(v >> 16));
}
void putTag(QByteArray &b, quint16 group, quint16 element)
{
    putU16(b, group);
    putU16(b, element);
}

// An implicit VR little endian dataset without meta header: what a bare
// dataset (a C-STORE's payload) looks like.
QByteArray bareDataset(const QByteArray &elements)
{
    QByteArray b;
    putTag(b, 0x0008, 0x0016);
    putU32(b, 8);
    b.append("1.2.3.4\0", 8);
    return b + elements;
}

} // namespace

namespace kilima::fuzz {

std::vector<HostileCase> hostileCases()
{
    std::vector<HostileCase> cases;
    // Sequences nested 5,000 deep, undefined lengths (each level opens an
    // item inside a sequence and never closes it).
    {
        QByteArray nest;
        for (int i = 0; i < 5000; ++i) {
            putTag(nest, 0x0040, 0xA730); // ContentSequence, SQ
            putU32(nest, 0xffffffff);
            putTag(nest, 0xfffe, 0xe000);
            putU32(nest, 0xffffffff);
        }
        cases.push_back({QStringLiteral("5000 nested sequences, undefined lengths, unterminated"), bareDataset(nest)});
    }
    // 50,000 small private elements in ascending order, and the same in
    // descending order: DCMTK inserts each element by walking its list from
    // the end, so tags out of order made parsing quadratic (32 s for these
    // 50,000) until the structure check refused long runs out of order.
    for (bool descending : {false, true}) {
        QByteArray many;
        for (quint32 i = 0; i < 50000; ++i) {
            const quint32 k = descending ? 49999 - i : i;
            putTag(many, quint16(0x0009 + 2 * (k / 0xf000)), quint16(0x1000 + k % 0xf000));
            putU32(many, 2);
            many.append("AB", 2);
        }
        cases.push_back({descending ? QStringLiteral("50000 small elements, tags descending")
                                    : QStringLiteral("50000 small elements"),
                         bareDataset(many)});
    }
    // Lengths that claim more than the input holds: 4 GB - 2, and an odd
    // length on a 16-bit VR.
    {
        QByteArray e;
        putTag(e, 0x0010, 0x0010);
        putU32(e, 0xfffffffe);
        e.append("DOE^JOHN");
        cases.push_back({QStringLiteral("element claims 4 GB"), bareDataset(e)});
        QByteArray rows;
        putTag(rows, 0x0028, 0x0010);
        putU32(rows, 3);
        rows.append("\x01\x02\x03", 3);
        cases.push_back({QStringLiteral("US value of 3 bytes"), bareDataset(rows)});
    }
    return cases;
}

} // namespace kilima::fuzz
#endif
