// Reads a PDF with poppler's command-line tools (pdftotext, pdftoppm,
// pdffonts), independent of the Qt code that wrote it: the text as a reader's
// copy/paste gets it, word boxes, the fonts embedded and the page as pixels.
#pragma once

#include <QDir>
#include <QImage>
#include <QProcess>
#include <QRectF>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <algorithm>

namespace kilima::test {

inline bool havePoppler()
{
    for (const char *tool : {"pdftotext", "pdftoppm", "pdffonts"}) {
        if (QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty())
            return false;
    }
    return true;
}

inline QString popplerOutput(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(120000) || p.exitCode() != 0)
        return QString();
    return QString::fromUtf8(p.readAllStandardOutput());
}

inline QString pdfText(const QString &pdf)
{
    return popplerOutput(QStringLiteral("pdftotext"), {QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf, QStringLiteral("-")});
}

inline QString pdfFonts(const QString &pdf)
{
    return popplerOutput(QStringLiteral("pdffonts"), {pdf});
}

// Embedded fonts whose name contains `part` ("CJK"): pdffonts' "emb" column says yes.
inline QStringList embeddedFonts(const QString &pdf, const QString &part)
{
    QStringList out;
    for (const QString &line : pdfFonts(pdf).split(QLatin1Char('\n'))) {
        const QStringList cols = line.simplified().split(QLatin1Char(' '));
        // name type... encoding emb sub uni objectId gen
        if (cols.size() >= 7 && cols.first().contains(part, Qt::CaseInsensitive) && cols.at(cols.size() - 5) == QLatin1String("yes"))
            out.append(cols.first());
    }
    return out;
}

struct PdfWord {
    QString text;
    int page = 0;      // 1-based
    QRectF box;        // PDF points from the page's top left
};

inline QList<PdfWord> pdfWords(const QString &pdf)
{
    const QString xml = popplerOutput(QStringLiteral("pdftotext"), {QStringLiteral("-bbox"), QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf, QStringLiteral("-")});
    static const QRegularExpression rx(QStringLiteral("<page |<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"([\\d.]+)\" yMax=\"([\\d.]+)\">([^<]*)</word>"));
    QList<PdfWord> out;
    int page = 0;
    for (auto it = rx.globalMatch(xml); it.hasNext();) {
        const auto m = it.next();
        if (m.captured(0).startsWith(QLatin1String("<page"))) {
            ++page;
            continue;
        }
        PdfWord w;
        w.page = page;
        w.text = m.captured(5);
        w.box = QRectF(QPointF(m.captured(1).toDouble(), m.captured(2).toDouble()), QPointF(m.captured(3).toDouble(), m.captured(4).toDouble()));
        out.append(w);
    }
    return out;
}

inline QImage pdfPage(const QString &pdf, int page, int dpi)
{
    QTemporaryDir dir;
    const QString prefix = dir.filePath(QStringLiteral("page"));
    popplerOutput(QStringLiteral("pdftoppm"), {QStringLiteral("-r"), QString::number(dpi), QStringLiteral("-f"), QString::number(page), QStringLiteral("-l"),
                                         QString::number(page), QStringLiteral("-png"), QStringLiteral("-singlefile"), pdf, prefix});
    return QImage(prefix + QStringLiteral(".png")).convertToFormat(QImage::Format_RGB32);
}

// The darkest grey level (0 black .. 255 white) inside `box` (points) of a
// page rendered at `dpi`.
inline int darkestIn(const QImage &page, const QRectF &box, int dpi)
{
    const double s = dpi / 72.0;
    const QRect r = QRectF(box.left() * s, box.top() * s, box.width() * s, box.height() * s).toAlignedRect().intersected(page.rect());
    int darkest = 255;
    for (int y = r.top(); y <= r.bottom(); ++y) {
        for (int x = r.left(); x <= r.right(); ++x)
            darkest = std::min(darkest, qGray(page.pixel(x, y)));
    }
    return darkest;
}

} // namespace kilima::test
