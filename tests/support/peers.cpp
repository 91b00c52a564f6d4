#include "peers.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <signal.h>

namespace kilima::test {

quint16 freePort()
{
    QTcpServer s;
    if (!s.listen(QHostAddress::LocalHost, 0))
        return 0;
    return s.serverPort();
}

bool waitForPort(quint16 port, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        if (socket.waitForConnected(500)) {
            socket.abort();
            return true;
        }
        QThread::msleep(50);
    }
    return false;
}

Peer::~Peer()
{
    terminate(5000);
}

bool Peer::start(const QString &program, const QStringList &args, const QStringList &extraEnv)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TCP_NODELAY"), QStringLiteral("1"));
    for (const QString &kv : extraEnv)
        env.insert(kv.section(QLatin1Char('='), 0, 0), kv.section(QLatin1Char('='), 1));
    m_process.setProcessEnvironment(env);
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.start(program, args);
    return m_process.waitForStarted(10000);
}

QString Peer::output()
{
    m_output += m_process.readAll();
    return QString::fromUtf8(m_output);
}

bool Peer::waitForPort(quint16 port, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        if (m_process.state() == QProcess::NotRunning) {
            output();
            return false;
        }
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        if (socket.waitForConnected(500)) {
            socket.abort();
            return true;
        }
        // Reads what the child wrote meanwhile, so that a failure shows it.
        if (m_process.waitForReadyRead(50))
            m_output += m_process.readAll();
    }
    output();
    return false;
}

void Peer::terminate(int graceMs)
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(graceMs))
        kill();
    output();
}

void Peer::kill()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    // Never signal pid 0: only a running child has a pid.
    if (m_process.processId() > 0)
        ::kill(pid_t(m_process.processId()), SIGKILL);
    m_process.waitForFinished(5000);
    output();
}

namespace {

int runWith(QProcess::ProcessChannelMode channels, const QString &program, const QStringList &args, QString *output,
            int timeoutMs, const QString &workDir)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TCP_NODELAY"), QStringLiteral("1"));
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(channels);
    if (!workDir.isEmpty())
        p.setWorkingDirectory(workDir);
    p.start(program, args);
    if (!p.waitForStarted(10000))
        return -1;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return -1;
    }
    if (output)
        *output = QString::fromUtf8(p.readAllStandardOutput());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

} // namespace

int runTool(const QString &program, const QStringList &args, QString *output, int timeoutMs, const QString &workDir)
{
    return runWith(QProcess::MergedChannels, program, args, output, timeoutMs, workDir);
}

int runToolStdout(const QString &program, const QStringList &args, QString *output, int timeoutMs)
{
    return runWith(QProcess::ForwardedErrorChannel, program, args, output, timeoutMs, {});
}

namespace {

// Writes `config` (storage and index under `dir`) and starts Orthanc on it;
// waits for `httpPort` while Orthanc runs.
bool writeAndStartOrthanc(Peer &peer, const QString &bin, const QString &dir, QJsonObject config, quint16 httpPort, QString *why)
{
    config.insert(QStringLiteral("StorageDirectory"), QString(dir + QStringLiteral("/storage")));
    config.insert(QStringLiteral("IndexDirectory"), QString(dir + QStringLiteral("/index")));
    QFile f(dir + QStringLiteral("/orthanc.json"));
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.write(QJsonDocument(config).toJson());
    f.close();
    if (!peer.start(bin, {f.fileName()})) {
        if (why)
            *why = QStringLiteral("Orthanc did not start: ") + peer.process().errorString();
        return false;
    }
    if (peer.waitForPort(httpPort, 90000))
        return true;
    if (why)
        *why = (peer.process().state() == QProcess::NotRunning ? QStringLiteral("Orthanc exited: ") : QStringLiteral("timeout: ")) + peer.output();
    qWarning("Orthanc did not come up on port %u: %s", unsigned(httpPort), qPrintable(peer.output()));
    return false;
}

} // namespace

bool startOrthancDicomWeb(Peer &peer, const QString &dir, quint16 httpPort, const QString &user, const QString &password,
                          bool remoteAccess)
{
    const QString bin = QStandardPaths::findExecutable(QStringLiteral("Orthanc"), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")});
    const QString plugin = QStringLiteral("/usr/share/orthanc/plugins/libOrthancDicomWeb.so");
    if (bin.isEmpty() || !QFileInfo::exists(plugin) || !QDir().mkpath(dir))
        return false;
    const QJsonObject config{
        {QStringLiteral("HttpPort"), int(httpPort)},
        {QStringLiteral("DicomPort"), int(freePort())},
        {QStringLiteral("RemoteAccessAllowed"), remoteAccess},
        {QStringLiteral("AuthenticationEnabled"), true},
        {QStringLiteral("RegisteredUsers"), QJsonObject{{user, password}}},
        {QStringLiteral("Plugins"), QJsonArray{plugin}},
        {QStringLiteral("DicomWeb"), QJsonObject{{QStringLiteral("Enable"), true}, {QStringLiteral("Root"), QStringLiteral("/dicom-web/")}}},
    };
    return writeAndStartOrthanc(peer, bin, dir, config, httpPort, nullptr);
}

bool startOrthanc(Peer &peer, const QString &dir, QJsonObject config, quint16 *httpPort, quint16 *dicomPort, QString *why)
{
    const QString bin = QStandardPaths::findExecutable(QStringLiteral("Orthanc"), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")});
    if (bin.isEmpty() || !QDir().mkpath(dir)) {
        if (why)
            *why = QStringLiteral("Orthanc is not installed");
        return false;
    }
    for (int attempt = 0; attempt < 3; ++attempt) {
        const quint16 http = freePort();
        const quint16 dicom = freePort();
        config.insert(QStringLiteral("HttpPort"), int(http));
        config.insert(QStringLiteral("DicomPort"), int(dicom));
        if (writeAndStartOrthanc(peer, bin, dir, config, http, why)) {
            *httpPort = http;
            if (dicomPort)
                *dicomPort = dicom;
            return true;
        }
        peer.terminate(5000);
        // A timeout with Orthanc still running is not a port race: no retry.
        if (why && why->startsWith(QLatin1String("timeout")))
            return false;
    }
    return false;
}

} // namespace kilima::test
