// The byte sources the structural pre-scan (structure.cpp) reads: memory,
// a file through a small window, and raw deflate over either. Forward only
// with a small look-ahead, so that a file or a deflate stream is checked
// without being held in memory.
#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

#include <algorithm>
#include <cstring>
#include <zlib.h>

namespace kilima::dicom::detail {

// A deflated dataset may not inflate beyond this (a deflate bomb costs CPU
// here, then memory in DCMTK, which inflates the whole dataset).
constexpr qint64 kMaxInflatedBytes = qint64(1) << 30;

// Forward-only bytes with a small look-ahead.
class Source {
public:
    virtual ~Source() = default;
    // Total bytes, or -1 when only reading to the end tells (deflate).
    virtual qint64 size() const = 0;
    qint64 pos() const { return m_pos; }
    // Copies the next n bytes without consuming them; false if fewer remain.
    virtual bool peek(char *dst, int n) = 0;
    // Consumes exactly n bytes into dst; false if fewer remain.
    virtual bool read(char *dst, int n) = 0;
    // Skips up to n bytes, returns how many were there.
    virtual qint64 skip(qint64 n) = 0;
    virtual bool atEnd() = 0;
    virtual QString error() const { return {}; }

protected:
    qint64 m_pos = 0;
};

// A source whose size is known: reading and skipping only move the position.
class SizedSource : public Source {
public:
    explicit SizedSource(qint64 size) : m_size(size) {}
    qint64 size() const override { return m_size; }
    bool read(char *dst, int n) override
    {
        if (!peek(dst, n))
            return false;
        m_pos += n;
        return true;
    }
    qint64 skip(qint64 n) override
    {
        const qint64 k = std::min(n, m_size - m_pos);
        m_pos += k;
        return k;
    }
    bool atEnd() override { return m_pos >= m_size; }

protected:
    qint64 m_size;
};

class MemorySource : public SizedSource {
public:
    MemorySource(const char *data, qint64 size) : SizedSource(size), m_data(data) {}
    bool peek(char *dst, int n) override
    {
        if (m_size - m_pos < n)
            return false;
        std::memcpy(dst, m_data + m_pos, size_t(n));
        return true;
    }

private:
    const char *m_data;
};

// A window over a file: element headers are read through a buffer, values
// are seeked over.
class FileSource : public SizedSource {
public:
    explicit FileSource(QFile &file) : SizedSource(file.size()), m_file(file) {}
    bool peek(char *dst, int n) override
    {
        if (!fill(n))
            return false;
        std::memcpy(dst, m_buffer.constData() + (m_pos - m_bufferStart), size_t(n));
        return true;
    }
    QString error() const override { return m_error; }

private:
    bool fill(int n);
    QFile &m_file;
    QByteArray m_buffer;
    qint64 m_bufferStart = 0;
    QString m_error;
};

// Raw deflate (transfer syntax 1.2.840.10008.1.2.1.99) over another source.
class InflateSource : public Source {
public:
    explicit InflateSource(Source &in) : m_in(in)
    {
        std::memset(&m_z, 0, sizeof m_z);
        m_ok = inflateInit2(&m_z, -MAX_WBITS) == Z_OK;
        if (!m_ok)
            m_error = QStringLiteral("cannot start inflating");
    }
    ~InflateSource() override { inflateEnd(&m_z); }
    qint64 size() const override { return -1; }
    bool peek(char *dst, int n) override
    {
        if (!fill(n))
            return false;
        std::memcpy(dst, m_out.constData() + m_head, size_t(n));
        return true;
    }
    bool read(char *dst, int n) override
    {
        if (!peek(dst, n))
            return false;
        m_head += n;
        m_pos += n;
        return true;
    }
    qint64 skip(qint64 n) override
    {
        qint64 done = 0;
        while (done < n) {
            if (!fill(1))
                break;
            const qint64 k = std::min<qint64>(n - done, m_out.size() - m_head);
            m_head += int(k);
            m_pos += k;
            done += k;
        }
        return done;
    }
    bool atEnd() override { return !fill(1); }
    QString error() const override { return m_error; }

private:
    // Makes at least n inflated bytes available after m_head.
    bool fill(int n);
    Source &m_in;
    z_stream m_z;
    bool m_ok = false;
    bool m_finished = false;
    QByteArray m_inBuffer;
    QByteArray m_out;
    int m_head = 0;
    qint64 m_inflated = 0;
    QString m_error;
};

} // namespace kilima::dicom::detail
