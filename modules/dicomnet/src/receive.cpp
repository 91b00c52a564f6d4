#include "receive_p.h"

#include "common_p.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcostrmf.h>

#include <QFile>

namespace kilima::dicomnet {

bool discardDataset(T_ASC_Association *assoc, int timeoutSeconds)
{
    DIC_UL bytes = 0, pdvs = 0;
    return DIMSE_ignoreDataSet(assoc, DIMSE_NONBLOCKING, timeoutSeconds, &bytes, &pdvs).good();
}

ReceivedObject::~ReceivedObject()
{
    if (!file.isEmpty())
        QFile::remove(file);
}

StoreResponse StoreHandler::storeFile(const Peer &peer, const QString &path)
{
    QByteArray bytes;
    QString error;
    if (!readWholeFile(path, &bytes, &error)) {
        qCWarning(lcDimse).noquote() << "C-STORE:" << error;
        return {0xA700, QStringLiteral("cannot read back the received object"), {}};
    }
    return store(peer, bytes);
}

ReceivedObject receiveStoreDataset(T_ASC_Association *assoc, T_ASC_PresentationContextID presId,
                                   const T_DIMSE_C_StoreRQ &req, const QString &tempDir, int timeoutSeconds)
{
    ReceivedObject out;
    const QString tmp = uniqueTempFile(tempDir, QStringLiteral("incoming-"));
    const QByteArray tmpName = QFile::encodeName(tmp);
    out.file = tmp;   // removed with `out` unless handed on and moved away

    DcmOutputFileStream *stream = nullptr;
    OFCondition cond = DIMSE_createFilestream(OFFilename(tmpName.constData()), &req, assoc, presId, OFTrue, &stream);
    if (cond.bad() || !stream) {
        delete stream;
        out.connectionOk = discardDataset(assoc, timeoutSeconds);
        out.status = 0xA700;
        out.comment = QStringLiteral("cannot write to the receive folder");
        qCWarning(lcDimse).noquote() << QStringLiteral("C-STORE: cannot create %1: %2").arg(tmp, conditionText(cond));
        return out;
    }
    T_ASC_PresentationContextID dataPresId = 0;
    cond = DIMSE_receiveDataSetInFile(assoc, DIMSE_NONBLOCKING, timeoutSeconds, &dataPresId, stream, nullptr, nullptr);
    const bool streamOk = stream->good();
    delete stream;
    if (cond.bad()) {
        out.connectionOk = false;
        out.comment = QStringLiteral("dataset not received: %1").arg(conditionText(cond));
        return out;
    }
    if (!streamOk) {
        out.status = 0xA700;
        out.comment = QStringLiteral("cannot write to the receive folder (disk full?)");
        return out;
    }
    if (dataPresId != presId) {
        out.status = 0xC000;
        out.comment = QStringLiteral("dataset sent on another presentation context than its command");
        return out;
    }

    // The bytes stay as sent; parsing only proves they are a whole dataset.
    DcmFileFormat file;
    cond = file.loadFile(OFFilename(tmpName.constData()), EXS_Unknown, EGL_noChange, DCM_MaxReadLength,
                         ERM_fileOnly);
    if (cond.bad()) {
        out.status = 0xC000;
        out.comment = QStringLiteral("cannot understand the dataset: %1").arg(conditionText(cond)).left(64);
        return out;
    }
    DcmDataset *ds = file.getDataset();
    OFString value;
    if (ds->findAndGetOFString(DCM_SOPInstanceUID, value).bad() || value != req.AffectedSOPInstanceUID) {
        out.status = 0xC000;
        out.comment = QStringLiteral("SOP Instance UID in dataset differs from the request");
        return out;
    }
    if (ds->findAndGetOFString(DCM_StudyInstanceUID, value).good())
        out.studyUid = fromOF(value);
    return out;
}

OFCondition sendStoreResponse(T_ASC_Association *assoc, T_ASC_PresentationContextID presId,
                              const T_DIMSE_C_StoreRQ &req, quint16 status, const QString &comment)
{
    T_DIMSE_C_StoreRSP rsp{};
    rsp.MessageIDBeingRespondedTo = req.MessageID;
    OFStandard::strlcpy(rsp.AffectedSOPClassUID, req.AffectedSOPClassUID, sizeof rsp.AffectedSOPClassUID);
    OFStandard::strlcpy(rsp.AffectedSOPInstanceUID, req.AffectedSOPInstanceUID, sizeof rsp.AffectedSOPInstanceUID);
    rsp.opts = O_STORE_AFFECTEDSOPCLASSUID | O_STORE_AFFECTEDSOPINSTANCEUID;
    rsp.DataSetType = DIMSE_DATASET_NULL;
    rsp.DimseStatus = status;
    DcmDataset detail;
    const bool withComment = status != 0 && !comment.isEmpty();
    if (withComment)
        detail.putAndInsertString(DCM_ErrorComment, comment.left(64).toLatin1().constData());
    return DIMSE_sendStoreResponse(assoc, presId, &req, &rsp, withComment ? &detail : nullptr);
}

} // namespace kilima::dicomnet
