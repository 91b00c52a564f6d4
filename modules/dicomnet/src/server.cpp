// DimseServer: listening sockets, the accept thread and the bounded pool
// of association workers. What happens on an association is in
// scpassociation.cpp.
#include <kilima/dicomnet/server.h>

#include "adopt_p.h"
#include "common_p.h"
#include "scp_p.h"
#include "tls_p.h"

#include <QDir>
#include <QHostAddress>

#include <arpa/inet.h>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace kilima::dicomnet {

namespace {
// Workers beyond maxAssociations: they read the A-ASSOCIATE-RQ of the
// associations over the limit and answer with A-ASSOCIATE-RJ, so peers learn
// why instead of timing out in the listen backlog.
constexpr int kRejectingWorkers = 4;

struct PendingConnection {
    int fd = -1;
    bool tls = false;
};
} // namespace

class DimseServer::Impl {
public:
    Impl(ServerConfig config, Handlers handlers)
    {
        shared.config = std::move(config);
        shared.handlers = handlers;
    }

    ScpShared shared;
    int plainListen = -1;
    int tlsListen = -1;
    quint16 plainPort = 0;
    quint16 boundTlsPort = 0;
    int wakePipe[2] = {-1, -1};
    T_ASC_Network *plainNet = nullptr;
    T_ASC_Network *tlsNet = nullptr;
    std::thread acceptor;
    bool running = false;

    std::mutex poolMutex;
    std::condition_variable poolCv;
    std::deque<PendingConnection> queue;
    std::vector<std::thread> workers;
    int idleWorkers = 0;
    int busyWorkers = 0;
    bool poolStopping = false;

    core::Result<int> listenOn(quint16 port, quint16 *bound);
    void acceptLoop();
    void workerLoop();
    void dispatch(int fd, bool tls);
    void closeListeners();
    void cleanupNetworks();
};

core::Result<int> DimseServer::Impl::listenOn(quint16 port, quint16 *bound)
{
    const QString &address = shared.config.bindAddress;
    QHostAddress host(address.isEmpty() ? QStringLiteral("0.0.0.0") : address);
    if (host.isNull())
        return core::Error{QStringLiteral("DICOM server: bind address '%1' is not an IP address").arg(address)};
    const bool v6 = host.protocol() == QAbstractSocket::IPv6Protocol;
    int fd = ::socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return core::Error{QStringLiteral("DICOM server: cannot create a socket: %1").arg(qt_error_string(errno))};
    int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_storage ss{};
    socklen_t len = 0;
    if (v6) {
        auto *sa = reinterpret_cast<sockaddr_in6 *>(&ss);
        sa->sin6_family = AF_INET6;
        sa->sin6_port = htons(port);
        const Q_IPV6ADDR a = host.toIPv6Address();
        memcpy(&sa->sin6_addr, &a, sizeof a);
        len = sizeof *sa;
    } else {
        auto *sa = reinterpret_cast<sockaddr_in *>(&ss);
        sa->sin_family = AF_INET;
        sa->sin_port = htons(port);
        sa->sin_addr.s_addr = htonl(host.toIPv4Address());
        len = sizeof *sa;
    }
    if (::bind(fd, reinterpret_cast<sockaddr *>(&ss), len) != 0 || ::listen(fd, 128) != 0) {
        const QString why = qt_error_string(errno);
        ::close(fd);
        return core::Error{QStringLiteral("DICOM server: cannot listen on %1:%2: %3").arg(address).arg(port).arg(why)};
    }
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    len = sizeof ss;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&ss), &len);
    *bound = ntohs(v6 ? reinterpret_cast<sockaddr_in6 *>(&ss)->sin6_port
                      : reinterpret_cast<sockaddr_in *>(&ss)->sin_port);
    return fd;
}

void DimseServer::Impl::acceptLoop()
{
    while (true) {
        pollfd fds[3];
        int n = 0;
        fds[n++] = {wakePipe[0], POLLIN, 0};
        if (plainListen >= 0)
            fds[n++] = {plainListen, POLLIN, 0};
        if (tlsListen >= 0)
            fds[n++] = {tlsListen, POLLIN, 0};
        const int r = ::poll(fds, nfds_t(n), -1);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            qCCritical(lcDimse) << "DICOM server: poll failed:" << qt_error_string(errno);
            return;
        }
        if (fds[0].revents)
            return;   // stop() asked us to quit
        for (int i = 1; i < n; ++i) {
            if (!(fds[i].revents & POLLIN))
                continue;
            const bool tls = fds[i].fd == tlsListen;
            while (true) {
                sockaddr_storage from{};
                socklen_t len = sizeof from;
                const int fd = ::accept4(fds[i].fd, reinterpret_cast<sockaddr *>(&from), &len, SOCK_CLOEXEC);
                if (fd < 0)
                    break;
                setNoDelay(fd);
                setSocketTimeouts(fd, std::max(shared.config.dimseTimeoutSeconds, shared.config.acseTimeoutSeconds));
                dispatch(fd, tls);
            }
        }
    }
}

void DimseServer::Impl::dispatch(int fd, bool tls)
{
    std::unique_lock<std::mutex> lock(poolMutex);
    const int capacity = std::max(1, shared.config.maxAssociations) + kRejectingWorkers;
    if (poolStopping || busyWorkers + int(queue.size()) >= capacity) {
        lock.unlock();
        // Far beyond the limit: not even a worker to send A-ASSOCIATE-RJ.
        // Say from where, so a flood can be traced to its source.
        Peer peer;
        peer.host = peerHost(fd);
        qCWarning(lcDimse).noquote() << QStringLiteral("DICOM server: connection from %1 dropped, all %2 association "
                                                       "workers are busy")
                                            .arg(peer.host)
                                            .arg(capacity);
        shared.audit(peer, QStringLiteral("reject"), QStringLiteral("failure"),
                     QStringLiteral("connection dropped: all association workers busy"));
        ::close(fd);
        return;
    }
    queue.push_back({fd, tls});
    if (idleWorkers == 0 && int(workers.size()) < capacity)
        workers.emplace_back([this] { workerLoop(); });
    poolCv.notify_one();
}

void DimseServer::Impl::workerLoop()
{
    std::unique_lock<std::mutex> lock(poolMutex);
    while (true) {
        ++idleWorkers;
        poolCv.wait(lock, [this] { return poolStopping || !queue.empty(); });
        --idleWorkers;
        if (queue.empty())
            return;   // stopping
        PendingConnection c = queue.front();
        queue.pop_front();
        ++busyWorkers;
        lock.unlock();
        runConnection(shared, c.tls ? tlsNet : plainNet, c.fd, c.tls);
        lock.lock();
        --busyWorkers;
        poolCv.notify_all();
    }
}

void DimseServer::Impl::closeListeners()
{
    if (plainListen >= 0)
        ::close(plainListen);
    if (tlsListen >= 0)
        ::close(tlsListen);
    plainListen = tlsListen = -1;
}

void DimseServer::Impl::cleanupNetworks()
{
    if (plainNet)
        ASC_dropNetwork(&plainNet);
    if (tlsNet)
        ASC_dropNetwork(&tlsNet);
    plainNet = tlsNet = nullptr;
    for (int &p : wakePipe) {
        if (p >= 0)
            ::close(p);
        p = -1;
    }
}

DimseServer::DimseServer(ServerConfig config, Handlers handlers)
    : d(std::make_unique<Impl>(std::move(config), handlers))
{
}

DimseServer::~DimseServer()
{
    stop();
}

core::Status DimseServer::start()
{
    if (d->running)
        return {};
    initDcmtkNetworking();
    ServerConfig &cfg = d->shared.config;
    if (!d->shared.handlers.policy)
        return core::Error{QStringLiteral("DICOM server: no access policy configured")};
    if (cfg.aeTitle.isEmpty() || cfg.aeTitle.size() > 16)
        return core::Error{QStringLiteral("DICOM server: AE title '%1' must be 1 to 16 characters").arg(cfg.aeTitle)};
    cfg.maxPduSize = std::clamp(cfg.maxPduSize, ASC_MINIMUMPDUSIZE, ASC_MAXIMUMPDUSIZE);
    cfg.maxAssociations = std::max(1, cfg.maxAssociations);
    cfg.acseTimeoutSeconds = std::max(1, cfg.acseTimeoutSeconds);
    cfg.dimseTimeoutSeconds = std::max(1, cfg.dimseTimeoutSeconds);
    if (cfg.tempDir.isEmpty())
        cfg.tempDir = QDir(QDir::tempPath()).filePath(QStringLiteral("kilima-dimse"));
    if (!QDir().mkpath(cfg.tempDir))
        return core::Error{QStringLiteral("DICOM server: cannot create temporary folder %1").arg(cfg.tempDir)};

    d->shared.stopping = false;
    d->poolStopping = false;
    if (::pipe2(d->wakePipe, O_CLOEXEC) != 0)
        return core::Error{QStringLiteral("DICOM server: cannot create a pipe: %1").arg(qt_error_string(errno))};

    // Port 0 asks for an ephemeral port, unless a TLS port is configured:
    // then it means "TLS only".
    const bool wantPlain = cfg.port != 0 || cfg.tlsPort == 0;
    auto fail = [this](const QString &message) -> core::Status {
        d->closeListeners();
        d->cleanupNetworks();
        return core::Error{message};
    };

    const int idleTimeout = std::max(cfg.dimseTimeoutSeconds, cfg.acseTimeoutSeconds);
    if (wantPlain) {
        OFCondition cond = createAcceptorNetwork(cfg.acseTimeoutSeconds, &d->plainNet);
        if (cond.bad())
            return fail(QStringLiteral("DICOM server: cannot initialise the network: %1").arg(conditionText(cond)));
        ASC_setTransportLayer(d->plainNet, new PlainAdoptingLayer(idleTimeout), 1);
        auto fd = d->listenOn(cfg.port, &d->plainPort);
        if (!fd)
            return fail(fd.error());
        d->plainListen = fd.value();
    }
    if (cfg.tlsPort != 0) {
        OFCondition cond = createAcceptorNetwork(cfg.acseTimeoutSeconds, &d->tlsNet);
        if (cond.bad())
            return fail(QStringLiteral("DICOM server: cannot initialise the network: %1").arg(conditionText(cond)));
        auto *layer = new TlsAdoptingLayer(idleTimeout, NET_ACCEPTOR, nullptr, OFTrue);
        if (auto st = configureTls(*layer, cfg.tls, true); !st) {
            delete layer;
            return fail(QStringLiteral("DICOM TLS server: ") + st.error());
        }
        ASC_setTransportLayer(d->tlsNet, layer, 1);
        auto fd = d->listenOn(cfg.tlsPort, &d->boundTlsPort);
        if (!fd)
            return fail(fd.error());
        d->tlsListen = fd.value();
    }
    d->running = true;
    d->acceptor = std::thread([this] { d->acceptLoop(); });
    qCInfo(lcDimse).noquote() << QStringLiteral("DICOM server %1 listening on %2 port %3%4, at most %5 associations")
                                     .arg(cfg.aeTitle, cfg.bindAddress)
                                     .arg(d->plainPort)
                                     .arg(d->tlsListen >= 0 ? QStringLiteral(", TLS port %1").arg(d->boundTlsPort)
                                                            : QString())
                                     .arg(cfg.maxAssociations);
    return {};
}

void DimseServer::stop()
{
    if (!d->running)
        return;
    d->running = false;
    d->shared.stopping = true;
    // 1. refuse new associations
    const char byte = 1;
    (void)!::write(d->wakePipe[1], &byte, 1);
    if (d->acceptor.joinable())
        d->acceptor.join();
    d->closeListeners();
    {
        std::unique_lock<std::mutex> lock(d->poolMutex);
        for (const PendingConnection &c : d->queue)
            ::close(c.fd);
        d->queue.clear();
        // 2. let open associations finish within the grace period
        const auto deadline = std::chrono::steady_clock::now()
                            + std::chrono::seconds(std::max(0, d->shared.config.shutdownGraceSeconds));
        d->poolCv.wait_until(lock, deadline, [this] { return d->busyWorkers == 0; });
        if (d->busyWorkers > 0)
            qCWarning(lcDimse) << "DICOM server: aborting" << d->busyWorkers
                               << "associations still open after the shutdown grace period";
        d->poolStopping = true;
    }
    // 3. abort the rest: their blocked reads and writes fail at once
    d->shared.shutdownAllSockets();
    d->poolCv.notify_all();
    for (std::thread &t : d->workers)
        if (t.joinable())
            t.join();
    d->workers.clear();
    d->idleWorkers = d->busyWorkers = 0;
    d->cleanupNetworks();
    qCInfo(lcDimse) << "DICOM server" << d->shared.config.aeTitle << "stopped";
}

bool DimseServer::isRunning() const { return d->running; }
int DimseServer::activeAssociations() const { return d->shared.active.load(); }
quint16 DimseServer::port() const { return d->plainPort; }
quint16 DimseServer::tlsPort() const { return d->boundTlsPort; }

} // namespace kilima::dicomnet
