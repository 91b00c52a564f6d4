#include "sender_p.h"

#include "common_p.h"

#include <kilima/dicom/pixeldata.h>
#include <kilima/dicom/structure.h>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmdata/dcxfer.h>

#include <QFile>
#include <QFileInfo>
#include <map>
#include <set>

namespace kilima::dicomnet {

QString sopClassName(const QString &uid)
{
    const char *name = dcmFindNameOfUID(uid.toLatin1().constData(), nullptr);
    return name ? QString::fromLatin1(name) : uid;
}

QString transferSyntaxName(const QString &uid)
{
    DcmXfer xfer(uid.toLatin1().constData());
    return xfer.getXfer() == EXS_Unknown ? uid : QString::fromLatin1(xfer.getXferName());
}

OutgoingFile inspectFile(const QString &path)
{
    OutgoingFile f;
    f.path = path;
    if (!QFileInfo(path).isFile()) {
        f.error = QStringLiteral("file does not exist");
        return f;
    }
    // DCMTK's parser recurses per sequence and allocates what length fields
    // claim: a file chosen to be sent is checked before it reads it.
    if (const QString problem = dicom::checkFileStructure(path, QFileInfo(path).fileName()); !problem.isEmpty()) {
        f.error = QStringLiteral("not a readable DICOM file: %1").arg(problem);
        return f;
    }
    DcmFileFormat file;
    OFCondition cond = file.loadFile(OFFilename(QFile::encodeName(path).constData()), EXS_Unknown, EGL_noChange, 64,
                                     ERM_autoDetect);
    if (cond.bad()) {
        f.error = QStringLiteral("not a readable DICOM file: %1").arg(conditionText(cond));
        return f;
    }
    OFString value;
    DcmDataset *ds = file.getDataset();
    if (ds->findAndGetOFString(DCM_SOPClassUID, value).good())
        f.sopClass = fromOF(value).trimmed();
    if (f.sopClass.isEmpty() && file.getMetaInfo()->findAndGetOFString(DCM_MediaStorageSOPClassUID, value).good())
        f.sopClass = fromOF(value).trimmed();
    if (ds->findAndGetOFString(DCM_SOPInstanceUID, value).good())
        f.sopInstance = fromOF(value).trimmed();
    if (f.sopInstance.isEmpty() && file.getMetaInfo()->findAndGetOFString(DCM_MediaStorageSOPInstanceUID, value).good())
        f.sopInstance = fromOF(value).trimmed();
    f.transferSyntax = QString::fromLatin1(DcmXfer(ds->getOriginalXfer()).getXferID());
    if (f.sopClass.isEmpty() || f.sopInstance.isEmpty())
        f.error = QStringLiteral("no SOP Class UID or SOP Instance UID");
    else if (f.transferSyntax.isEmpty())
        f.error = QStringLiteral("unknown transfer syntax");
    return f;
}

void proposeStorageContexts(T_ASC_Parameters *params, const QList<OutgoingFile> &files, T_ASC_SC_ROLE role)
{
    std::map<QString, std::set<QString>> classes;
    std::vector<QString> order;
    for (const OutgoingFile &f : files) {
        if (!f.error.isEmpty())
            continue;
        if (!classes.count(f.sopClass))
            order.push_back(f.sopClass);
        classes[f.sopClass].insert(f.transferSyntax);
    }
    int id = 1;
    auto add = [&](const QString &sopClass, const std::vector<QByteArray> &syntaxes) {
        if (id > 255)
            return;
        std::vector<const char *> list;
        for (const QByteArray &s : syntaxes)
            list.push_back(s.constData());
        ASC_addPresentationContext(params, T_ASC_PresentationContextID(id), sopClass.toLatin1().constData(),
                                   list.data(), int(list.size()), role);
        id += 2;
    };
    for (const QString &sopClass : order) {
        bool bigEndian = false;
        for (const QString &ts : classes[sopClass]) {
            if (ts == QLatin1String(UID_BigEndianExplicitTransferSyntax))
                bigEndian = true;
            else if (!isUncompressed(ts))
                add(sopClass, {ts.toLatin1()});
        }
        std::vector<QByteArray> fallback = {UID_LittleEndianExplicitTransferSyntax,
                                            UID_LittleEndianImplicitTransferSyntax};
        if (bigEndian)
            fallback.insert(fallback.begin(), UID_BigEndianExplicitTransferSyntax);
        add(sopClass, fallback);
    }
}

std::vector<ContextChoice> acceptedContexts(T_ASC_Association *assoc)
{
    std::vector<ContextChoice> out;
    const int n = ASC_countPresentationContexts(assoc->params);
    for (int i = 0; i < n; ++i) {
        T_ASC_PresentationContext pc;
        if (ASC_getPresentationContext(assoc->params, i, &pc).bad() || pc.resultReason != ASC_P_ACCEPTANCE)
            continue;
        out.push_back({pc.presentationContextID, QString::fromLatin1(pc.abstractSyntax),
                       QString::fromLatin1(pc.acceptedTransferSyntax)});
    }
    return out;
}

SendOutcome sendFile(T_ASC_Association *assoc, const std::vector<ContextChoice> &contexts, const OutgoingFile &file,
                     DIC_US messageId, int timeoutSeconds, const QString &moveOriginatorAe, DIC_US moveOriginatorId,
                     T_DIMSE_DetectedCancelParameters *cancel)
{
    SendOutcome out;
    if (!file.error.isEmpty()) {
        out.reason = file.error;
        return out;
    }
    const ContextChoice *exact = nullptr;
    const ContextChoice *plain = nullptr;
    for (const ContextChoice &c : contexts) {
        if (c.abstractSyntax != file.sopClass)
            continue;
        if (c.transferSyntax == file.transferSyntax && !exact)
            exact = &c;
        if (isUncompressed(c.transferSyntax)
            && (!plain || c.transferSyntax == QLatin1String(UID_LittleEndianExplicitTransferSyntax)))
            plain = &c;
    }
    const ContextChoice *chosen = exact ? exact : plain;
    if (!chosen) {
        out.reason = QStringLiteral("the peer accepted no presentation context for %1 in %2")
                         .arg(sopClassName(file.sopClass), transferSyntaxName(file.transferSyntax));
        return out;
    }

    DcmFileFormat dcm;
    OFCondition cond = dcm.loadFile(OFFilename(QFile::encodeName(file.path).constData()));
    if (cond.bad()) {
        out.reason = QStringLiteral("cannot read the file: %1").arg(conditionText(cond));
        return out;
    }
    DcmDataset *ds = dcm.getDataset();
    const E_TransferSyntax target = DcmXfer(chosen->transferSyntax.toLatin1().constData()).getXfer();
    if (!exact) {
        // DCMTK's decoders fill what each codestream's header says and
        // report success: a frame that disagrees with the image would go to
        // the peer with unwritten memory as pixels.
        if (DcmXfer(ds->getOriginalXfer()).isEncapsulated()) {
            if (const auto info = dicom::pixelInfo(*ds); info.ok()) {
                for (int f = 0; f < info.value().frames; ++f) {
                    if (const core::Status frame = dicom::checkEncodedFrame(*ds, f); !frame.ok()) {
                        out.reason = QStringLiteral("the peer does not accept %1 and the pixel data cannot be decoded: %2")
                                         .arg(transferSyntaxName(file.transferSyntax), frame.error());
                        return out;
                    }
                }
            }
        }
        cond = ds->chooseRepresentation(target, nullptr);
        if (cond.bad() || !ds->canWriteXfer(target)) {
            out.reason = QStringLiteral("the peer does not accept %1 and the pixel data cannot be decoded to %2%3")
                             .arg(transferSyntaxName(file.transferSyntax), transferSyntaxName(chosen->transferSyntax),
                                  cond.bad() ? QStringLiteral(": ") + conditionText(cond) : QString());
            return out;
        }
    }

    T_DIMSE_C_StoreRQ req{};
    req.MessageID = messageId;
    OFStandard::strlcpy(req.AffectedSOPClassUID, file.sopClass.toLatin1().constData(), sizeof req.AffectedSOPClassUID);
    OFStandard::strlcpy(req.AffectedSOPInstanceUID, file.sopInstance.toLatin1().constData(),
                        sizeof req.AffectedSOPInstanceUID);
    req.DataSetType = DIMSE_DATASET_PRESENT;
    req.Priority = DIMSE_PRIORITY_MEDIUM;
    if (!moveOriginatorAe.isEmpty()) {
        OFStandard::strlcpy(req.MoveOriginatorApplicationEntityTitle, moveOriginatorAe.toLatin1().constData(),
                            sizeof req.MoveOriginatorApplicationEntityTitle);
        req.MoveOriginatorID = moveOriginatorId;
        req.opts = O_STORE_MOVEORIGINATORAETITLE | O_STORE_MOVEORIGINATORID;
    }
    T_DIMSE_C_StoreRSP rsp{};
    DcmDataset *detail = nullptr;
    cond = DIMSE_storeUser(assoc, chosen->id, &req, nullptr, ds, nullptr, nullptr, DIMSE_NONBLOCKING, timeoutSeconds,
                           &rsp, &detail, cancel);
    if (cond.bad()) {
        delete detail;
        out.connectionOk = false;
        out.reason = QStringLiteral("connection lost while sending: %1").arg(conditionText(cond));
        return out;
    }
    out.status = rsp.DimseStatus;
    if (!isSuccess(out.status)) {
        const QString comment = errorComment(detail);
        out.reason = comment.isEmpty() ? statusMeaning(out.status) : comment;
    }
    delete detail;
    return out;
}

} // namespace kilima::dicomnet
