#include <kilima/viewer/sliceview.h>
#include <kilima/imaging/roi.h>

#include <QDragEnterEvent>
#include <QInputDialog>
#include <QJsonArray>
#include <QMimeData>
#include <QPainter>
#include <QPainterPath>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

namespace kilima::viewer {

using imaging::Vec3;
using imaging::Volume;

namespace {
const char *const kSeriesMime = "application/x-kilima-series";

QJsonArray pointsJson(const QVector<QPointF> &pts)
{
    QJsonArray a;
    for (const QPointF &p : pts)
        a.append(QJsonArray{p.x(), p.y()});
    return a;
}

QVector<QPointF> pointsOf(const QJsonObject &g)
{
    QVector<QPointF> out;
    for (const QJsonValue &v : g.value(QLatin1String("points")).toArray()) {
        const QJsonArray a = v.toArray();
        out.append(QPointF(a.at(0).toDouble(), a.at(1).toDouble()));
    }
    return out;
}

QString kindOf(Tool t)
{
    switch (t) {
    case Tool::Length: return QStringLiteral("length");
    case Tool::Angle: return QStringLiteral("angle");
    case Tool::Ellipse: return QStringLiteral("ellipse");
    case Tool::Rectangle: return QStringLiteral("rectangle");
    case Tool::Freehand: return QStringLiteral("freehand");
    case Tool::Probe: return QStringLiteral("probe");
    case Tool::Arrow: return QStringLiteral("arrow");
    case Tool::Text: return QStringLiteral("text");
    default: return {};
    }
}
} // namespace

QString measurementValue(const imaging::Image2D &img, const QString &kind, const QVector<QPointF> &pts,
                         const QString &unit, bool spacingKnown)
{
    if (kind == QLatin1String("length") && pts.size() >= 2) {
        if (!spacingKnown)
            return QStringLiteral("%1 px").arg(std::hypot(pts[1].x() - pts[0].x(), pts[1].y() - pts[0].y()), 0, 'f', 1);
        return QStringLiteral("%1 mm").arg(imaging::distanceMm(img, pts[0], pts[1]), 0, 'f', 1);
    }
    if (kind == QLatin1String("angle") && pts.size() >= 3)
        return QStringLiteral("%1°").arg(imaging::angleDegrees(img, pts[0], pts[1], pts[2]), 0, 'f', 1);
    imaging::RoiStats s;
    if (kind == QLatin1String("ellipse") && pts.size() >= 2)
        s = imaging::ellipseStats(img, pts[0], pts[1]);
    else if (kind == QLatin1String("rectangle") && pts.size() >= 2)
        s = imaging::rectangleStats(img, pts[0], pts[1]);
    else if (kind == QLatin1String("freehand") && pts.size() >= 3)
        s = imaging::polygonStats(img, pts);
    else if (kind == QLatin1String("probe") && pts.size() >= 1) {
        const int x = int(std::lround(pts[0].x())), y = int(std::lround(pts[0].y()));
        if (x < 0 || y < 0 || x >= img.width || y >= img.height)
            return QStringLiteral("outside the image");
        if (img.samplesPerPixel == 3) {
            const size_t i = (size_t(y) * size_t(img.width) + size_t(x)) * 3;
            return QStringLiteral("RGB %1 %2 %3").arg(img.values[i]).arg(img.values[i + 1]).arg(img.values[i + 2]);
        }
        const double v = img.at(x, y);
        return QStringLiteral("%1%2 at (%3, %4)")
            .arg(v, 0, 'f', v == std::floor(v) ? 0 : 1)
            .arg(unit.isEmpty() ? QString() : QLatin1Char(' ') + unit)
            .arg(x)
            .arg(y);
    } else
        return {};
    if (!spacingKnown)
        s.areaMm2 = s.pixels;   // shown as px² below
    QString text = imaging::describe(s, unit);
    if (!spacingKnown)
        text.replace(QStringLiteral("mm²"), QStringLiteral("px²"));
    return text;
}

SliceView::SliceView(QWidget *parent) : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAcceptDrops(true);
    setMinimumSize(160, 160);
    setAttribute(Qt::WA_OpaquePaintEvent);
    connect(&m_cine, &QTimer::timeout, this, [this] {
        const int n = sliceCount();
        if (n < 2)
            return;
        int next = m_slice + m_cineDirection;
        if (next >= n)
            next = 0;
        setSlice(next);
    });
}

void SliceView::setVolume(const imaging::VolumePtr &volume, int slice)
{
    m_volume = volume;
    m_mpr = false;
    m_windowSet = false;
    m_slab = {};
    m_drawing.clear();
    m_slice = volume ? (slice >= 0 ? std::clamp(slice, 0, volume->slices() - 1) : 0) : 0;
    resetView();
    rebuildImage();
}

void SliceView::setMpr(const imaging::VolumePtr &volume, const imaging::Plane &plane)
{
    m_volume = volume;
    m_mpr = true;
    m_windowSet = false;
    m_plane = plane;
    resetView();
    rebuildImage();
}

int SliceView::sliceCount() const
{
    if (!m_volume)
        return 0;
    if (!m_mpr)
        return m_volume->slices();
    return 1;
}

void SliceView::setSlice(int k)
{
    if (!m_volume || m_mpr)
        return;
    k = std::clamp(k, 0, m_volume->slices() - 1);
    if (k == m_slice && m_image.isValid())
        return;
    m_slice = k;
    m_drawing.clear();
    rebuildImage();
    Q_EMIT sliceChanged(k);
    Q_EMIT positionChanged(currentPosition());
}

void SliceView::setPlane(const imaging::Plane &plane)
{
    m_plane = plane;
    rebuildImage();
}

void SliceView::setSlab(const imaging::SlabOptions &slab)
{
    m_slab = slab;
    rebuildImage();
}

void SliceView::setWindow(const imaging::WindowLevel &w)
{
    m_window = {w.center, std::max(1.0, w.width)};
    m_windowSet = true;
    m_useVoiLut = false;
    rerender();
    Q_EMIT windowChanged(m_window);
}

void SliceView::setInvert(bool on)
{
    m_invert = on;
    rerender();
}

void SliceView::setUseVoiLut(bool on)
{
    m_useVoiLut = on && m_volume && m_volume->voiLut;
    rerender();
}

void SliceView::flipHorizontal() { m_flipH = !m_flipH; update(); }
void SliceView::flipVertical() { m_flipV = !m_flipV; update(); }
void SliceView::rotate90() { m_rotation = (m_rotation + 90) % 360; update(); }

void SliceView::resetView()
{
    m_zoom = 1;
    m_pan = {};
    m_flipH = m_flipV = false;
    m_rotation = 0;
    update();
}

void SliceView::setZoom(double zoom)
{
    m_zoom = std::clamp(zoom, 0.05, 50.0);
    update();
}

void SliceView::setCine(bool on, double fps)
{
    if (on)
        m_cine.start(int(1000 / std::max(1.0, fps)));
    else
        m_cine.stop();
}

void SliceView::refresh()
{
    if (!m_image.isValid() || m_mpr || (m_volume && !m_volume->isComplete()))
        rebuildImage();
}

void SliceView::rebuildImage()
{
    // MPR reslices every frame into the previous frame's buffer.
    if (!(m_mpr && m_volume && m_volume->slices() > 0))
        m_image = {};
    if (m_volume && m_volume->slices() > 0) {
        if (m_mpr) {
            imaging::reslice(*m_volume, m_plane, m_slab, 0, &m_image);
        } else if (m_volume->isSliceReady(m_slice)) {
            m_image = imaging::sliceImage(*m_volume, m_slice);
        }
        if (m_image.isValid() && !m_windowSet) {
            m_window = m_mpr ? imaging::defaultWindow(*m_volume, m_image)
                             : imaging::defaultWindow(*m_volume, m_slice, m_image);
            m_windowSet = true;
            Q_EMIT windowChanged(m_window);
        }
    }
    rerender();
}

void SliceView::rerender()
{
    if (!m_image.isValid()) {
        m_rendered = QImage();
        update();
        return;
    }
    imaging::DisplayOptions opt;
    opt.window = m_window;
    opt.invert = m_invert != (m_volume && m_volume->invertGrey());
    if (m_useVoiLut && m_volume && m_volume->voiLut) {
        const imaging::VoiLut *own = m_mpr ? nullptr : imaging::voiLutFor(*m_volume, m_slice);
        opt.voiLut = own ? own : m_volume->voiLut.get();
        opt.volume = m_volume.get();
    }
    // Rendered straight into the previous frame's QImage (32-bit rows are
    // width*4 bytes, no padding): nothing allocated per frame.
    if (m_rendered.width() != m_image.width || m_rendered.height() != m_image.height ||
        m_rendered.format() != QImage::Format_RGB32)
        m_rendered = QImage(m_image.width, m_image.height, QImage::Format_RGB32);
    Q_ASSERT(m_rendered.bytesPerLine() == qsizetype(m_image.width) * 4);
    imaging::render(m_image, opt, reinterpret_cast<quint32 *>(m_rendered.bits()));
    update();
}

QTransform SliceView::imageToWidget() const
{
    QTransform t;
    if (!m_image.isValid())
        return t;
    const double wmm = m_image.width * m_image.pixelWidth, hmm = m_image.height * m_image.pixelHeight;
    const bool swap = m_rotation % 180 != 0;
    const double fit = std::min(width() / (swap ? hmm : wmm), height() / (swap ? wmm : hmm));
    const double s = fit * m_zoom;
    t.translate(width() / 2.0 + m_pan.x(), height() / 2.0 + m_pan.y());
    t.rotate(m_rotation);
    t.scale(m_flipH ? -s : s, m_flipV ? -s : s);
    t.scale(m_image.pixelWidth, m_image.pixelHeight);
    t.translate(-m_image.width / 2.0, -m_image.height / 2.0);
    return t;
}

QPointF SliceView::widgetAtImage(QPointF imagePos) const
{
    return imageToWidget().map(imagePos + QPointF(0.5, 0.5));
}

QPointF SliceView::imageAtWidget(QPointF widgetPos) const
{
    return imageToWidget().inverted().map(widgetPos) - QPointF(0.5, 0.5);
}

Vec3 SliceView::patientAtWidget(QPointF widgetPos) const
{
    if (!m_volume)
        return {};
    const QPointF ip = imageAtWidget(widgetPos);
    if (m_mpr)
        return m_plane.pointAt(ip.x(), ip.y());
    return m_volume->voxelToPatient(ip.x(), ip.y(), m_slice);
}

Vec3 SliceView::currentPosition() const
{
    if (!m_volume || m_volume->slices() == 0)
        return {};
    if (m_mpr)
        return m_hasCrosshair ? m_crosshair : m_plane.center;
    return m_volume->voxelToPatient((m_volume->columns - 1) / 2.0, (m_volume->rows - 1) / 2.0, m_slice);
}

void SliceView::showPosition(const Vec3 &p)
{
    if (!m_volume || m_volume->slices() == 0)
        return;
    if (m_mpr) {
        // Move the plane along its normal so that it contains p.
        const Vec3 n = m_plane.normal();
        m_plane.center = m_plane.center + n * (p - m_plane.center).dot(n);
        rebuildImage();
        return;
    }
    const double d = p.dot(m_volume->normal);
    int best = 0;
    double bestGap = INFINITY;
    for (int k = 0; k < m_volume->slices(); ++k) {
        const double g = std::abs(m_volume->sliceDistance(k) - d);
        if (g < bestGap) {
            bestGap = g;
            best = k;
        }
    }
    if (best != m_slice) {
        m_slice = best;
        rebuildImage();
        Q_EMIT sliceChanged(best);
    }
}

QString SliceView::currentSopUid() const
{
    if (!m_volume || m_mpr || m_slice >= m_volume->slices())
        return {};
    return m_volume->sources[size_t(m_slice)].sopUid;
}

int SliceView::currentFrame() const
{
    if (!m_volume || m_mpr || m_slice >= m_volume->slices())
        return 0;
    return m_volume->sources[size_t(m_slice)].frame;
}

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

void SliceView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), Qt::black);
    if (!m_rendered.isNull()) {
        p.save();
        p.setRenderHint(QPainter::SmoothPixmapTransform, m_zoom * width() < 4 * m_rendered.width() ? false : true);
        p.setTransform(imageToWidget());
        p.drawImage(QPointF(0, 0), m_rendered);
        p.restore();
    }
    if (m_overlays) {
        drawReferences(p);
        drawMeasurements(p);
        drawOverlays(p);
    }
    if (m_active) {
        p.setPen(QPen(QColor(255, 170, 0), 2));
        p.drawRect(rect().adjusted(1, 1, -1, -1));
    }
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
    if (v.hasGeometry || m_mpr) {
        p.setPen(QColor(255, 255, 120));
        const QString right = orientationLabel(screenDirection({1, 0}));
        const QString down = orientationLabel(screenDirection({0, 1}));
        const QString left = orientationLabel(screenDirection({-1, 0}));
        const QString up = orientationLabel(screenDirection({0, -1}));
        p.drawText(QRect(width() - 30, height() / 2 - 10, 26, 20), Qt::AlignRight | Qt::AlignVCenter, right);
        p.drawText(QRect(4, height() / 2 - 10, 26, 20), Qt::AlignLeft | Qt::AlignVCenter, left);
        p.drawText(QRect(width() / 2 - 20, 4 + lh * 3, 40, 20), Qt::AlignCenter, up);
        p.drawText(QRect(width() / 2 - 20, height() - 24, 40, 20), Qt::AlignCenter, down);
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

void SliceView::drawMeasurements(QPainter &p)
{
    p.setRenderHint(QPainter::Antialiasing, true);
    const QString sop = currentSopUid();
    const int frame = currentFrame();
    auto draw = [&](const QString &kind, const QVector<QPointF> &ptsImg, const QString &label, const QColor &color) {
        QVector<QPointF> pts;
        for (const QPointF &q : ptsImg)
            pts.append(widgetAtImage(q));
        p.setPen(QPen(color, 1.5));
        p.setBrush(Qt::NoBrush);
        if (pts.isEmpty())
            return;
        if ((kind == QLatin1String("length") || kind == QLatin1String("arrow")) && pts.size() >= 2) {
            p.drawLine(pts[0], pts[1]);
            if (kind == QLatin1String("arrow")) {
                const QLineF l(pts[1], pts[0]);
                for (double a : {25.0, -25.0}) {
                    QLineF h = QLineF::fromPolar(12, l.angle() + 180 + a);
                    h.translate(pts[0]);
                    p.drawLine(h);
                }
            }
        } else if (kind == QLatin1String("angle")) {
            p.drawPolyline(pts.data(), int(pts.size()));
        } else if (kind == QLatin1String("ellipse") && pts.size() >= 2) {
            QPainterPath path;
            QVector<QPointF> ring;
            const QPointF c = (ptsImg[0] + ptsImg[1]) / 2;
            const double rx = std::abs(ptsImg[1].x() - ptsImg[0].x()) / 2, ry = std::abs(ptsImg[1].y() - ptsImg[0].y()) / 2;
            for (int i = 0; i <= 64; ++i)
                ring.append(widgetAtImage(c + QPointF(rx * std::cos(i * M_PI / 32), ry * std::sin(i * M_PI / 32))));
            p.drawPolyline(ring.data(), int(ring.size()));
        } else if (kind == QLatin1String("rectangle") && pts.size() >= 2) {
            const QPointF a = ptsImg[0], b = ptsImg[1];
            QVector<QPointF> ring{widgetAtImage(a), widgetAtImage({b.x(), a.y()}), widgetAtImage(b),
                                  widgetAtImage({a.x(), b.y()}), widgetAtImage(a)};
            p.drawPolyline(ring.data(), int(ring.size()));
        } else if (kind == QLatin1String("freehand")) {
            QVector<QPointF> ring = pts;
            ring.append(pts.front());
            p.drawPolyline(ring.data(), int(ring.size()));
        } else if (kind == QLatin1String("probe")) {
            p.drawEllipse(pts[0], 3, 3);
        }
        if (!label.isEmpty()) {
            QPointF at = pts.back() + QPointF(6, -6);
            p.setPen(Qt::black);
            p.drawText(at + QPointF(1, 1), label);
            p.setPen(color);
            p.drawText(at, label);
        }
    };
    for (const archive::Measurement &m : m_measurements) {
        if (m.sopUid != sop || m.frame != frame || sop.isEmpty())
            continue;
        QString label = m.valueText;
        if (m.kind == QLatin1String("text") || m.kind == QLatin1String("arrow"))
            label = m.label;
        draw(m.kind, pointsOf(m.geometry), label, QColor(80, 220, 120));
    }
    if (!m_drawing.isEmpty()) {
        const QString kind = kindOf(m_tool);
        draw(kind, m_drawing, measurementValue(m_image, kind, m_drawing, m_volume ? m_volume->rescaleUnit : QString(),
                                               m_volume && m_volume->spacingKnown),
             QColor(255, 200, 0));
    }
}

void SliceView::wheelEvent(QWheelEvent *e)
{
    const int steps = e->angleDelta().y() / 120 != 0 ? e->angleDelta().y() / 120 : (e->angleDelta().y() > 0 ? 1 : -1);
    if (e->modifiers() & Qt::ControlModifier) {
        setZoom(m_zoom * std::pow(1.15, steps));
        return;
    }
    if (m_mpr) {
        const double step = m_volume ? std::min({m_volume->sliceSpacing(), m_volume->columnSpacing, m_volume->rowSpacing}) : 1;
        m_plane.center = m_plane.center + m_plane.normal() * (-steps * step);
        rebuildImage();
        Q_EMIT crosshairMoved(m_hasCrosshair ? m_crosshair + m_plane.normal() * ((m_plane.center - m_crosshair).dot(m_plane.normal()))
                                             : m_plane.center);
        return;
    }
    setSlice(m_slice - steps);
}

void SliceView::mousePressEvent(QMouseEvent *e)
{
    Q_EMIT activated(this);
    setFocus();
    m_button = e->button();
    m_lastMouse = e->position();
    if (e->button() != Qt::LeftButton || !m_image.isValid())
        return;
    const QPointF ip = imageAtWidget(e->position());
    switch (m_tool) {
    case Tool::Crosshair:
        Q_EMIT crosshairMoved(patientAtWidget(e->position()));
        break;
    case Tool::Length: case Tool::Ellipse: case Tool::Rectangle: case Tool::Arrow:
        m_drawing = {ip, ip};
        break;
    case Tool::Freehand:
        m_drawing = {ip};
        break;
    case Tool::Angle:
        if (m_drawing.isEmpty())
            m_drawing = {ip, ip};
        else
            m_drawing.append(ip);
        if (m_drawing.size() >= 3 && m_drawing.size() > 3)
            m_drawing.resize(3);
        break;
    case Tool::Probe:
        m_drawing = {ip};
        finishMeasurement();
        break;
    case Tool::Text:
        m_drawing = {ip};
        finishMeasurement();
        break;
    default:
        break;
    }
    update();
}

void SliceView::mouseMoveEvent(QMouseEvent *e)
{
    const QPointF d = e->position() - m_lastMouse;
    m_lastMouse = e->position();
    if (m_image.isValid() && m_volume) {
        // Live probe in the overlay.
        const QPointF ip = imageAtWidget(e->position());
        const int x = int(std::lround(ip.x())), y = int(std::lround(ip.y()));
        if (x >= 0 && y >= 0 && x < m_image.width && y < m_image.height && m_image.samplesPerPixel == 1 &&
            !std::isnan(m_image.at(x, y)))
            m_probeText = QStringLiteral("(%1, %2) %3 %4").arg(x).arg(y).arg(double(m_image.at(x, y)), 0, 'f', 0).arg(m_volume->rescaleUnit);
        else
            m_probeText.clear();
    }
    if (m_button == Qt::NoButton) {
        if (m_tool == Tool::Angle && m_drawing.size() >= 2) {
            m_drawing.back() = imageAtWidget(e->position());
        }
        update();
        return;
    }
    Tool tool = m_tool;
    if (m_button == Qt::MiddleButton)
        tool = Tool::Pan;
    else if (m_button == Qt::RightButton)
        tool = Tool::Zoom;
    switch (tool) {
    case Tool::WindowLevel: {
        const double k = std::max(1.0, m_window.width / 200.0);
        m_window.width = std::max(1.0, m_window.width + d.x() * k);
        m_window.center += d.y() * k;
        m_useVoiLut = false;
        rerender();
        Q_EMIT windowChanged(m_window);
        break;
    }
    case Tool::Zoom:
        setZoom(m_zoom * std::pow(1.01, -d.y()));
        break;
    case Tool::Pan:
        m_pan += d;
        update();
        break;
    case Tool::Scroll:
        if (std::abs(d.y()) >= 1) {
            if (m_mpr) {
                QWheelEvent w(e->position(), e->globalPosition(), {}, QPoint(0, d.y() > 0 ? -120 : 120), Qt::NoButton,
                              Qt::NoModifier, Qt::NoScrollPhase, false);
                wheelEvent(&w);
            } else {
                setSlice(m_slice + (d.y() > 0 ? 1 : -1));
            }
        }
        break;
    case Tool::Crosshair:
        Q_EMIT crosshairMoved(patientAtWidget(e->position()));
        break;
    case Tool::Length: case Tool::Ellipse: case Tool::Rectangle: case Tool::Arrow:
        if (!m_drawing.isEmpty())
            m_drawing.back() = imageAtWidget(e->position());
        update();
        break;
    case Tool::Freehand:
        if (!m_drawing.isEmpty())
            m_drawing.append(imageAtWidget(e->position()));
        update();
        break;
    default:
        break;
    }
}

void SliceView::mouseReleaseEvent(QMouseEvent *e)
{
    const Qt::MouseButton b = m_button;
    m_button = Qt::NoButton;
    if (b != Qt::LeftButton || e->button() != Qt::LeftButton)
        return;
    switch (m_tool) {
    case Tool::Length: case Tool::Ellipse: case Tool::Rectangle: case Tool::Arrow: case Tool::Freehand:
        finishMeasurement();
        break;
    case Tool::Angle:
        if (m_drawing.size() == 3)
            finishMeasurement();
        break;
    default:
        break;
    }
}

void SliceView::mouseDoubleClickEvent(QMouseEvent *)
{
    Q_EMIT activated(this);
}

void SliceView::finishMeasurement()
{
    const QString kind = kindOf(m_tool);
    if (kind.isEmpty() || m_drawing.isEmpty() || !m_volume || m_mpr) {
        m_drawing.clear();
        update();
        return;
    }
    if ((kind == QLatin1String("length") || kind == QLatin1String("arrow") || kind == QLatin1String("ellipse") ||
         kind == QLatin1String("rectangle")) &&
        QLineF(widgetAtImage(m_drawing[0]), widgetAtImage(m_drawing[1])).length() < 3) {
        m_drawing.clear();
        update();
        return;
    }
    archive::Measurement m;
    m.studyUid = m_volume->studyUid;
    m.seriesUid = m_volume->seriesUid;
    m.sopUid = currentSopUid();
    m.frame = currentFrame();
    m.kind = kind;
    m.valueText = measurementValue(m_image, kind, m_drawing, m_volume->rescaleUnit, m_volume->spacingKnown);
    m.geometry.insert(QStringLiteral("points"), pointsJson(m_drawing));
    if (kind == QLatin1String("text") || kind == QLatin1String("arrow")) {
        bool ok = false;
        m.label = QInputDialog::getText(this, tr("Annotation"), tr("Text:"), QLineEdit::Normal, QString(), &ok);
        if (!ok) {
            m_drawing.clear();
            update();
            return;
        }
        m.valueText = m.label;
    }
    m_drawing.clear();
    m_measurements.append(m);
    update();
    Q_EMIT measurementCreated(m);
}

void SliceView::keyPressEvent(QKeyEvent *e)
{
    switch (e->key()) {
    case Qt::Key_Up: case Qt::Key_Left:
        if (m_mpr) { QWheelEvent w(QPointF(), QPointF(), {}, QPoint(0, 120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false); wheelEvent(&w); }
        else setSlice(m_slice - 1);
        return;
    case Qt::Key_Down: case Qt::Key_Right:
        if (m_mpr) { QWheelEvent w(QPointF(), QPointF(), {}, QPoint(0, -120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false); wheelEvent(&w); }
        else setSlice(m_slice + 1);
        return;
    case Qt::Key_PageUp: setSlice(m_slice - std::max(1, sliceCount() / 10)); return;
    case Qt::Key_PageDown: setSlice(m_slice + std::max(1, sliceCount() / 10)); return;
    case Qt::Key_Home: setSlice(0); return;
    case Qt::Key_End: setSlice(sliceCount() - 1); return;
    case Qt::Key_Escape: m_drawing.clear(); update(); return;
    default: break;
    }
    QWidget::keyPressEvent(e);
}

void SliceView::dragEnterEvent(QDragEnterEvent *e)
{
    if (e->mimeData()->hasFormat(QLatin1String(kSeriesMime)))
        e->acceptProposedAction();
}

void SliceView::dropEvent(QDropEvent *e)
{
    const QString key = QString::fromUtf8(e->mimeData()->data(QLatin1String(kSeriesMime)));
    if (!key.isEmpty()) {
        e->acceptProposedAction();
        Q_EMIT seriesDropped(key);
    }
}

void SliceView::resizeEvent(QResizeEvent *)
{
    update();
}

} // namespace kilima::viewer
