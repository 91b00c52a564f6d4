#include <kilima/reporting/dicomreport.h>

#include <kilima/dicom/attributes.h>
#include <kilima/dicom/charset.h>
#include <kilima/dicom/dicomfile.h>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcistrmb.h>
#include <dcmtk/dcmdata/dcostrmb.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmdata/dcvrobow.h>

#include <QMap>
#include <QUuid>

namespace kilima::reporting {

using dicom::stringValue;

namespace {

struct Code {
    const char *value;
    const char *scheme;
    const char *meaning;
};

// TID 2000 section containers and their text items, by section key.
struct SectionCodes {
    Code container;
    Code text;
};

SectionCodes codesFor(const QString &key)
{
    if (key == QLatin1String("clinical"))
        return {{"121060", "DCM", "History"}, {"121060", "DCM", "History"}};
    if (key == QLatin1String("technique"))
        return {{"55111-9", "LN", "Current Procedure Descriptions"}, {"121065", "DCM", "Procedure Description"}};
    if (key == QLatin1String("findings"))
        return {{"121070", "DCM", "Findings"}, {"121071", "DCM", "Finding"}};
    if (key == QLatin1String("impression"))
        return {{"121072", "DCM", "Impressions"}, {"121073", "DCM", "Impression"}};
    return {{"121074", "DCM", "Recommendations"}, {"121075", "DCM", "Recommendation"}};
}

QString sectionKeyOfContainer(const QString &codeValue)
{
    for (const QString &k : sectionKeys()) {
        if (QLatin1String(codesFor(k).container.value) == codeValue)
            return k;
    }
    return QString();
}

void put(DcmItem &item, const DcmTagKey &tag, const QString &value)
{
    item.putAndInsertString(tag, value.toUtf8().constData());
}

void putCode(DcmItem &item, const Code &c)
{
    item.putAndInsertString(DCM_CodeValue, c.value);
    item.putAndInsertString(DCM_CodingSchemeDesignator, c.scheme);
    item.putAndInsertString(DCM_CodeMeaning, c.meaning);
}

void addCodeSequence(DcmItem &item, const DcmTagKey &seq, const Code &c)
{
    DcmItem *code = nullptr;
    if (item.findOrCreateSequenceItem(seq, code, -2).good() && code)
        putCode(*code, c);
}

void emptySequence(DcmItem &item, const DcmTagKey &seq)
{
    item.insertEmptyElement(seq);
}

DcmItem *addContent(DcmItem &parent, const char *relationship, const char *valueType, const Code *concept)
{
    DcmItem *item = nullptr;
    if (parent.findOrCreateSequenceItem(DCM_ContentSequence, item, -2).bad() || !item)
        return nullptr;
    item->putAndInsertString(DCM_RelationshipType, relationship);
    item->putAndInsertString(DCM_ValueType, valueType);
    if (concept)
        addCodeSequence(*item, DCM_ConceptNameCodeSequence, *concept);
    return item;
}

QString dicomDate(const QDateTime &t)
{
    return t.toLocalTime().toString(QStringLiteral("yyyyMMdd"));
}
QString dicomTime(const QDateTime &t)
{
    return t.toLocalTime().toString(QStringLiteral("HHmmss"));
}
QString dicomDateTime(const QDateTime &t)
{
    const QDateTime local = t.toLocalTime();
    const int offset = local.offsetFromUtc() / 60;
    const QString sign = offset < 0 ? QStringLiteral("-") : QStringLiteral("+");
    return local.toString(QStringLiteral("yyyyMMddHHmmss")) + sign +
           QStringLiteral("%1%2").arg(qAbs(offset) / 60, 2, 10, QLatin1Char('0')).arg(qAbs(offset) % 60, 2, 10, QLatin1Char('0'));
}

// SOP Common, Patient, General Study, the series and General Equipment.
void putCommon(DcmDataset &ds, const StudyHeader &study, const char *sopClass, const char *modality, const ObjectIds &ids,
               const QDateTime &created)
{
    ds.putAndInsertString(DCM_SpecificCharacterSet, "ISO_IR 192");
    ds.putAndInsertString(DCM_SOPClassUID, sopClass);
    put(ds, DCM_SOPInstanceUID, ids.sopInstanceUid);
    put(ds, DCM_InstanceCreationDate, dicomDate(created));
    put(ds, DCM_InstanceCreationTime, dicomTime(created));
    DcmDataset &src = study.dataset();
    const DcmTagKey copied[] = {DCM_PatientName, DCM_PatientID, DCM_PatientBirthDate, DCM_PatientSex,
                                DCM_StudyInstanceUID, DCM_StudyDate, DCM_StudyTime, DCM_ReferringPhysicianName,
                                DCM_StudyID, DCM_AccessionNumber, DCM_StudyDescription, DCM_IssuerOfPatientID};
    for (const DcmTagKey &tag : copied) {
        const QString v = stringValue(src, tag);
        if (!v.isEmpty())
            put(ds, tag, v);
        else if (tag != DCM_StudyDescription && tag != DCM_IssuerOfPatientID)
            ds.insertEmptyElement(tag);   // type 2
    }
    ds.putAndInsertString(DCM_Modality, modality);
    put(ds, DCM_SeriesInstanceUID, ids.seriesUid);
    put(ds, DCM_SeriesNumber, QString::number(ids.seriesNumber));
    put(ds, DCM_InstanceNumber, QString::number(ids.instanceNumber));
    ds.putAndInsertString(DCM_Manufacturer, "Kilima");
    ds.putAndInsertString(DCM_SoftwareVersions, "Kilima reporting");
    put(ds, DCM_ContentDate, dicomDate(created));
    put(ds, DCM_ContentTime, dicomTime(created));
}

core::Result<QByteArray> toPart10(DcmFileFormat &ff, const QString &what)
{
    DcmDataset *ds = ff.getDataset();
    OFCondition c = ds->chooseRepresentation(EXS_LittleEndianExplicit, nullptr);
    if (c.bad())
        return core::Error{QStringLiteral("%1: %2").arg(what, QString::fromLatin1(c.text()))};
    ff.validateMetaInfo(EXS_LittleEndianExplicit);
    auto bytes = dicom::writePart10(ff, EXS_LittleEndianExplicit);
    if (!bytes)
        return core::Error{QStringLiteral("%1: encoding failed: %2").arg(what, bytes.error())};
    return bytes;
}

// Current Requested Procedure Evidence: the instances the document refers to,
// grouped by series.
void putEvidence(DcmItem &ds, const QString &studyUid, const QList<QPair<QString, QPair<QString, QString>>> &refs)
{
    if (refs.isEmpty())
        return;
    DcmItem *studyItem = nullptr;
    if (ds.findOrCreateSequenceItem(DCM_CurrentRequestedProcedureEvidenceSequence, studyItem, -2).bad() || !studyItem)
        return;
    put(*studyItem, DCM_StudyInstanceUID, studyUid);
    QMap<QString, QList<QPair<QString, QString>>> bySeries;
    QStringList order;
    for (const auto &r : refs) {
        if (!bySeries.contains(r.first))
            order.append(r.first);
        auto &list = bySeries[r.first];
        if (!list.contains(r.second))
            list.append(r.second);
    }
    for (const QString &series : order) {
        DcmItem *seriesItem = nullptr;
        if (studyItem->findOrCreateSequenceItem(DCM_ReferencedSeriesSequence, seriesItem, -2).bad() || !seriesItem)
            continue;
        put(*seriesItem, DCM_SeriesInstanceUID, series);
        for (const auto &inst : bySeries.value(series)) {
            DcmItem *sop = nullptr;
            if (seriesItem->findOrCreateSequenceItem(DCM_ReferencedSOPSequence, sop, -2).good() && sop) {
                put(*sop, DCM_ReferencedSOPClassUID, inst.first);
                put(*sop, DCM_ReferencedSOPInstanceUID, inst.second);
            }
        }
    }
}

void putImageReference(DcmItem &item, const QString &sopClass, const QString &sopInstance, int frame, bool multiFrame)
{
    DcmItem *sop = nullptr;
    if (item.findOrCreateSequenceItem(DCM_ReferencedSOPSequence, sop, -2).bad() || !sop)
        return;
    put(*sop, DCM_ReferencedSOPClassUID, sopClass);
    put(*sop, DCM_ReferencedSOPInstanceUID, sopInstance);
    if (multiFrame)
        put(*sop, DCM_ReferencedFrameNumber, QString::number(frame + 1));
}

Code unitCode(const QString &ucum, QByteArray *storage)
{
    // Code value and meaning are the UCUM string itself, except HU.
    *storage = ucum.toUtf8();
    if (ucum == QLatin1String("[hnsf'U]"))
        return {"[hnsf'U]", "UCUM", "Hounsfield unit"};
    if (ucum == QLatin1String("deg"))
        return {"deg", "UCUM", "degree"};
    if (storage->isEmpty())
        return {"1", "UCUM", "no units"};
    return {storage->constData(), "UCUM", storage->constData()};
}

Code measurementConcept(const Measurement &m, QByteArray *storage)
{
    switch (m.kind) {
    case MeasurementKind::Length: return {"410668003", "SCT", "Length"};
    case MeasurementKind::Area: return {"42798000", "SCT", "Area"};
    case MeasurementKind::Angle: return {"1483009", "SCT", "Angle"};
    case MeasurementKind::Mean: return {"373098007", "SCT", "Mean"};
    case MeasurementKind::Other: break;
    }
    *storage = m.label.left(64).toUtf8();
    return {"MEAS", "99KILIMA", storage->constData()};
}

QList<QPair<QString, QPair<QString, QString>>> referencedInstances(const Report &report)
{
    QList<QPair<QString, QPair<QString, QString>>> refs;
    for (const KeyImage &k : report.keyImages) {
        if (!k.sopInstanceUid.isEmpty())
            refs.append({k.seriesUid, {k.sopClassUid, k.sopInstanceUid}});
    }
    for (const Measurement &m : report.measurements) {
        if (!m.sopInstanceUid.isEmpty())
            refs.append({m.seriesUid, {m.sopClassUid, m.sopInstanceUid}});
    }
    return refs;
}

bool isMultiFrameClass(const QString &sopClass)
{
    // Enhanced and other multi-frame classes need a frame number; single
    // frame CT/MR/CR/DX/US images never do.
    static const QStringList single{QStringLiteral("1.2.840.10008.5.1.4.1.1.2"), QStringLiteral("1.2.840.10008.5.1.4.1.1.4"),
                                    QStringLiteral("1.2.840.10008.5.1.4.1.1.1"), QStringLiteral("1.2.840.10008.5.1.4.1.1.1.1"),
                                    QStringLiteral("1.2.840.10008.5.1.4.1.1.7"), QStringLiteral("1.2.840.10008.5.1.4.1.1.6.1"),
                                    QStringLiteral("1.2.840.10008.5.1.4.1.1.128"), QStringLiteral("1.2.840.10008.5.1.4.1.1.20")};
    return !single.contains(sopClass);
}

void addUnique(QStringList *list, const QString &value)
{
    if (!value.trimmed().isEmpty() && !list->contains(value.trimmed()))
        list->append(value.trimmed());
}

// Code items of `seq` in `item`: "SCHEME:VALUE" codes, meanings as descriptions.
void collectCodes(DcmItem &item, const DcmTagKey &seq, QStringList *descriptions, QStringList *codes)
{
    DcmSequenceOfItems *sq = nullptr;
    if (item.findAndGetSequence(seq, sq).bad() || !sq)
        return;
    for (unsigned long i = 0; i < sq->card(); ++i) {
        DcmItem *code = sq->getItem(i);
        const QString value = stringValue(*code, DCM_CodeValue);
        if (!value.isEmpty())
            addUnique(codes, stringValue(*code, DCM_CodingSchemeDesignator) + QLatin1Char(':') + value);
        addUnique(descriptions, stringValue(*code, DCM_CodeMeaning));
    }
}

// What the study was done for, as far as the instance says: the series and
// procedure descriptions and procedure codes that template matching reads.
void collectProcedure(DcmItem &ds, QStringList *descriptions, QStringList *codes)
{
    for (const DcmTagKey &t : {DCM_SeriesDescription, DCM_ProtocolName, DCM_RequestedProcedureDescription,
                               DCM_PerformedProcedureStepDescription, DCM_ScheduledProcedureStepDescription})
        addUnique(descriptions, stringValue(ds, t));
    collectCodes(ds, DCM_ProcedureCodeSequence, descriptions, codes);
    collectCodes(ds, DCM_RequestedProcedureCodeSequence, descriptions, codes);
    collectCodes(ds, DCM_PerformedProtocolCodeSequence, descriptions, codes);
    DcmSequenceOfItems *requests = nullptr;
    if (ds.findAndGetSequence(DCM_RequestAttributesSequence, requests).good() && requests) {
        for (unsigned long i = 0; i < requests->card(); ++i) {
            DcmItem *r = requests->getItem(i);
            addUnique(descriptions, stringValue(*r, DCM_RequestedProcedureDescription));
            addUnique(descriptions, stringValue(*r, DCM_ScheduledProcedureStepDescription));
            collectCodes(*r, DCM_RequestedProcedureCodeSequence, descriptions, codes);
            collectCodes(*r, DCM_ScheduledProtocolCodeSequence, descriptions, codes);
        }
    }
}

} // namespace

QString newUid()
{
    // 2.25.<UUID as an unsigned 128-bit decimal> (PS3.5 B.2).
    const QByteArray raw = QUuid::createUuid().toRfc4122();
    unsigned char n[16];
    memcpy(n, raw.constData(), 16);
    QString digits;
    bool zero = false;
    while (!zero) {
        unsigned rem = 0;
        zero = true;
        for (unsigned char &b : n) {
            const unsigned cur = (rem << 8) | b;
            b = static_cast<unsigned char>(cur / 10);
            rem = cur % 10;
            if (b)
                zero = false;
        }
        digits.prepend(QChar(u'0' + rem));
    }
    return QStringLiteral("2.25.") + digits;
}

core::Result<StudyHeader> StudyHeader::fromFile(const QString &path)
{
    auto file = dicom::DicomFile::load(path);
    if (!file)
        return core::Error{file.error()};
    auto ds = std::make_shared<DcmDataset>();
    DcmDataset &src = file.value().dataset();
    QString warning;
    if (auto st = dicom::convertToUtf8(src, &warning); !st)
        return core::Error{QStringLiteral("%1: %2").arg(path, st.error())};
    const DcmTagKey tags[] = {DCM_SpecificCharacterSet, DCM_PatientName, DCM_PatientID, DCM_IssuerOfPatientID, DCM_PatientBirthDate,
                              DCM_PatientSex, DCM_StudyInstanceUID, DCM_StudyDate, DCM_StudyTime, DCM_ReferringPhysicianName,
                              DCM_StudyID, DCM_AccessionNumber, DCM_StudyDescription, DCM_Modality, DCM_BodyPartExamined,
                              DCM_InstitutionName};
    for (const DcmTagKey &t : tags) {
        const QString v = stringValue(src, t);
        if (!v.isEmpty())
            put(*ds, t, v);
    }
    StudyHeader h;
    h.m_ds = ds;
    collectProcedure(src, &h.m_descriptions, &h.m_procedureCodes);
    return h;
}

StudyFields StudyHeader::fields() const
{
    StudyFields f;
    DcmDataset &ds = *m_ds;
    f.patientName = stringValue(ds, DCM_PatientName);
    f.patientId = stringValue(ds, DCM_PatientID);
    f.patientBirthDate = stringValue(ds, DCM_PatientBirthDate);
    f.patientSex = stringValue(ds, DCM_PatientSex);
    f.studyUid = stringValue(ds, DCM_StudyInstanceUID);
    f.studyDate = stringValue(ds, DCM_StudyDate);
    f.studyTime = stringValue(ds, DCM_StudyTime);
    f.studyDescription = stringValue(ds, DCM_StudyDescription);
    f.modality = stringValue(ds, DCM_Modality);
    f.referringPhysician = stringValue(ds, DCM_ReferringPhysicianName);
    f.accessionNumber = stringValue(ds, DCM_AccessionNumber);
    f.studyId = stringValue(ds, DCM_StudyID);
    f.institution = stringValue(ds, DCM_InstitutionName);
    f.bodyPart = stringValue(ds, DCM_BodyPartExamined);
    f.descriptions = m_descriptions;
    f.procedureCodes = m_procedureCodes;
    return f;
}

core::Result<QByteArray> encodeEncapsulatedPdf(const StudyHeader &study, const Report &report, const QByteArray &pdf,
                                               const ObjectIds &ids)
{
    if (!pdf.startsWith("%PDF-"))
        return core::Error{QStringLiteral("encapsulated PDF: the document is not a PDF")};
    DcmFileFormat ff;
    DcmDataset &ds = *ff.getDataset();
    const QDateTime created = report.signedAt.isValid() ? report.signedAt : QDateTime::currentDateTimeUtc();
    putCommon(ds, study, kEncapsulatedPdfClass, "DOC", ids, created);
    ds.putAndInsertString(DCM_ConversionType, "WSD");
    put(ds, DCM_AcquisitionDateTime, dicomDateTime(created));
    ds.putAndInsertString(DCM_BurnedInAnnotation, "YES");
    ds.putAndInsertString(DCM_RecognizableVisualFeatures, "NO");
    put(ds, DCM_DocumentTitle, QStringLiteral("Diagnostic imaging report"));
    addCodeSequence(ds, DCM_ConceptNameCodeSequence, {"18748-4", "LN", "Diagnostic Imaging Report"});
    ds.putAndInsertString(DCM_MIMETypeOfEncapsulatedDocument, "application/pdf");
    // Odd lengths are padded with one NUL; the length says where the PDF ends.
    QByteArray doc = pdf;
    ds.putAndInsertUint32(DCM_EncapsulatedDocumentLength, Uint32(pdf.size()));
    if (doc.size() % 2)
        doc.append('\0');
    ds.putAndInsertUint8Array(DCM_EncapsulatedDocument, reinterpret_cast<const Uint8 *>(doc.constData()), doc.size());
    // The images the report was made from.
    const auto refs = referencedInstances(report);
    if (!refs.isEmpty()) {
        for (const auto &r : refs) {
            DcmItem *src = nullptr;
            if (ds.findOrCreateSequenceItem(DCM_SourceInstanceSequence, src, -2).good() && src) {
                put(*src, DCM_ReferencedSOPClassUID, r.second.first);
                put(*src, DCM_ReferencedSOPInstanceUID, r.second.second);
            }
        }
    }
    return toPart10(ff, QStringLiteral("encapsulated PDF"));
}

core::Result<QByteArray> encodeStructuredReport(const StudyHeader &study, const Report &report, const ObjectIds &ids,
                                                const QString &predecessorSrUid, const QString &predecessorSeriesUid)
{
    DcmFileFormat ff;
    DcmDataset &ds = *ff.getDataset();
    const bool verified = report.status == ReportStatus::Final;
    const QDateTime created = report.addenda.isEmpty() ? (report.signedAt.isValid() ? report.signedAt : QDateTime::currentDateTimeUtc())
                                                       : report.addenda.last().signedAt;
    putCommon(ds, study, kComprehensiveSrClass, "SR", ids, created);
    emptySequence(ds, DCM_ReferencedPerformedProcedureStepSequence);
    ds.putAndInsertString(DCM_CompletionFlag, "COMPLETE");
    ds.putAndInsertString(DCM_VerificationFlag, verified ? "VERIFIED" : "UNVERIFIED");
    if (verified) {
        DcmItem *obs = nullptr;
        if (ds.findOrCreateSequenceItem(DCM_VerifyingObserverSequence, obs, -2).good() && obs) {
            const QString name = report.addenda.isEmpty() ? report.signedBy : report.addenda.last().author;
            put(*obs, DCM_VerifyingObserverName, name);
            obs->insertEmptyElement(DCM_VerifyingObserverIdentificationCodeSequence);
            put(*obs, DCM_VerifyingOrganization, !ids.organization.isEmpty() ? ids.organization
                                                   : (!report.study.institution.isEmpty() ? report.study.institution : QStringLiteral("Kilima")));
            put(*obs, DCM_VerificationDateTime, dicomDateTime(created));
        }
    }
    emptySequence(ds, DCM_PerformedProcedureCodeSequence);
    if (!predecessorSrUid.isEmpty()) {
        DcmItem *studyItem = nullptr;
        if (ds.findOrCreateSequenceItem(DCM_PredecessorDocumentsSequence, studyItem, -2).good() && studyItem) {
            put(*studyItem, DCM_StudyInstanceUID, report.studyUid);
            DcmItem *seriesItem = nullptr;
            if (studyItem->findOrCreateSequenceItem(DCM_ReferencedSeriesSequence, seriesItem, -2).good() && seriesItem) {
                put(*seriesItem, DCM_SeriesInstanceUID, predecessorSeriesUid);
                DcmItem *sop = nullptr;
                if (seriesItem->findOrCreateSequenceItem(DCM_ReferencedSOPSequence, sop, -2).good() && sop) {
                    put(*sop, DCM_ReferencedSOPClassUID, QString::fromLatin1(kComprehensiveSrClass));
                    put(*sop, DCM_ReferencedSOPInstanceUID, predecessorSrUid);
                }
            }
        }
    }
    putEvidence(ds, report.studyUid, referencedInstances(report));

    // Root: TID 2000 Basic Diagnostic Imaging Report.
    ds.putAndInsertString(DCM_ValueType, "CONTAINER");
    addCodeSequence(ds, DCM_ConceptNameCodeSequence, {"18748-4", "LN", "Diagnostic Imaging Report"});
    ds.putAndInsertString(DCM_ContinuityOfContent, "SEPARATE");
    DcmItem *tpl = nullptr;
    if (ds.findOrCreateSequenceItem(DCM_ContentTemplateSequence, tpl, -2).good() && tpl) {
        tpl->putAndInsertString(DCM_MappingResource, "DCMR");
        tpl->putAndInsertString(DCM_TemplateIdentifier, "2000");
    }
    // Language (TID 1204) and observer context (TID 1001/1002).
    static const Code language{"121049", "DCM", "Language of Content Item and Descendants"};
    if (DcmItem *lang = addContent(ds, "HAS CONCEPT MOD", "CODE", &language)) {
        addCodeSequence(*lang, DCM_ConceptCodeSequence, {"en", "RFC5646", "English"});
    }
    const QString observer = report.signedBy.isEmpty() ? report.author : report.signedBy;
    if (!observer.isEmpty()) {
        static const Code observerType{"121005", "DCM", "Observer Type"};
        if (DcmItem *t = addContent(ds, "HAS OBS CONTEXT", "CODE", &observerType))
            addCodeSequence(*t, DCM_ConceptCodeSequence, {"121006", "DCM", "Person"});
        static const Code observerName{"121008", "DCM", "Person Observer Name"};
        if (DcmItem *n = addContent(ds, "HAS OBS CONTEXT", "PNAME", &observerName))
            put(*n, DCM_PersonName, report.authorDisplayName.isEmpty() ? observer : report.authorDisplayName);
    }

    for (const QString &key : sectionKeys()) {
        const QString body = report.sectionBody(key);
        const bool hasMeasurements = key == QLatin1String("findings") && !report.measurements.isEmpty();
        const bool hasImages = key == QLatin1String("findings") && !report.keyImages.isEmpty();
        if (body.isEmpty() && !hasMeasurements && !hasImages)
            continue;
        const SectionCodes codes = codesFor(key);
        DcmItem *container = addContent(ds, "CONTAINS", "CONTAINER", &codes.container);
        if (!container)
            return core::Error{QStringLiteral("SR: cannot build the content tree")};
        container->putAndInsertString(DCM_ContinuityOfContent, "SEPARATE");
        if (!body.isEmpty()) {
            if (DcmItem *text = addContent(*container, "CONTAINS", "TEXT", &codes.text))
                put(*text, DCM_TextValue, body);
        }
        if (hasMeasurements) {
            for (const Measurement &m : report.measurements) {
                QByteArray conceptStorage, unitStorage;
                const Code concept = measurementConcept(m, &conceptStorage);
                DcmItem *num = addContent(*container, "CONTAINS", "NUM", &concept);
                if (!num)
                    continue;
                DcmItem *mv = nullptr;
                if (num->findOrCreateSequenceItem(DCM_MeasuredValueSequence, mv, -2).good() && mv) {
                    char buf[32];
                    OFStandard::ftoa(buf, sizeof(buf), m.value, OFStandard::ftoa_uppercase, 0, 6);
                    mv->putAndInsertString(DCM_NumericValue, buf);
                    addCodeSequence(*mv, DCM_MeasurementUnitsCodeSequence, unitCode(m.unit, &unitStorage));
                }
                if (!m.label.isEmpty()) {
                    static const Code label{"112039", "DCM", "Tracking Identifier"};
                    if (DcmItem *t = addContent(*num, "HAS OBS CONTEXT", "TEXT", &label))
                        put(*t, DCM_TextValue, m.label.left(64));
                }
                if (!m.sopInstanceUid.isEmpty()) {
                    if (DcmItem *img = addContent(*num, "INFERRED FROM", "IMAGE", nullptr))
                        putImageReference(*img, m.sopClassUid, m.sopInstanceUid, m.frame, isMultiFrameClass(m.sopClassUid));
                }
            }
        }
        if (hasImages) {
            for (const KeyImage &k : report.keyImages) {
                static const Code keyImage{"121200", "DCM", "Illustration of Finding"};
                if (DcmItem *img = addContent(*container, "CONTAINS", "IMAGE", &keyImage))
                    putImageReference(*img, k.sopClassUid, k.sopInstanceUid, k.frame, isMultiFrameClass(k.sopClassUid));
            }
        }
    }
    // Addenda follow as their own TEXT items in a container of their own,
    // so the original text stays as it was signed.
    if (!report.addenda.isEmpty()) {
        for (const Addendum &a : report.addenda) {
            static const Code addendum{"ADDENDUM", "99KILIMA", "Addendum"};
            if (DcmItem *t = addContent(ds, "CONTAINS", "TEXT", &addendum))
                put(*t, DCM_TextValue, QStringLiteral("%1 (%2)").arg(a.text, a.author));
        }
    }
    return toPart10(ff, QStringLiteral("SR"));
}

core::Result<QByteArray> encodeKeyObjectSelection(const StudyHeader &study, const Report &report, const ObjectIds &ids)
{
    if (report.keyImages.isEmpty())
        return core::Error{QStringLiteral("key object selection: the report has no key images")};
    DcmFileFormat ff;
    DcmDataset &ds = *ff.getDataset();
    const QDateTime created = report.signedAt.isValid() ? report.signedAt : QDateTime::currentDateTimeUtc();
    putCommon(ds, study, kKeyObjectSelectionClass, "KO", ids, created);
    emptySequence(ds, DCM_ReferencedPerformedProcedureStepSequence);
    QList<QPair<QString, QPair<QString, QString>>> refs;
    for (const KeyImage &k : report.keyImages)
        refs.append({k.seriesUid, {k.sopClassUid, k.sopInstanceUid}});
    putEvidence(ds, report.studyUid, refs);
    ds.putAndInsertString(DCM_ValueType, "CONTAINER");
    addCodeSequence(ds, DCM_ConceptNameCodeSequence, {"113000", "DCM", "Of Interest"});
    ds.putAndInsertString(DCM_ContinuityOfContent, "SEPARATE");
    DcmItem *tpl = nullptr;
    if (ds.findOrCreateSequenceItem(DCM_ContentTemplateSequence, tpl, -2).good() && tpl) {
        tpl->putAndInsertString(DCM_MappingResource, "DCMR");
        tpl->putAndInsertString(DCM_TemplateIdentifier, "2010");
    }
    QStringList descriptions;
    for (const KeyImage &k : report.keyImages) {
        if (!k.description.isEmpty())
            descriptions.append(k.description);
    }
    for (const KeyImage &k : report.keyImages) {
        if (DcmItem *img = addContent(ds, "CONTAINS", "IMAGE", nullptr))
            putImageReference(*img, k.sopClassUid, k.sopInstanceUid, k.frame, isMultiFrameClass(k.sopClassUid));
    }
    if (!descriptions.isEmpty()) {
        static const Code desc{"113012", "DCM", "Key Object Description"};
        if (DcmItem *t = addContent(ds, "CONTAINS", "TEXT", &desc))
            put(*t, DCM_TextValue, descriptions.join(QLatin1Char('\n')).left(1024));
    }
    return toPart10(ff, QStringLiteral("key object selection"));
}

core::Result<QString> srPlainText(const QByteArray &part10)
{
    auto file = dicom::DicomFile::parse(part10, QStringLiteral("SR"));
    if (!file)
        return core::Error{file.error()};
    DcmDataset &ds = file.value().dataset();
    if (auto st = dicom::convertToUtf8(ds); !st)
        return core::Error{st.error()};
    QStringList blocks;
    DcmSequenceOfItems *content = nullptr;
    if (ds.findAndGetSequence(DCM_ContentSequence, content).bad() || !content)
        return core::Error{QStringLiteral("SR: no content sequence")};
    // Walk the lists (getItem(i) seeks from the start each time).
    for (DcmObject *o = content->nextInContainer(nullptr); o; o = content->nextInContainer(o)) {
        auto *item = static_cast<DcmItem *>(o);
        if (stringValue(*item, DCM_ValueType) != QLatin1String("CONTAINER"))
            continue;
        DcmItem *concept = nullptr;
        if (item->findAndGetSequenceItem(DCM_ConceptNameCodeSequence, concept, 0).bad() || !concept)
            continue;
        const QString key = sectionKeyOfContainer(stringValue(*concept, DCM_CodeValue));
        if (key.isEmpty())
            continue;
        DcmSequenceOfItems *children = nullptr;
        if (item->findAndGetSequence(DCM_ContentSequence, children).bad() || !children)
            continue;
        for (DcmObject *c = children->nextInContainer(nullptr); c; c = children->nextInContainer(c)) {
            auto *child = static_cast<DcmItem *>(c);
            if (stringValue(*child, DCM_ValueType) == QLatin1String("TEXT")) {
                OFString raw;
                // TextValue keeps its leading spaces and line breaks: read it raw.
                child->findAndGetOFStringArray(DCM_TextValue, raw);
                QString text = QString::fromUtf8(raw.c_str());
                while (text.endsWith(QLatin1Char(' ')))
                    text.chop(1);
                blocks.append(sectionTitle(key) + QStringLiteral(":\n") + text);
            }
        }
    }
    return blocks.join(QStringLiteral("\n\n"));
}

} // namespace kilima::reporting
