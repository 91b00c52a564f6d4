#include "pdffonts_p.h"

#include <kilima/reporting/pdfexport.h>

#include <QFontDatabase>
#include <QLoggingCategory>
#include <QRawFont>
#include <QSet>

namespace kilima::reporting {

namespace {

Q_LOGGING_CATEGORY(lcPdfFonts, "kilima.reporting.pdf")

bool isKana(char32_t c)
{
    return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) || (c >= 0xFF66 && c <= 0xFF9F);
}

bool isHangul(char32_t c)
{
    return (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F);
}

// Candidate families, most suitable first: the regional CJK face that
// matches the script (a Japanese name drawn with Chinese glyph shapes reads
// wrong to a Japanese reader), proportional before monospaced faces.
QStringList candidates(bool kana, bool hangul)
{
    QStringList cjk;
    for (QFontDatabase::WritingSystem ws : {QFontDatabase::SimplifiedChinese, QFontDatabase::TraditionalChinese,
                                            QFontDatabase::Japanese, QFontDatabase::Korean}) {
        for (const QString &f : QFontDatabase::families(ws)) {
            if (!cjk.contains(f))
                cjk.append(f);
        }
    }
    const QString region = kana ? QStringLiteral(" JP") : hangul ? QStringLiteral(" KR") : QStringLiteral(" SC");
    auto rank = [&region](const QString &f) {
        int r = 0;
        if (!f.contains(region))
            r += 2;
        if (f.contains(QLatin1String("Mono")))
            r += 1;
        return r;
    };
    std::stable_sort(cjk.begin(), cjk.end(), [&rank](const QString &a, const QString &b) { return rank(a) < rank(b); });
    QStringList out = cjk;
    for (const QString &f : QFontDatabase::families()) {
        if (!out.contains(f))
            out.append(f);
    }
    return out;
}

// U+2F00..U+2FD5 (Kangxi radicals) and most of U+2E80..U+2EF3 share glyphs
// with the unified ideographs in CJK fonts; Qt's text map takes the lowest
// code point for a glyph, so 山 would extract as ⼭. Same for TAB before
// SPACE in Latin fonts that map both to one glyph.
uint canonicalCodePoint(uint c)
{
    if (c == 0x0009)
        return 0x0020;
    if (c >= 0x2E80 && c <= 0x2FDF) {
        const QString d = QChar(char16_t(c)).decomposition();
        if (d.size() == 1 && d.at(0).unicode() >= 0x3400)
            return d.at(0).unicode();
    }
    return c;
}

bool hexValue(const QByteArray &token, uint *value)
{
    bool ok = false;
    *value = token.toUInt(&ok, 16);
    return ok;
}

} // namespace

namespace detail {

QFont reportFont(const QString &text, qreal pointSize)
{
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(pointSize);
    // A letter spacing other than zero makes Qt shape without ligatures: the
    // PDF's text map has one code point per glyph, so the "fi" ligature
    // would extract as "ﬁ" and "Calcified" would not be found by a search.
    // 1/64 pixel is below what any printer resolves.
    font.setLetterSpacing(QFont::AbsoluteSpacing, 1.0 / 64);
    const QRawFont primary = QRawFont::fromFont(font);
    QSet<char32_t> missing;
    bool kana = false, hangul = false;
    for (const char32_t c : text.toUcs4()) {
        if (c < 0x20 || QChar::isSpace(c) || QChar::category(c) == QChar::Other_Format)
            continue;
        kana = kana || isKana(c);
        hangul = hangul || isHangul(c);
        if (!primary.isValid() || !primary.supportsCharacter(c))
            missing.insert(c);
    }
    if (missing.isEmpty())
        return font;
    QStringList families{primary.isValid() ? primary.familyName() : font.family()};
    const QStringList all = candidates(kana, hangul);
    for (const QString &family : all) {
        if (missing.isEmpty())
            break;
        const QRawFont raw = QRawFont::fromFont(QFont(family));
        if (!raw.isValid() || raw.familyName() != family)
            continue;   // substituted by fontconfig: not the family asked for
        bool used = false;
        for (auto it = missing.begin(); it != missing.end();) {
            if (raw.supportsCharacter(*it)) {
                it = missing.erase(it);
                used = true;
            } else {
                ++it;
            }
        }
        if (used)
            families.append(family);
    }
    if (!missing.isEmpty())
        qCWarning(lcPdfFonts) << "no installed font covers" << missing.size() << "character(s) of the report";
    qCDebug(lcPdfFonts) << "report fonts:" << families;
    font.setFamilies(families);
    return font;
}

} // namespace detail

int fixPdfTextMapping(QByteArray &pdf)
{
    // Qt writes each ToUnicode CMap as an uncompressed stream. Every change
    // here replaces four hex digits with four, so stream lengths and the
    // cross-reference offsets stay valid.
    int changed = 0;
    auto patchToken = [&pdf, &changed](qsizetype open, qsizetype close) {
        if (close - open - 1 != 4)
            return;
        uint c = 0;
        if (!hexValue(pdf.mid(open + 1, 4), &c))
            return;
        const uint to = canonicalCodePoint(c);
        if (to == c)
            return;
        const QByteArray hex = QByteArray::number(to, 16).toUpper().rightJustified(4, '0');
        pdf.replace(open + 1, 4, hex);
        ++changed;
    };
    for (const QByteArray &kind : {QByteArray("bfrange"), QByteArray("bfchar")}) {
        const QByteArray begin = QByteArray("begin") + kind, finish = QByteArray("end") + kind;
        qsizetype pos = 0;
        while ((pos = pdf.indexOf(begin, pos)) >= 0) {
            const qsizetype end = pdf.indexOf(finish, pos);
            if (end < 0)
                break;
            qsizetype line = pdf.indexOf('\n', pos) + 1;
            while (line > 0 && line < end) {
                qsizetype eol = pdf.indexOf('\n', line);
                if (eol < 0 || eol > end)
                    eol = end;
                // Tokens of the line: <hex> and brackets.
                QList<QPair<qsizetype, qsizetype>> hex;
                bool array = false;
                for (qsizetype i = line; i < eol; ++i) {
                    if (pdf.at(i) == '[')
                        array = true;
                    if (pdf.at(i) == '<') {
                        const qsizetype c = pdf.indexOf('>', i);
                        if (c < 0 || c > eol)
                            break;
                        hex.append({i, c});
                        i = c;
                    }
                }
                if (kind == "bfchar" && hex.size() == 2) {
                    patchToken(hex.at(1).first, hex.at(1).second);
                } else if (kind == "bfrange" && hex.size() >= 3) {
                    if (array) {
                        for (int k = 2; k < hex.size(); ++k)
                            patchToken(hex.at(k).first, hex.at(k).second);
                    } else if (pdf.mid(hex.at(0).first, hex.at(0).second - hex.at(0).first) ==
                               pdf.mid(hex.at(1).first, hex.at(1).second - hex.at(1).first)) {
                        // A one-glyph range. A longer linear range cannot be rewritten
                        // in place; Qt writes one only for runs of consecutive code
                        // points, which radicals standing for a name's ideographs are not.
                        patchToken(hex.at(2).first, hex.at(2).second);
                    }
                }
                line = eol + 1;
            }
            pos = end;
        }
    }
    return changed;
}

} // namespace kilima::reporting
