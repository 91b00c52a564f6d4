#include "common_p.h"

#include <kilima/dicom/codecs.h>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmnet/dul.h>

#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QUuid>
#include <cstdlib>
#include <mutex>

namespace kilima::dicomnet {

Q_LOGGING_CATEGORY(lcDimse, "kilima.dimse")

QString toString(Service service)
{
    switch (service) {
    case Service::Echo: return QStringLiteral("echo");
    case Service::Store: return QStringLiteral("store");
    case Service::Find: return QStringLiteral("find");
    case Service::Move: return QStringLiteral("move");
    case Service::Get: return QStringLiteral("get");
    case Service::Worklist: return QStringLiteral("worklist");
    }
    return QStringLiteral("unknown");
}

bool servicesFromString(const QString &list, QList<Service> *services, QString *unknown)
{
    QList<Service> result;
    const QStringList names = list.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &raw : names) {
        const QString name = raw.trimmed().toLower();
        if (name.isEmpty())
            continue;
        bool found = false;
        for (Service s : {Service::Echo, Service::Store, Service::Find, Service::Move, Service::Get,
                          Service::Worklist}) {
            if (toString(s) == name) {
                if (!result.contains(s))
                    result.append(s);
                found = true;
                break;
            }
        }
        if (!found) {
            if (unknown)
                *unknown = raw.trimmed();
            return false;
        }
    }
    if (services)
        *services = result;
    return true;
}

void initDcmtkNetworking()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // DCMTK reads TCP_NODELAY on every accept and connect; an explicit
        // setting by the administrator wins.
        ::setenv("TCP_NODELAY", "1", 0);
        dcmDisableGethostbyaddr.set(OFTrue);
        kilima::dicom::registerCodecs();
    });
}

QString fromOF(const OFString &s)
{
    return QString::fromLatin1(s.c_str(), int(s.length()));
}

QString conditionText(const OFCondition &cond)
{
    return QString::fromLatin1(cond.text());
}

QString statusHex(quint16 status)
{
    return QStringLiteral("0x") + QString::number(status, 16).toUpper().rightJustified(4, QLatin1Char('0'));
}

QString statusMeaning(quint16 status)
{
    switch (status) {
    case 0x0000: return QStringLiteral("success");
    case 0x0001: return QStringLiteral("warning: requested optional attributes are not supported");
    case 0x0107: return QStringLiteral("warning: attribute list error");
    case 0x0110: return QStringLiteral("processing failure");
    case 0x0111: return QStringLiteral("duplicate SOP instance");
    case 0x0117: return QStringLiteral("invalid object instance");
    case 0x0122: return QStringLiteral("SOP class not supported");
    case 0x0124: return QStringLiteral("refused: not authorized");
    case 0x0211: return QStringLiteral("unrecognized operation");
    case 0x0212: return QStringLiteral("mistyped argument");
    case 0x0213: return QStringLiteral("resource limitation");
    case 0xA700: return QStringLiteral("out of resources");
    case 0xA701: return QStringLiteral("out of resources: unable to calculate number of matches");
    case 0xA702: return QStringLiteral("out of resources: unable to perform sub-operations");
    case 0xA801: return QStringLiteral("move destination unknown");
    case 0xA900: return QStringLiteral("identifier does not match SOP class");
    case 0xB000: return QStringLiteral("sub-operations complete, one or more failures or warnings");
    case 0xB006: return QStringLiteral("warning: elements discarded");
    case 0xB007: return QStringLiteral("warning: dataset does not match SOP class");
    case 0xFE00: return QStringLiteral("cancelled");
    case 0xFF00:
    case 0xFF01: return QStringLiteral("pending");
    default: break;
    }
    if ((status & 0xF000) == 0xA000)
        return QStringLiteral("refused: out of resources");
    if ((status & 0xF000) == 0xC000)
        return QStringLiteral("error: cannot understand");
    if ((status & 0xF000) == 0xB000)
        return QStringLiteral("warning");
    return QStringLiteral("failure");
}

bool isSuccess(quint16 status) { return status == 0x0000; }
bool isWarning(quint16 status) { return status == 0x0001 || status == 0x0107 || (status & 0xF000) == 0xB000; }
bool isPending(quint16 status) { return status == 0xFF00 || status == 0xFF01; }

const std::vector<const char *> &storageTransferSyntaxes()
{
    static const std::vector<const char *> list = {
        UID_LittleEndianExplicitTransferSyntax,
        UID_LittleEndianImplicitTransferSyntax,
        UID_BigEndianExplicitTransferSyntax,
        UID_DeflatedExplicitVRLittleEndianTransferSyntax,
        UID_JPEGProcess1TransferSyntax,
        UID_JPEGProcess2_4TransferSyntax,
        UID_JPEGProcess3_5TransferSyntax,
        UID_JPEGProcess6_8TransferSyntax,
        UID_JPEGProcess7_9TransferSyntax,
        UID_JPEGProcess10_12TransferSyntax,
        UID_JPEGProcess11_13TransferSyntax,
        UID_JPEGProcess14TransferSyntax,
        UID_JPEGProcess15TransferSyntax,
        UID_JPEGProcess16_18TransferSyntax,
        UID_JPEGProcess17_19TransferSyntax,
        UID_JPEGProcess20_22TransferSyntax,
        UID_JPEGProcess21_23TransferSyntax,
        UID_JPEGProcess24_26TransferSyntax,
        UID_JPEGProcess25_27TransferSyntax,
        UID_JPEGProcess28TransferSyntax,
        UID_JPEGProcess29TransferSyntax,
        UID_JPEGProcess14SV1TransferSyntax,
        UID_JPEGLSLosslessTransferSyntax,
        UID_JPEGLSLossyTransferSyntax,
        UID_JPEG2000LosslessOnlyTransferSyntax,
        UID_JPEG2000TransferSyntax,
        UID_JPEG2000Part2MulticomponentImageCompressionLosslessOnlyTransferSyntax,
        UID_JPEG2000Part2MulticomponentImageCompressionTransferSyntax,
        UID_JPIPReferencedTransferSyntax,
        UID_JPIPReferencedDeflateTransferSyntax,
        UID_RLELosslessTransferSyntax,
        UID_MPEG2MainProfileAtMainLevelTransferSyntax,
        UID_MPEG2MainProfileAtHighLevelTransferSyntax,
        UID_MPEG4HighProfileLevel4_1TransferSyntax,
        UID_MPEG4BDcompatibleHighProfileLevel4_1TransferSyntax,
        UID_MPEG4HighProfileLevel4_2_For2DVideoTransferSyntax,
        UID_MPEG4HighProfileLevel4_2_For3DVideoTransferSyntax,
        UID_MPEG4StereoHighProfileLevel4_2TransferSyntax,
        UID_HEVCMainProfileLevel5_1TransferSyntax,
        UID_HEVCMain10ProfileLevel5_1TransferSyntax,
        // High-Throughput JPEG 2000 (not yet in DCMTK 3.6.7's dictionary).
        "1.2.840.10008.1.2.4.201",
        "1.2.840.10008.1.2.4.202",
        "1.2.840.10008.1.2.4.203",
    };
    return list;
}

bool isStorageTransferSyntax(const char *uid)
{
    for (const char *ts : storageTransferSyntaxes())
        if (qstrcmp(ts, uid) == 0)
            return true;
    return false;
}

bool isUncompressed(const QString &tsUid)
{
    return tsUid == QLatin1String(UID_LittleEndianExplicitTransferSyntax)
        || tsUid == QLatin1String(UID_LittleEndianImplicitTransferSyntax)
        || tsUid == QLatin1String(UID_BigEndianExplicitTransferSyntax);
}

bool isStorageSopClass(const char *uid)
{
    for (int i = 0; i < numberOfDcmAllStorageSOPClassUIDs; ++i)
        if (qstrcmp(dcmAllStorageSOPClassUIDs[i], uid) == 0)
            return true;
    return false;
}

const char *findSopClass(QueryModel model)
{
    switch (model) {
    case QueryModel::PatientRoot: return UID_FINDPatientRootQueryRetrieveInformationModel;
    case QueryModel::StudyRoot: return UID_FINDStudyRootQueryRetrieveInformationModel;
    case QueryModel::Worklist: return UID_FINDModalityWorklistInformationModel;
    }
    return UID_FINDStudyRootQueryRetrieveInformationModel;
}

const char *moveSopClass(QueryModel model)
{
    return model == QueryModel::PatientRoot ? UID_MOVEPatientRootQueryRetrieveInformationModel
                                            : UID_MOVEStudyRootQueryRetrieveInformationModel;
}

const char *getSopClass(QueryModel model)
{
    return model == QueryModel::PatientRoot ? UID_GETPatientRootQueryRetrieveInformationModel
                                            : UID_GETStudyRootQueryRetrieveInformationModel;
}

QString modelName(QueryModel model)
{
    switch (model) {
    case QueryModel::PatientRoot: return QStringLiteral("Patient Root");
    case QueryModel::StudyRoot: return QStringLiteral("Study Root");
    case QueryModel::Worklist: return QStringLiteral("Modality Worklist");
    }
    return {};
}

QString errorComment(DcmDataset *statusDetail)
{
    if (!statusDetail)
        return {};
    OFString comment;
    if (statusDetail->findAndGetOFString(DCM_ErrorComment, comment).good())
        return fromOF(comment).trimmed();
    return {};
}

QString uniqueTempFile(const QString &dir, const QString &prefix)
{
    QDir().mkpath(dir);
    return QDir(dir).filePath(prefix + QUuid::createUuid().toString(QUuid::Id128) + QStringLiteral(".dcm"));
}

bool readWholeFile(const QString &path, QByteArray *bytes, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read %1: %2").arg(path, f.errorString());
        return false;
    }
    *bytes = f.readAll();
    return true;
}

} // namespace kilima::dicomnet
