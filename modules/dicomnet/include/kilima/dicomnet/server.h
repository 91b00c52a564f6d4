// The DIMSE server: accepts associations on a TCP port (optionally DICOM
// TLS on the same or a separate port) and runs each on a worker thread of a
// bounded pool: Verification, Storage, Q/R FIND/MOVE/GET (Patient and Study
// Root) and Modality Worklist FIND, through the handlers of handlers.h.
// start() returns once listening; stop() refuses new associations, lets
// open ones finish within the grace period, then aborts the rest.
#pragma once

#include <kilima/core/result.h>
#include <kilima/dicomnet/handlers.h>

#include <QString>
#include <memory>

namespace kilima::dicomnet {

struct TlsConfig {
    QString certificateFile;     // PEM, the server's certificate (chain)
    QString privateKeyFile;      // PEM; its passphrase never lives in the config
    QString trustedCaFile;       // PEM CA bundle for verifying client certificates
    bool requireClientCertificate = false;
};

struct ServerConfig {
    QString aeTitle = QStringLiteral("KILIMA");
    QString bindAddress = QStringLiteral("0.0.0.0");
    quint16 port = 11112;        // 0 = no plain listener
    quint16 tlsPort = 0;         // 0 = no TLS listener; a port of its own
    TlsConfig tls;
    int maxAssociations = 32;    // beyond it associations are rejected (transient, "local limit exceeded")
    int maxPduSize = 116794;
    int acseTimeoutSeconds = 30;
    int dimseTimeoutSeconds = 60;
    int shutdownGraceSeconds = 10;
    QString tempDir;             // where incoming objects are received before the StoreHandler sees them
};

struct Handlers {
    AccessPolicy *policy = nullptr;     // required
    StoreHandler *store = nullptr;      // null: Storage not offered
    QueryHandler *query = nullptr;      // null: FIND/Worklist not offered
    RetrieveHandler *retrieve = nullptr;// null: MOVE/GET not offered
    AuditSink *audit = nullptr;         // may be null
};

class DimseServer {
public:
    DimseServer(ServerConfig config, Handlers handlers);
    ~DimseServer();   // stops

    core::Status start();
    void stop();
    bool isRunning() const;
    int activeAssociations() const;
    // The ports actually bound (useful when 0 was asked for tests).
    quint16 port() const;
    quint16 tlsPort() const;

private:
    class Impl;
    std::unique_ptr<Impl> d;
};

} // namespace kilima::dicomnet
