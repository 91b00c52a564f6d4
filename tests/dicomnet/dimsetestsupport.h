// Test doubles for the DIMSE handler interfaces and helpers to run DCMTK's
// command-line peers: free loopback ports, QProcess runs with TCP_NODELAY,
// and the dataset bytes of a Part 10 file for bit-for-bit comparisons.
#pragma once

#include <kilima/dicomnet/handlers.h>
#include <kilima/dicomnet/server.h>

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QProcess>
#include <QSet>
#include <QStringList>
#include <atomic>
#include <memory>

class DcmDataset;

namespace kilima::test {

using namespace kilima::dicomnet;

quint16 freePort();

struct ToolRun {
    int exitCode = -1;
    bool finished = false;
    QString output;   // stdout + stderr
};
// Runs a DCMTK tool to completion (TCP_NODELAY=1 in its environment).
ToolRun runTool(const QString &program, const QStringList &args, int timeoutMs = 60000);
// Starts a tool in the background; the caller owns and stops it.
std::unique_ptr<QProcess> startTool(const QString &program, const QStringList &args);
// Starts storescp on `port` writing into `dir` (accepting every TS); waits until it listens.
std::unique_ptr<QProcess> startStorescp(quint16 port, const QString &dir, const QString &aeTitle);
bool waitForPort(quint16 port, int timeoutMs = 10000);

// Bytes after the File Meta Information (the dataset as encoded).
QByteArray datasetBytes(const QByteArray &part10);
QByteArray fileBytes(const QString &path);
QString transferSyntaxOf(const QByteArray &part10);

class FakePolicy : public AccessPolicy {
public:
    QSet<QString> deniedCallingAes;
    QSet<Service> deniedServices;
    Decision acceptAssociation(const Peer &peer) override;
    Decision allow(const Peer &peer, Service service) override;
    QList<Peer> peers() const;

private:
    mutable QMutex m_mutex;
    QList<Peer> m_peers;
};

class MemoryStore : public StoreHandler {
public:
    std::atomic<int> delayMs{0};
    quint16 answerStatus = 0x0000;
    QString answerComment;
    StoreResponse store(const Peer &peer, const QByteArray &part10) override;
    QList<QByteArray> received() const;
    int count() const;

private:
    mutable QMutex m_mutex;
    QList<QByteArray> m_received;
};

class FakeQuery : public QueryHandler {
public:
    QList<std::shared_ptr<DcmDataset>> matches;
    std::atomic<int> delayMs{0};   // per match, as a slow index would take
    FindResponse find(const Peer &peer, QueryModel model, DcmDataset &identifier,
                      const std::function<bool(DcmDataset &)> &emit) override;
    QList<QueryModel> models() const;
    QStringList levels() const;

private:
    mutable QMutex m_mutex;
    QList<QueryModel> m_models;
    QStringList m_levels;
};

class FakeRetrieve : public RetrieveHandler {
public:
    QStringList files;
    QHash<QString, RemoteNode> destinations;
    QString resolveError;
    core::Result<QStringList> resolve(const Peer &peer, QueryModel model, DcmDataset &identifier) override;
    core::Result<RemoteNode> moveDestination(const Peer &peer, const QString &destinationAe) override;
};

class RecordingAudit : public AuditSink {
public:
    void record(const AuditEvent &event) override;
    QList<AuditEvent> events() const;
    // Events with this action (and outcome, when given).
    QList<AuditEvent> find(const QString &action, const QString &outcome = {}) const;
    QString dump() const;

private:
    mutable QMutex m_mutex;
    QList<AuditEvent> m_events;
};

// A server on 127.0.0.1 with the fakes above wired in.
struct TestServer {
    FakePolicy policy;
    MemoryStore store;
    FakeQuery query;
    FakeRetrieve retrieve;
    RecordingAudit audit;
    ServerConfig config;
    std::unique_ptr<DimseServer> server;
    QString tempDir;

    TestServer();
    core::Status start();
    quint16 port() const { return server ? server->port() : 0; }
    Handlers handlers();
};

} // namespace kilima::test
