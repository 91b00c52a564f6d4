#include <kilima/reporting/pdfexport.h>

#include "pdffonts_p.h"

#include <kilima/dicom/attributes.h>
#include <kilima/dicom/dicomfile.h>
#include <kilima/dicom/pixeldata.h>
#include <kilima/dicom/units.h>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPageSize>
#include <QPainter>
#include <QPalette>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTextDocument>
#include <QUrl>

#include <algorithm>
#include <cmath>

namespace kilima::reporting {

QString ReportSettings::path(const QString &dataDir)
{
    return dataDir + QStringLiteral("/reporting/settings.json");
}

ReportSettings ReportSettings::load(const QString &dataDir)
{
    ReportSettings s;
    QFile f(path(dataDir));
    if (!f.open(QIODevice::ReadOnly))
        return s;
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    s.institutionName = o.value(QStringLiteral("institutionName")).toString();
    for (const QJsonValue &v : o.value(QStringLiteral("letterhead")).toArray())
        s.letterheadLines.append(v.toString());
    s.logoPath = o.value(QStringLiteral("logo")).toString();
    if (!s.logoPath.isEmpty() && QDir::isRelativePath(s.logoPath))
        s.logoPath = dataDir + QStringLiteral("/reporting/") + s.logoPath;
    s.footer = o.value(QStringLiteral("footer")).toString();
    s.keyImageColumns = std::clamp(o.value(QStringLiteral("keyImageColumns")).toInt(2), 1, 4);
    return s;
}

core::Status ReportSettings::save(const QString &dataDir) const
{
    QJsonArray lines;
    for (const QString &l : letterheadLines)
        lines.append(l);
    const QJsonObject o{{QStringLiteral("institutionName"), institutionName}, {QStringLiteral("letterhead"), lines},
                        {QStringLiteral("logo"), logoPath}, {QStringLiteral("footer"), footer},
                        {QStringLiteral("keyImageColumns"), keyImageColumns}};
    QDir().mkpath(dataDir + QStringLiteral("/reporting"));
    QSaveFile f(path(dataDir));
    if (!f.open(QIODevice::WriteOnly))
        return core::Error{QStringLiteral("%1: %2").arg(f.fileName(), f.errorString())};
    f.write(QJsonDocument(o).toJson());
    if (!f.commit())
        return core::Error{QStringLiteral("%1: %2").arg(f.fileName(), f.errorString())};
    return {};
}

core::Result<QImage> renderKeyImage(const QString &path, const KeyImage &key, double *centerOut, double *widthOut)
{
    auto file = dicom::DicomFile::load(path);
    if (!file)
        return core::Error{file.error()};
    DcmDataset &ds = file.value().dataset();
    auto info = dicom::pixelInfo(ds);
    if (!info)
        return core::Error{info.error()};
    if (key.frame < 0 || key.frame >= info.value().frames)
        return core::Error{QStringLiteral("%1: frame %2 does not exist (%3 frames)").arg(path).arg(key.frame + 1).arg(info.value().frames)};
    const int rows = info.value().rows, cols = info.value().columns;
    if (info.value().samplesPerPixel == 1 && info.value().photometric != QLatin1String("PALETTE COLOR")) {
        auto frame = dicom::decodeFrame(ds, key.frame);
        if (!frame)
            return core::Error{frame.error()};
        dicom::PixelInfo pi = info.value();
        // Enhanced objects keep their rescale per frame; a plain multi-frame
        // object (US cine, NM) has it at the top level.
        auto values = info.value().frames > 1 ? dicom::modalityValues(ds, frame.value(), pi, key.frame)
                                              : dicom::modalityValues(ds, frame.value(), pi);
        if (!values && info.value().frames > 1)
            values = dicom::modalityValues(ds, frame.value(), pi);
        if (!values)
            return core::Error{values.error()};
        const std::vector<double> &v = values.value();
        double center = key.windowCenter, width = key.windowWidth;
        if (width <= 0) {
            const QString wc = dicom::stringValue(ds, DCM_WindowCenter).section(QLatin1Char('\\'), 0, 0);
            const QString ww = dicom::stringValue(ds, DCM_WindowWidth).section(QLatin1Char('\\'), 0, 0);
            bool ok1 = false, ok2 = false;
            center = wc.toDouble(&ok1);
            width = ww.toDouble(&ok2);
            if (!ok1 || !ok2 || width <= 0) {
                const auto [mn, mx] = std::minmax_element(v.begin(), v.end());
                center = (*mn + *mx) / 2;
                width = std::max(1.0, *mx - *mn);
            }
        }
        const bool invert = info.value().photometric == QLatin1String("MONOCHROME1");
        QImage img(cols, rows, QImage::Format_Grayscale8);
        const double lo = center - 0.5 - (width - 1) / 2, span = std::max(1.0, width - 1);
        for (int y = 0; y < rows; ++y) {
            uchar *line = img.scanLine(y);
            for (int x = 0; x < cols; ++x) {
                double g = (v[size_t(y) * cols + x] - lo) / span * 255.0;
                g = std::clamp(g, 0.0, 255.0);
                line[x] = uchar(invert ? 255 - std::lround(g) : std::lround(g));
            }
        }
        if (centerOut)
            *centerOut = center;
        if (widthOut)
            *widthOut = width;
        return img;
    }
    // Colour: shown as stored (RGB after decoding; palette mapped).
    auto pixels = dicom::decodePixels(ds);
    if (!pixels)
        return core::Error{pixels.error()};
    dicom::DecodedPixels px = pixels.take();
    if (px.info.photometric == QLatin1String("PALETTE COLOR")) {
        auto rgb = dicom::applyPalette(ds, px);
        if (!rgb)
            return core::Error{rgb.error()};
        px = rgb.take();
    }
    dicom::ybrFullToRgb(px);
    if (px.info.samplesPerPixel != 3)
        return core::Error{QStringLiteral("%1: %2 samples per pixel cannot be shown").arg(path).arg(px.info.samplesPerPixel)};
    const int bytes = (px.info.bitsAllocated + 7) / 8;
    const qsizetype frameBytes = px.info.bytesPerFrame();
    const char *base = px.data.constData() + frameBytes * key.frame;
    QImage img(cols, rows, QImage::Format_RGB888);
    for (int y = 0; y < rows; ++y) {
        uchar *line = img.scanLine(y);
        for (int x = 0; x < cols * 3; ++x) {
            const qsizetype idx = (qsizetype(y) * cols * 3 + x) * bytes;
            int value = bytes == 1 ? uchar(base[idx]) : (uchar(base[idx + 1]) << 8 | uchar(base[idx])) >> 8;
            line[x] = uchar(value);
        }
    }
    if (centerOut)
        *centerOut = 0;
    if (widthOut)
        *widthOut = 0;
    return img;
}

namespace {

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString textToHtml(const QString &text)
{
    return esc(text).replace(QLatin1Char('\n'), QStringLiteral("<br/>"));
}

// The body of a QTextEdit's HTML (between <body> and </body>), without
// text or background colours: text pasted from a dark-themed source (light
// grey on black) would otherwise print light grey on white paper.
QString htmlBody(const QString &html)
{
    QString body = html;
    const int b = html.indexOf(QLatin1String("<body"));
    if (b >= 0) {
        const int start = html.indexOf(QLatin1Char('>'), b) + 1;
        const int end = html.lastIndexOf(QLatin1String("</body>"));
        body = html.mid(start, end > start ? end - start : -1);
    }
    static const QRegularExpression colourStyle(QStringLiteral("(?<![\\w-])(background-)?color\\s*:[^;\"']*;?"),
                                                QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression colourAttr(QStringLiteral("\\s(bg)?color\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s>]+)"),
                                               QRegularExpression::CaseInsensitiveOption);
    return body.replace(colourStyle, QString()).replace(colourAttr, QString());
}

// Black on white for paper and the archive, never the application palette
// (the dark theme's text colour is #DCDCDC, invisible on white).
QPalette printPalette()
{
    QPalette p;
    for (QPalette::ColorGroup g : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        for (QPalette::ColorRole r : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::BrightText})
            p.setColor(g, r, Qt::black);
        for (QPalette::ColorRole r : {QPalette::Window, QPalette::Base, QPalette::AlternateBase, QPalette::Button})
            p.setColor(g, r, Qt::white);
        p.setColor(g, QPalette::Link, QColor(0x1a, 0x3c, 0x8c));
        p.setColor(g, QPalette::LinkVisited, QColor(0x1a, 0x3c, 0x8c));
        p.setColor(g, QPalette::Highlight, Qt::white);
        p.setColor(g, QPalette::HighlightedText, Qt::black);
    }
    return p;
}

QString formatValue(double v)
{
    return QString::number(v, 'f', std::fabs(v) >= 100 ? 0 : (std::fabs(v) >= 10 ? 1 : 2));
}

QString when(const QDateTime &t)
{
    return t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

} // namespace

QString reportHtml(const Report &r, const ReportSettings &settings, const QList<RenderedKeyImage> &images,
                   double pageWidth)
{
    const StudyFields &s = r.study;
    QString h;
    h += QStringLiteral("<html><body>");
    // Letterhead.
    h += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\"><tr>");
    if (!settings.logoPath.isEmpty() && QFile::exists(settings.logoPath))
        h += QStringLiteral("<td width=\"20%\"><img src=\"kilima://logo\" width=\"%1\"/></td>").arg(int(pageWidth * 0.16));
    h += QStringLiteral("<td><span style=\"font-size:15pt; font-weight:bold;\">%1</span>")
             .arg(esc(settings.institutionName.isEmpty() ? s.institution : settings.institutionName));
    for (const QString &line : settings.letterheadLines)
        h += QStringLiteral("<br/><span style=\"font-size:8pt; color:#444444;\">%1</span>").arg(esc(line));
    h += QStringLiteral("</td></tr></table><hr/>");
    h += QStringLiteral("<p style=\"font-size:13pt; font-weight:bold;\">Diagnostic imaging report%1</p>")
             .arg(r.status == ReportStatus::Final ? QString() : QStringLiteral(" — ") + toString(r.status).toUpper());
    // Patient and study header.
    auto row = [](const QString &k, const QString &v) {
        return QStringLiteral("<tr><td style=\"color:#555555;\">%1</td><td><b>%2</b></td></tr>").arg(esc(k), esc(v));
    };
    h += QStringLiteral("<table width=\"100%\" cellspacing=\"2\"><tr><td width=\"50%\" valign=\"top\"><table>");
    h += row(QStringLiteral("Patient"), StudyFields::fullDisplayName(s.patientName));
    h += row(QStringLiteral("Patient ID"), s.patientId);
    h += row(QStringLiteral("Birth date"), StudyFields::displayDate(s.patientBirthDate));
    h += row(QStringLiteral("Sex"), s.patientSex);
    h += QStringLiteral("</table></td><td width=\"50%\" valign=\"top\"><table>");
    h += row(QStringLiteral("Study date"), StudyFields::displayDate(s.studyDate));
    h += row(QStringLiteral("Modality"), s.modality);
    h += row(QStringLiteral("Study"), s.studyDescription);
    h += row(QStringLiteral("Accession"), s.accessionNumber);
    h += row(QStringLiteral("Referring physician"), StudyFields::displayName(s.referringPhysician));
    h += QStringLiteral("</table></td></tr></table><hr/>");
    // Sections.
    for (const Section &sec : r.sections) {
        QString items;
        for (const StructuredItem &i : r.items) {
            if (i.section == sec.key && !i.value.trimmed().isEmpty())
                items += QStringLiteral("<b>%1:</b> %2<br/>").arg(esc(i.name), esc(i.value.trimmed()));
        }
        if (sec.text.trimmed().isEmpty() && items.isEmpty())
            continue;
        h += QStringLiteral("<h3>%1</h3>").arg(esc(sectionTitle(sec.key)));
        if (!sec.html.isEmpty())
            h += htmlBody(sec.html);
        else if (!sec.text.trimmed().isEmpty())
            h += QStringLiteral("<p>%1</p>").arg(textToHtml(sec.text.trimmed()));
        if (!items.isEmpty())
            h += QStringLiteral("<p>%1</p>").arg(items);
    }
    // Measurements.
    if (!r.measurements.isEmpty()) {
        h += QStringLiteral("<h3>Measurements</h3><table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"4\">"
                            "<tr><th align=\"left\">Measurement</th><th align=\"left\">Type</th><th align=\"right\">Value</th>"
                            "<th align=\"left\">Image</th></tr>");
        for (const Measurement &m : r.measurements) {
            h += QStringLiteral("<tr><td>%1</td><td>%2</td><td align=\"right\">%3 %4</td><td>%5</td></tr>")
                     .arg(esc(m.label), toString(m.kind), formatValue(m.value), esc(dicom::unitText(m.unit)),
                          m.sopInstanceUid.isEmpty() ? QString() : QStringLiteral("…") + esc(m.sopInstanceUid.right(12)));
        }
        h += QStringLiteral("</table>");
    }
    // Key images, `keyImageColumns` per row.
    if (!images.isEmpty()) {
        const int columns = std::max(1, settings.keyImageColumns);
        const int imgWidth = int(pageWidth / columns * 0.92);
        h += QStringLiteral("<h3>Key images</h3><table width=\"100%\" cellspacing=\"4\">");
        for (int i = 0; i < images.size(); ++i) {
            if (i % columns == 0)
                h += QStringLiteral("<tr>");
            const QImage &img = images.at(i).image;
            const int w = std::min(imgWidth, std::max(1, img.width()) * 4);
            const int hgt = img.width() > 0 ? int(double(w) * img.height() / img.width()) : w;
            h += QStringLiteral("<td align=\"center\" valign=\"top\"><img src=\"kilima://key/%1\" width=\"%2\" height=\"%3\"/><br/>"
                                "<span style=\"font-size:8pt;\">%4</span></td>")
                     .arg(i).arg(w).arg(hgt).arg(esc(images.at(i).caption));
            if (i % columns == columns - 1 || i == images.size() - 1)
                h += QStringLiteral("</tr>");
        }
        h += QStringLiteral("</table>");
    }
    // Signature block.
    h += QStringLiteral("<hr/>");
    const QString reader = r.authorDisplayName.isEmpty() ? r.author : r.authorDisplayName;
    if (!reader.isEmpty())
        h += QStringLiteral("<p>Reading radiologist: <b>%1</b></p>").arg(esc(reader));
    if (r.status == ReportStatus::Final) {
        h += QStringLiteral("<p><b>Electronically signed by %1 on %2</b></p>").arg(esc(r.signedBy), esc(when(r.signedAt)));
    } else {
        h += QStringLiteral("<p><b>Not signed: %1 report%2</b></p>")
                 .arg(toString(r.status),
                      r.preliminaryAt.isValid() ? QStringLiteral(" (preliminary since %1)").arg(when(r.preliminaryAt)) : QString());
    }
    for (const Addendum &a : r.addenda) {
        h += QStringLiteral("<h3>Addendum</h3><p>%1</p><p><b>Addendum signed by %2 on %3</b></p>")
                 .arg(textToHtml(a.text), esc(a.author), esc(when(a.signedAt)));
    }
    h += QStringLiteral("</body></html>");
    return h;
}

core::Status paintReport(QPagedPaintDevice &device, const Report &r, const ReportSettings &settings,
                         const QList<RenderedKeyImage> &images)
{
    QPainter painter;
    if (!painter.begin(&device))
        return core::Error{QStringLiteral("cannot paint on the output device")};
    const double pageWidth = device.width();
    const double pageHeight = device.height();
    const double dpi = device.logicalDpiY();
    const double footerHeight = dpi * 0.45;
    const double bodyHeight = pageHeight - footerHeight;

    // The HTML is built once to learn which characters the fonts must cover.
    const QString html = reportHtml(r, settings, images, pageWidth * 96.0 / device.logicalDpiX());
    const QString who = StudyFields::fullDisplayName(r.study.patientName) + QStringLiteral(" · ") + r.study.patientId;
    QString coverage;
    {
        QTextDocument probe;
        probe.setHtml(html);
        coverage = probe.toPlainText() + who + settings.footer;
    }
    QTextDocument doc;
    doc.documentLayout()->setPaintDevice(&device);
    const QFont base = detail::reportFont(coverage, 10);
    doc.setDefaultFont(base);
    doc.setDefaultStyleSheet(QStringLiteral("body { color: #000000; background-color: #ffffff; }"));
    doc.setDocumentMargin(0);
    if (!settings.logoPath.isEmpty()) {
        QImage logo(settings.logoPath);
        if (!logo.isNull())
            doc.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("kilima://logo")), logo);
    }
    for (int i = 0; i < images.size(); ++i)
        doc.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("kilima://key/%1").arg(i)), images.at(i).image);
    // QTextDocument sizes images in 96-dpi pixels and scales them to the
    // device, so the HTML gets the page width in those units.
    doc.setHtml(html);
    doc.setPageSize(QSizeF(pageWidth, bodyHeight));
    const int pages = doc.pageCount();

    QFont small = base;
    small.setPointSizeF(7.5);
    QFont mark = base;
    mark.setPointSizeF(64);
    mark.setBold(true);
    const QPalette paper = printPalette();
    for (int page = 0; page < pages; ++page) {
        if (page > 0)
            device.newPage();
        painter.save();
        painter.translate(0, -page * bodyHeight);
        QAbstractTextDocumentLayout::PaintContext ctx;
        ctx.clip = QRectF(0, page * bodyHeight, pageWidth, bodyHeight);
        ctx.palette = paper;
        doc.documentLayout()->draw(&painter, ctx);
        painter.restore();

        painter.setFont(small);
        painter.setPen(QColor(80, 80, 80));
        const QRectF footer(0, bodyHeight, pageWidth, footerHeight);
        painter.drawLine(QPointF(0, bodyHeight + dpi * 0.08), QPointF(pageWidth, bodyHeight + dpi * 0.08));
        painter.drawText(footer, Qt::AlignLeft | Qt::AlignBottom,
                         settings.footer.isEmpty() ? who : who + QStringLiteral(" · ") + settings.footer);
        painter.drawText(footer, Qt::AlignRight | Qt::AlignBottom, QStringLiteral("Page %1 of %2").arg(page + 1).arg(pages));

        if (r.status != ReportStatus::Final) {
            painter.save();
            painter.translate(pageWidth / 2, pageHeight / 2);
            painter.rotate(-40);
            painter.setFont(mark);
            painter.setPen(QColor(200, 30, 30, 60));
            const QRectF box(-pageWidth, -dpi, 2 * pageWidth, 2 * dpi);
            painter.drawText(box, Qt::AlignCenter, QStringLiteral("PRELIMINARY"));
            painter.restore();
        }
    }
    painter.end();
    return {};
}

core::Result<QByteArray> renderPdf(const Report &r, const ReportSettings &settings, const QList<RenderedKeyImage> &images)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setResolution(300);
        writer.setPageMargins(QMarginsF(15, 12, 15, 12), QPageLayout::Millimeter);
        writer.setTitle(QStringLiteral("Diagnostic imaging report"));
        writer.setCreator(QStringLiteral("Kilima"));
        auto st = paintReport(writer, r, settings, images);
        if (!st)
            return core::Error{st.error()};
    }
    QByteArray pdf = buffer.data();
    if (!pdf.startsWith("%PDF-"))
        return core::Error{QStringLiteral("the PDF writer produced no document")};
    fixPdfTextMapping(pdf);
    return pdf;
}

} // namespace kilima::reporting
