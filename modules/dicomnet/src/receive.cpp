#include "receive_p.h"

#include "common_p.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcostrmf.h>

#include <QFile>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace kilima::dicomnet {

namespace {

// Appends the incoming dataset to the file DIMSE_createFilestream began.
// A failed write (full disk, quota, file size limit) is remembered while
// the rest of the dataset is still read and dropped, so the association
// stays in step and the peer gets 0xA700 instead of an abort.
class SoftFailConsumer : public DcmConsumer {
public:
    explicit SoftFailConsumer(const QByteArray &path) : m_file(std::fopen(path.constData(), "ab"))
    {
        if (!m_file)
            fail();
    }
    ~SoftFailConsumer() override { close(); }

    OFBool good() const override { return OFTrue; }
    OFCondition status() const override { return EC_Normal; }
    OFBool isFlushed() const override { return OFTrue; }
    offile_off_t avail() const override { return offile_off_t(0x7fffffff); }
    offile_off_t write(const void *buf, offile_off_t buflen) override
    {
        if (m_file && !m_failed && std::fwrite(buf, 1, size_t(buflen), m_file) != size_t(buflen))
            fail();
        return buflen;
    }
    void flush() override
    {
        if (m_file && !m_failed && std::fflush(m_file) != 0)
            fail();
    }
    // Closes the file; false when any write failed.
    bool close()
    {
        if (m_file) {
            if (std::fclose(m_file) != 0 && !m_failed)
                fail();
            m_file = nullptr;
        }
        return !m_failed;
    }
    QString error() const { return m_error; }

private:
    void fail()
    {
        m_failed = true;
        m_error = QString::fromLocal8Bit(std::strerror(errno));
    }
    std::FILE *m_file;
    bool m_failed = false;
    QString m_error;
};

class SoftFailStream : public DcmOutputStream {
public:
    explicit SoftFailStream(SoftFailConsumer *consumer) : DcmOutputStream(consumer) {}
};

} // namespace

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

    DcmOutputFileStream *metaStream = nullptr;
    OFCondition cond = DIMSE_createFilestream(OFFilename(tmpName.constData()), &req, assoc, presId, OFTrue, &metaStream);
    const bool metaOk = cond.good() && metaStream && (metaStream->flush(), metaStream->good());
    delete metaStream;   // closes the file with its meta header
    if (!metaOk) {
        out.connectionOk = discardDataset(assoc, timeoutSeconds);
        out.status = 0xA700;
        out.comment = QStringLiteral("cannot write to the receive folder");
        qCWarning(lcDimse).noquote() << QStringLiteral("C-STORE: cannot create %1: %2").arg(tmp, conditionText(cond));
        return out;
    }
    SoftFailConsumer consumer(tmpName);
    T_ASC_PresentationContextID dataPresId = 0;
    {
        SoftFailStream stream(&consumer);
        cond = DIMSE_receiveDataSetInFile(assoc, DIMSE_NONBLOCKING, timeoutSeconds, &dataPresId, &stream, nullptr, nullptr);
        stream.flush();
    }
    const bool written = consumer.close();
    if (cond.bad()) {
        out.connectionOk = false;
        out.comment = QStringLiteral("dataset not received: %1").arg(conditionText(cond));
        return out;
    }
    if (!written) {
        out.status = 0xA700;
        out.comment = QStringLiteral("cannot store: %1").arg(consumer.error()).left(64);
        qCWarning(lcDimse).noquote() << QStringLiteral("C-STORE: cannot write %1: %2").arg(tmp, consumer.error());
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
