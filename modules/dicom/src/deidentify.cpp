#include <kilima/dicom/deidentify.h>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcelem.h>
#include <dcmtk/dcmdata/dcitem.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmdata/dcvrui.h>

#include <QCryptographicHash>
#include <algorithm>
#include <vector>

namespace kilima::dicom {

namespace {

// UIDs are not in the table: every instance-specific UID is replaced
// (see isClassUid for the ones that name a class, not an instance).
enum class Action { Remove, Empty, Dummy };

struct Rule {
    DcmTagKey tag;
    Action action;
};

// PS3.15 Table E.1-1, Basic Profile column: the attributes Kilima's
// archives meet in practice. X = remove, Z = zero length, D = dummy,
// U = consistent UID replacement. Type 1/2 attributes get Z or D so that
// the object stays valid.
const Rule kRules[] = {
    {DCM_AccessionNumber, Action::Empty},
    {DCM_RETIRED_AcquisitionComments, Action::Remove},
    {DCM_AcquisitionDeviceProcessingDescription, Action::Remove},
    {DCM_AcquisitionDate, Action::Empty},
    {DCM_AcquisitionDateTime, Action::Empty},
    {DCM_AcquisitionTime, Action::Empty},
    {DCM_AdditionalPatientHistory, Action::Remove},
    {DCM_AdmissionID, Action::Remove},
    {DCM_AdmittingDiagnosesDescription, Action::Remove},
    {DCM_Allergies, Action::Remove},
    {DCM_BranchOfService, Action::Remove},
    {DCM_ConsultingPhysicianName, Action::Remove},
    {DCM_ContentDate, Action::Empty},
    {DCM_ContentTime, Action::Empty},
    {DCM_CountryOfResidence, Action::Remove},
    {DCM_CurrentPatientLocation, Action::Remove},
    {DCM_DerivationDescription, Action::Remove},
    {DCM_DeviceSerialNumber, Action::Remove},
    {DCM_EthnicGroup, Action::Remove},
    {DCM_FrameComments, Action::Remove},
    {DCM_ImageComments, Action::Remove},
    {DCM_InstitutionAddress, Action::Remove},
    {DCM_InstitutionName, Action::Remove},
    {DCM_InstitutionalDepartmentName, Action::Remove},
    {DCM_InstanceCreationDate, Action::Remove},
    {DCM_InstanceCreationTime, Action::Remove},
    {DCM_IssuerOfPatientID, Action::Remove},
    {DCM_MedicalAlerts, Action::Remove},
    {DCM_RETIRED_MedicalRecordLocator, Action::Remove},
    {DCM_MilitaryRank, Action::Remove},
    {DCM_NameOfPhysiciansReadingStudy, Action::Remove},
    {DCM_Occupation, Action::Remove},
    {DCM_OperatorsName, Action::Remove},
    {DCM_OtherPatientIDsSequence, Action::Remove},
    {DCM_RETIRED_OtherPatientIDs, Action::Remove},
    {DCM_OtherPatientNames, Action::Remove},
    {DCM_PatientAddress, Action::Remove},
    {DCM_PatientAge, Action::Remove},
    {DCM_PatientBirthDate, Action::Empty},
    {DCM_PatientBirthName, Action::Remove},
    {DCM_PatientBirthTime, Action::Remove},
    {DCM_PatientComments, Action::Remove},
    {DCM_PatientID, Action::Dummy},
    {DCM_PatientInstitutionResidence, Action::Remove},
    {DCM_PatientInsurancePlanCodeSequence, Action::Remove},
    {DCM_PatientMotherBirthName, Action::Remove},
    {DCM_PatientName, Action::Dummy},
    {DCM_PatientReligiousPreference, Action::Remove},
    {DCM_PatientSex, Action::Empty},
    {DCM_PatientSize, Action::Remove},
    {DCM_PatientTelephoneNumbers, Action::Remove},
    {DCM_PatientWeight, Action::Remove},
    {DCM_PerformedProcedureStepDescription, Action::Remove},
    {DCM_PerformedProcedureStepID, Action::Remove},
    {DCM_PerformedProcedureStepStartDate, Action::Remove},
    {DCM_PerformedProcedureStepStartTime, Action::Remove},
    {DCM_PerformingPhysicianName, Action::Remove},
    {DCM_PersonName, Action::Remove},
    {DCM_PhysiciansOfRecord, Action::Remove},
    {DCM_PregnancyStatus, Action::Remove},
    {DCM_ProtocolName, Action::Remove},
    {DCM_ReferencedPatientSequence, Action::Remove},
    {DCM_ReferencedStudySequence, Action::Remove},
    {DCM_ReferencedPerformedProcedureStepSequence, Action::Remove},
    {DCM_ReferringPhysicianAddress, Action::Remove},
    {DCM_ReferringPhysicianName, Action::Empty},
    {DCM_ReferringPhysicianTelephoneNumbers, Action::Remove},
    {DCM_RequestAttributesSequence, Action::Remove},
    {DCM_RequestingPhysician, Action::Remove},
    {DCM_RequestingService, Action::Remove},
    {DCM_ScheduledProcedureStepDescription, Action::Remove},
    {DCM_SeriesDate, Action::Remove},
    {DCM_SeriesDescription, Action::Remove},
    {DCM_SeriesTime, Action::Remove},
    {DCM_SmokingStatus, Action::Remove},
    {DCM_SpecialNeeds, Action::Remove},
    {DCM_StationName, Action::Remove},
    {DCM_RETIRED_StudyComments, Action::Remove},
    {DCM_VisitComments, Action::Remove},
    {DCM_StudyDate, Action::Empty},
    {DCM_StudyDescription, Action::Remove},
    {DCM_StudyID, Action::Empty},
    {DCM_StudyTime, Action::Empty},
    {DCM_RETIRED_TextComments, Action::Remove},
    {DCM_TextString, Action::Remove},
    {DCM_Manufacturer, Action::Empty},
    {DCM_InstitutionCodeSequence, Action::Remove},
    // Free text that SR content, waveform and presentation annotations use.
    {DCM_TextValue, Action::Remove},
    {DCM_UnformattedTextValue, Action::Remove},
    {DCM_RequestedProcedureDescription, Action::Remove},
    {DCM_RequestedProcedureID, Action::Remove},
    {DCM_FillerOrderNumberImagingServiceRequest, Action::Remove},
    {DCM_PlacerOrderNumberImagingServiceRequest, Action::Remove},
    {DCM_ReasonForTheRequestedProcedure, Action::Remove},
    {DCM_RETIRED_ReasonForStudy, Action::Remove},
    {DCM_PerformedLocation, Action::Remove},
    {DCM_PerformedStationName, Action::Remove},
    {DCM_ScheduledStationName, Action::Remove},
    {DCM_VerifyingOrganization, Action::Remove},
    {DCM_ResponsibleOrganization, Action::Remove},
    {DCM_IssuerOfAccessionNumberSequence, Action::Remove},
    {DCM_IssuerOfPatientIDQualifiersSequence, Action::Remove},
    {DCM_ReferencedPatientPhotoSequence, Action::Remove},
    {DCM_PatientState, Action::Remove},
    {DCM_DetectorID, Action::Remove},
    {DCM_GantryID, Action::Remove},
    {DCM_RequestingPhysicianIdentificationSequence, Action::Remove},
    {DCM_OrderEnteredBy, Action::Remove},
    {DCM_PatientBirthDateInAlternativeCalendar, Action::Remove},
    {DCM_RETIRED_StudyIDIssuer, Action::Remove},
    // A thumbnail can show what the pixels show; the original-attribute,
    // encrypted-attribute and signature sequences keep the old values.
    {DCM_IconImageSequence, Action::Remove},
    {DCM_OriginalAttributesSequence, Action::Remove},
    {DCM_EncryptedAttributesSequence, Action::Remove},
    {DCM_DigitalSignaturesSequence, Action::Remove},
    {DCM_MACParametersSequence, Action::Remove},
    {DCM_ContributingEquipmentSequence, Action::Remove},
    {DCM_AcquisitionContextSequence, Action::Remove},
    {DCM_ReferringPhysicianIdentificationSequence, Action::Remove},
    {DCM_PerformingPhysicianIdentificationSequence, Action::Remove},
    {DCM_OperatorIdentificationSequence, Action::Remove},
    {DCM_PhysiciansOfRecordIdentificationSequence, Action::Remove},
    {DCM_PhysiciansReadingStudyIdentificationSequence, Action::Remove},
    {DCM_ConsultingPhysicianIdentificationSequence, Action::Remove},
    {DCM_PersonAddress, Action::Remove},
    {DCM_PersonTelephoneNumbers, Action::Remove},
    {DCM_PersonTelecomInformation, Action::Remove},
    {DCM_PatientTelecomInformation, Action::Remove},
    {DCM_ResponsiblePerson, Action::Remove},
    {DCM_AdmittingDate, Action::Remove},
};

bool isDate(const DcmTagKey &t)
{
    return t == DCM_StudyDate || t == DCM_ContentDate || t == DCM_AcquisitionDate || t == DCM_AcquisitionDateTime ||
           t == DCM_SeriesDate || t == DCM_StudyTime || t == DCM_ContentTime || t == DCM_AcquisitionTime ||
           t == DCM_SeriesTime;
}

// UIDs that name a class, a syntax or a coding scheme, not an instance:
// they identify nobody and must keep their value for the object to parse.
bool isClassUid(const DcmTagKey &t)
{
    return t == DCM_SOPClassUID || t == DCM_ReferencedSOPClassUID || t == DCM_MediaStorageSOPClassUID ||
           t == DCM_TransferSyntaxUID || t == DCM_ImplementationClassUID || t == DCM_CodingSchemeUID ||
           t == DCM_RelatedGeneralSOPClassUID || t == DCM_OriginalSpecializedSOPClassUID ||
           t == DCM_ReferencedSOPClassUIDInFile || t == DCM_ReferencedTransferSyntaxUIDInFile ||
           t == DCM_AffectedSOPClassUID || t == DCM_MappingResourceUID || t == DCM_ContextGroupExtensionCreatorUID ||
           t == DCM_PrivateInformationCreatorUID;
}

bool isText(DcmEVR vr)
{
    switch (vr) {
    case EVR_AE: case EVR_CS: case EVR_LO: case EVR_LT: case EVR_PN: case EVR_SH: case EVR_ST: case EVR_UC:
    case EVR_UR: case EVR_UT:
        return true;
    default:
        return false;
    }
}

QByteArray stringOf(DcmItem &item, const DcmTagKey &tag)
{
    OFString v;
    item.findAndGetOFStringArray(tag, v, OFFalse);
    return QByteArray(v.c_str(), int(v.length())).trimmed();
}

QString sopClassOf(DcmItem &item)
{
    return QString::fromLatin1(stringOf(item, DCM_SOPClassUID));
}

} // namespace

QString DeidentifyReport::describe() const
{
    QStringList parts{QStringLiteral("PS3.15 Basic Profile applied")};
    if (privateRemoved)
        parts << QStringLiteral("%1 private attribute(s) removed").arg(privateRemoved);
    if (overlayOrCurveRemoved)
        parts << QStringLiteral("%1 overlay/curve attribute(s) removed").arg(overlayOrCurveRemoved);
    if (residualRemoved)
        parts << QStringLiteral("%1 further attribute(s) removed whose text named the patient").arg(residualRemoved);
    return parts.join(QStringLiteral("; "));
}

// One object's walk: the identifiers to hunt for outside the profile's
// list, the patient's pseudonym, and the counts for the report.
struct Deidentifier::Walk {
    QList<QByteArray> tokens;      // lower case
    QByteArray birthDate;
    QByteArray name, id;
    // Numbers that equal these are the ID again (a Series Number set to
    // the patient's ID), not a coincidence worth keeping.
    QList<QByteArray> exactIds;
    DeidentifyReport report;

    bool carriesIdentity(QByteArray value) const
    {
        value = value.toLower();
        for (const QByteArray &t : tokens) {
            if (value.contains(t))
                return true;
        }
        return false;
    }
};

DeidentifyVerdict Deidentifier::assess(DcmItem &dataset)
{
    const QString cls = sopClassOf(dataset);
    if (cls.startsWith(QLatin1String("1.2.840.10008.5.1.4.1.1.104.")) || dataset.tagExists(DCM_EncapsulatedDocument))
        return {true, QStringLiteral("encapsulated document (PDF/CDA): its content shows the patient's identity and "
                                     "cannot be cleaned attribute by attribute")};
    if (cls.startsWith(QLatin1String("1.2.840.10008.5.1.4.1.1.88.")))
        return {true, QStringLiteral("structured report or key object selection: its text, name, date and UID "
                                     "content items can identify the patient, so SR documents are left out")};
    if (cls.startsWith(QLatin1String("1.2.840.10008.5.1.4.1.1.11.")))
        return {true, QStringLiteral("presentation state: its free-text annotations can identify the patient")};
    const QByteArray burned = stringOf(dataset, DCM_BurnedInAnnotation).toUpper();
    if (burned == "YES")
        return {true, QStringLiteral("Burned In Annotation is YES: the pixels show identifying text (Kilima does "
                                     "not clean pixel data)")};
    if (stringOf(dataset, DCM_RecognizableVisualFeatures).toUpper() == "YES")
        return {true, QStringLiteral("Recognizable Visual Features is YES: the image may show the patient's face")};
    const QByteArray modality = stringOf(dataset, DCM_Modality);
    if (burned.isEmpty() && (cls.startsWith(QLatin1String("1.2.840.10008.5.1.4.1.1.7")) || modality == "US" ||
                             modality == "XC" || modality == "ES" || modality == "OT"))
        return {false, QStringLiteral("Burned In Annotation not stated for a %1 object: check its pixels for text")
                           .arg(modality.isEmpty() ? QStringLiteral("secondary capture") : QString::fromLatin1(modality))};
    return {};
}

Deidentifier::Deidentifier(DeidentifyOptions options) : m_options(std::move(options))
{
    if (m_options.uidRoot.isEmpty())
        m_options.uidRoot = QStringLiteral("1.2.826.0.1.3680043.10.1083.9");
}

QString Deidentifier::mappedUid(const QString &original)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    auto it = m_uids.constFind(original);
    if (it != m_uids.constEnd())
        return *it;
    // A random UID: the original cannot be derived from it.
    char buf[100];
    dcmGenerateUniqueIdentifier(buf, m_options.uidRoot.toLatin1().constData());
    const QString uid = QString::fromLatin1(buf);
    m_uids.insert(original, uid);
    return uid;
}

QStringList Deidentifier::pseudonym(const QString &originalId, const QString &originalName)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    // Patients are told apart by ID, or by name when the ID is empty.
    const QString key = originalId + QLatin1Char('\x1f') + (originalId.isEmpty() ? originalName : QString());
    int n = m_patients.value(key);
    if (!n) {
        n = int(m_patients.size()) + 1;
        m_patients.insert(key, n);
    }
    const QString suffix = n > 1 ? QStringLiteral("-%1").arg(n) : QString();
    return {m_options.patientName + suffix, m_options.patientId + suffix};
}

void Deidentifier::processItem(DcmItem &item, bool topLevel, Walk &walk)
{
    for (const Rule &r : kRules) {
        if (m_options.keepDates && isDate(r.tag))
            continue;
        switch (r.action) {
        case Action::Remove:
            item.findAndDeleteElement(r.tag, OFFalse, OFFalse);
            break;
        case Action::Empty:
            if (item.tagExists(r.tag))
                item.putAndInsertString(r.tag, "");
            break;
        case Action::Dummy:
            if (topLevel || item.tagExists(r.tag))
                item.putAndInsertString(r.tag, r.tag == DCM_PatientName ? walk.name.constData() : walk.id.constData());
            break;
        }
    }
    // One walk along the list, removals after it in list order (so each
    // search for the element to remove is short): getElement(i) from the
    // end seeked from the start each time, quadratic in the elements.
    std::vector<DcmElement *> doomed;
    for (DcmObject *o = item.nextInContainer(nullptr); o; o = item.nextInContainer(o)) {
        auto *e = dynamic_cast<DcmElement *>(o);
        if (!e)
            continue;
        const DcmTag &tag = e->getTag();
        const DcmTagKey key = tag.getXTag();
        const Uint16 g = tag.getGroup();
        const DcmEVR vr = e->ident();
        if (tag.isPrivate()) {
            doomed.push_back(e);
            ++walk.report.privateRemoved;
            continue;
        }
        // Curves (50xx) and overlays (60xx): overlay data can be text drawn
        // over the image, and its description and label name things.
        if ((g >= 0x5000 && g <= 0x50FF) || (g >= 0x6000 && g <= 0x60FF)) {
            doomed.push_back(e);
            ++walk.report.overlayOrCurveRemoved;
            continue;
        }
        if (vr == EVR_SQ) {
            auto *sq = static_cast<DcmSequenceOfItems *>(e);
            for (DcmObject *k = sq->nextInContainer(nullptr); k; k = sq->nextInContainer(k))
                processItem(*static_cast<DcmItem *>(k), false, walk);
            continue;
        }
        if (key == DCM_PatientName || key == DCM_PatientID || key == DCM_PixelData || g == 0x0002)
            continue;
        if (vr == EVR_UI) {
            OFString value;
            if (isClassUid(key) || e->getOFStringArray(value).bad() || value.empty())
                continue;
            QStringList uids = QString::fromLatin1(value.c_str()).split(QLatin1Char('\\'));
            for (QString &u : uids) {
                u = u.trimmed();
                if (!u.isEmpty() && !u.startsWith(QLatin1String("1.2.840.10008.")))
                    u = mappedUid(u);
            }
            e->putString(uids.join(QLatin1Char('\\')).toLatin1().constData());
            continue;
        }
        // Person names other than the patient's (observers, operators,
        // verifying and content creators, at any depth): identifying.
        if (vr == EVR_PN) {
            if (e->getLength() > 0 && key != DCM_ReferringPhysicianName)
                doomed.push_back(e);
            continue;
        }
        if (vr == EVR_DA || vr == EVR_DT || vr == EVR_TM) {
            const QByteArray v = stringOf(item, key);
            if (!v.isEmpty() && (!m_options.keepDates || (!walk.birthDate.isEmpty() && v.contains(walk.birthDate))))
                doomed.push_back(e);
            continue;
        }
        if ((vr == EVR_IS || vr == EVR_DS) && !walk.exactIds.isEmpty()) {
            const QList<QByteArray> numbers = stringOf(item, key).split('\\');
            if (std::any_of(numbers.begin(), numbers.end(),
                            [&walk](const QByteArray &n) { return walk.exactIds.contains(n.trimmed()); })) {
                e->putString("");
                ++walk.report.residualRemoved;
            }
            continue;
        }
        // The safety net: any other text, or unparsed bytes, that still
        // carry the patient's identifiers.
        if (walk.tokens.isEmpty())
            continue;
        if (isText(vr)) {
            if (walk.carriesIdentity(stringOf(item, key))) {
                doomed.push_back(e);
                ++walk.report.residualRemoved;
            }
        } else if (vr == EVR_UN || vr == EVR_OB) {
            Uint8 *bytes = nullptr;
            if (e->getUint8Array(bytes).good() && bytes &&
                walk.carriesIdentity(QByteArray::fromRawData(reinterpret_cast<const char *>(bytes), int(e->getLength())))) {
                doomed.push_back(e);
                ++walk.report.residualRemoved;
            }
        }
    }
    for (DcmElement *e : doomed)
        delete item.remove(e);
}

core::Status Deidentifier::apply(DcmDataset &dataset, DeidentifyReport *report)
{
    Walk walk;
    const QByteArray name = stringOf(dataset, DCM_PatientName);
    const QByteArray id = stringOf(dataset, DCM_PatientID);
    const QStringList alias = pseudonym(QString::fromLatin1(id), QString::fromLatin1(name));
    walk.name = alias.at(0).toUtf8();
    walk.id = alias.at(1).toUtf8();
    // What to hunt for: the name, its components and their words (short
    // ones would match ordinary words), the IDs, accession number and birth
    // date in the forms people write it.
    auto addToken = [&walk](const QByteArray &t, int minLength) {
        const QByteArray v = t.trimmed().toLower();
        if (v.size() >= minLength && !walk.tokens.contains(v))
            walk.tokens.append(v);
    };
    for (const QByteArray &n : {name, stringOf(dataset, DCM_PatientBirthName), stringOf(dataset, DCM_OtherPatientNames)}) {
        addToken(n, 3);
        for (const QByteArray &component : n.split('^')) {
            addToken(component, 3);
            for (const QByteArray &word : component.simplified().split(' '))
                addToken(word, 4);
        }
    }
    addToken(id, 3);
    for (const QByteArray &exact : {id, stringOf(dataset, DCM_RETIRED_OtherPatientIDs), stringOf(dataset, DCM_AccessionNumber)}) {
        if (exact.trimmed().size() >= 3)
            walk.exactIds.append(exact.trimmed());
    }
    addToken(stringOf(dataset, DCM_RETIRED_OtherPatientIDs), 3);
    addToken(stringOf(dataset, DCM_AccessionNumber), 3);
    walk.birthDate = stringOf(dataset, DCM_PatientBirthDate);
    if (walk.birthDate.size() == 8) {
        const QByteArray &b = walk.birthDate;
        addToken(b, 8);
        addToken(b.left(4) + '-' + b.mid(4, 2) + '-' + b.right(2), 10);
        addToken(b.right(2) + '.' + b.mid(4, 2) + '.' + b.left(4), 10);
        addToken(b.mid(4, 2) + '/' + b.right(2) + '/' + b.left(4), 10);
        addToken(b.right(2) + '/' + b.mid(4, 2) + '/' + b.left(4), 10);
    }
    // Our own pseudonyms must not count as identity.
    walk.tokens.removeAll(walk.name.toLower());
    walk.tokens.removeAll(walk.id.toLower());

    processItem(dataset, true, walk);
    dataset.putAndInsertString(DCM_PatientIdentityRemoved, "YES");
    dataset.putAndInsertString(DCM_DeidentificationMethod, "PS3.15 Basic Application Level Confidentiality Profile (Kilima)");
    DcmItem *code = nullptr;
    dataset.findAndDeleteElement(DCM_DeidentificationMethodCodeSequence);
    if (dataset.findOrCreateSequenceItem(DCM_DeidentificationMethodCodeSequence, code, 0).good() && code) {
        code->putAndInsertString(DCM_CodeValue, "113100");
        code->putAndInsertString(DCM_CodingSchemeDesignator, "DCM");
        code->putAndInsertString(DCM_CodeMeaning, "Basic Application Confidentiality Profile");
        if (m_options.keepDates) {
            DcmItem *keep = nullptr;
            if (dataset.findOrCreateSequenceItem(DCM_DeidentificationMethodCodeSequence, keep, 1).good() && keep) {
                keep->putAndInsertString(DCM_CodeValue, "113106");
                keep->putAndInsertString(DCM_CodingSchemeDesignator, "DCM");
                keep->putAndInsertString(DCM_CodeMeaning, "Retain Longitudinal Temporal Information Full Dates Option");
            }
        }
    }
    if (report)
        *report = walk.report;
    return {};
}

} // namespace kilima::dicom
