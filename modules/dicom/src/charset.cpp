#include <kilima/dicom/charset.h>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcelem.h>
#include <dcmtk/dcmdata/dcitem.h>
#include <dcmtk/dcmdata/dcsequen.h>

#include <QRegularExpression>
#include <QStringDecoder>
#include <QStringList>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iconv.h>
#include <map>
#include <string>

// Why not DcmItem::convertToUTF8(): DCMTK 3.6.7 built on glibc iconv refuses
// every ISO 2022 multi-byte term ("ISO 2022 IR 87 is not supported"), aborts
// the whole dataset on one bad byte and has no answer for misspelled terms.
// So the ISO 2022 code extension logic (PS3.5 6.1.2.5) lives here, and iconv
// is only asked to decode plain, escape-free runs of one code element.

namespace kilima::dicom {

namespace {

constexpr char kEsc = 0x1b;

// The G0 code elements DICOM allows (94-character sets in GL).
enum class G0 { Ascii, Romaji, Jis0208, Jis0212 };

// A G1 code element (96-character or 94x94 sets in GR).
struct G1 {
    enum Kind { None, Katakana, Codec } kind = None;
    const char *codec = nullptr; // iconv name of an encoding whose GR equals this set
    bool twoByte = false;
};

struct State {
    G0 g0 = G0::Ascii;
    G1 g1;
};

struct Escape {
    const char *bytes; // after ESC
    bool isG0;
    G0 g0;
    G1 g1;
};

const G1 kLatin1{G1::Codec, "ISO-8859-1", false};

// Escape sequences of PS3.3 C.12.1.1.2 tables C.12-3/C.12-4.
const Escape kEscapes[] = {
    {"(B", true, G0::Ascii, {}},
    {"(J", true, G0::Romaji, {}},
    {"$B", true, G0::Jis0208, {}},
    {"$@", true, G0::Jis0208, {}}, // JIS C 6226-1978, a subset in practice
    {"$(D", true, G0::Jis0212, {}},
    {")I", false, G0::Ascii, {G1::Katakana, nullptr, false}},
    {"$)C", false, G0::Ascii, {G1::Codec, "EUC-KR", true}},
    {"$)A", false, G0::Ascii, {G1::Codec, "GB2312", true}},
    {"-A", false, G0::Ascii, {G1::Codec, "ISO-8859-1", false}},
    {"-B", false, G0::Ascii, {G1::Codec, "ISO-8859-2", false}},
    {"-C", false, G0::Ascii, {G1::Codec, "ISO-8859-3", false}},
    {"-D", false, G0::Ascii, {G1::Codec, "ISO-8859-4", false}},
    {"-L", false, G0::Ascii, {G1::Codec, "ISO-8859-5", false}},
    {"-G", false, G0::Ascii, {G1::Codec, "ISO-8859-6", false}},
    {"-F", false, G0::Ascii, {G1::Codec, "ISO-8859-7", false}},
    {"-H", false, G0::Ascii, {G1::Codec, "ISO-8859-8", false}},
    {"-M", false, G0::Ascii, {G1::Codec, "ISO-8859-9", false}},
    {"-T", false, G0::Ascii, {G1::Codec, "TIS-620", false}},
    {"-b", false, G0::Ascii, {G1::Codec, "ISO-8859-15", false}},
};

// A defined term and the code elements it makes active when it is value 1.
struct Term {
    int ir;
    G0 g0;
    G1 g1;
    bool extensionOnly; // only meaningful as "ISO 2022 IR n"
};

const Term kTerms[] = {
    {6, G0::Ascii, {}, false},
    {100, G0::Ascii, {G1::Codec, "ISO-8859-1", false}, false},
    {101, G0::Ascii, {G1::Codec, "ISO-8859-2", false}, false},
    {109, G0::Ascii, {G1::Codec, "ISO-8859-3", false}, false},
    {110, G0::Ascii, {G1::Codec, "ISO-8859-4", false}, false},
    {144, G0::Ascii, {G1::Codec, "ISO-8859-5", false}, false},
    {127, G0::Ascii, {G1::Codec, "ISO-8859-6", false}, false},
    {126, G0::Ascii, {G1::Codec, "ISO-8859-7", false}, false},
    {138, G0::Ascii, {G1::Codec, "ISO-8859-8", false}, false},
    {148, G0::Ascii, {G1::Codec, "ISO-8859-9", false}, false},
    {166, G0::Ascii, {G1::Codec, "TIS-620", false}, false},
    {203, G0::Ascii, {G1::Codec, "ISO-8859-15", false}, false},
    {13, G0::Romaji, {G1::Katakana, nullptr, false}, false},
    {87, G0::Jis0208, {}, true},
    {159, G0::Jis0212, {}, true},
    {149, G0::Ascii, {G1::Codec, "EUC-KR", true}, true},
    {58, G0::Ascii, {G1::Codec, "GB2312", true}, true},
};

const Term *findTerm(int ir)
{
    for (const Term &t : kTerms) {
        if (t.ir == ir)
            return &t;
    }
    return nullptr;
}

// The decoding rules in force for one item (inherited by nested items that
// carry no (0008,0005) of their own).
struct Charset {
    const char *wholeValueCodec = nullptr; // UTF-8, GB18030, GBK: no code extensions
    State initial;
    G1 fallbackG1 = kLatin1; // for GR bytes while no G1 set is designated
};

// One iconv descriptor per encoding and thread: iconv_t is not thread safe
// and opening one per value would dominate the cost of ingesting a study.
class IconvCache {
public:
    ~IconvCache()
    {
        for (auto &entry : m_open) {
            if (entry.second != iconv_t(-1))
                iconv_close(entry.second);
        }
    }
    iconv_t get(const char *codec)
    {
        auto it = m_open.find(codec);
        if (it == m_open.end())
            it = m_open.emplace(codec, iconv_open("UTF-8", codec)).first;
        return it->second;
    }

private:
    std::map<std::string, iconv_t> m_open;
};

// Decodes `in` from `codec`; each byte iconv rejects becomes U+FFFD so one
// bad byte costs one character, not the value.
QString iconvDecode(const QByteArray &in, const char *codec, bool *bad)
{
    thread_local IconvCache cache;
    const iconv_t cd = cache.get(codec);
    if (cd == iconv_t(-1)) {
        *bad = true;
        return QString::fromLatin1(in);
    }
    iconv(cd, nullptr, nullptr, nullptr, nullptr);
    QString result;
    QByteArray buffer(in.size() * 4 + 16, Qt::Uninitialized);
    char *inPtr = const_cast<char *>(in.constData());
    size_t inLeft = size_t(in.size());
    while (inLeft > 0) {
        char *outPtr = buffer.data();
        size_t outLeft = size_t(buffer.size());
        const size_t rc = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft);
        result += QString::fromUtf8(buffer.constData(), buffer.size() - qsizetype(outLeft));
        if (rc == size_t(-1) && errno != E2BIG) {
            *bad = true;
            result += QChar(QChar::ReplacementCharacter);
            ++inPtr;
            --inLeft;
            iconv(cd, nullptr, nullptr, nullptr, nullptr);
        }
    }
    return result;
}

QString decodeUtf8(const QByteArray &in, bool *bad)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString s = decoder(in);
    if (decoder.hasError())
        *bad = true;
    return s;
}

bool isTwoByte(G0 g0)
{
    return g0 == G0::Jis0208 || g0 == G0::Jis0212;
}

// PS3.5 6.1.2.5.3: value 1's code elements are active again after control
// characters, the value delimiter and (for PN) the component delimiters.
QString decodeIso2022(const QByteArray &raw, const Charset &cs, bool personName, bool *bad, bool *guessed)
{
    State state = cs.initial;
    QString out;
    QByteArray pending;
    const char *pendingCodec = nullptr;
    auto flush = [&] {
        if (!pending.isEmpty())
            out += iconvDecode(pending, pendingCodec, bad);
        pending.clear();
    };
    auto push = [&](const char *codec, const char *bytes, int n) {
        if (pendingCodec != codec)
            flush();
        pendingCodec = codec;
        pending.append(bytes, n);
    };
    const auto byteAt = [&](qsizetype i) { return uchar(raw.at(i)); };
    const qsizetype n = raw.size();
    for (qsizetype i = 0; i < n;) {
        const uchar b = byteAt(i);
        if (b == uchar(kEsc)) {
            const Escape *match = nullptr;
            for (const Escape &e : kEscapes) {
                const qsizetype len = qsizetype(std::strlen(e.bytes));
                if (i + 1 + len <= n && std::memcmp(raw.constData() + i + 1, e.bytes, size_t(len)) == 0) {
                    match = &e;
                    break;
                }
            }
            if (!match) {
                // An escape Kilima does not know: the rest of this value may
                // be wrong, but the dataset still converts.
                *bad = true;
                flush();
                out += QChar(QChar::ReplacementCharacter);
                ++i;
                continue;
            }
            if (match->isG0)
                state.g0 = match->g0;
            else
                state.g1 = match->g1;
            i += 1 + qsizetype(std::strlen(match->bytes));
            continue;
        }
        if (b < 0x80) {
            const bool pair = isTwoByte(state.g0) && b > 0x20 && b < 0x7f && i + 1 < n && byteAt(i + 1) > 0x20
                              && byteAt(i + 1) < 0x7f;
            if (pair) {
                // JIS X 0208/0212 in GL are EUC-JP with the high bits cleared.
                char euc[3];
                int len = 0;
                if (state.g0 == G0::Jis0212)
                    euc[len++] = char(0x8f);
                euc[len++] = char(b | 0x80);
                euc[len++] = char(byteAt(i + 1) | 0x80);
                push("EUC-JP", euc, len);
                i += 2;
                continue;
            }
            flush();
            if (isTwoByte(state.g0) && b > 0x20 && b < 0x7f) {
                // Half of a two-byte character: the value was cut short.
                *bad = true;
                out += QChar(QChar::ReplacementCharacter);
                ++i;
                continue;
            }
            // JIS X 0201 Romaji differs from ASCII only at 0x5C (yen) and
            // 0x7E (overline); 0x5C stays a backslash because DICOM reads it
            // as the value delimiter whatever the set, and 0x7E follows suit.
            out += QChar(b);
            ++i;
            if (b < 0x20 || b == '\\' || (personName && (b == '^' || b == '=')))
                state = cs.initial;
            continue;
        }
        G1 g1 = state.g1;
        if (g1.kind == G1::None) {
            // GR bytes with no G1 designated: a writer that forgot the
            // escape. Use the set the character set list implies.
            g1 = cs.fallbackG1;
            *guessed = true;
        }
        if (g1.kind == G1::Katakana) {
            flush();
            if (b >= 0xa1 && b <= 0xdf) {
                out += QChar(char16_t(0xff61 + (b - 0xa1)));
            } else {
                *bad = true;
                out += QChar(QChar::ReplacementCharacter);
            }
            ++i;
        } else if (g1.twoByte) {
            if (i + 1 < n && byteAt(i + 1) >= 0xa1) {
                push(g1.codec, raw.constData() + i, 2);
                i += 2;
            } else {
                flush();
                *bad = true;
                out += QChar(QChar::ReplacementCharacter);
                ++i;
            }
        } else {
            push(g1.codec, raw.constData() + i, 1);
            ++i;
        }
    }
    flush();
    return out;
}

// Parses the raw (0008,0005) value; `problems` collects what a person should
// hear about (the terms, never patient data).
Charset parseCharset(const QString &rawValue, QStringList *problems)
{
    Charset cs;
    const QStringList terms = normalizeCharsetTerms(rawValue).split(QLatin1Char('\\'));
    static const QRegularExpression kIr(QStringLiteral("^ISO(?:_| 2022 )IR (\\d+)$"));
    bool firstG1 = true;
    for (int idx = 0; idx < terms.size(); ++idx) {
        const QString term = terms.at(idx).trimmed();
        if (term.isEmpty())
            continue; // value 1 empty: the default repertoire
        if (term == QLatin1String("ISO_IR 192") || term == QLatin1String("GB18030")
            || term == QLatin1String("GBK")) {
            if (idx == 0) {
                cs.wholeValueCodec = term == QLatin1String("ISO_IR 192") ? "UTF-8"
                                     : term == QLatin1String("GBK")      ? "GBK"
                                                                         : "GB18030";
            }
            if (terms.size() > 1)
                problems->append(QStringLiteral("%1 cannot be combined with code extensions; using %2")
                                     .arg(term, terms.first()));
            continue;
        }
        const QRegularExpressionMatch m = kIr.match(term);
        const Term *t = m.hasMatch() ? findTerm(m.captured(1).toInt()) : nullptr;
        if (!t) {
            problems->append(
                QStringLiteral("unknown Specific Character Set term \"%1\"; decoded as ISO_IR 100 (Latin-1)")
                    .arg(term));
            if (idx == 0)
                cs.initial.g1 = kLatin1;
            continue;
        }
        if (idx == 0) {
            cs.initial.g0 = t->g0;
            cs.initial.g1 = t->g1;
        }
        if (t->g1.kind != G1::None && firstG1) {
            cs.fallbackG1 = t->g1;
            firstG1 = false;
        }
    }
    return cs;
}

QString decodeValue(const QByteArray &raw, const Charset &cs, bool personName, bool *bad, bool *guessed)
{
    if (cs.wholeValueCodec) {
        if (std::strcmp(cs.wholeValueCodec, "UTF-8") == 0)
            return decodeUtf8(raw, bad);
        return iconvDecode(raw, cs.wholeValueCodec, bad);
    }
    return decodeIso2022(raw, cs, personName, bad, guessed);
}

QString tagText(const DcmTagKey &tag)
{
    return QStringLiteral("(%1,%2)")
        .arg(tag.getGroup(), 4, 16, QLatin1Char('0'))
        .arg(tag.getElement(), 4, 16, QLatin1Char('0'))
        .toUpper();
}

// The raw text of (0008,0005); read as bytes when a file stored it as UN
// (explicit VR files written without a dictionary), where DCMTK would hand
// back hex digits.
QString charsetTermsOf(DcmElement &elem)
{
    if (elem.isaString()) {
        OFString value;
        elem.getOFStringArray(value);
        return QString::fromLatin1(value.c_str(), qsizetype(value.length()));
    }
    Uint8 *bytes = nullptr;
    if (elem.getUint8Array(bytes).bad() || !bytes)
        return {};
    QByteArray raw(reinterpret_cast<const char *>(bytes), qsizetype(elem.getLength()));
    while (raw.endsWith('\0') || raw.endsWith(' '))
        raw.chop(1);
    return QString::fromLatin1(raw);
}

struct Context {
    QStringList problems;
    bool nonAscii = false;
};

void convertItem(DcmItem &item, Charset charset, Context &ctx)
{
    DcmElement *charsetElement = nullptr;
    const bool hasOwnCharset = item.findAndGetElement(DCM_SpecificCharacterSet, charsetElement, OFFalse).good();
    if (hasOwnCharset)
        charset = parseCharset(charsetTermsOf(*charsetElement), &ctx.problems);
    // Walk the lists: getElement(i)/getItem(i) seek from the start each
    // time, which made a dataset of many elements quadratic to convert.
    for (DcmObject *o = item.nextInContainer(nullptr); o; o = item.nextInContainer(o)) {
        auto *elem = dynamic_cast<DcmElement *>(o);
        if (!elem)
            continue;
        if (elem->ident() == EVR_SQ) {
            auto *seq = static_cast<DcmSequenceOfItems *>(elem);
            for (DcmObject *child = seq->nextInContainer(nullptr); child; child = seq->nextInContainer(child))
                convertItem(*static_cast<DcmItem *>(child), charset, ctx);
            continue;
        }
        if (!elem->isAffectedBySpecificCharacterSet() || elem->getLength() == 0)
            continue;
        char *raw = nullptr;
        Uint32 length = 0;
        if (elem->getString(raw, length).bad() || !raw)
            continue;
        const QByteArray bytes(raw, qsizetype(length));
        // Most values are plain ASCII, identical in every supported set.
        if (std::all_of(bytes.cbegin(), bytes.cend(), [](char c) { return c != kEsc && uchar(c) < 0x80; }))
            continue;
        bool bad = false;
        bool guessed = false;
        const bool pn = elem->ident() == EVR_PN;
        const QByteArray utf8 = decodeValue(bytes, charset, pn, &bad, &guessed).toUtf8();
        if (bad)
            ctx.problems.append(QStringLiteral("%1: bytes invalid in the declared character set replaced with U+FFFD")
                                    .arg(tagText(elem->getTag())));
        if (guessed)
            ctx.problems.append(QStringLiteral("%1: non-ASCII bytes without a designated character set decoded as %2")
                                    .arg(tagText(elem->getTag()), QLatin1String(charset.fallbackG1.codec
                                                                                     ? charset.fallbackG1.codec
                                                                                     : "JIS X 0201")));
        if (utf8 == bytes)
            continue;
        for (char c : utf8) {
            if (uchar(c) >= 0x80) {
                ctx.nonAscii = true;
                break;
            }
        }
        const OFCondition cond = elem->putString(utf8.constData(), Uint32(utf8.size()));
        if (cond.bad())
            ctx.problems.append(QStringLiteral("%1: cannot store converted value: %2")
                                    .arg(tagText(elem->getTag()), QString::fromLatin1(cond.text())));
    }
    if (hasOwnCharset)
        item.putAndInsertString(DCM_SpecificCharacterSet, "ISO_IR 192");
}

} // namespace

QString normalizeCharsetTerms(const QString &value)
{
    static const QRegularExpression kIso2022(QStringLiteral("^ISO2022IR(\\d+)$"));
    static const QRegularExpression kIsoIr(QStringLiteral("^ISOIR(\\d+)$"));
    QStringList out;
    for (const QString &component : value.split(QLatin1Char('\\'))) {
        QString compact = component.trimmed().toUpper();
        compact.remove(QLatin1Char(' ')).remove(QLatin1Char('_')).remove(QLatin1Char('-'));
        QString normal;
        QRegularExpressionMatch m = kIso2022.match(compact);
        if (m.hasMatch() && findTerm(m.captured(1).toInt())) {
            normal = QStringLiteral("ISO 2022 IR ") + m.captured(1);
        } else if ((m = kIsoIr.match(compact)).hasMatch()) {
            const int ir = m.captured(1).toInt();
            const Term *t = findTerm(ir);
            if (ir == 192)
                normal = QStringLiteral("ISO_IR 192");
            else if (t)
                normal = (t->extensionOnly ? QStringLiteral("ISO 2022 IR ") : QStringLiteral("ISO_IR ")) + m.captured(1);
        } else if (compact == QLatin1String("UTF8")) {
            normal = QStringLiteral("ISO_IR 192");
        } else if (compact == QLatin1String("GB18030") || compact == QLatin1String("GBK")) {
            normal = compact;
        } else if (compact == QLatin1String("ISO88591") || compact == QLatin1String("LATIN1")) {
            normal = QStringLiteral("ISO_IR 100");
        }
        out.append(normal.isEmpty() ? component.trimmed() : normal);
    }
    return out.join(QLatin1Char('\\'));
}

core::Status convertToUtf8(DcmItem &item, QString *warning)
{
    Context ctx;
    // An item without (0008,0005) uses the default repertoire; GR bytes in it
    // are a writer's mistake, most often Latin-1.
    convertItem(item, Charset{}, ctx);
    // Keep a pure-ASCII dataset byte-identical; anything else now is UTF-8
    // and must say so.
    if (!item.tagExists(DCM_SpecificCharacterSet) && ctx.nonAscii)
        item.putAndInsertString(DCM_SpecificCharacterSet, "ISO_IR 192");
    ctx.problems.removeDuplicates();
    if (warning)
        *warning = ctx.problems.join(QStringLiteral("; "));
    return {};
}

} // namespace kilima::dicom
