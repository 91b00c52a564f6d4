#include "dimsetestsupport.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMutexLocker>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QtEndian>

namespace kilima::test {

quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

static QProcessEnvironment toolEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TCP_NODELAY"), QStringLiteral("1"));
    return env;
}

ToolRun runTool(const QString &program, const QStringList &args, int timeoutMs)
{
    QProcess p;
    p.setProcessEnvironment(toolEnvironment());
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    ToolRun r;
    if (!p.waitForStarted(10000)) {
        r.output = QStringLiteral("cannot start %1").arg(program);
        return r;
    }
    r.finished = p.waitForFinished(timeoutMs);
    if (!r.finished) {
        p.kill();
        p.waitForFinished(5000);
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.output = QString::fromLocal8Bit(p.readAll());
    return r;
}

std::unique_ptr<QProcess> startTool(const QString &program, const QStringList &args)
{
    auto p = std::make_unique<QProcess>();
    p->setProcessEnvironment(toolEnvironment());
    p->setProcessChannelMode(QProcess::MergedChannels);
    p->start(program, args);
    p->waitForStarted(10000);
    return p;
}

bool waitForPort(quint16 port, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, port);
        if (s.waitForConnected(200)) {
            s.disconnectFromHost();
            return true;
        }
        QThread::msleep(50);
    }
    return false;
}

std::unique_ptr<QProcess> startStorescp(quint16 port, const QString &dir, const QString &aeTitle)
{
    QDir().mkpath(dir);
    auto p = startTool(QStringLiteral("storescp"),
                       {QStringLiteral("-aet"), aeTitle, QStringLiteral("-od"), dir, QStringLiteral("+B"),
                        QStringLiteral("+xa"), QString::number(port)});
    waitForPort(port);
    return p;
}

QByteArray datasetBytes(const QByteArray &part10)
{
    if (part10.size() < 144 || part10.mid(128, 4) != "DICM")
        return part10;
    // (0002,0000) UL group length comes first: tag 4, VR 2, length 2, value 4.
    const auto *p = reinterpret_cast<const uchar *>(part10.constData()) + 132;
    if (qFromLittleEndian<quint16>(p) != 0x0002 || qFromLittleEndian<quint16>(p + 2) != 0x0000)
        return {};
    const quint32 groupLength = qFromLittleEndian<quint32>(p + 8);
    return part10.mid(int(132 + 12 + groupLength));
}

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

QString transferSyntaxOf(const QByteArray &part10)
{
    const int at = part10.indexOf(QByteArray("\x02\x00\x10\x00", 4));
    if (at < 0)
        return {};
    const int len = qFromLittleEndian<quint16>(reinterpret_cast<const uchar *>(part10.constData()) + at + 6);
    return QString::fromLatin1(part10.mid(at + 8, len)).remove(QChar(0)).trimmed();
}

Decision FakePolicy::acceptAssociation(const Peer &peer)
{
    QMutexLocker lock(&m_mutex);
    m_peers << peer;
    if (deniedCallingAes.contains(peer.callingAe))
        return Decision::deny(QStringLiteral("calling AE title '%1' is not a known node").arg(peer.callingAe));
    return Decision::allow();
}

Decision FakePolicy::allow(const Peer &peer, Service service)
{
    Q_UNUSED(peer);
    if (deniedServices.contains(service))
        return Decision::deny(QStringLiteral("%1 not allowed for this node").arg(toString(service)));
    return Decision::allow();
}

QList<Peer> FakePolicy::peers() const
{
    QMutexLocker lock(&m_mutex);
    return m_peers;
}

StoreResponse MemoryStore::store(const Peer &peer, const QByteArray &part10)
{
    Q_UNUSED(peer);
    if (delayMs > 0)
        QThread::msleep(ulong(delayMs.load()));
    StoreResponse r;
    r.status = answerStatus;
    r.comment = answerComment;
    if (answerStatus == 0x0000) {
        QMutexLocker lock(&m_mutex);
        m_received << part10;
    }
    return r;
}

QList<QByteArray> MemoryStore::received() const
{
    QMutexLocker lock(&m_mutex);
    return m_received;
}

int MemoryStore::count() const
{
    QMutexLocker lock(&m_mutex);
    return m_received.size();
}

FindResponse FakeQuery::find(const Peer &peer, QueryModel model, DcmDataset &identifier,
                             const std::function<bool(DcmDataset &)> &emit)
{
    Q_UNUSED(peer);
    OFString level;
    identifier.findAndGetOFString(DCM_QueryRetrieveLevel, level);
    {
        QMutexLocker lock(&m_mutex);
        m_models << model;
        m_levels << QString::fromLatin1(level.c_str());
    }
    for (const auto &m : matches) {
        if (delayMs > 0)
            QThread::msleep(ulong(delayMs.load()));
        DcmDataset copy(*m);
        if (!emit(copy))
            return {0xFE00, {}};
    }
    return {};
}

QList<QueryModel> FakeQuery::models() const
{
    QMutexLocker lock(&m_mutex);
    return m_models;
}

QStringList FakeQuery::levels() const
{
    QMutexLocker lock(&m_mutex);
    return m_levels;
}

core::Result<QStringList> FakeRetrieve::resolve(const Peer &, QueryModel, DcmDataset &)
{
    if (!resolveError.isEmpty())
        return core::Error{resolveError};
    return files;
}

core::Result<RemoteNode> FakeRetrieve::moveDestination(const Peer &, const QString &destinationAe)
{
    if (!destinations.contains(destinationAe))
        return core::Error{QStringLiteral("move destination '%1' unknown").arg(destinationAe)};
    return destinations.value(destinationAe);
}

void RecordingAudit::record(const AuditEvent &event)
{
    QMutexLocker lock(&m_mutex);
    m_events << event;
}

QList<AuditEvent> RecordingAudit::events() const
{
    QMutexLocker lock(&m_mutex);
    return m_events;
}

QList<AuditEvent> RecordingAudit::find(const QString &action, const QString &outcome) const
{
    QList<AuditEvent> out;
    for (const AuditEvent &e : events())
        if (e.action == action && (outcome.isEmpty() || e.outcome == outcome))
            out << e;
    return out;
}

QString RecordingAudit::dump() const
{
    QStringList lines;
    for (const AuditEvent &e : events())
        lines << QStringLiteral("%1 %2 %3 %4").arg(e.peer.callingAe, e.action, e.outcome, e.detail);
    return lines.join(QLatin1Char('\n'));
}

TestServer::TestServer()
{
    config.aeTitle = QStringLiteral("KILIMA");
    config.bindAddress = QStringLiteral("127.0.0.1");
    config.port = 0;
    config.acseTimeoutSeconds = 5;
    config.dimseTimeoutSeconds = 10;
    config.shutdownGraceSeconds = 2;
    tempDir = QDir(QDir::tempPath()).filePath(QStringLiteral("kilima-dimse-test-%1").arg(QCoreApplication::applicationPid()));
    config.tempDir = tempDir;
}

Handlers TestServer::handlers()
{
    Handlers h;
    h.policy = &policy;
    h.store = &store;
    h.query = &query;
    h.retrieve = &retrieve;
    h.audit = &audit;
    return h;
}

core::Status TestServer::start()
{
    server = std::make_unique<DimseServer>(config, handlers());
    return server->start();
}

} // namespace kilima::test
