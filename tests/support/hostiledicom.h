// Hostile DICOM objects generated in tests (never committed as files):
// sequences nested thousands deep, which overflowed DCMTK's recursive
// parser, and a small file declaring a 4 GB element. Both are otherwise
// valid Part 10 files (explicit VR little endian) with their own UIDs, so
// every way in (import, C-STORE, STOW-RS) takes them as far as the check.
#pragma once

#include <QByteArray>

namespace kilima::test::hostile {

inline void putU16(QByteArray &b, quint16 v) { b.append(char(v & 0xff)).append(char(v >> 8)); }
inline void putU32(QByteArray &b, quint32 v)
{
    putU16(b, quint16(v & 0xffff));
    putU16(b, quint16(v >> 16));
}
inline void putTag(QByteArray &b, quint16 group, quint16 element)
{
    putU16(b, group);
    putU16(b, element);
}
// Explicit VR element with a 16-bit length, padded to even length.
inline void putShort(QByteArray &b, quint16 group, quint16 element, const char *vr, QByteArray value, char pad = ' ')
{
    if (value.size() % 2)
        value.append(pad);
    putTag(b, group, element);
    b.append(vr, 2);
    putU16(b, quint16(value.size()));
    b.append(value);
}

// A Secondary Capture Part 10 file with the given UIDs; `body` follows the
// group 0020 elements (so it must hold groups above 0020, in order).
inline QByteArray part10(const QByteArray &body, const QByteArray &sopUid = "1.2.826.0.1.3680043.2.1125.99.1",
                         const QByteArray &studyUid = "1.2.826.0.1.3680043.2.1125.99.2",
                         const QByteArray &seriesUid = "1.2.826.0.1.3680043.2.1125.99.3")
{
    QByteArray meta;
    putTag(meta, 0x0002, 0x0001);
    meta.append("OB\0\0", 4);
    putU32(meta, 2);
    meta.append("\0\1", 2);
    putShort(meta, 0x0002, 0x0002, "UI", "1.2.840.10008.5.1.4.1.1.7", '\0');
    putShort(meta, 0x0002, 0x0003, "UI", sopUid, '\0');
    putShort(meta, 0x0002, 0x0010, "UI", "1.2.840.10008.1.2.1", '\0');
    QByteArray file(128, '\0');
    file.append("DICM");
    putTag(file, 0x0002, 0x0000);
    file.append("UL");
    putU16(file, 4);
    putU32(file, quint32(meta.size()));
    file.append(meta);
    putShort(file, 0x0008, 0x0016, "UI", "1.2.840.10008.5.1.4.1.1.7", '\0');
    putShort(file, 0x0008, 0x0018, "UI", sopUid, '\0');
    putShort(file, 0x0008, 0x0060, "CS", "OT");
    putShort(file, 0x0010, 0x0010, "PN", "HOSTILE^TEST");
    putShort(file, 0x0010, 0x0020, "LO", "HOSTILE1");
    putShort(file, 0x0020, 0x000d, "UI", studyUid, '\0');
    putShort(file, 0x0020, 0x000e, "UI", seriesUid, '\0');
    file.append(body);
    return file;
}

// `depth` Content Sequences (0040,A730) one inside another, undefined
// lengths with their delimiters: a valid object, only too deep.
inline QByteArray nestedSequences(int depth)
{
    QByteArray open, close;
    for (int level = 0; level < depth; ++level) {
        putTag(open, 0x0040, 0xa730);
        open.append("SQ\0\0", 4);
        putU32(open, 0xffffffff);
        putTag(open, 0xfffe, 0xe000);
        putU32(open, 0xffffffff);
    }
    QByteArray inner;
    putShort(inner, 0x0040, 0xa040, "CS", "TEXT");
    QByteArray end;
    putTag(end, 0xfffe, 0xe00d);
    putU32(end, 0);
    putTag(end, 0xfffe, 0xe0dd);
    putU32(end, 0);
    for (int level = 0; level < depth; ++level)
        close.append(end);
    open.append(inner);
    open.append(close);
    return open;
}

// Pixel Data (7FE0,0010) OB declaring 0xFFFFFFFA bytes with 812 present:
// about 1 KB in all.
inline QByteArray fourGigabyteElement()
{
    QByteArray body;
    putTag(body, 0x7fe0, 0x0010);
    body.append("OB\0\0", 4);
    putU32(body, 0xfffffffa);
    body.append(QByteArray(812, '\x55'));
    return body;
}

} // namespace kilima::test::hostile
