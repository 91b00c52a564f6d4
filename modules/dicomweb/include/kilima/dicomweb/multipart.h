// multipart/related (RFC 2387) as DICOMweb uses it: a parser fed in chunks
// that hands over one part at a time (memory bounded by the largest part,
// never the whole body), and the helpers to write part headers. Used by the
// server for STOW-RS bodies and by the client for WADO-RS responses.
// Not thread safe; never crashes on hostile input (errors say what is wrong).
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <functional>

namespace kilima::dicomweb {

struct Part {
    // Header names lower-cased, values trimmed.
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QByteArray header(const QByteArray &lowerName) const;
};

class MultipartParser {
public:
    // Return false to stop parsing (the handler's own error).
    using PartHandler = std::function<bool(Part &part)>;

    MultipartParser(const QByteArray &boundary, PartHandler handler, qint64 maxPartBytes = qint64(1) << 31);

    // Feeds the next bytes of the body. False once an error happened.
    bool feed(const char *data, qint64 size);
    bool feed(const QByteArray &bytes) { return feed(bytes.constData(), bytes.size()); }
    // The body ended: true if the closing delimiter was seen and no error.
    bool finish();

    const QString &error() const { return m_error; }
    int partCount() const { return m_parts; }
    bool stoppedByHandler() const { return m_stopped; }

private:
    bool fail(const QString &message);
    bool process();

    enum class State { Preamble, AfterDelimiter, Headers, Body, Done, Failed };
    QByteArray m_delimiter;   // "\r\n--" + boundary
    PartHandler m_handler;
    qint64 m_maxPartBytes;
    QByteArray m_buffer;
    qint64 m_searchFrom = 0;
    State m_state = State::Preamble;
    Part m_current;
    int m_parts = 0;
    bool m_stopped = false;
    QString m_error;
};

// The boundary parameter of a multipart Content-Type, unquoted; empty if
// missing or not a valid RFC 2046 boundary (1-70 characters).
QByteArray boundaryOf(const QByteArray &contentType);
// A fresh random boundary.
QByteArray newBoundary();
// "--boundary\r\nContent-Type: ...\r\n[extra]\r\n" for the next part.
QByteArray partHeader(const QByteArray &boundary, const QByteArray &contentType,
                      const QList<QPair<QByteArray, QByteArray>> &extraHeaders = {});
// "--boundary--\r\n". Every part body is followed by "\r\n" (the writer adds it).
QByteArray closingDelimiter(const QByteArray &boundary);

} // namespace kilima::dicomweb
