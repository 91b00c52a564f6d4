#include <kilima/dicomweb/multipart.h>

#include <QRandomGenerator>

namespace kilima::dicomweb {

namespace {
constexpr int kMaxHeaderBlock = 16 * 1024;
}

QByteArray Part::header(const QByteArray &lowerName) const
{
    for (const auto &h : headers) {
        if (h.first == lowerName)
            return h.second;
    }
    return {};
}

MultipartParser::MultipartParser(const QByteArray &boundary, PartHandler handler, qint64 maxPartBytes)
    : m_delimiter(QByteArray("\r\n--") + boundary), m_handler(std::move(handler)), m_maxPartBytes(maxPartBytes)
{
    // The first delimiter may open the body without a preceding CRLF.
    m_buffer = QByteArray("\r\n");
}

bool MultipartParser::fail(const QString &message)
{
    if (m_state != State::Failed) {
        m_state = State::Failed;
        m_error = message;
    }
    m_buffer.clear();
    return false;
}

bool MultipartParser::feed(const char *data, qint64 size)
{
    if (m_state == State::Failed)
        return false;
    if (m_state == State::Done)
        return true;   // epilogue: ignored
    m_buffer.append(data, int(size));
    return process();
}

bool MultipartParser::process()
{
    for (;;) {
        switch (m_state) {
        case State::Preamble: {
            const int at = m_buffer.indexOf(m_delimiter);
            if (at < 0) {
                if (m_buffer.size() > kMaxHeaderBlock)
                    return fail(QStringLiteral("no multipart boundary found in the first %1 bytes of the body (wrong boundary in Content-Type?)")
                                    .arg(kMaxHeaderBlock));
                return true;
            }
            m_buffer.remove(0, at + m_delimiter.size());
            m_state = State::AfterDelimiter;
            break;
        }
        case State::AfterDelimiter: {
            if (m_buffer.size() < 2)
                return true;
            if (m_buffer.startsWith("--")) {
                m_state = State::Done;
                m_buffer.clear();
                return true;
            }
            // Transport padding (spaces, tabs) then CRLF.
            int i = 0;
            while (i < m_buffer.size() && (m_buffer.at(i) == ' ' || m_buffer.at(i) == '\t'))
                ++i;
            if (i + 2 > m_buffer.size()) {
                if (i > 256)
                    return fail(QStringLiteral("malformed multipart delimiter line"));
                return true;
            }
            if (m_buffer.at(i) != '\r' || m_buffer.at(i + 1) != '\n')
                return fail(QStringLiteral("malformed multipart delimiter: the boundary is followed by neither CRLF nor \"--\""));
            m_buffer.remove(0, i + 2);
            m_state = State::Headers;
            m_current = Part();
            break;
        }
        case State::Headers: {
            int end = -1;
            int skip = 0;
            if (m_buffer.startsWith("\r\n")) {
                end = 0;
                skip = 2;
            } else {
                end = m_buffer.indexOf("\r\n\r\n");
                skip = 4;
            }
            if (end < 0) {
                if (m_buffer.size() > kMaxHeaderBlock)
                    return fail(QStringLiteral("part %1: headers longer than %2 bytes").arg(m_parts + 1).arg(kMaxHeaderBlock));
                return true;
            }
            const QList<QByteArray> lines = m_buffer.left(end).split('\n');
            for (QByteArray line : lines) {
                line = line.trimmed();
                if (line.isEmpty())
                    continue;
                const int colon = line.indexOf(':');
                if (colon <= 0)
                    return fail(QStringLiteral("part %1: malformed header line").arg(m_parts + 1));
                m_current.headers.append({line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()});
            }
            m_buffer.remove(0, end + skip);
            m_searchFrom = 0;
            m_state = State::Body;
            break;
        }
        case State::Body: {
            const int at = m_buffer.indexOf(m_delimiter, int(m_searchFrom));
            if (at < 0) {
                m_searchFrom = qMax<qint64>(0, m_buffer.size() - m_delimiter.size() + 1);
                if (m_buffer.size() > m_maxPartBytes + m_delimiter.size())
                    return fail(QStringLiteral("part %1 is larger than the limit of %2 bytes").arg(m_parts + 1).arg(m_maxPartBytes));
                return true;
            }
            m_current.body = m_buffer.left(at);
            m_buffer.remove(0, at + m_delimiter.size());
            ++m_parts;
            m_state = State::AfterDelimiter;
            if (m_handler && !m_handler(m_current)) {
                m_stopped = true;
                return fail(QStringLiteral("stopped after part %1").arg(m_parts));
            }
            m_current = Part();
            break;
        }
        case State::Done:
            return true;
        case State::Failed:
            return false;
        }
    }
}

bool MultipartParser::finish()
{
    if (m_state == State::Failed)
        return false;
    if (m_state == State::Done)
        return true;
    if (m_state == State::Preamble)
        return fail(QStringLiteral("the body holds no multipart boundary (wrong boundary in Content-Type?)"));
    return fail(QStringLiteral("the multipart body ended before its closing boundary (after %1 complete parts)").arg(m_parts));
}

QByteArray boundaryOf(const QByteArray &contentType)
{
    const QList<QByteArray> params = contentType.split(';');
    for (int i = 1; i < params.size(); ++i) {
        const QByteArray p = params.at(i).trimmed();
        const int eq = p.indexOf('=');
        if (eq <= 0 || p.left(eq).trimmed().toLower() != "boundary")
            continue;
        QByteArray v = p.mid(eq + 1).trimmed();
        if (v.size() >= 2 && v.startsWith('"') && v.endsWith('"'))
            v = v.mid(1, v.size() - 2);
        if (v.isEmpty() || v.size() > 70)
            return {};
        for (char c : v) {
            if (c < 0x20 || c > 0x7e)
                return {};
        }
        return v;
    }
    return {};
}

QByteArray newBoundary()
{
    QByteArray b("kilima-");
    for (int i = 0; i < 4; ++i)
        b += QByteArray::number(QRandomGenerator::global()->generate64(), 36);
    return b;
}

QByteArray partHeader(const QByteArray &boundary, const QByteArray &contentType,
                      const QList<QPair<QByteArray, QByteArray>> &extraHeaders)
{
    QByteArray h = QByteArray("--") + boundary + "\r\nContent-Type: " + contentType + "\r\n";
    for (const auto &e : extraHeaders)
        h += e.first + ": " + e.second + "\r\n";
    h += "\r\n";
    return h;
}

QByteArray closingDelimiter(const QByteArray &boundary)
{
    return QByteArray("--") + boundary + "--\r\n";
}

} // namespace kilima::dicomweb
