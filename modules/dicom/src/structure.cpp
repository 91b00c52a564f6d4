// The structural pre-scan (see structure.h). It follows DCMTK's reading
// rules closely enough that whatever DCMTK would nest, allocate or insert is
// seen here first: explicit and implicit VR, both byte orders, deflate,
// sequences and items of defined and undefined length, UN values read as
// implicit VR sequences (CP-246 and dcmEnableUnknownVRConversion), and
// encapsulated pixel data. It reads forward only, so a file or a deflate
// stream is checked without holding it in memory.
#include <kilima/dicom/structure.h>

#include "structuresource_p.h"

#include <dcmtk/dcmdata/dctag.h>

#include <QFile>

#include <algorithm>
#include <cstring>
#include <vector>

namespace kilima::dicom {

namespace {

using detail::FileSource;
using detail::InflateSource;
using detail::MemorySource;
using detail::Source;

constexpr quint32 kUndefined = 0xffffffffu;
constexpr quint32 kItem = 0xfffee000u;
constexpr quint32 kItemEnd = 0xfffee00du;
constexpr quint32 kSequenceEnd = 0xfffee0ddu;
constexpr quint32 kPixelData = 0x7fe00010u;
QString tagText(quint32 tag)
{
    return QStringLiteral("(%1,%2)")
        .arg(tag >> 16, 4, 16, QLatin1Char('0'))
        .arg(tag & 0xffff, 4, 16, QLatin1Char('0'))
        .toUpper();
}

bool isLongLengthVr(const char *vr)
{
    // The VRs with a 16-bit length field (PS3.5 Table 7.1-2). Every other
    // one, a VR no standard defines included, has two reserved bytes and a
    // 32-bit length: that is how DCMTK reads a VR it does not know
    // ("assuming 4 byte length field"), and the check must read the same
    // bytes as the parser it guards.
    static const char *const shortVrs[] = {"AE", "AS", "AT", "CS", "DA", "DS", "DT", "FD", "FL", "IS", "LO",
                                           "LT", "PN", "SH", "SL", "SS", "ST", "TM", "UI", "UL", "US"};
    for (const char *v : shortVrs)
        if (vr[0] == v[0] && vr[1] == v[1])
            return false;
    return true;
}

bool isStandardVr(const char *vr)
{
    static const char *const vrs[] = {"AE", "AS", "AT", "CS", "DA", "DS", "DT", "FD", "FL", "IS", "LO", "LT",
                                      "OB", "OD", "OF", "OL", "OV", "OW", "PN", "SH", "SL", "SQ", "SS", "ST",
                                      "SV", "TM", "UC", "UI", "UL", "UN", "UR", "US", "UT", "UV"};
    for (const char *v : vrs)
        if (vr[0] == v[0] && vr[1] == v[1])
            return true;
    return false;
}

// Bytes per value of the fixed-size VRs; 0 for the others.
int valueSize(const char *vr)
{
    struct Size {
        const char *vr;
        int bytes;
    };
    static const Size sizes[] = {{"US", 2}, {"SS", 2}, {"OW", 2}, {"UL", 4}, {"SL", 4}, {"FL", 4}, {"AT", 4},
                                 {"OL", 4}, {"OF", 4}, {"FD", 8}, {"OD", 8}, {"SV", 8}, {"UV", 8}, {"OV", 8}};
    for (const Size &s : sizes)
        if (vr[0] == s.vr[0] && vr[1] == s.vr[1])
            return s.bytes;
    return 0;
}

// The dictionary's VR of a tag, as two letters ("SQ", "US"; "??" when the
// dictionary does not say or allows several).
void dictionaryVr(quint32 tag, char *vr)
{
    const DcmTag dcmTag(Uint16(tag >> 16), Uint16(tag & 0xffff));
    const DcmEVR evr = dcmTag.getEVR();
    const char *name = DcmVR(evr).getVRName();
    if (evr == EVR_UNKNOWN || evr == EVR_UNKNOWN2B || !name || std::strlen(name) != 2 || evr == EVR_ox || evr == EVR_xs
        || evr == EVR_lt || evr == EVR_na || evr == EVR_up) {
        vr[0] = vr[1] = '?';
        return;
    }
    vr[0] = name[0];
    vr[1] = name[1];
}

enum class Kind { Dataset, Item, Sequence, Fragments };

struct Frame {
    Kind kind;
    qint64 end;    // -1: undefined length, ends at its delimiter
    qint64 limit;  // the tightest defined end here or above; -1 when none is known
    qint64 start;  // offset of the element or item that opened it
    quint32 tag;   // the sequence's or pixel data's tag; the item tag for items
    bool explicitVr;
    bool bigEndian;
    // Dataset and items: tags seen, kept sorted, for duplicates and order.
    std::vector<quint32> tags;
    int unordered = 0;
};

class Scanner {
public:
    Scanner(Source &source, const QString &name) : m_src(source), m_name(name) {}

    QString run()
    {
        char magic[132];
        if (m_src.peek(magic, 132) && std::memcmp(magic + 128, "DICM", 4) == 0)
            m_src.skip(132);
        QByteArray syntax;
        if (!readMeta(&syntax))
            return m_error;
        return runDataset(syntax);
    }

    // The dataset alone, in transfer syntax `ts` (guessed when empty).
    QString runDataset(const QByteArray &ts)
    {
        bool explicitVr = true, bigEndian = false;
        if (ts == "1.2.840.10008.1.2") {
            explicitVr = false;
        } else if (ts == "1.2.840.10008.1.2.2") {
            bigEndian = true;
        } else if (ts == "1.2.840.10008.1.2.1.99") {
            // Offsets past this point count in the inflated dataset.
            InflateSource inflated(m_src);
            Scanner inner(inflated, QStringLiteral("%1 (deflated dataset)").arg(m_name));
            inner.m_elements = m_elements;
            return inner.scanDataset(true, false);
        } else if (ts.isEmpty()) {
            guessEncoding(&explicitVr, &bigEndian);
        }
        return scanDataset(explicitVr, bigEndian);
    }

private:
    QString fail(const QString &what)
    {
        m_error = QStringLiteral("%1: %2").arg(m_name, what);
        return m_error;
    }
    qint64 offset(qint64 at) const { return at; }

    quint16 u16(const char *p, bool bigEndian) const
    {
        const auto *u = reinterpret_cast<const unsigned char *>(p);
        return bigEndian ? quint16(u[0] << 8 | u[1]) : quint16(u[1] << 8 | u[0]);
    }
    quint32 u32(const char *p, bool bigEndian) const
    {
        const auto *u = reinterpret_cast<const unsigned char *>(p);
        return bigEndian ? quint32(u[0]) << 24 | quint32(u[1]) << 16 | quint32(u[2]) << 8 | u[3]
                         : quint32(u[3]) << 24 | quint32(u[2]) << 16 | quint32(u[1]) << 8 | u[0];
    }

    // The same guess DCMTK makes for a dataset without a meta header.
    void guessEncoding(bool *explicitVr, bool *bigEndian)
    {
        char h[6];
        if (!m_src.peek(h, 6))
            return;
        const auto *u = reinterpret_cast<const unsigned char *>(h);
        const bool letters = u[4] >= 'A' && u[4] <= 'Z' && u[5] >= 'A' && u[5] <= 'Z';
        const unsigned groupLE = u[0] | (u[1] << 8), groupBE = (u[0] << 8) | u[1];
        *explicitVr = letters;
        *bigEndian = letters && groupBE == 0x0008 && groupLE != 0x0008;
    }

    // Group 0002, always explicit VR little endian.
    bool readMeta(QByteArray *syntax)
    {
        for (;;) {
            char h[8];
            if (!m_src.peek(h, 8) || u16(h, false) != 0x0002)
                return true;
            const qint64 at = m_src.pos();
            const quint32 fullTag = quint32(u16(h, false)) << 16 | u16(h + 2, false);
            char vr[2] = {h[4], h[5]};
            // PS3.10: the meta header is explicit VR little endian. DCMTK
            // takes one whose VR it does not know for implicit VR and reads
            // the VR bytes as a length, so only standard VRs pass.
            if (!isStandardVr(vr)) {
                fail(QStringLiteral("meta header element %1 at offset %2 has no valid VR").arg(tagText(fullTag)).arg(offset(at)));
                return false;
            }
            quint32 length = 0;
            if (isLongLengthVr(vr)) {
                char l[12];
                if (!m_src.read(l, 12)) {
                    fail(QStringLiteral("truncated: the meta header ends inside element %1 at offset %2").arg(tagText(fullTag)).arg(offset(at)));
                    return false;
                }
                length = u32(l + 8, false);
            } else {
                m_src.read(h, 8);
                length = u16(h + 6, false);
            }
            if (vr[0] == 'S' && vr[1] == 'Q') {
                fail(QStringLiteral("meta header element %1 at offset %2 is a sequence").arg(tagText(fullTag)).arg(offset(at)));
                return false;
            }
            if (!countElement(at))
                return false;
            const qint64 remain = m_src.size() - m_src.pos();
            if (length == kUndefined || qint64(length) > remain) {
                fail(QStringLiteral("meta header element %1 at offset %2 declares %3 bytes but only %4 remain")
                         .arg(tagText(fullTag))
                         .arg(offset(at))
                         .arg(length)
                         .arg(remain));
                return false;
            }
            if (fullTag == 0x00020010 && length <= 128) {
                QByteArray value(int(length), '\0');
                m_src.read(value.data(), int(length));
                while (!value.isEmpty() && (value.endsWith('\0') || value.endsWith(' ')))
                    value.chop(1);
                *syntax = value;
            } else {
                m_src.skip(length);
            }
        }
    }

    bool countElement(qint64 at)
    {
        if (++m_elements <= kMaxElementCount)
            return true;
        fail(QStringLiteral("more than %1 elements (the %2th at offset %3): refused as a denial of service")
                 .arg(kMaxElementCount)
                 .arg(m_elements)
                 .arg(offset(at)));
        return false;
    }

    // Duplicates and tag order within one dataset or item.
    bool noteTag(Frame &f, quint32 tag, qint64 at)
    {
        if (f.tags.empty() || tag > f.tags.back()) {
            f.tags.push_back(tag);
            return true;
        }
        const auto it = std::lower_bound(f.tags.begin(), f.tags.end(), tag);
        if (it != f.tags.end() && *it == tag) {
            fail(QStringLiteral("element %1 at offset %2 appears twice in the same %3")
                     .arg(tagText(tag))
                     .arg(offset(at))
                     .arg(f.kind == Kind::Dataset ? QStringLiteral("dataset") : QStringLiteral("item")));
            return false;
        }
        if (++f.unordered > kMaxUnorderedElements) {
            fail(QStringLiteral("more than %1 elements out of ascending tag order in one %2 (the last %3 at offset %4)")
                     .arg(kMaxUnorderedElements)
                     .arg(f.kind == Kind::Dataset ? QStringLiteral("dataset") : QStringLiteral("item"))
                     .arg(tagText(tag))
                     .arg(offset(at)));
            return false;
        }
        f.tags.insert(it, tag);
        return true;
    }

    QString describe(const Frame &f) const
    {
        switch (f.kind) {
        case Kind::Dataset:
            return QStringLiteral("the dataset");
        case Kind::Item:
            return QStringLiteral("the item at offset %1").arg(offset(f.start));
        case Kind::Sequence:
            return QStringLiteral("sequence %1 at offset %2").arg(tagText(f.tag)).arg(offset(f.start));
        case Kind::Fragments:
            return QStringLiteral("encapsulated pixel data %1 at offset %2").arg(tagText(f.tag)).arg(offset(f.start));
        }
        return {};
    }

    int depth() const
    {
        int d = 0;
        for (const Frame &f : m_stack)
            d += f.kind == Kind::Sequence ? 1 : 0;
        return d;
    }

    // Opens a value of `length` bytes (or undefined) at the current position.
    bool push(Kind kind, qint64 start, quint32 tag, quint32 length, bool explicitVr, bool bigEndian)
    {
        const Frame &parent = m_stack.back();
        Frame f{kind, -1, parent.limit, start, tag, explicitVr, bigEndian, {}, 0};
        if (length != kUndefined) {
            f.end = m_src.pos() + length;
            f.limit = f.end;
        }
        if (kind == Kind::Sequence && m_depth + 1 > kMaxSequenceDepth) {
            fail(QStringLiteral("sequences nested deeper than %1 levels: %2 at offset %3 opens level %4")
                     .arg(kMaxSequenceDepth)
                     .arg(tagText(tag))
                     .arg(offset(start))
                     .arg(m_depth + 1));
            return false;
        }
        if (kind == Kind::Sequence)
            ++m_depth;
        m_stack.push_back(std::move(f));
        return true;
    }

    void pop()
    {
        if (m_stack.back().kind == Kind::Sequence)
            --m_depth;
        m_stack.pop_back();
    }

    // Bytes left before the tightest defined end (or the end of the data).
    qint64 remaining(const Frame &f) const
    {
        if (f.limit >= 0)
            return f.limit - m_src.pos();
        if (m_src.size() >= 0)
            return m_src.size() - m_src.pos();
        return -1;
    }

    bool lengthFits(const Frame &f, quint32 tag, qint64 at, qint64 length)
    {
        const qint64 remain = remaining(f);
        if (remain >= 0 && length > remain) {
            const bool atDataEnd = f.limit < 0 || (m_src.size() >= 0 && f.limit >= m_src.size());
            fail(QStringLiteral("%1element %2 at offset %3 declares %4 bytes but only %5 remain%6")
                     .arg(atDataEnd ? QStringLiteral("truncated: ") : QString())
                     .arg(tagText(tag))
                     .arg(offset(at))
                     .arg(length)
                     .arg(remain)
                     .arg(atDataEnd ? QString() : QStringLiteral(" in %1").arg(describe(f))));
            return false;
        }
        return true;
    }

    // Items and sequences: DCMTK (and pydicom) read one whose length runs
    // past the end of the data up to that end, and its elements are each
    // checked, so only a container cut by its parent is refused.
    bool containerFits(const Frame &f, quint32 tag, qint64 at, quint32 *length)
    {
        const qint64 remain = remaining(f);
        const bool atDataEnd = f.limit < 0 || (m_src.size() >= 0 && f.limit >= m_src.size());
        if (remain >= 0 && *length > remain && atDataEnd) {
            *length = quint32(remain);
            return true;
        }
        return lengthFits(f, tag, at, *length);
    }

    bool skipValue(quint32 tag, qint64 at, qint64 length)
    {
        const qint64 skipped = m_src.skip(length);
        if (skipped < length) {
            const QString why = m_src.error();
            fail(QStringLiteral("truncated: element %1 at offset %2 declares %3 bytes but only %4 remain%5")
                     .arg(tagText(tag))
                     .arg(offset(at))
                     .arg(length)
                     .arg(skipped)
                     .arg(why.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(why)));
            return false;
        }
        return true;
    }

    QString scanDataset(bool explicitVr, bool bigEndian)
    {
        const qint64 size = m_src.size();
        m_stack.push_back(Frame{Kind::Dataset, size >= 0 ? size : -1, size >= 0 ? size : -1, m_src.pos(), 0, explicitVr,
                                bigEndian, {}, 0});
        for (;;) {
            Frame &top = m_stack.back();
            if (top.end >= 0 && m_src.pos() >= top.end) {
                if (top.kind == Kind::Dataset)
                    return {};
                pop();
                continue;
            }
            if (top.end < 0 && m_src.atEnd()) {
                if (top.kind == Kind::Dataset) {
                    if (!m_src.error().isEmpty())
                        return fail(m_src.error());
                    return {};
                }
                return fail(QStringLiteral("%1 has an undefined length and no delimiter before the data ends at offset %2")
                                .arg(describe(top))
                                .arg(offset(m_src.pos())));
            }
            const qint64 at = m_src.pos();
            const qint64 remain = remaining(top);
            char h[12];
            if ((remain >= 0 && remain < 8) || !m_src.peek(h, 8)) {
                const QString why = m_src.error();
                return fail(QStringLiteral("truncated: an element header at offset %1 is cut off (%2 bytes remain%3)%4")
                                .arg(offset(at))
                                .arg(remain >= 0 ? remain : 0)
                                .arg(top.kind == Kind::Dataset ? QString() : QStringLiteral(" in %1").arg(describe(top)))
                                .arg(why.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(why)));
            }
            const bool be = top.bigEndian;
            const quint32 tag = quint32(u16(h, be)) << 16 | u16(h + 2, be);
            if (tag >> 16 == 0xfffe) {
                m_src.read(h, 8);
                const quint32 length = u32(h + 4, be);
                if (!countElement(at))
                    return m_error;
                if (!delimiterOrItem(top, tag, at, length))
                    return m_error;
                continue;
            }
            if (top.kind == Kind::Sequence || top.kind == Kind::Fragments) {
                return fail(QStringLiteral("element %1 at offset %2 inside %3, where only items may be")
                                .arg(tagText(tag))
                                .arg(offset(at))
                                .arg(describe(top)));
            }
            char vr[2] = {'?', '?'};
            quint32 length = 0;
            bool explicitVrHere = top.explicitVr;
            if (explicitVrHere) {
                vr[0] = h[4];
                vr[1] = h[5];
                if (!(vr[0] >= 'A' && vr[0] <= 'Z' && vr[1] >= 'A' && vr[1] <= 'Z')) {
                    return fail(QStringLiteral("element %1 at offset %2 has no valid VR (bytes %3 in an explicit VR dataset)")
                                    .arg(tagText(tag))
                                    .arg(offset(at))
                                    .arg(QString::fromLatin1(QByteArray(h + 4, 2).toHex(' '))));
                }
                if (isLongLengthVr(vr)) {
                    if ((remain >= 0 && remain < 12) || !m_src.read(h, 12))
                        return fail(QStringLiteral("truncated: the header of element %1 at offset %2 is cut off").arg(tagText(tag)).arg(offset(at)));
                    length = u32(h + 8, be);
                } else {
                    m_src.read(h, 8);
                    length = u16(h + 6, be);
                }
            } else {
                m_src.read(h, 8);
                length = u32(h + 4, be);
                dictionaryVr(tag, vr);
            }
            if (!countElement(at) || !noteTag(top, tag, at))
                return m_error;
            if (!element(top, tag, vr, explicitVrHere, at, length))
                return m_error;
        }
    }

    bool delimiterOrItem(Frame &top, quint32 tag, qint64 at, quint32 length)
    {
        switch (top.kind) {
        case Kind::Sequence:
            if (tag == kItem) {
                if (length != kUndefined && !containerFits(top, tag, at, &length))
                    return false;
                return push(Kind::Item, at, tag, length, top.explicitVr, top.bigEndian);
            }
            if (tag == kSequenceEnd && top.end < 0) {
                pop();
                return true;
            }
            break;
        case Kind::Fragments:
            if (tag == kItem) {
                if (length == kUndefined) {
                    fail(QStringLiteral("pixel data fragment at offset %1 has an undefined length").arg(offset(at)));
                    return false;
                }
                if (!lengthFits(top, tag, at, length))
                    return false;
                return skipValue(tag, at, length);
            }
            if (tag == kSequenceEnd && top.end < 0) {
                pop();
                return true;
            }
            break;
        case Kind::Item:
            if (tag == kItemEnd && top.end < 0) {
                pop();
                return true;
            }
            break;
        case Kind::Dataset:
            // Dataset trailing padding (FFFC,FFFC) is not in group FFFE;
            // a stray delimiter at the top level is what DCMTK ignores.
            if (tag == kItemEnd || tag == kSequenceEnd) {
                if (length != 0) {
                    fail(QStringLiteral("delimiter %1 at offset %2 outside any item or sequence declares %3 bytes")
                             .arg(tagText(tag))
                             .arg(offset(at))
                             .arg(length));
                    return false;
                }
                return true;
            }
            break;
        }
        fail(QStringLiteral("unexpected %1 at offset %2 in %3")
                 .arg(tag == kItem ? QStringLiteral("item %1").arg(tagText(tag))
                                   : QStringLiteral("delimiter %1").arg(tagText(tag)))
                 .arg(offset(at))
                 .arg(describe(top)));
        return false;
    }

    bool element(Frame &top, quint32 tag, const char *vr, bool explicitVr, qint64 at, quint32 length)
    {
        const bool isSq = vr[0] == 'S' && vr[1] == 'Q';
        const bool isUn = explicitVr && vr[0] == 'U' && vr[1] == 'N';
        if (length == kUndefined) {
            if (tag == kPixelData && !isSq && !isUn)
                return push(Kind::Fragments, at, tag, length, explicitVr, top.bigEndian);
            if (isSq)
                return push(Kind::Sequence, at, tag, length, explicitVr, top.bigEndian);
            if (isUn || !explicitVr) // CP-246: UN of undefined length is an implicit VR little endian sequence
                return push(Kind::Sequence, at, tag, length, isUn ? false : explicitVr, isUn ? false : top.bigEndian);
            if ((vr[0] == 'O' && (vr[1] == 'B' || vr[1] == 'W')))
                return push(Kind::Fragments, at, tag, length, explicitVr, top.bigEndian);
            fail(QStringLiteral("element %1 at offset %2 has an undefined length, which VR %3 cannot have")
                     .arg(tagText(tag))
                     .arg(offset(at))
                     .arg(QString::fromLatin1(vr, 2)));
            return false;
        }
        if (isSq) {
            if (!containerFits(top, tag, at, &length))
                return false;
            return push(Kind::Sequence, at, tag, length, explicitVr, top.bigEndian);
        }
        if (!lengthFits(top, tag, at, length))
            return false;
        // Values DCMTK reads as implicit VR sequences: UN whose dictionary
        // VR is SQ, and in implicit VR any value that the dictionary (or a
        // private dictionary, through its creator) calls SQ. The private case
        // cannot be told without the creator, so a value that starts with an
        // item tag is checked as a sequence too.
        if (isUn || !explicitVr) {
            char dictVr[2];
            if (isUn)
                dictionaryVr(tag, dictVr);
            else
                std::memcpy(dictVr, vr, 2);
            bool sequence = dictVr[0] == 'S' && dictVr[1] == 'Q';
            if (!sequence && length >= 8 && tag != kPixelData) {
                char p[4];
                const bool be = isUn ? false : top.bigEndian;
                sequence = m_src.peek(p, 4) && (quint32(u16(p, be)) << 16 | u16(p + 2, be)) == kItem;
            }
            if (sequence)
                return push(Kind::Sequence, at, tag, length, false, isUn ? false : top.bigEndian);
        }
        const int size = valueSize(vr);
        if (size > 1 && length % quint32(size) != 0) {
            fail(QStringLiteral("element %1 at offset %2: a %3 value of %4 bytes is not a whole number of %5-byte values")
                     .arg(tagText(tag))
                     .arg(offset(at))
                     .arg(QString::fromLatin1(vr, 2))
                     .arg(length)
                     .arg(size));
            return false;
        }
        return skipValue(tag, at, length);
    }

    Source &m_src;
    QString m_name;
    QString m_error;
    std::vector<Frame> m_stack;
    int m_depth = 0;
    qint64 m_elements = 0;
};

} // namespace

QString checkStructure(const QByteArray &bytes, const QString &name)
{
    MemorySource source(bytes.constData(), bytes.size());
    return Scanner(source, name).run();
}

QString checkDatasetStructure(const QByteArray &dataset, const QString &transferSyntaxUid, const QString &name)
{
    MemorySource source(dataset.constData(), dataset.size());
    return Scanner(source, name).runDataset(transferSyntaxUid.toLatin1());
}

QString checkFileStructure(const QString &path, const QString &name)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("%1: cannot read: %2").arg(name, file.errorString());
    FileSource source(file);
    return Scanner(source, name).run();
}

} // namespace kilima::dicom
