// Measurement tools of SliceView: the value text of each kind (lengths,
// angles and areas in mm from the pixel spacing, so anisotropic pixels
// measure right), drawing them, and turning a finished drawing into an
// archive::Measurement. Input handling stays in sliceview.cpp.
#include <kilima/viewer/sliceview.h>
#include "sliceview_p.h"
#include <kilima/imaging/roi.h>

#include <QInputDialog>
#include <QJsonArray>
#include <QPainter>
#include <QPainterPath>
#include <cmath>

namespace kilima::viewer {

using namespace detail;

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
        draw(kind, m_drawing, measurementValue(m_image, kind, m_drawing, valueUnit(m_volume.get()),
                                               m_volume && m_volume->spacingKnown),
             QColor(255, 200, 0));
    }
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
    m.valueText = measurementValue(m_image, kind, m_drawing, valueUnit(m_volume.get()), m_volume->spacingKnown);
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
    m_angleDone = false;
    m_measurements.append(m);
    update();
    Q_EMIT measurementCreated(m);
}
} // namespace kilima::viewer
