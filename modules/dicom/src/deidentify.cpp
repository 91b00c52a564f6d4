#include <kilima/dicom/deidentify.h>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcelem.h>
#include <dcmtk/dcmdata/dcitem.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmdata/dcvrui.h>

#include <QCryptographicHash>
#include <vector>

namespace kilima::dicom {

namespace {

enum class Action { Remove, Empty, Dummy, Uid };

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
    {DCM_InstanceCreatorUID, Action::Uid},
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
    // UIDs
    {DCM_StudyInstanceUID, Action::Uid},
    {DCM_SeriesInstanceUID, Action::Uid},
    {DCM_SOPInstanceUID, Action::Uid},
    {DCM_FrameOfReferenceUID, Action::Uid},
    {DCM_ReferencedSOPInstanceUID, Action::Uid},
    {DCM_ReferencedFrameOfReferenceUID, Action::Uid},
    {DCM_SynchronizationFrameOfReferenceUID, Action::Uid},
    {DCM_DimensionOrganizationUID, Action::Uid},
    {DCM_IrradiationEventUID, Action::Uid},
    {DCM_StorageMediaFileSetUID, Action::Uid},
    {DCM_MediaStorageSOPInstanceUID, Action::Uid},
};

bool isDate(const DcmTagKey &t)
{
    return t == DCM_StudyDate || t == DCM_ContentDate || t == DCM_AcquisitionDate || t == DCM_AcquisitionDateTime ||
           t == DCM_SeriesDate || t == DCM_StudyTime || t == DCM_ContentTime || t == DCM_AcquisitionTime ||
           t == DCM_SeriesTime;
}

} // namespace

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

void Deidentifier::processItem(DcmItem &item, bool topLevel)
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
            if (topLevel || item.tagExists(r.tag)) {
                const QString v = r.tag == DCM_PatientName ? m_options.patientName : m_options.patientId;
                item.putAndInsertString(r.tag, v.toUtf8().constData());
            }
            break;
        case Action::Uid: {
            OFString value;
            if (item.findAndGetOFStringArray(r.tag, value, OFFalse).good() && !value.empty()) {
                const QString mapped = mappedUid(QString::fromLatin1(value.c_str()).trimmed());
                item.putAndInsertString(r.tag, mapped.toLatin1().constData());
            }
            break;
        }
        }
    }
    // Private attributes, overlays' text and curves can carry identity.
    // One walk along the list, removals after it in list order (so each
    // search for the element to remove is short): getElement(i) from the
    // end seeked from the start each time, quadratic in the elements.
    std::vector<DcmElement *> doomed;
    for (DcmObject *o = item.nextInContainer(nullptr); o; o = item.nextInContainer(o)) {
        auto *e = dynamic_cast<DcmElement *>(o);
        if (!e)
            continue;
        const DcmTag &tag = e->getTag();
        const Uint16 g = tag.getGroup();
        if (tag.isPrivate() || (g >= 0x5000 && g <= 0x50FF) ||
            ((g >= 0x6000 && g <= 0x60FF) && (tag.getElement() == 0x0022 || tag.getElement() == 0x1500))) {
            doomed.push_back(e);
            continue;
        }
        if (e->ident() == EVR_SQ) {
            auto *sq = static_cast<DcmSequenceOfItems *>(e);
            for (DcmObject *k = sq->nextInContainer(nullptr); k; k = sq->nextInContainer(k))
                processItem(*static_cast<DcmItem *>(k), false);
        }
    }
    for (DcmElement *e : doomed)
        delete item.remove(e);
}

core::Status Deidentifier::apply(DcmDataset &dataset)
{
    processItem(dataset, true);
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
    return {};
}

} // namespace kilima::dicom
