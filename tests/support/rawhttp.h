// Raw HTTP over a socket for the hostile-client tests and benchmarks: a
// client bound to a chosen loopback source address that sends exactly the
// bytes it is given and reads answers framed by Content-Length.
#pragma once

#include <QByteArray>
#include <QElapsedTimer>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace kilima::test {

// A TCP client from a chosen loopback source address, for hostile HTTP:
// every byte is the caller's.
class RawClient {
public:
    explicit RawClient(quint16 port, const char *from = "127.0.0.1")
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in src{};
        src.sin_family = AF_INET;
        inet_pton(AF_INET, from, &src.sin_addr);
        ::bind(m_fd, reinterpret_cast<sockaddr *>(&src), sizeof src);
        sockaddr_in dst{};
        dst.sin_family = AF_INET;
        dst.sin_port = htons(port);
        inet_pton(AF_INET, "127.0.0.1", &dst.sin_addr);
        m_connected = ::connect(m_fd, reinterpret_cast<sockaddr *>(&dst), sizeof dst) == 0;
    }
    ~RawClient() { close(); }
    void close()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
    }
    bool connected() const { return m_connected; }

    // Sends all of `data` unless the server stops taking it for `ms`.
    qint64 send(const QByteArray &data, int ms = 3000)
    {
        qint64 sent = 0;
        while (sent < data.size()) {
            pollfd p{m_fd, POLLOUT, 0};
            if (::poll(&p, 1, ms) <= 0 || (p.revents & (POLLERR | POLLHUP)))
                break;
            const ssize_t n = ::send(m_fd, data.constData() + sent, size_t(data.size() - sent), MSG_NOSIGNAL);
            if (n <= 0)
                break;
            sent += n;
        }
        return sent;
    }
    // Reads until the connection closes or nothing arrives for `ms`.
    QByteArray readAll(int ms = 3000)
    {
        QByteArray r;
        char buf[65536];
        for (;;) {
            pollfd p{m_fd, POLLIN, 0};
            if (::poll(&p, 1, ms) <= 0)
                break;
            const ssize_t n = ::recv(m_fd, buf, sizeof buf, 0);
            if (n <= 0) {
                m_closed = true;
                break;
            }
            r.append(buf, int(n));
        }
        return r;
    }
    // Reads exactly one response (Content-Length framed).
    QByteArray readResponse(int ms = 5000)
    {
        QByteArray r = m_pending;   // pipelined answers read with the one before
        m_pending.clear();
        char buf[65536];
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < ms) {
            const int end = r.indexOf("\r\n\r\n");
            if (end >= 0) {
                const QByteArray head = r.left(end).toLower();
                const int cl = head.indexOf("content-length:");
                const qint64 length = cl < 0 ? 0 : head.mid(cl + 15, head.indexOf('\r', cl) - cl - 15).trimmed().toLongLong();
                if (r.size() >= end + 4 + length) {
                    m_pending = r.mid(int(end + 4 + length));
                    return r.left(int(end + 4 + length));
                }
            }
            pollfd p{m_fd, POLLIN, 0};
            if (::poll(&p, 1, 200) <= 0)
                continue;
            const ssize_t n = ::recv(m_fd, buf, sizeof buf, 0);
            if (n <= 0) {
                m_closed = true;
                break;
            }
            r.append(buf, int(n));
        }
        return r;
    }
    bool closedByServer(int ms = 3000)
    {
        readAll(ms);
        return m_closed;
    }

private:
    int m_fd = -1;
    bool m_connected = false;
    bool m_closed = false;
    QByteArray m_pending;
};

inline int statusOf(const QByteArray &response)
{
    if (!response.startsWith("HTTP/1.1 "))
        return 0;
    return response.mid(9, 3).toInt();
}

} // namespace kilima::test
