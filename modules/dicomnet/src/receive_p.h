// Receiving the dataset of a C-STORE-RQ bit-preserving and handing it to a
// StoreHandler. Used by the Storage SCP and by the C-GET SCU.
// - Streamed when the handler offers a sink (StoreHandler::beginStore): a
//   meta header, then the PDV bytes as they arrive, go into the sink.
// - Otherwise the PDV bytes go into a Part 10 file under a temporary name
//   (as storescp -B does), which is checked to parse and then handed to
//   StoreHandler::storeFile; the temporary file is always removed.
#pragma once

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmnet/assoc.h>
#include <dcmtk/dcmnet/dimse.h>

#include <kilima/dicomnet/handlers.h>

#include <QByteArray>
#include <QElapsedTimer>
#include <QString>

namespace kilima::dicomnet {

struct StoreResult {
    bool connectionOk = true;   // false: the association is unusable
    StoreResponse response;     // what to answer
    qint64 bytes = 0;           // received, meta header included
    double receiveMs = 0;       // from the call to the dataset's last byte
    double storeMs = 0;         // the handler, from the last byte to its answer
};

// The C-STOREs received on one association (a Storage SCP's, or a C-GET's
// sub-operations), summed for the line logged at its end:
// how many, how big, and where each object's time went on average.
struct StoreTally {
    StoreTally() { clock.start(); }
    QElapsedTimer clock;     // started with the association
    int objects = 0;
    int failed = 0;          // answered with a failure status, or cut off
    qint64 bytes = 0;
    qint64 firstStartNs = -1, lastEndNs = 0;   // on `clock`
    double receiveMs = 0, storeMs = 0, answerMs = 0;
    int timed = 0;           // objects whose handler reported its own steps
    double checkMs = 0, diskMs = 0, indexMs = 0;

    qint64 now() const { return clock.nsecsElapsed(); }
    // Counts one C-STORE that began at `startNs` (now()) and ends now;
    // `answeringNs`: when its answer began to be sent, -1 when none was.
    void add(const StoreResult &result, qint64 startNs, qint64 answeringNs = -1);
    // "12 C-STOREs (12 stored), 6.3 MB in 0.05 s: ..." ; empty when none.
    QString summary() const;
};

StoreResult receiveAndStore(T_ASC_Association *assoc, T_ASC_PresentationContextID presId,
                            const T_DIMSE_C_StoreRQ &req, StoreHandler &handler, const Peer &peer,
                            const QString &tempDir, int timeoutSeconds);

struct ReceivedObject {
    ReceivedObject() = default;
    ReceivedObject(ReceivedObject &&other) noexcept { *this = std::move(other); }
    ReceivedObject &operator=(ReceivedObject &&other) noexcept
    {
        connectionOk = other.connectionOk;
        status = other.status;
        comment = std::move(other.comment);
        file = std::move(other.file);
        studyUid = std::move(other.studyUid);
        other.file.clear();
        return *this;
    }
    ReceivedObject(const ReceivedObject &) = delete;
    ReceivedObject &operator=(const ReceivedObject &) = delete;
    // The received file is removed with this object (unless a handler
    // has moved it away).
    ~ReceivedObject();

    bool connectionOk = true;  // false: the association is unusable
    quint16 status = 0;        // non-zero: refuse with this status and comment
    QString comment;
    QString file;              // the Part 10 file as received
    QString studyUid;
};

ReceivedObject receiveStoreDataset(T_ASC_Association *assoc, T_ASC_PresentationContextID presId,
                                   const T_DIMSE_C_StoreRQ &req, const QString &tempDir, int timeoutSeconds);

// Reads and discards a dataset a request carries; false when the
// association is unusable.
bool discardDataset(T_ASC_Association *assoc, int timeoutSeconds);

// Sends a C-STORE-RSP with an Error Comment when one is given.
OFCondition sendStoreResponse(T_ASC_Association *assoc, T_ASC_PresentationContextID presId,
                              const T_DIMSE_C_StoreRQ &req, quint16 status, const QString &comment);

} // namespace kilima::dicomnet
