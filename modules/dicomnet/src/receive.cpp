#include "receive_p.h"

#include "common_p.h"

#include <kilima/dicom/structure.h>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dcostrmb.h>
#include <dcmtk/dcmdata/dcostrmf.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

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

// Hands each PDV's bytes to a handler's sink as they arrive.
class SinkConsumer : public DcmConsumer {
public:
    explicit SinkConsumer(IncomingSink &sink) : m_sink(sink) {}
    OFBool good() const override { return OFTrue; }
    OFCondition status() const override { return EC_Normal; }
    OFBool isFlushed() const override { return OFTrue; }
    offile_off_t avail() const override { return offile_off_t(0x7fffffff); }
    offile_off_t write(const void *buf, offile_off_t buflen) override
    {
        m_sink.write(static_cast<const char *>(buf), qint64(buflen));
        m_bytes += qint64(buflen);
        return buflen;
    }
    void flush() override {}
    qint64 bytes() const { return m_bytes; }

private:
    IncomingSink &m_sink;
    qint64 m_bytes = 0;
};

class SinkStream : public DcmOutputStream {
public:
    explicit SinkStream(SinkConsumer *consumer) : DcmOutputStream(consumer) {}
};

// The Part 10 preamble and meta header of a received object, as
// DIMSE_createFilestream writes them: SOP class and instance from the
// request, the transfer syntax of the presentation context, the calling
// AE title as source.
QByteArray metaHeaderFor(const T_DIMSE_C_StoreRQ &req, T_ASC_Association *assoc, T_ASC_PresentationContextID presId,
                         QString *error)
{
    T_ASC_PresentationContext pc{};
    if (ASC_findAcceptedPresentationContext(assoc->params, presId, &pc).bad()) {
        *error = QStringLiteral("no accepted presentation context %1").arg(unsigned(presId));
        return {};
    }
    DcmMetaInfo meta;
    const Uint8 version[2] = {0, 1};
    meta.putAndInsertUint8Array(DCM_FileMetaInformationVersion, version, 2);
    meta.putAndInsertString(DCM_MediaStorageSOPClassUID, req.AffectedSOPClassUID);
    meta.putAndInsertString(DCM_MediaStorageSOPInstanceUID, req.AffectedSOPInstanceUID);
    meta.putAndInsertString(DCM_TransferSyntaxUID, pc.acceptedTransferSyntax);
    meta.putAndInsertString(DCM_ImplementationClassUID, OFFIS_IMPLEMENTATION_CLASS_UID);
    meta.putAndInsertString(DCM_ImplementationVersionName, OFFIS_DTK_IMPLEMENTATION_VERSION_NAME);
    meta.putAndInsertString(DCM_SourceApplicationEntityTitle, assoc->params->DULparams.callingAPTitle);
    meta.computeGroupLengthAndPadding(EGL_withGL, EPD_noChange, EXS_LittleEndianExplicit, EET_ExplicitLength);
    QByteArray out(16384, Qt::Uninitialized);
    DcmOutputBufferStream stream(out.data(), offile_off_t(out.size()));
    meta.transferInit();
    const OFCondition cond = meta.write(stream, EXS_LittleEndianExplicit, EET_ExplicitLength, nullptr);
    meta.transferEnd();
    if (cond.bad()) {
        *error = QStringLiteral("cannot write the meta header: %1").arg(conditionText(cond));
        return {};
    }
    void *data = nullptr;
    offile_off_t length = 0;
    stream.flushBuffer(data, length);
    out.truncate(int(length));
    return out;
}

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
        return {0xA700, QStringLiteral("cannot read back the received object"), {}, {}};
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
    // Its structure is checked first: DCMTK's parser recurses per sequence
    // and allocates what length fields claim.
    const QString problem = dicom::checkFileStructure(tmp, QStringLiteral("C-STORE dataset"));
    if (!problem.isEmpty()) {
        qCWarning(lcDimse).noquote() << QStringLiteral("C-STORE: refused: %1").arg(problem);
        out.status = 0xC000;
        out.comment = problem.mid(problem.indexOf(QLatin1String(": ")) + 2).left(64);
        return out;
    }
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

std::unique_ptr<IncomingSink> StoreHandler::beginStore(const Peer &) { return nullptr; }

StoreResponse StoreHandler::finishStore(const Peer &, std::unique_ptr<IncomingSink>, const QString &)
{
    return {0xA700, QStringLiteral("this handler does not take streamed objects"), {}, {}};
}

StoreResult receiveAndStore(T_ASC_Association *assoc, T_ASC_PresentationContextID presId,
                            const T_DIMSE_C_StoreRQ &req, StoreHandler &handler, const Peer &peer,
                            const QString &tempDir, int timeoutSeconds)
{
    StoreResult result;
    QElapsedTimer clock;
    clock.start();
    auto lastByteIn = [&] { result.receiveMs = double(clock.nsecsElapsed()) / 1e6; };
    auto answered = [&] { result.storeMs = double(clock.nsecsElapsed()) / 1e6 - result.receiveMs; };
    std::unique_ptr<IncomingSink> sink = handler.beginStore(peer);
    if (!sink) {
        ReceivedObject received = receiveStoreDataset(assoc, presId, req, tempDir, timeoutSeconds);
        lastByteIn();
        result.connectionOk = received.connectionOk;
        result.bytes = QFileInfo(received.file).size();
        if (!received.connectionOk || received.status != 0) {
            result.response = {received.status, received.comment, received.studyUid, {}};
            return result;
        }
        result.response = handler.storeFile(peer, received.file);
        answered();
        if (result.response.studyInstanceUid.isEmpty())
            result.response.studyInstanceUid = received.studyUid;
        return result;
    }

    QString error;
    const QByteArray meta = metaHeaderFor(req, assoc, presId, &error);
    if (meta.isEmpty()) {
        result.connectionOk = discardDataset(assoc, timeoutSeconds);
        result.response = {0xC000, error.left(64), {}, {}};
        return result;
    }
    sink->write(meta.constData(), meta.size());
    SinkConsumer consumer(*sink);
    T_ASC_PresentationContextID dataPresId = 0;
    OFCondition cond;
    {
        SinkStream stream(&consumer);
        cond = DIMSE_receiveDataSetInFile(assoc, DIMSE_NONBLOCKING, timeoutSeconds, &dataPresId, &stream, nullptr, nullptr);
        stream.flush();
    }
    lastByteIn();
    result.bytes = meta.size() + consumer.bytes();
    if (cond.bad()) {
        result.connectionOk = false;
        result.response.comment = QStringLiteral("dataset not received: %1").arg(conditionText(cond));
        return result;
    }
    if (dataPresId != presId) {
        result.response = {0xC000, QStringLiteral("dataset sent on another presentation context than its command"), {}, {}};
        return result;
    }
    result.response = handler.finishStore(peer, std::move(sink), QString::fromLatin1(req.AffectedSOPInstanceUID));
    answered();
    return result;
}

void StoreTally::add(const StoreResult &result, qint64 startNs, qint64 answeringNs)
{
    const qint64 endNs = now();
    const quint16 status = result.response.status;
    ++objects;
    if (!result.connectionOk || !(isSuccess(status) || isWarning(status)))
        ++failed;
    bytes += result.bytes;
    if (firstStartNs < 0)
        firstStartNs = startNs;
    lastEndNs = endNs;
    receiveMs += result.receiveMs;
    storeMs += result.storeMs;
    if (answeringNs >= 0)
        answerMs += double(endNs - answeringNs) / 1e6;
    const StoreTimings &t = result.response.timings;
    if (t.checkMs >= 0 && t.diskMs >= 0 && t.indexMs >= 0) {
        ++timed;
        checkMs += t.checkMs;
        diskMs += t.diskMs;
        indexMs += t.indexMs;
    }
}

QString StoreTally::summary() const
{
    if (objects == 0)
        return {};
    const double seconds = double(lastEndNs - firstStartNs) / 1e9;
    auto mean = [](double total, int n) { return QString::number(total / n, 'f', 2); };
    QString steps;
    if (timed > 0)
        steps = QStringLiteral(" (checking %1, waiting for the disk %2, indexing %3)")
                    .arg(mean(checkMs, timed), mean(diskMs, timed), mean(indexMs, timed));
    return QStringLiteral("%1 C-STORE%2 (%3 stored, %4 failed), %5 MB in %6 s, %7 objects/s; "
                          "per object in ms: receiving %8, storing %9%10, answering %11")
        .arg(objects)
        .arg(objects == 1 ? QString() : QStringLiteral("s"))
        .arg(objects - failed)
        .arg(failed)
        .arg(QString::number(double(bytes) / 1e6, 'f', 1), QString::number(seconds, 'f', 2),
             QString::number(seconds > 0 ? objects / seconds : 0.0, 'f', 0), mean(receiveMs, objects),
             mean(storeMs, objects), steps, mean(answerMs, objects));
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
