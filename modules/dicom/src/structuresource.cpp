#include "structuresource_p.h"

namespace kilima::dicom::detail {

bool FileSource::fill(int n)
{
    if (m_size - m_pos < n)
        return false;
    if (m_pos >= m_bufferStart && m_pos + n <= m_bufferStart + m_buffer.size())
        return true;
    if (!m_file.seek(m_pos)) {
        m_error = m_file.errorString();
        return false;
    }
    m_bufferStart = m_pos;
    m_buffer = m_file.read(64 * 1024);
    if (m_buffer.size() < n) {
        m_error = m_file.errorString();
        return false;
    }
    return true;
}

bool InflateSource::fill(int n)
{
    while (m_out.size() - m_head < n) {
        if (!m_ok || m_finished)
            return false;
        m_out.remove(0, m_head);
        m_head = 0;
        if (m_z.avail_in == 0) {
            m_inBuffer.resize(64 * 1024);
            const qint64 left = m_in.size() - m_in.pos();
            const int chunk = int(std::min<qint64>(m_inBuffer.size(), left));
            if (chunk <= 0 || !m_in.read(m_inBuffer.data(), chunk)) {
                m_finished = true;
                m_error = QStringLiteral("the deflated data ends before its end marker");
                return false;
            }
            m_z.next_in = reinterpret_cast<Bytef *>(m_inBuffer.data());
            m_z.avail_in = uInt(chunk);
        }
        char block[64 * 1024];
        m_z.next_out = reinterpret_cast<Bytef *>(block);
        m_z.avail_out = sizeof block;
        const int rc = inflate(&m_z, Z_NO_FLUSH);
        const int produced = int(sizeof block - m_z.avail_out);
        m_out.append(block, produced);
        m_inflated += produced;
        if (m_inflated > kMaxInflatedBytes) {
            m_ok = false;
            m_error = QStringLiteral("the deflated dataset inflates to more than %1 bytes").arg(kMaxInflatedBytes);
            return false;
        }
        if (rc == Z_STREAM_END) {
            m_finished = true;
        } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
            m_ok = false;
            m_error = QStringLiteral("the deflated data is corrupt (%1)").arg(QString::fromLatin1(m_z.msg ? m_z.msg : "zlib error"));
            return false;
        }
    }
    return true;
}

} // namespace kilima::dicom::detail
