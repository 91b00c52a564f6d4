// Kilima's HTTP/1.1 server engine (plain or TLS), under the DICOMweb
// server. One event thread accepts connections, completes TLS handshakes
// and reads request heads under limits; only a complete, well-formed head
// is handed to a worker, so slow or hostile clients cost a socket and a
// bounded buffer, never a worker. Workers run the handler, read the body
// on demand and stream the answer; a connection goes back to the event
// thread between requests. An unread body is drained there (or the
// connection closed): it is never read as the next request.
#pragma once

#include "httpparse_p.h"

#include <QString>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

typedef struct ssl_ctx_st SSL_CTX;

namespace kilima::dicomweb::http {

struct EngineConfig {
    std::string bindAddress = "127.0.0.1";
    int port = 0;                        // 0: any free port
    int workers = 8;
    int readTimeoutMs = 30000;           // a client that sends nothing this long mid-request
    int writeTimeoutMs = 120000;         // a client that reads nothing this long
    int keepAliveMs = 10000;             // idle time between requests
    int headTimeoutMs = 10000;           // from the first byte of a head (or the TLS hello) to its end
    int maxConnections = 1024;           // in all; 503 beyond
    int maxConnectionsPerAddress = 64;   // from one client address; 503 beyond
    std::int64_t maxDrainBytes = 8 << 20;   // unread bodies up to this are drained, larger ones close
    Limits limits;
    SSL_CTX *tls = nullptr;              // HTTPS when set; the engine takes a reference
};

using Headers = std::vector<std::pair<std::string, std::string>>;

// Writes part of a streamed body; false when the client went away.
using BodySink = std::function<bool(const char *data, std::size_t size)>;
// Sends `size` bytes of an open file from `offset` into the body: sendfile()
// on plain connections (no copy through user space), read and written on
// TLS or chunked ones.
using FileSink = std::function<bool(int fd, std::int64_t offset, std::size_t size)>;

class Connection;

// One request on a worker thread: its head, its body on demand, and one
// answer. Not thread safe; lives for the handler call only.
class Exchange {
public:
    const RequestHead &head() const;
    const std::string &peerAddress() const;

    enum class Body { Complete, Stopped, TooLarge, Failed };
    // Reads the whole body into `receive` as it arrives (sending 100
    // Continue first when the client asked for it). Stopped: `receive`
    // returned false; TooLarge: more than `maxBytes`; Failed: the client
    // broke the framing, stalled past the read timeout or went away
    // (`why` says which).
    Body readBody(const std::function<bool(const char *, std::size_t)> &receive, std::int64_t maxBytes, std::string *why);

    // Answers with a whole body. Content-Length, Connection and (for
    // HEAD) the missing body are the engine's business.
    void respond(int status, const Headers &headers, std::string_view body);
    // Answers with a body written by `writer`: with Content-Length when
    // `length` >= 0, chunked otherwise. When the writer returns false the
    // connection is cut without completing the body, so that the client
    // sees a truncated answer, never a complete-looking one.
    bool respondStream(int status, const Headers &headers, std::int64_t length,
                       const std::function<bool(const BodySink &)> &writer);
    // The same, for bodies that are mostly stored files sent unchanged.
    bool respondStream(int status, const Headers &headers, std::int64_t length,
                       const std::function<bool(const BodySink &, const FileSink &)> &writer);

private:
    friend class Engine;
    explicit Exchange(Connection &c);
    Connection &m_conn;
};

class Engine {
public:
    using Handler = std::function<void(Exchange &)>;
    Engine(EngineConfig config, Handler handler);
    ~Engine();

    // Binds; the port is then known. False with `why` when it cannot.
    bool bind(std::string *why);
    void start();
    // Closes the listener and every connection, interrupting transfers,
    // and waits for the workers.
    void stop();
    int port() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

// Builds the TLS context of an HTTPS listener: TLS 1.2 or newer, AEAD
// suites only, no compression or renegotiation. Null with `why` when the
// certificate or key cannot be used.
SSL_CTX *makeServerTlsContext(const QString &certificateFile, const QString &keyFile, QString *why);
void freeTlsContext(SSL_CTX *ctx);

} // namespace kilima::dicomweb::http
