#include "httpconnection_p.h"

#include <openssl/err.h>

#include <poll.h>
#include <sys/sendfile.h>
#include <unistd.h>
#include <sys/socket.h>

#include <cstdio>
#include <cstring>
#include <vector>

namespace kilima::dicomweb::http {

Q_LOGGING_CATEGORY(lcEngine, "kilima.dicomweb.http")

const char *reasonPhrase(int status)
{
    switch (status) {
    case 100: return "Continue";
    case 200: return "OK";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 206: return "Partial Content";
    case 301: return "Moved Permanently";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 406: return "Not Acceptable";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 411: return "Length Required";
    case 413: return "Content Too Large";
    case 414: return "URI Too Long";
    case 415: return "Unsupported Media Type";
    case 416: return "Range Not Satisfiable";
    case 417: return "Expectation Failed";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    case 505: return "HTTP Version Not Supported";
    default: return status < 300 ? "OK" : status < 500 ? "Client Error" : "Server Error";
    }
}

namespace {

bool bodyAllowed(int status) { return status >= 200 && status != 204 && status != 304; }

} // namespace

long Connection::tryRead(char *buf, std::size_t size)
{
    wantWrite = false;
    if (ssl) {
        ERR_clear_error();
        const int n = SSL_read(ssl, buf, int(size));
        if (n > 0)
            return n;
        const int e = SSL_get_error(ssl, n);
        if (e == SSL_ERROR_WANT_READ)
            return -1;
        if (e == SSL_ERROR_WANT_WRITE) {
            wantWrite = true;
            return -1;
        }
        return e == SSL_ERROR_ZERO_RETURN ? 0 : -2;
    }
    const ssize_t n = ::recv(fd, buf, size, 0);
    if (n >= 0)
        return long(n);
    return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ? -1 : -2;
}

long Connection::readWait(char *buf, std::size_t size, int timeoutMs, std::string *why)
{
    const std::int64_t until = nowMs() + timeoutMs;
    for (;;) {
        const long n = tryRead(buf, size);
        if (n >= 0)
            return n;
        if (n == -2) {
            *why = "the connection failed";
            return -1;
        }
        const std::int64_t left = until - nowMs();
        if (left <= 0) {
            *why = "the client sent nothing for " + std::to_string(timeoutMs / 1000) + " s";
            return -1;
        }
        pollfd p{fd, short(wantWrite ? POLLOUT : POLLIN), 0};
        ::poll(&p, 1, int(left));
    }
}

bool Connection::writeAll(const char *data, std::size_t size, int flags)
{
    while (size > 0 && !broken) {
        bool waitRead = false;
        long n;
        if (ssl) {
            ERR_clear_error();
            const int r = SSL_write(ssl, data, int(std::min<std::size_t>(size, 1 << 20)));
            n = r;
            if (r <= 0) {
                const int e = SSL_get_error(ssl, r);
                if (e == SSL_ERROR_WANT_READ)
                    waitRead = true;
                else if (e != SSL_ERROR_WANT_WRITE)
                    broken = true;
                n = -1;
            }
        } else {
            n = ::send(fd, data, size, MSG_NOSIGNAL | flags);
            if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
                broken = true;
        }
        if (n > 0) {
            data += n;
            size -= std::size_t(n);
            continue;
        }
        if (broken)
            break;
        pollfd p{fd, short(waitRead ? POLLIN : POLLOUT), 0};
        if (::poll(&p, 1, config.writeTimeoutMs) <= 0 || (p.revents & (POLLERR | POLLNVAL)))
            broken = true;
    }
    return !broken;
}

bool Connection::write(const char *data, std::size_t size)
{
    if (out.size() + size <= kWriteBuffer) {
        out.append(data, size);
        return !broken;
    }
    if (!flush())
        return false;
    if (size >= kWriteBuffer)
        return writeAll(data, size);
    out.append(data, size);
    return true;
}

bool Connection::sendFile(int in, std::int64_t offset, std::size_t size)
{
    if (!out.empty()) {
        // MSG_MORE: the part header goes out with the file's first bytes,
        // not in a small segment of its own.
        const bool ok = writeAll(out.data(), out.size(), MSG_MORE);
        out.clear();
        if (!ok)
            return false;
    }
    off_t at = off_t(offset);
    while (size > 0 && !broken) {
        const ssize_t n = ::sendfile(fd, in, &at, std::min<std::size_t>(size, std::size_t(1) << 30));
        if (n > 0) {
            size -= std::size_t(n);
            continue;
        }
        if (n == 0)
            return false;   // the file is shorter than announced
        if (errno == EINTR)
            continue;
        if (errno != EAGAIN && errno != EWOULDBLOCK) {
            broken = true;
            break;
        }
        pollfd p{fd, POLLOUT, 0};
        if (::poll(&p, 1, config.writeTimeoutMs) <= 0 || (p.revents & (POLLERR | POLLNVAL)))
            broken = true;
    }
    return !broken && size == 0;
}

bool Connection::flush()
{
    const bool ok = writeAll(out.data(), out.size());
    out.clear();
    return ok;
}

long Connection::bodyBytes(char *buf, std::size_t size, std::string *why)
{
    if (!in.empty()) {
        const std::size_t n = std::min(size, in.size());
        std::memcpy(buf, in.data(), n);
        in.erase(0, n);
        return long(n);
    }
    const long n = readWait(buf, size, config.readTimeoutMs, why);
    if (n == 0)
        *why = "the client closed the connection before the end of the body";
    return n;
}

bool keepsAlive(const Connection &c, bool stopping)
{
    if (c.closeAfter || c.broken || stopping || !c.head.keepAlive)
        return false;
    if (c.bodyDone)
        return true;
    // An unread body: drained by the event thread when its length is known
    // and small enough, and the client is sending it.
    if (c.head.chunked || (c.head.expectContinue && !c.continueSent))
        return false;
    return c.bodyRemaining <= c.config.maxDrainBytes;
}

// ---------------------------------------------------------------- Exchange

Exchange::Exchange(Connection &c) : m_conn(c) {}
const RequestHead &Exchange::head() const { return m_conn.head; }
const std::string &Exchange::peerAddress() const { return m_conn.peer; }

Exchange::Body Exchange::readBody(const std::function<bool(const char *, std::size_t)> &receive, std::int64_t maxBytes,
                                  std::string *why)
{
    Connection &c = m_conn;
    if (c.bodyDone)
        return Body::Complete;
    if (!c.head.chunked && c.bodyRemaining > maxBytes)
        return Body::TooLarge;
    if (c.head.expectContinue && !c.continueSent && c.in.empty()) {
        static const char kContinue[] = "HTTP/1.1 100 Continue\r\n\r\n";
        c.continueSent = true;
        if (!c.writeAll(kContinue, sizeof kContinue - 1)) {
            *why = "the connection failed";
            return Body::Failed;
        }
    }
    std::vector<char> buf(kReadChunk * 4);
    std::int64_t total = 0;
    bool stopped = false;
    bool tooLarge = false;
    while (!c.bodyDone) {
        const long n = c.bodyBytes(buf.data(), buf.size(), why);
        if (n <= 0) {
            c.broken = true;
            return Body::Failed;
        }
        if (c.head.chunked) {
            const std::size_t used = c.chunked.feed(buf.data(), std::size_t(n), [&](const char *p, std::size_t k) {
                total += std::int64_t(k);
                if (total > maxBytes) {
                    tooLarge = true;
                    return false;
                }
                if (!receive(p, k)) {
                    stopped = true;
                    return false;
                }
                return true;
            });
            if (c.chunked.failed()) {
                // The framing is lost: nothing after this can be trusted.
                c.closeAfter = true;
                if (tooLarge)
                    return Body::TooLarge;
                if (stopped)
                    return Body::Stopped;
                *why = "malformed chunked body: " + c.chunked.why();
                return Body::Failed;
            }
            c.in.insert(0, buf.data() + used, std::size_t(n) - used);
            c.bodyDone = c.chunked.done();
        } else {
            const std::size_t use = std::size_t(std::min<std::int64_t>(n, c.bodyRemaining));
            c.in.insert(0, buf.data() + use, std::size_t(n) - use);
            c.bodyRemaining -= std::int64_t(use);
            c.bodyDone = c.bodyRemaining == 0;
            if (!receive(buf.data(), use))
                return Body::Stopped;
        }
    }
    return Body::Complete;
}

namespace {

std::string statusHead(const Connection &c, int status, const Headers &headers, bool keepAlive)
{
    std::string h = "HTTP/1.1 " + std::to_string(status) + ' ' + reasonPhrase(status) + "\r\n";
    for (const auto &kv : headers) {
        // Header injection through a value is refused here, whatever the caller.
        if (kv.first.find_first_of("\r\n:") != std::string::npos || kv.second.find_first_of("\r\n") != std::string::npos)
            continue;
        h += kv.first + ": " + kv.second + "\r\n";
    }
    if (!keepAlive)
        h += "Connection: close\r\n";
    else if (c.head.minorVersion == 0)
        h += "Connection: keep-alive\r\n";
    return h;
}

} // namespace

void Exchange::respond(int status, const Headers &headers, std::string_view body)
{
    Connection &c = m_conn;
    if (c.responded)
        return;
    c.responded = true;
    const bool keep = keepsAlive(c, false);
    c.closeAfter = !keep;
    std::string h = statusHead(c, status, headers, keep);
    if (bodyAllowed(status))
        h += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    h += "\r\n";
    c.write(h.data(), h.size());
    if (bodyAllowed(status) && c.head.method != "HEAD")
        c.write(body.data(), body.size());
    c.flush();
}

bool Exchange::respondStream(int status, const Headers &headers, std::int64_t length,
                             const std::function<bool(const BodySink &)> &writer)
{
    return respondStream(status, headers, length,
                         [&writer](const BodySink &sink, const FileSink &) { return writer(sink); });
}

bool Exchange::respondStream(int status, const Headers &headers, std::int64_t length,
                             const std::function<bool(const BodySink &, const FileSink &)> &writer)
{
    Connection &c = m_conn;
    if (c.responded)
        return false;
    c.responded = true;
    // HTTP/1.0 has no chunked coding: the end of the body is the end of the connection.
    const bool delimitByClose = length < 0 && c.head.minorVersion == 0;
    const bool keep = keepsAlive(c, false) && !delimitByClose;
    c.closeAfter = !keep;
    std::string h = statusHead(c, status, headers, keep);
    if (length >= 0)
        h += "Content-Length: " + std::to_string(length) + "\r\n";
    else if (!delimitByClose)
        h += "Transfer-Encoding: chunked\r\n";
    h += "\r\n";
    if (!c.write(h.data(), h.size()))
        return false;
    if (c.head.method == "HEAD" || !bodyAllowed(status))
        return c.flush();

    std::int64_t written = 0;
    const bool chunked = length < 0 && !delimitByClose;
    const BodySink sink = [&](const char *data, std::size_t size) {
        if (size == 0)
            return !c.broken;
        if (length >= 0 && written + std::int64_t(size) > length)
            return false;   // more than announced: the source changed under us
        written += std::int64_t(size);
        if (chunked) {
            char line[24];
            const int n = std::snprintf(line, sizeof line, "%zx\r\n", size);
            return c.write(line, std::size_t(n)) && c.write(data, size) && c.write("\r\n", 2);
        }
        return c.write(data, size);
    };
    // Zero copy where the bytes go out as they lie in the file: a plain
    // socket and a body framed by Content-Length.
    const FileSink files = [&](int fd, std::int64_t offset, std::size_t size) {
        if (c.ssl || chunked) {
            std::vector<char> buf(std::min<std::size_t>(size, std::size_t(1) << 20));
            while (size > 0) {
                const ssize_t n = ::pread(fd, buf.data(), std::min(size, buf.size()), off_t(offset));
                if (n <= 0)
                    return false;
                if (!sink(buf.data(), std::size_t(n)))
                    return false;
                offset += n;
                size -= std::size_t(n);
            }
            return true;
        }
        if (written + std::int64_t(size) > length)
            return false;
        written += std::int64_t(size);
        return c.sendFile(fd, offset, size);
    };
    const bool ok = writer(sink, files) && !c.broken && (length < 0 || written == length);
    if (!ok) {
        // Cut the answer short so the client cannot take it for complete.
        c.flush();
        c.broken = true;
        qCInfo(lcEngine).noquote() << QStringLiteral("answer to %1 cut after %2 bytes of the body: the client went away or the source failed")
                                          .arg(QString::fromStdString(c.head.method))
                                          .arg(written);
        return false;
    }
    if (chunked)
        c.write("0\r\n\r\n", 5);
    return c.flush();
}

} // namespace kilima::dicomweb::http
