#include "httpconnection_p.h"

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <csignal>
#include <cstring>
#include <deque>
#include <map>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <unordered_set>

namespace kilima::dicomweb::http {

namespace {

constexpr int kLingerMs = 2000;
constexpr std::int64_t kLingerBytes = 1 << 20;

std::string addressOf(const sockaddr_storage &ss)
{
    char host[INET6_ADDRSTRLEN] = {0};
    if (ss.ss_family == AF_INET)
        inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in &>(ss).sin_addr, host, sizeof host);
    else if (ss.ss_family == AF_INET6)
        inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6 &>(ss).sin6_addr, host, sizeof host);
    std::string s = host;
    if (s.rfind("::ffff:", 0) == 0 && s.find('.') != std::string::npos)
        s = s.substr(7);
    return s;
}


} // namespace

// ------------------------------------------------------------------ Engine

struct Engine::Impl {
    EngineConfig config;
    Handler handler;
    int listenFd = -1;
    int wakeFd = -1;
    int boundPort = 0;
    std::atomic<bool> stopping{false};
    std::thread loopThread;
    std::vector<std::thread> workers;

    mutable std::mutex mutex;   // guards everything below
    std::condition_variable workCv;
    std::deque<Connection *> ready;              // complete heads waiting for a worker
    std::vector<Connection *> returned;          // from workers back to the event thread
    std::unordered_map<Connection *, std::unique_ptr<Connection>> all;
    std::unordered_set<Connection *> busy;

    // Event thread only.
    std::int64_t acceptPausedUntil = 0;   // out of file descriptors: try again later
    std::vector<Connection *> loop;
    std::map<std::string, int> perAddress;

    void wake()
    {
        const std::uint64_t one = 1;
        [[maybe_unused]] const ssize_t n = ::write(wakeFd, &one, sizeof one);
    }
    void run();
    void work();
    void accept();
    void service(Connection *c);
    bool advance(Connection *c);           // false: close it
    bool parseHead(Connection *c);          // false: close it
    void sendError(Connection *c, int status, const std::string &why);
    void linger(Connection *c);
    void dispatch();
    void close(Connection *c);
};

Engine::Engine(EngineConfig config, Handler handler) : d(std::make_unique<Impl>())
{
    d->config = std::move(config);
    d->handler = std::move(handler);
    if (d->config.tls)
        SSL_CTX_up_ref(d->config.tls);
}

Engine::~Engine()
{
    stop();
    if (d->config.tls)
        SSL_CTX_free(d->config.tls);
}

bool Engine::bind(std::string *why)
{
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    addrinfo *res = nullptr;
    const std::string port = std::to_string(d->config.port);
    const char *host = d->config.bindAddress.empty() ? nullptr : d->config.bindAddress.c_str();
    if (const int e = ::getaddrinfo(host, port.c_str(), &hints, &res); e != 0) {
        *why = std::string("cannot resolve the bind address: ") + gai_strerror(e);
        return false;
    }
    int fd = -1;
    int lastErrno = 0;
    for (addrinfo *a = res; a && fd < 0; a = a->ai_next) {
        fd = ::socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol);
        if (fd < 0)
            continue;
        const int on = 1;
        ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
        if (::bind(fd, a->ai_addr, a->ai_addrlen) != 0 || ::listen(fd, 512) != 0) {
            lastErrno = errno;
            ::close(fd);
            fd = -1;
        }
    }
    ::freeaddrinfo(res);
    if (fd < 0) {
        *why = std::strerror(lastErrno ? lastErrno : EADDRNOTAVAIL);
        return false;
    }
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&ss), &len);
    d->boundPort = ntohs(ss.ss_family == AF_INET6 ? reinterpret_cast<sockaddr_in6 &>(ss).sin6_port
                                                  : reinterpret_cast<sockaddr_in &>(ss).sin_port);
    d->listenFd = fd;
    return true;
}

void Engine::start()
{
    // Writes to a socket the client closed must fail, not kill the process
    // (OpenSSL writes without MSG_NOSIGNAL).
    std::signal(SIGPIPE, SIG_IGN);
    // Each connection is a descriptor: Debian's default soft limit of 1024
    // would run out before maxConnections; the hard limit is the real one.
    rlimit files{};
    if (::getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
        files.rlim_cur = std::min<rlim_t>(files.rlim_max, 65536);
        ::setrlimit(RLIMIT_NOFILE, &files);
    }
    d->stopping = false;
    d->wakeFd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    d->loopThread = std::thread([this] { d->run(); });
    for (int i = 0; i < std::max(1, d->config.workers); ++i)
        d->workers.emplace_back([this] { d->work(); });
}

void Engine::stop()
{
    if (!d->loopThread.joinable() && d->listenFd < 0)
        return;
    {
        std::lock_guard<std::mutex> lock(d->mutex);
        d->stopping = true;
        for (Connection *c : d->busy)
            ::shutdown(c->fd, SHUT_RDWR);   // interrupts transfers in progress
    }
    d->workCv.notify_all();
    for (std::thread &t : d->workers)
        t.join();
    d->workers.clear();
    if (d->loopThread.joinable()) {
        d->wake();
        d->loopThread.join();
    }
    if (d->listenFd >= 0)
        ::close(d->listenFd);
    d->listenFd = -1;
    if (d->wakeFd >= 0)
        ::close(d->wakeFd);
    d->wakeFd = -1;
    std::lock_guard<std::mutex> lock(d->mutex);
    d->ready.clear();
    d->returned.clear();
    d->busy.clear();
    d->all.clear();
    d->loop.clear();
    d->perAddress.clear();
}

int Engine::port() const { return d->boundPort; }

void Engine::Impl::work()
{
    for (;;) {
        Connection *c = nullptr;
        {
            std::unique_lock<std::mutex> lock(mutex);
            workCv.wait(lock, [this] { return stopping || !ready.empty(); });
            if (stopping)
                return;
            c = ready.front();
            ready.pop_front();
            busy.insert(c);
        }
        service(c);
        {
            std::lock_guard<std::mutex> lock(mutex);
            busy.erase(c);
            returned.push_back(c);
        }
        wake();
    }
}

namespace {

// Workers use the socket in blocking mode with the timeouts as socket
// options: one send() per MiB instead of a send/poll pair per socket
// buffer. The event thread uses it non-blocking.
void setBlocking(int fd, bool blocking, const EngineConfig &config)
{
    const int flags = ::fcntl(fd, F_GETFL);
    ::fcntl(fd, F_SETFL, blocking ? flags & ~O_NONBLOCK : flags | O_NONBLOCK);
    if (!blocking)
        return;
    auto timeval = [](int ms) { return ::timeval{ms / 1000, (ms % 1000) * 1000}; };
    const ::timeval rcv = timeval(config.readTimeoutMs), snd = timeval(config.writeTimeoutMs);
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &rcv, sizeof rcv);
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &snd, sizeof snd);
}

} // namespace

void Engine::Impl::service(Connection *c)
{
    setBlocking(c->fd, true, config);
    c->responded = false;
    c->closeAfter = false;
    c->continueSent = false;
    c->chunked = ChunkedDecoder();
    c->bodyDone = !c->head.hasBody();
    c->bodyRemaining = c->head.chunked ? 0 : std::max<std::int64_t>(0, c->head.contentLength);
    Exchange exchange(*c);
    try {
        handler(exchange);
    } catch (const std::exception &e) {
        qCWarning(lcEngine).noquote() << QStringLiteral("handler failed: %1").arg(QString::fromLocal8Bit(e.what()));
    }
    if (!c->responded)
        exchange.respond(500, {{"Content-Type", "text/plain; charset=utf-8"}}, "the server gave no answer\n");
    c->flush();
    if (!keepsAlive(*c, stopping)) {
        c->state = State::Linger;
    } else if (!c->bodyDone) {
        c->state = State::Drain;
        c->drainRemaining = c->bodyRemaining;
        c->deadline = nowMs() + config.readTimeoutMs;
    } else {
        c->state = State::Head;
        c->headStarted = false;
        c->deadline = nowMs() + config.keepAliveMs;
    }
    setBlocking(c->fd, false, config);
    if (c->in.capacity() > 4 * kReadChunk && c->in.size() < kReadChunk)
        c->in.shrink_to_fit();
    if (c->out.capacity() > kWriteBuffer)
        std::string().swap(c->out);
}

void Engine::Impl::close(Connection *c)
{
    auto it = perAddress.find(c->peer);
    if (it != perAddress.end() && --it->second <= 0)
        perAddress.erase(it);
    std::lock_guard<std::mutex> lock(mutex);
    all.erase(c);
}

void Engine::Impl::sendError(Connection *c, int status, const std::string &why)
{
    // From the event thread: best effort, the answer is small enough for
    // the socket buffer; then the connection lingers and closes.
    c->head = RequestHead();
    c->head.keepAlive = false;
    const std::string body = why + '\n';
    std::string h = std::string("HTTP/1.1 ") + std::to_string(status) + ' ' + reasonPhrase(status) +
                    "\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\nContent-Length: " +
                    std::to_string(body.size()) + "\r\n\r\n" + body;
    if (c->ssl) {
        ERR_clear_error();
        SSL_write(c->ssl, h.data(), int(h.size()));
    } else {
        [[maybe_unused]] const ssize_t n = ::send(c->fd, h.data(), h.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    }
    linger(c);
}

// Stops sending, then reads (and drops) what the client still sends for a
// moment, so that the answer is not lost to a connection reset.
void Engine::Impl::linger(Connection *c)
{
    c->state = State::Linger;
    if (c->ssl) {
        ERR_clear_error();
        SSL_shutdown(c->ssl);
    }
    ::shutdown(c->fd, SHUT_WR);
    c->deadline = nowMs() + kLingerMs;
    c->lingerLeft = kLingerBytes;
}

// Hands the connections whose head is complete to the workers. Only here,
// after the event thread is done with them, do the workers see them.
void Engine::Impl::dispatch()
{
    std::vector<Connection *> toWork;
    for (std::size_t i = 0; i < loop.size();) {
        if (loop[i]->state == State::Worker) {
            toWork.push_back(loop[i]);
            loop[i] = loop.back();
            loop.pop_back();
        } else {
            ++i;
        }
    }
    if (toWork.empty())
        return;
    {
        std::lock_guard<std::mutex> lock(mutex);
        ready.insert(ready.end(), toWork.begin(), toWork.end());
    }
    workCv.notify_all();
}

void Engine::Impl::accept()
{
    for (int i = 0; i < 64; ++i) {
        sockaddr_storage ss{};
        socklen_t len = sizeof ss;
        const int fd = ::accept4(listenFd, reinterpret_cast<sockaddr *>(&ss), &len, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0) {
            // Without descriptors the listener stays readable: pause it
            // rather than spin, until connections close.
            if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
                acceptPausedUntil = nowMs() + 100;
                qCWarning(lcEngine) << "out of file descriptors: new connections wait";
            }
            return;
        }
        const int on = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
        const std::string peer = addressOf(ss);
        std::size_t open;
        {
            std::lock_guard<std::mutex> lock(mutex);
            open = all.size();
        }
        int &fromPeer = perAddress[peer];
        const bool refused = int(open) >= config.maxConnections || fromPeer >= config.maxConnectionsPerAddress;
        if (refused && !config.tls) {
            static const char k503[] = "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
                                       "Connection: close\r\nRetry-After: 5\r\nContent-Length: 48\r\n\r\n"
                                       "too many open connections from this address\n\n\n\n\n";
            [[maybe_unused]] const ssize_t n = ::send(fd, k503, sizeof k503 - 1, MSG_NOSIGNAL | MSG_DONTWAIT);
        }
        if (refused) {
            if (fromPeer == 0)
                perAddress.erase(peer);
            ::close(fd);
            qCDebug(lcEngine) << "connection refused: limit reached";
            continue;
        }
        SSL *ssl = nullptr;
        if (config.tls) {
            ssl = SSL_new(config.tls);
            if (!ssl || SSL_set_fd(ssl, fd) != 1) {
                if (ssl)
                    SSL_free(ssl);
                ::close(fd);
                continue;
            }
        }
        ++fromPeer;
        auto conn = std::make_unique<Connection>(fd, ssl, peer, config);
        conn->state = ssl ? State::Handshake : State::Head;
        conn->deadline = nowMs() + config.headTimeoutMs;
        Connection *c = conn.get();
        {
            std::lock_guard<std::mutex> lock(mutex);
            all.emplace(c, std::move(conn));
        }
        loop.push_back(c);
    }
}

bool Engine::Impl::parseHead(Connection *c)
{
    if (c->in.empty())
        return true;
    // Parse only once the head can be judged: its end has arrived or a
    // limit is passed. Parsing after every piece would cost a client
    // sending one byte at a time quadratic time of ours.
    if (c->scanned > c->in.size())
        c->scanned = 0, c->lineSeen = false;
    const std::size_t from = c->scanned > 3 ? c->scanned - 3 : 0;
    c->scanned = c->in.size();
    const bool ended = c->in.find("\n\n", from) != std::string::npos || c->in.find("\n\r\n", from) != std::string::npos;
    c->lineSeen = c->lineSeen || c->in.find('\n', from) != std::string::npos;
    if (!ended && c->in.size() <= config.limits.maxHeadBytes && (c->lineSeen || c->in.size() <= config.limits.maxRequestLine)) {
        if (!c->headStarted) {
            c->headStarted = true;
            c->deadline = nowMs() + config.headTimeoutMs;
        }
        return true;
    }
    c->scanned = 0;
    c->lineSeen = false;
    const ParseResult r = parseRequestHead(c->in, config.limits, &c->head);
    if (r.state == ParseResult::Incomplete) {
        if (!c->headStarted) {
            c->headStarted = true;
            c->deadline = nowMs() + config.headTimeoutMs;
        }
        return true;
    }
    if (r.state == ParseResult::Error) {
        qCDebug(lcEngine).noquote() << QStringLiteral("request refused (%1): %2").arg(r.status).arg(QString::fromStdString(r.why));
        sendError(c, r.status, r.why);
        return true;
    }
    c->in.erase(0, r.consumed);
    c->state = State::Worker;   // handed over by dispatch()
    return true;
}

// Moves a connection on after its socket became ready; false: close it.
bool Engine::Impl::advance(Connection *c)
{
    char buf[kReadChunk];
    switch (c->state) {
    case State::Handshake: {
        ERR_clear_error();
        const int r = SSL_accept(c->ssl);
        if (r == 1) {
            c->state = State::Head;
            c->headStarted = false;
            c->wantWrite = false;
            return true;
        }
        const int e = SSL_get_error(c->ssl, r);
        if (e == SSL_ERROR_WANT_READ || e == SSL_ERROR_WANT_WRITE) {
            c->wantWrite = e == SSL_ERROR_WANT_WRITE;
            return true;
        }
        qCDebug(lcEngine) << "TLS handshake failed from" << QString::fromStdString(c->peer);
        return false;
    }
    case State::Head:
        for (;;) {
            const long n = c->tryRead(buf, sizeof buf);
            if (n == -1)
                break;
            if (n <= 0)
                return false;
            c->in.append(buf, std::size_t(n));
            // Parse as bytes arrive, so that a head past the limits is
            // refused without reading (and keeping) the rest.
            if (!parseHead(c))
                return false;
            if (c->state != State::Head)
                return true;
        }
        return true;
    case State::Drain:
    case State::Linger:
        for (;;) {
            if (c->state == State::Drain && !c->in.empty()) {
                const std::size_t use = std::size_t(std::min<std::int64_t>(c->drainRemaining, std::int64_t(c->in.size())));
                c->in.erase(0, use);
                c->drainRemaining -= std::int64_t(use);
                c->scanned = 0;
                c->lineSeen = false;
            }
            if (c->state == State::Drain && c->drainRemaining == 0) {
                c->state = State::Head;
                c->headStarted = false;
                c->deadline = nowMs() + config.keepAliveMs;
                return parseHead(c);
            }
            const long n = c->tryRead(buf, sizeof buf);
            if (n == -1)
                return true;
            if (n <= 0)
                return false;
            if (c->state == State::Drain) {
                c->in.append(buf, std::size_t(n));
            } else if ((c->lingerLeft -= n) <= 0) {
                return false;
            }
        }
    case State::Worker:
        break;
    }
    return true;
}

void Engine::Impl::run()
{
    std::vector<pollfd> fds;
    while (!stopping) {
        // Connections back from the workers.
        std::vector<Connection *> back;
        {
            std::lock_guard<std::mutex> lock(mutex);
            back.swap(returned);
        }
        for (Connection *c : back) {
            if (c->broken || stopping) {
                close(c);
                continue;
            }
            loop.push_back(c);
            if (c->state == State::Linger)
                linger(c);
            else if (c->state == State::Head)
                parseHead(c);
            else if (c->state == State::Drain && !advance(c))
                linger(c);
        }
        dispatch();

        // Expired deadlines.
        const std::int64_t now = nowMs();
        std::int64_t next = now + 1000;
        for (std::size_t i = 0; i < loop.size();) {
            Connection *c = loop[i];
            if (c->deadline <= now) {
                if (c->state == State::Head && c->headStarted) {
                    sendError(c, 408, "the request head did not arrive in time");
                } else {
                    loop[i] = loop.back();
                    loop.pop_back();
                    close(c);
                    continue;
                }
            }
            next = std::min(next, c->deadline);
            ++i;
        }

        fds.clear();
        fds.push_back({listenFd, short(acceptPausedUntil > now ? 0 : POLLIN), 0});
        if (acceptPausedUntil > now)
            next = std::min(next, acceptPausedUntil);
        fds.push_back({wakeFd, POLLIN, 0});
        for (Connection *c : loop)
            fds.push_back({c->fd, short(c->wantWrite ? POLLOUT : POLLIN), 0});
        const int timeout = int(std::max<std::int64_t>(0, std::min<std::int64_t>(next - nowMs(), 1000)));
        if (::poll(fds.data(), nfds_t(fds.size()), timeout) < 0 && errno != EINTR)
            break;
        if (fds[1].revents & POLLIN) {
            std::uint64_t v;
            [[maybe_unused]] const ssize_t n = ::read(wakeFd, &v, sizeof v);
        }
        // Connections first (their indices match `loop`), then new ones.
        std::vector<Connection *> gone;
        for (std::size_t i = 2; i < fds.size(); ++i) {
            if (!fds[i].revents)
                continue;
            Connection *c = loop[i - 2];
            if (!advance(c))
                gone.push_back(c);
        }
        for (Connection *c : gone) {
            loop.erase(std::find(loop.begin(), loop.end(), c));
            close(c);
        }
        if (fds[0].revents & POLLIN)
            accept();
        dispatch();
    }
}

// --------------------------------------------------------------------- TLS

SSL_CTX *makeServerTlsContext(const QString &certificateFile, const QString &keyFile, QString *why)
{
    SSL_CTX *ctx = SSL_CTX_new(TLS_server_method());
    if (!ctx) {
        *why = QStringLiteral("cannot create a TLS context");
        return nullptr;
    }
    // BCP 195: TLS 1.2 or newer, forward-secret AEAD suites only (TLS 1.3
    // suites are all AEAD), no compression, no renegotiation.
    SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
    SSL_CTX_set_options(ctx, SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION | SSL_OP_CIPHER_SERVER_PREFERENCE);
    SSL_CTX_set_mode(ctx, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    const bool ok =
        SSL_CTX_set_cipher_list(ctx, "ECDHE+AESGCM:ECDHE+CHACHA20:DHE+AESGCM:DHE+CHACHA20:!aNULL:!eNULL:!SHA1") == 1 &&
        SSL_CTX_use_certificate_chain_file(ctx, certificateFile.toLocal8Bit().constData()) == 1 &&
        SSL_CTX_use_PrivateKey_file(ctx, keyFile.toLocal8Bit().constData(), SSL_FILETYPE_PEM) == 1 &&
        SSL_CTX_check_private_key(ctx) == 1;
    if (!ok) {
        char err[256] = {0};
        ERR_error_string_n(ERR_get_error(), err, sizeof err);
        *why = QStringLiteral("cannot use certificate %1 with key %2 (%3)").arg(certificateFile, keyFile, QString::fromLatin1(err));
        SSL_CTX_free(ctx);
        return nullptr;
    }
    return ctx;
}

void freeTlsContext(SSL_CTX *ctx)
{
    if (ctx)
        SSL_CTX_free(ctx);
}

} // namespace kilima::dicomweb::http
