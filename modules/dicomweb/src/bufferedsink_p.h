// Coalesces part headers and file bytes into 1 MiB writes for the streamed
// WADO-RS answers: one chunk and one send() per MiB instead of one per
// small header. Not thread safe: one per answer.
#pragma once

#include "service_p.h"

#include <QByteArray>
#include <QFile>

#include <algorithm>
#include <cstring>
#include <unistd.h>

namespace kilima::dicomweb {

constexpr int kChunk = 1 << 20;

class BufferedSink {
public:
    explicit BufferedSink(const Sink &sink) : m_sink(sink) { m_buf.resize(kChunk); }
    bool put(const char *data, qint64 n)
    {
        if (m_used + n > kChunk && !flush())
            return false;
        if (n >= kChunk)
            return sent(m_sink(data, n));
        memcpy(m_buf.data() + m_used, data, size_t(n));
        m_used += int(n);
        return true;
    }
    bool put(const QByteArray &b) { return put(b.constData(), b.size()); }
    bool flush()
    {
        if (m_used == 0)
            return true;
        const bool ok = sent(m_sink(m_buf.constData(), m_used));
        m_used = 0;
        return ok;
    }
    // Whether a write failed because the client went away (rather than
    // the source).
    bool clientGone() const { return m_gone; }
    // Reads from `f` straight into the buffer's free space.
    qint64 readFrom(QFile &f)
    {
        if (m_used == kChunk && !flush())
            return -1;
        const qint64 n = f.read(m_buf.data() + m_used, kChunk - m_used);
        if (n > 0)
            m_used += int(n);
        return n;
    }
    // Reads exactly `size` bytes of `fd` into the buffer (no read() to find
    // the end: the size is known); false if the file is shorter or the
    // client went away.
    bool readExactly(int fd, qint64 size)
    {
        while (size > 0) {
            if (m_used == kChunk && !flush())
                return false;
            const ssize_t n = ::read(fd, m_buf.data() + m_used, size_t(std::min<qint64>(size, kChunk - m_used)));
            if (n <= 0)
                return false;
            m_used += int(n);
            size -= n;
        }
        return true;
    }

private:
    bool sent(bool ok)
    {
        m_gone = m_gone || !ok;
        return ok;
    }
    const Sink &m_sink;
    QByteArray m_buf;
    int m_used = 0;
    bool m_gone = false;
};

} // namespace kilima::dicomweb
