// The PACS node: the archive served over DICOM (and later DICOMweb,
// routing, cloud sync). A thin facade that wires dicomnet's server to the
// archive's ingest, queries, known nodes, worklist and audit log. Used by
// `kilima-node serve` and, on worker threads, by the workstation.
#pragma once

#include <kilima/core/config.h>
#include <kilima/core/result.h>

#include <QString>
#include <memory>

namespace kilima::archive {
class Archive;
}

namespace kilima::node {

// The cloud tier's background sync as this node runs it, for the
// workstation's node status (the same figures as `kilima-node sync status`).
struct CloudSyncState {
    bool configured = false;   // kilima.json has a cloud section
    bool syncing = false;      // the background sync runs in this node
    QString error;             // why it is off although configured
    qint64 instances = 0;
    qint64 verified = 0;       // with a verified copy in the bucket
    qint64 pending = 0;
    qint64 evicted = 0;        // only in the bucket
    QString lastPassAt;        // ISO UTC
    QString lastPassResult;
    QString lastError;
    bool passRunning = false;
};

// Why DICOMweb as `config` sets it up sends credentials in clear: plain
// HTTP (http.tls false) on a port (node.httpPort not 0) bound beyond
// loopback (node.bindAddress not 127.x, ::1 or localhost), with the one
// step that turns on HTTPS. Empty when it does not.
QString plainHttpWarning(const core::Config &config);

class Node {
public:
    // `archive` must outlive the node.
    Node(archive::Archive &archive, core::Config config);
    ~Node();

    core::Status start();
    // Refuses new associations, lets open ones finish, then aborts the rest.
    void stop();
    bool isRunning() const;

    quint16 dicomPort() const;
    quint16 dicomTlsPort() const;
    // The DICOMweb port (0 when node.httpPort is 0 or not running).
    quint16 httpPort() const;
    // Set when this start created the first admin account (no users yet):
    // show it to a person once; never log it.
    QString initialAdminPassword() const;
    // For a node with no terminal to show it on: writes initialAdminPassword()
    // into <data-dir>/initial-admin-password, readable and writable by this
    // account only, and returns that path to name to the person. An error
    // when this start created no account or the file cannot be written.
    core::Result<QString> saveInitialAdminPassword() const;
    // Why DICOMweb is not serving although node.httpPort is set (port in
    // use, bad certificate); empty otherwise.
    QString httpError() const;
    // plainHttpWarning() while DICOMweb is serving; also logged at start.
    QString securityWarning() const;
    int activeAssociations() const;
    // Reads the sync tables: call it off the UI thread.
    CloudSyncState cloudSync() const;
    const core::Config &config() const { return m_config; }

private:
    struct Services;
    archive::Archive &m_archive;
    core::Config m_config;
    std::unique_ptr<Services> m_services;
    QString m_httpError;
    QString m_cloudError;
};

} // namespace kilima::node
