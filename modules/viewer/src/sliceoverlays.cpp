// SliceView's overlays: corner texts, orientation markers (from the plane
// geometry, or from Patient Orientation (0020,0020) for projection images
// such as CR/DX), scale bar, reference lines, and the text page shown in
// place of an image for objects without pixel data.
#include <kilima/viewer/sliceview.h>
#include "sliceview_p.h"

#include <QPainter>
#include <algorithm>
#include <cmath>

namespace kilima::viewer {

using imaging::Vec3;
using imaging::Volume;

Vec3 SliceView::screenDirection(QPointF d) const
{
    const QPointF c(width() / 2.0, height() / 2.0);
    const QPointF a = imageAtWidget(c), b = imageAtWidget(c + d);
    const double dx = b.x() - a.x(), dy = b.y() - a.y();
    if (m_mpr)
        return m_plane.u * (dx * m_plane.pixelSize) + m_plane.v * (dy * m_plane.pixelSize);
    return m_volume->rowDir * (dx * m_volume->columnSpacing) + m_volume->colDir * (dy * m_volume->rowSpacing);
}

QString SliceView::orientationLabel(const Vec3 &dirIn) const
{
    const Vec3 d = dirIn.normalized();
    struct C { double v; char pos, neg; };
    C cs[3] = {{d.x, 'L', 'R'}, {d.y, 'P', 'A'}, {d.z, 'H', 'F'}};
    std::sort(std::begin(cs), std::end(cs), [](const C &a, const C &b) { return std::abs(a.v) > std::abs(b.v); });
    QString out;
    for (const C &c : cs) {
        if (std::abs(c.v) > 0.25)
            out += QLatin1Char(c.v > 0 ? c.pos : c.neg);
    }
    return out;
}

void SliceView::drawOverlays(QPainter &p)
{
    if (!m_volume)
        return;
    p.setRenderHint(QPainter::Antialiasing, true);
    QFont f = font();
    f.setPointSizeF(9);
    p.setFont(f);
    const int lh = p.fontMetrics().height();
    auto text = [&](int corner, const QStringList &lines, const QColor &color = QColor(230, 230, 230)) {
        p.setPen(color);
        for (int i = 0; i < lines.size(); ++i) {
            const int y = (corner < 2) ? 4 + lh * (i + 1) - p.fontMetrics().descent()
                                       : height() - 6 - lh * (int(lines.size()) - 1 - i) - p.fontMetrics().descent();
            const int x = (corner % 2 == 0) ? 6 : width() - 6 - p.fontMetrics().horizontalAdvance(lines[i]);
            p.drawText(x, y, lines[i]);
        }
    };
    const Volume &v = *m_volume;
    text(0, {v.patientName, v.patientId, v.studyDate + QLatin1Char(' ') + v.studyDescription});
    QStringList tr{QStringLiteral("%1 S%2").arg(v.modality).arg(v.seriesNumber), v.seriesDescription};
    if (!v.label.isEmpty())
        tr.append(v.label);
    text(1, tr);
    QStringList bl;
    if (m_mpr) {
        const Vec3 n = m_plane.normal();
        bl.append(QStringLiteral("MPR %1 mm").arg(m_plane.center.dot(n), 0, 'f', 1));
        if (m_slab.thickness > 0)
            bl.append(QStringLiteral("%1 %2 mm")
                          .arg(m_slab.mode == imaging::SlabMode::Mip ? QStringLiteral("MIP")
                               : m_slab.mode == imaging::SlabMode::MinIp ? QStringLiteral("MinIP") : QStringLiteral("Avg"))
                          .arg(m_slab.thickness, 0, 'f', 1));
    } else {
        bl.append(QStringLiteral("Im %1/%2").arg(m_slice + 1).arg(v.slices()));
        if (v.hasGeometry)
            bl.append(QStringLiteral("Pos %1 mm").arg(v.sliceDistance(m_slice), 0, 'f', 2));
        if (v.sliceThickness > 0)
            bl.append(QStringLiteral("Thk %1 mm").arg(v.sliceThickness, 0, 'f', 2));
        if (!v.isSliceReady(m_slice))
            bl.append(QStringLiteral("loading %1/%2").arg(v.readySlices()).arg(v.slices()));
        else if (!v.sliceError(m_slice).isEmpty())
            bl.append(QStringLiteral("not decoded: ") + v.sliceError(m_slice));
    }
    text(2, bl);
    QStringList br;
    if (m_useVoiLut)
        br.append(QStringLiteral("VOI LUT"));
    else
        br.append(QStringLiteral("W %1 L %2").arg(m_window.width, 0, 'f', 0).arg(m_window.center, 0, 'f', 0));
    br.append(QStringLiteral("Zoom %1%").arg(int(std::lround(m_zoom * 100))));
    if (!m_probeText.isEmpty())
        br.prepend(m_probeText);
    text(3, br);
    if (!v.notes.isEmpty()) {
        QStringList noteLines{v.notes.first()};
        for (int i = 0; i < bl.size(); ++i)
            noteLines.append(QString());
        text(2, noteLines, QColor(255, 210, 80));
    }

    // Orientation markers at the middle of each edge.
    const QStringList m = orientationMarkers();
    if (m.size() == 4) {
        // Dark outline: the letters stay readable over white film borders.
        const QRect at[4] = {QRect(4, height() / 2 - 10, 40, 20), QRect(width() / 2 - 20, 4 + lh * 3, 40, 20),
                             QRect(width() - 44, height() / 2 - 10, 40, 20), QRect(width() / 2 - 20, height() - 24, 40, 20)};
        const int align[4] = {Qt::AlignLeft | Qt::AlignVCenter, Qt::AlignCenter, Qt::AlignRight | Qt::AlignVCenter, Qt::AlignCenter};
        for (int i = 0; i < 4; ++i) {
            p.setPen(Qt::black);
            for (const QPoint &o : {QPoint(1, 1), QPoint(-1, -1), QPoint(1, -1), QPoint(-1, 1)})
                p.drawText(at[i].translated(o), align[i], m[i]);
            p.setPen(QColor(255, 255, 120));
            p.drawText(at[i], align[i], m[i]);
        }
    }
    // Scale bar: 10 mm (or 1/5 of the view width rounded) along the right edge.
    if (m_image.isValid() && v.spacingKnown) {
        const QTransform t = imageToWidget();
        const double pxPerMm = QLineF(t.map(QPointF(0, 0)), t.map(QPointF(1.0 / m_image.pixelWidth, 0))).length();
        if (pxPerMm > 0) {
            double mm = 10;
            for (double c : {1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0}) {
                if (c * pxPerMm <= height() / 4.0)
                    mm = c;
            }
            const int len = int(mm * pxPerMm);
            const int x = width() - 16, y0 = height() / 2 + 30;
            p.setPen(QPen(QColor(220, 220, 220), 1));
            p.drawLine(x, y0, x, y0 + len);
            for (int i = 0; i <= 10; ++i) {
                const int y = y0 + len * i / 10;
                p.drawLine(x - (i % 5 == 0 ? 6 : 3), y, x, y);
            }
            p.drawText(QPointF(x - 50, y0 + len + lh), QStringLiteral("%1 mm").arg(mm));
        }
    }
}

void SliceView::drawReferences(QPainter &p)
{
    if (!m_image.isValid())
        return;
    // Each reference plane drawn as its intersection line with this plane.
    const Vec3 n = m_mpr ? m_plane.normal() : m_volume->normal;
    const Vec3 here = m_mpr ? m_plane.center : m_volume->positions[size_t(m_slice)];
    for (const auto &r : m_refs) {
        const Vec3 rn = r.first.normal();
        const Vec3 dir = n.cross(rn);
        if (dir.norm() < 1e-6)
            continue;
        // A point on both planes: solve along the in-plane direction perpendicular to dir.
        const Vec3 inPlane = dir.cross(n).normalized();
        const double denom = inPlane.dot(rn);
        if (std::abs(denom) < 1e-9)
            continue;
        const Vec3 q = here + inPlane * ((r.first.center - here).dot(rn) / denom);
        const double big = 2000;
        const Vec3 a = q - dir.normalized() * big, b = q + dir.normalized() * big;
        auto toWidget = [&](const Vec3 &pt) {
            double x, y;
            if (m_mpr) {
                m_plane.pixelOf(pt, &x, &y);
            } else {
                const Vec3 vx = m_volume->patientToVoxel(pt);
                x = vx.x;
                y = vx.y;
            }
            return widgetAtImage(QPointF(x, y));
        };
        p.setPen(QPen(r.second, 1));
        p.drawLine(toWidget(a), toWidget(b));
    }
    if (m_mpr && m_hasCrosshair) {
        double x, y;
        m_plane.pixelOf(m_crosshair, &x, &y);
        const QPointF c = widgetAtImage(QPointF(x, y));
        p.setPen(QPen(QColor(255, 255, 0), 1));
        p.drawEllipse(c, 4, 4);
    }
}

namespace {
// Patient Orientation letters point the other way: L<->R, A<->P, H<->F.
QString opposite(const QString &letters)
{
    QString out;
    for (QChar c : letters) {
        const char a = c.toLatin1();
        out += QLatin1Char(a == 'L' ? 'R' : a == 'R' ? 'L' : a == 'A' ? 'P' : a == 'P' ? 'A' : a == 'H' ? 'F' : a == 'F' ? 'H' : a);
    }
    return out;
}
} // namespace

QStringList SliceView::orientationMarkers() const
{
    if (!m_volume || !m_image.isValid())
        return {};
    const QPointF dirs[4] = {{-1, 0}, {0, -1}, {1, 0}, {0, 1}};   // left, top, right, bottom
    QStringList out;
    if (m_volume->hasGeometry || m_mpr) {
        for (const QPointF &d : dirs)
            out.append(orientationLabel(screenDirection(d)));
        return out;
    }
    if (m_patientOrientation.size() != 2)
        return {};
    // Projection images: the row direction (towards increasing column) and
    // the column direction, carried through the reader's flips and rotation.
    const QPointF c(width() / 2.0, height() / 2.0);
    const QPointF a = imageAtWidget(c);
    for (const QPointF &d : dirs) {
        const QPointF b = imageAtWidget(c + d * 10);
        const double dx = b.x() - a.x(), dy = b.y() - a.y();
        if (std::abs(dx) > std::abs(dy))
            out.append(dx > 0 ? m_patientOrientation[0] : opposite(m_patientOrientation[0]));
        else
            out.append(dy > 0 ? m_patientOrientation[1] : opposite(m_patientOrientation[1]));
    }
    return out;
}

void SliceView::drawDocument(QPainter &p)
{
    // A page of text for SR, KOS, PR, PDF...: the reader sees what the
    // object is (and an SR's content) instead of an empty viewport.
    const QRect area = rect().adjusted(16, 12, -16, -12);
    QFont heading = font();
    heading.setPointSizeF(12);
    heading.setBold(true);
    p.setFont(heading);
    p.setPen(QColor(255, 210, 80));
    QRect used;
    p.drawText(area.adjusted(0, -m_documentScroll, 0, 0), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, m_document.heading, &used);
    QFont body = font();
    body.setPointSizeF(10);
    p.setFont(body);
    p.setPen(QColor(230, 230, 230));
    p.drawText(QRect(area.left(), used.bottom() + 10, area.width(), 100000), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
               m_document.text);
}

} // namespace kilima::viewer
