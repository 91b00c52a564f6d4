// The report as a PDF through Qt (QPdfWriter + QTextDocument): letterhead and
// logo from the reporting settings, patient/study header, sections with
// structured items, key images rendered from the stored pixels with their
// window/level, a measurements table, addenda, the signature block, page
// numbers, and a "PRELIMINARY" watermark on every page until the report is
// final. Needs a QGuiApplication (kilima-node uses the offscreen platform).
// A report is printed and archived black on white whatever the workstation's
// theme or palette, in fonts chosen to cover every character of its text.
#pragma once

#include <kilima/core/result.h>
#include <kilima/reporting/report.h>

#include <QByteArray>
#include <QImage>
#include <QList>
#include <QString>
#include <QStringList>

class QPagedPaintDevice;

namespace kilima::reporting {

// <data-dir>/reporting/settings.json (docs/reporting.md).
struct ReportSettings {
    QString institutionName;
    QStringList letterheadLines;   // address, phone, ...
    QString logoPath;              // PNG/JPEG/SVG-free raster image; empty = none
    QString footer;                // a line under every page, e.g. a disclaimer
    int keyImageColumns = 2;

    static ReportSettings load(const QString &dataDir);
    core::Status save(const QString &dataDir) const;
    static QString path(const QString &dataDir);
};

struct RenderedKeyImage {
    QImage image;
    QString caption;               // description, window/level, series/instance
};

// Renders frame `key.frame` of the instance at `path` with the key image's
// window (or the image's own window, or its value range), in 8 bits.
// Colour images are shown as they are. Sets the window used.
core::Result<QImage> renderKeyImage(const QString &path, const KeyImage &key, double *center = nullptr,
                                    double *width = nullptr);

// The HTML the document is laid out from (for previews in the editor);
// `pageWidthPixels` in 96-dpi pixels, as QTextDocument sizes images.
QString reportHtml(const Report &report, const ReportSettings &settings, const QList<RenderedKeyImage> &images,
                   double pageWidthPixels);

core::Result<QByteArray> renderPdf(const Report &report, const ReportSettings &settings,
                                   const QList<RenderedKeyImage> &images);
// The same layout onto any paged device (a QPrinter for printing).
core::Status paintReport(QPagedPaintDevice &device, const Report &report, const ReportSettings &settings,
                         const QList<RenderedKeyImage> &images);
// Repairs the text map (ToUnicode) of a PDF written by Qt so that text
// extraction returns the typed characters (山, not the radical ⼭ that
// shares its glyph). Same-length edits only; returns the number of codes
// changed. renderPdf() applies it; a PDF printed through a QPrinter needs it
// applied to the file.
int fixPdfTextMapping(QByteArray &pdf);

} // namespace kilima::reporting
