// The DICOMweb server (PS3.18): QIDO-RS, WADO-RS, STOW-RS and WADO-URI
// over HTTP/1.1 (keep-alive) or HTTPS, on the archive. Every request needs
// a user of the archive (HTTP Basic or a bearer token); every access to
// patient data is written to the audit log. Responses stream: a series is
// never held in memory. Runs its own thread pool; start/stop from any
// thread. Never logs PHI or credentials above debug level.
#pragma once

#include <kilima/core/config.h>
#include <kilima/core/result.h>

#include <QString>
#include <memory>

namespace kilima::archive {
class Archive;
}

namespace kilima::dicomweb {

class DicomWebServer {
public:
    // Serves on config.node.bindAddress:config.node.httpPort (0 = any free
    // port, for tests; the node does not start the server when its port is
    // 0) with the http section of `config`. `archive` must outlive it.
    DicomWebServer(archive::Archive &archive, const core::Config &config);
    ~DicomWebServer();

    // Binds and starts serving; when the archive has no user yet, first
    // creates "admin" with a random password (initialAdminPassword()).
    core::Status start();
    void stop();
    bool isRunning() const;
    quint16 port() const;
    bool isTls() const;
    // The password of the admin account created by this start, once;
    // empty when users existed already. Show it to a person, never log it.
    QString initialAdminPassword() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace kilima::dicomweb
