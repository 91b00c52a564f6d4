#include "zipwriter_p.h"

#include <QtEndian>
#include <zlib.h>

namespace kilima::exchange {

namespace {

void u16(QByteArray &b, quint16 v)
{
    char c[2];
    qToLittleEndian(v, c);
    b.append(c, 2);
}

void u32(QByteArray &b, quint32 v)
{
    char c[4];
    qToLittleEndian(v, c);
    b.append(c, 4);
}

// DOS date/time of 1980-01-01 00:00: exports are reproducible.
constexpr quint16 kDosTime = 0;
constexpr quint16 kDosDate = (0 << 9) | (1 << 5) | 1;

} // namespace

ZipWriter::ZipWriter(const QString &path) : m_file(path) {}

bool ZipWriter::open(QString *error)
{
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = m_file.errorString();
        return false;
    }
    return true;
}

bool ZipWriter::add(const QString &name, const QByteArray &data, QString *error)
{
    const qint64 offset = m_file.pos();
    if (offset + data.size() + 1024 > 0xFFFFFFFFLL) {
        *error = QStringLiteral("the ZIP file would pass 4 GiB: export to a folder instead");
        return false;
    }
    Entry e;
    e.name = name.toUtf8();
    e.crc = quint32(crc32(0L, reinterpret_cast<const Bytef *>(data.constData()), uInt(data.size())));
    e.size = quint32(data.size());
    e.offset = quint32(offset);
    QByteArray h;
    u32(h, 0x04034b50);
    u16(h, 20);            // version needed
    u16(h, 0x0800);        // UTF-8 names
    u16(h, 0);             // stored
    u16(h, kDosTime);
    u16(h, kDosDate);
    u32(h, e.crc);
    u32(h, e.size);
    u32(h, e.size);
    u16(h, quint16(e.name.size()));
    u16(h, 0);
    h += e.name;
    if (m_file.write(h) != h.size() || m_file.write(data) != data.size()) {
        *error = m_file.errorString();
        return false;
    }
    m_entries.append(e);
    return true;
}

bool ZipWriter::finish(QString *error)
{
    const quint32 cdOffset = quint32(m_file.pos());
    QByteArray cd;
    for (const Entry &e : m_entries) {
        u32(cd, 0x02014b50);
        u16(cd, 0x031E);   // made by: Unix, 3.0
        u16(cd, 20);
        u16(cd, 0x0800);
        u16(cd, 0);
        u16(cd, kDosTime);
        u16(cd, kDosDate);
        u32(cd, e.crc);
        u32(cd, e.size);
        u32(cd, e.size);
        u16(cd, quint16(e.name.size()));
        u16(cd, 0);
        u16(cd, 0);
        u16(cd, 0);
        u16(cd, 0);
        u32(cd, 0100644u << 16);
        u32(cd, e.offset);
        cd += e.name;
    }
    QByteArray end;
    u32(end, 0x06054b50);
    u16(end, 0);
    u16(end, 0);
    u16(end, quint16(m_entries.size()));
    u16(end, quint16(m_entries.size()));
    u32(end, quint32(cd.size()));
    u32(end, cdOffset);
    u16(end, 0);
    if (m_entries.size() > 0xFFFF) {
        *error = QStringLiteral("more than 65,535 files do not fit in a ZIP file without ZIP64: export to a folder instead");
        return false;
    }
    if (m_file.write(cd) != cd.size() || m_file.write(end) != end.size() || !m_file.flush()) {
        *error = m_file.errorString();
        return false;
    }
    m_file.close();
    return true;
}

} // namespace kilima::exchange
