// The connection under Kilima's HTTP engine: its socket (plain or TLS),
// what it has received and not yet used, and the request being served;
// and the Exchange a handler answers through. Private to httpengine.cpp
// and httpconnection.cpp. A connection is used by the event thread or by
// one worker at a time, never both.
#pragma once

#include "httpengine_p.h"

#include <QLoggingCategory>

#include <openssl/ssl.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <string>

namespace kilima::dicomweb::http {

Q_DECLARE_LOGGING_CATEGORY(lcEngine)

constexpr std::size_t kReadChunk = 16384;
constexpr std::size_t kWriteBuffer = 65536;

inline std::int64_t nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

const char *reasonPhrase(int status);

enum class State { Handshake, Head, Worker, Drain, Linger };

// One client connection. Owned by the engine; used by the event thread
// or by one worker at a time, never both.
class Connection {
public:
    Connection(int fd, SSL *ssl, std::string peer, const EngineConfig &config)
        : fd(fd), ssl(ssl), peer(std::move(peer)), config(config)
    {
    }
    ~Connection()
    {
        if (ssl)
            SSL_free(ssl);
        if (fd >= 0)
            ::close(fd);
    }

    // Non-blocking read: > 0 bytes, 0 end of stream, -1 would block, -2 error.
    long tryRead(char *buf, std::size_t size);
    // Worker side: waits up to `timeoutMs` for data; -1 on timeout or error.
    long readWait(char *buf, std::size_t size, int timeoutMs, std::string *why);
    bool writeAll(const char *data, std::size_t size, int flags = 0);   // flags: send()'s, plain sockets
    bool write(const char *data, std::size_t size);   // buffered
    bool flush();
    // Plain connections only: what is buffered, then `size` bytes of file
    // `in` from `offset` by sendfile().
    bool sendFile(int in, std::int64_t offset, std::size_t size);

    // The body of the current request, in order: buffered bytes first.
    long bodyBytes(char *buf, std::size_t size, std::string *why);

    int fd;
    SSL *ssl;
    std::string peer;
    const EngineConfig &config;
    State state = State::Head;
    std::int64_t deadline = 0;
    bool wantWrite = false;      // TLS needs the socket writable to go on
    bool headStarted = false;
    std::size_t scanned = 0;     // of `in`, searched for the end of the head
    bool lineSeen = false;       // a line end among the scanned bytes
    std::string in;              // received, not yet used
    std::string out;             // to send
    bool broken = false;         // a read or write failed: close
    std::int64_t drainRemaining = 0;
    std::int64_t lingerLeft = 0;

    // The request being served.
    RequestHead head;
    bool responded = false;
    bool closeAfter = false;
    bool bodyDone = true;
    std::int64_t bodyRemaining = 0;     // Content-Length bodies
    ChunkedDecoder chunked;
    bool continueSent = false;
};

// Whether the connection can serve another request after this answer.
bool keepsAlive(const Connection &c, bool stopping);

} // namespace kilima::dicomweb::http
