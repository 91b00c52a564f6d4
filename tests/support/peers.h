// Running real peers in tests: free loopback ports, processes that are
// always stopped, and kilima-node serve itself. Everything binds to
// 127.0.0.1.
#pragma once

#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <memory>

namespace kilima::test {

// A TCP port on 127.0.0.1 that was free a moment ago.
quint16 freePort();
// Waits until something accepts connections on 127.0.0.1:port.
bool waitForPort(quint16 port, int timeoutMs = 15000);

// A child process that is terminated (then killed) when this goes away.
class Peer {
public:
    Peer() = default;
    ~Peer();
    Peer(const Peer &) = delete;
    Peer &operator=(const Peer &) = delete;

    bool start(const QString &program, const QStringList &args, const QStringList &extraEnv = {});
    void terminate(int graceMs = 10000);   // SIGTERM, then SIGKILL after grace
    void kill();                           // SIGKILL now
    QProcess &process() { return m_process; }
    QString output();                      // stdout + stderr so far
    // Waits until the child accepts connections on 127.0.0.1:port; false at
    // once when the child has exited (a port taken, a bad configuration),
    // with its output read so far.
    bool waitForPort(quint16 port, int timeoutMs = 15000);

private:
    QProcess m_process;
    QByteArray m_output;
};

// Runs a command to completion; returns exit code (-1 on crash/timeout).
int runTool(const QString &program, const QStringList &args, QString *output = nullptr, int timeoutMs = 300000,
            const QString &workDir = {});
// The same, with only standard output in `output` (for output to parse, such
// as --json): standard error goes to the test's own, so a warning (say, the
// repair after a killed node) shows in the log without breaking the parse.
int runToolStdout(const QString &program, const QStringList &args, QString *output, int timeoutMs = 300000);

// Starts Orthanc with its DICOMweb plugin (/dicom-web/) in `dir` on
// `httpPort` (DICOM on a free port), HTTP Basic for `user`, and waits for it.
// `remoteAccess` lets other loopback addresses than 127.0.0.1 in. False when
// Orthanc or the plugin is not installed or it does not come up.
bool startOrthancDicomWeb(Peer &peer, const QString &dir, quint16 httpPort, const QString &user, const QString &password,
                          bool remoteAccess = false);

// Starts Orthanc with `config` in `dir` and waits for its HTTP port. The HTTP
// and DICOM ports are chosen here, written into the configuration and
// returned: when Orthanc exits at start (a port taken by another test since
// it was found free), it is started again on new ports, three tries in all.
// On failure `why` holds Orthanc's output.
bool startOrthanc(Peer &peer, const QString &dir, QJsonObject config, quint16 *httpPort, quint16 *dicomPort, QString *why);

} // namespace kilima::test
