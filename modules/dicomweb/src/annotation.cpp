#include "annotation_p.h"

#include <kilima/dicom/attributes.h>
#include <kilima/dicom/charset.h>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcelem.h>
#include <dcmtk/dcmdata/dcitem.h>

#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <memory>
#include <mutex>
#include <vector>

namespace kilima::dicomweb {

namespace {

QString formatDate(const QString &da)
{
    return da.size() == 8 ? da.left(4) + QLatin1Char('-') + da.mid(4, 2) + QLatin1Char('-') + da.mid(6, 2) : da;
}

// "FAMILY^Given^Middle" as a reader expects it ("FAMILY, Given Middle"); the
// ideographic and phonetic groups (after '=') follow in their own scripts.
QString formatName(const QString &pn)
{
    QStringList groups;
    for (const QString &g : pn.split(QLatin1Char('='))) {
        QStringList c = g.split(QLatin1Char('^'));
        while (!c.isEmpty() && c.last().trimmed().isEmpty())
            c.removeLast();
        if (c.isEmpty())
            continue;
        QString s = c.takeFirst().trimmed();
        const QString rest = c.join(QLatin1Char(' ')).simplified();
        if (!rest.isEmpty())
            s += QStringLiteral(", ") + rest;
        groups << s;
    }
    return groups.join(QStringLiteral(" "));
}

// One face per font file, opened when a character first needs it; the
// fonts fontconfig ranks for "sans-serif", so that each character is drawn
// by the best face that has it.
class Fonts {
public:
    static Fonts &instance()
    {
        static Fonts fonts;
        return fonts;
    }
    std::mutex mutex;   // FreeType faces are not thread safe

    FT_Face faceFor(char32_t c)
    {
        for (Font &f : m_fonts) {
            if (!FcCharSetHasChar(f.charset, c))
                continue;
            if (!f.face && !f.failed) {
                f.failed = FT_New_Face(m_library, f.file.constData(), f.index, &f.face) != 0;
                if (f.failed)
                    f.face = nullptr;
            }
            if (f.face)
                return f.face;
        }
        return nullptr;
    }
    bool ok() const { return m_library && !m_fonts.empty(); }

private:
    struct Font {
        QByteArray file;
        int index = 0;
        FcCharSet *charset = nullptr;
        FT_Face face = nullptr;
        bool failed = false;
    };
    Fonts()
    {
        if (FT_Init_FreeType(&m_library) != 0) {
            m_library = nullptr;
            return;
        }
        FcConfig *config = FcInitLoadConfigAndFonts();
        if (!config)
            return;
        FcPattern *pattern = FcNameParse(reinterpret_cast<const FcChar8 *>("sans-serif"));
        FcConfigSubstitute(config, pattern, FcMatchPattern);
        FcDefaultSubstitute(pattern);
        FcResult result = FcResultNoMatch;
        FcFontSet *set = FcFontSort(config, pattern, FcTrue, nullptr, &result);
        for (int i = 0; set && i < set->nfont; ++i) {
            FcChar8 *file = nullptr;
            FcCharSet *charset = nullptr;
            int index = 0;
            if (FcPatternGetString(set->fonts[i], FC_FILE, 0, &file) != FcResultMatch ||
                FcPatternGetCharSet(set->fonts[i], FC_CHARSET, 0, &charset) != FcResultMatch)
                continue;
            FcPatternGetInteger(set->fonts[i], FC_INDEX, 0, &index);
            m_fonts.push_back({QByteArray(reinterpret_cast<const char *>(file)), index, FcCharSetCopy(charset)});
        }
        if (set)
            FcFontSetDestroy(set);
        FcPatternDestroy(pattern);
        // The faces and charsets live as long as the process.
    }
    FT_Library m_library = nullptr;
    std::vector<Font> m_fonts;
};

// Coverage of the text (0-255) over the image, drawn line by line.
struct Mask {
    int width, height;
    std::vector<quint8> alpha;
    int x0, y0, x1, y1;   // bounding box of what was drawn
    Mask(int w, int h) : width(w), height(h), alpha(size_t(w) * size_t(h), 0), x0(w), y0(h), x1(-1), y1(-1) {}
};

// Draws (or, without a mask, measures) one line; returns its advance.
int drawLine(Fonts &fonts, Mask *mask, int x, int baseline, const QString &text, int px)
{
    int pen = x;
    for (const char32_t c : text.toUcs4()) {
        FT_Face face = fonts.faceFor(c);
        if (!face)
            face = fonts.faceFor(U'?');
        if (!face || FT_Set_Pixel_Sizes(face, 0, FT_UInt(px)) != 0 ||
            FT_Load_Char(face, c, mask ? FT_LOAD_RENDER : FT_LOAD_DEFAULT) != 0)
            continue;
        const FT_GlyphSlot g = face->glyph;
        if (mask && g->bitmap.pixel_mode == FT_PIXEL_MODE_GRAY) {
            const int left = pen + g->bitmap_left, top = baseline - g->bitmap_top;
            for (int r = 0; r < int(g->bitmap.rows); ++r) {
                const int y = top + r;
                if (y < 0 || y >= mask->height)
                    continue;
                for (int col = 0; col < int(g->bitmap.width); ++col) {
                    const int xx = left + col;
                    const quint8 a = g->bitmap.buffer[r * g->bitmap.pitch + col];
                    if (xx < 0 || xx >= mask->width || a == 0)
                        continue;
                    quint8 &m = mask->alpha[size_t(y) * size_t(mask->width) + size_t(xx)];
                    m = std::max(m, a);
                    mask->x0 = std::min(mask->x0, xx);
                    mask->x1 = std::max(mask->x1, xx);
                    mask->y0 = std::min(mask->y0, y);
                    mask->y1 = std::max(mask->y1, y);
                }
            }
        }
        pen += int(g->advance.x >> 6);
    }
    return pen - x;
}

} // namespace

AnnotationLines annotationLines(DcmDataset &ds, bool patient, bool technique, const AnnotationFacts &facts)
{
    // Only the attributes shown are copied and decoded, not the dataset.
    DcmItem text;
    const DcmTagKey tags[] = {DCM_SpecificCharacterSet, DCM_PatientName, DCM_PatientID,  DCM_PatientBirthDate,
                              DCM_PatientSex,           DCM_StudyDate,   DCM_Modality,   DCM_SeriesDescription,
                              DCM_InstanceNumber,       DCM_PixelSpacing, DCM_ImagerPixelSpacing};
    for (const DcmTagKey &tag : tags) {
        DcmElement *e = nullptr;
        if (ds.findAndGetElement(tag, e).good() && e)
            text.insert(static_cast<DcmElement *>(e->clone()), true);
    }
    dicom::convertToUtf8(text);
    auto value = [&text](const DcmTagKey &tag) { return dicom::stringValue(text, tag); };
    AnnotationLines lines;
    if (patient) {
        if (const QString name = formatName(value(DCM_PatientName)); !name.isEmpty())
            lines.patient << name;
        if (const QString id = value(DCM_PatientID); !id.isEmpty())
            lines.patient << QStringLiteral("ID: ") + id;
        const QString birth = formatDate(value(DCM_PatientBirthDate)), sex = value(DCM_PatientSex);
        if (!birth.isEmpty())
            lines.patient << QString(QStringLiteral("DOB: ") + birth + (sex.isEmpty() ? QString() : QStringLiteral("  ") + sex));
        else if (!sex.isEmpty())
            lines.patient << QStringLiteral("Sex: ") + sex;
        if (const QString date = formatDate(value(DCM_StudyDate)); !date.isEmpty())
            lines.patient << QStringLiteral("Study: ") + date;
    }
    if (technique) {
        const QString modality = value(DCM_Modality), description = value(DCM_SeriesDescription);
        if (!modality.isEmpty() || !description.isEmpty())
            lines.technique << QString(modality + QLatin1Char(' ') + description).trimmed();
        if (facts.hasWindow)
            lines.technique << QStringLiteral("W: %1 L: %2").arg(facts.windowWidth, 0, 'f', 0).arg(facts.windowCenter, 0, 'f', 0);
        QString position;
        if (const QString number = value(DCM_InstanceNumber); !number.isEmpty())
            position = QStringLiteral("Im: ") + number;
        if (facts.frames > 1)
            position += (position.isEmpty() ? QString() : QStringLiteral("  ")) +
                        QStringLiteral("Fr: %1/%2").arg(facts.frame + 1).arg(facts.frames);
        if (!position.isEmpty())
            lines.technique << position;
        QString spacing = value(DCM_PixelSpacing);
        if (spacing.isEmpty())
            spacing = value(DCM_ImagerPixelSpacing);
        if (const QStringList s = spacing.split(QLatin1Char('\\')); s.size() == 2)
            lines.technique << QStringLiteral("%1 x %2 mm").arg(s.at(0).toDouble(), 0, 'f', 2).arg(s.at(1).toDouble(), 0, 'f', 2);
    }
    return lines;
}

core::Status burnAnnotation(QByteArray &pixels, int width, int height, int samples, const AnnotationLines &lines)
{
    if (lines.isEmpty() || width < 1 || height < 1)
        return {};
    if (pixels.size() < qint64(width) * height * samples)
        return core::Error{QStringLiteral("the rendered image is smaller than %1 x %2").arg(width).arg(height)};
    Fonts &fonts = Fonts::instance();
    std::lock_guard<std::mutex> lock(fonts.mutex);
    if (!fonts.ok())
        return core::Error{QStringLiteral("no font is available to draw the annotation (fontconfig found none)")};
    // Scaled with the image: about 36 lines fit its height, and never below
    // what stays readable.
    const int px = std::clamp(std::min(width, height) / 36, 9, 64);
    const int lineHeight = px * 5 / 4, margin = std::max(2, px / 2);
    // The text lies in the top band only: the mask (and the outline pass)
    // need not cover an 8192-pixel-high image.
    const int r = std::max(1, px / 10);
    const int count = int(std::max(lines.patient.size(), lines.technique.size()));
    const int band = std::min(height, margin + count * lineHeight + px + r + 1);
    Mask mask(width, band);
    int baseline = margin + px;
    for (const QString &line : lines.patient) {
        drawLine(fonts, &mask, margin, baseline, line, px);
        baseline += lineHeight;
    }
    baseline = margin + px;
    for (const QString &line : lines.technique) {
        const int advance = drawLine(fonts, nullptr, 0, 0, line, px);
        drawLine(fonts, &mask, width - margin - advance, baseline, line, px);
        baseline += lineHeight;
    }
    if (mask.x1 < 0)
        return {};
    // Black outline (the coverage dilated), then the white text over it.
    const int bx0 = std::max(0, mask.x0 - r), bx1 = std::min(width - 1, mask.x1 + r);
    const int by0 = std::max(0, mask.y0 - r), by1 = std::min(band - 1, mask.y1 + r);
    auto *out = reinterpret_cast<quint8 *>(pixels.data());
    for (int y = by0; y <= by1; ++y) {
        for (int x = bx0; x <= bx1; ++x) {
            int outline = 0;
            for (int dy = std::max(0, y - r); dy <= std::min(band - 1, y + r) && outline < 255; ++dy)
                for (int dx = std::max(0, x - r); dx <= std::min(width - 1, x + r); ++dx)
                    outline = std::max(outline, int(mask.alpha[size_t(dy) * size_t(width) + size_t(dx)]));
            if (outline == 0)
                continue;
            const int a = mask.alpha[size_t(y) * size_t(width) + size_t(x)];
            quint8 *p = out + (size_t(y) * size_t(width) + size_t(x)) * size_t(samples);
            for (int s = 0; s < samples; ++s) {
                const int dark = p[s] * (255 - outline) / 255;
                p[s] = quint8((dark * (255 - a) + 255 * a) / 255);
            }
        }
    }
    return {};
}

} // namespace kilima::dicomweb
