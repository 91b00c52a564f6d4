#include <kilima/imaging/roi.h>

#include <kilima/dicom/units.h>

#include <algorithm>
#include <cmath>

namespace kilima::imaging {

namespace {
template <typename Inside>
RoiStats stats(const Image2D &img, double x0, double y0, double x1, double y1, Inside inside)
{
    RoiStats s;
    if (!img.isValid() || img.samplesPerPixel != 1)
        return s;
    const int xa = std::max(0, int(std::ceil(std::min(x0, x1)))), xb = std::min(img.width - 1, int(std::floor(std::max(x0, x1))));
    const int ya = std::max(0, int(std::ceil(std::min(y0, y1)))), yb = std::min(img.height - 1, int(std::floor(std::max(y0, y1))));
    double sum = 0, sum2 = 0;
    s.min = INFINITY;
    s.max = -INFINITY;
    for (int y = ya; y <= yb; ++y) {
        for (int x = xa; x <= xb; ++x) {
            if (!inside(x, y))
                continue;
            const double v = img.at(x, y);
            if (std::isnan(v))
                continue;
            ++s.pixels;
            sum += v;
            sum2 += v * v;
            s.min = std::min(s.min, v);
            s.max = std::max(s.max, v);
        }
    }
    if (s.pixels == 0) {
        s.min = s.max = 0;
        return s;
    }
    s.mean = sum / s.pixels;
    s.sd = s.pixels > 1 ? std::sqrt(std::max(0.0, (sum2 - sum * sum / s.pixels) / (s.pixels - 1))) : 0;
    s.areaMm2 = s.pixels * img.pixelWidth * img.pixelHeight;
    return s;
}
} // namespace

RoiStats polygonStats(const Image2D &img, const QVector<QPointF> &poly)
{
    if (poly.size() < 3)
        return {};
    double x0 = poly[0].x(), x1 = x0, y0 = poly[0].y(), y1 = y0;
    for (const QPointF &p : poly) {
        x0 = std::min(x0, p.x());
        x1 = std::max(x1, p.x());
        y0 = std::min(y0, p.y());
        y1 = std::max(y1, p.y());
    }
    return stats(img, x0, y0, x1, y1, [&](int x, int y) {
        bool in = false;
        for (int i = 0, j = int(poly.size()) - 1; i < poly.size(); j = i++) {
            const QPointF &a = poly[i], &b = poly[j];
            if ((a.y() > y) != (b.y() > y) && x < (b.x() - a.x()) * (y - a.y()) / (b.y() - a.y()) + a.x())
                in = !in;
        }
        return in;
    });
}

RoiStats ellipseStats(const Image2D &img, QPointF a, QPointF b)
{
    const double cx = (a.x() + b.x()) / 2, cy = (a.y() + b.y()) / 2;
    const double rx = std::abs(b.x() - a.x()) / 2, ry = std::abs(b.y() - a.y()) / 2;
    if (rx <= 0 || ry <= 0)
        return {};
    return stats(img, cx - rx, cy - ry, cx + rx, cy + ry, [&](int x, int y) {
        const double dx = (x - cx) / rx, dy = (y - cy) / ry;
        return dx * dx + dy * dy <= 1.0;
    });
}

RoiStats rectangleStats(const Image2D &img, QPointF a, QPointF b)
{
    return stats(img, a.x(), a.y(), b.x(), b.y(), [](int, int) { return true; });
}

double distanceMm(const Image2D &img, QPointF a, QPointF b)
{
    const double dx = (b.x() - a.x()) * img.pixelWidth, dy = (b.y() - a.y()) * img.pixelHeight;
    return std::sqrt(dx * dx + dy * dy);
}

double angleDegrees(const Image2D &img, QPointF a, QPointF b, QPointF c)
{
    const double ux = (a.x() - b.x()) * img.pixelWidth, uy = (a.y() - b.y()) * img.pixelHeight;
    const double vx = (c.x() - b.x()) * img.pixelWidth, vy = (c.y() - b.y()) * img.pixelHeight;
    const double n = std::sqrt(ux * ux + uy * uy) * std::sqrt(vx * vx + vy * vy);
    if (n <= 0)
        return 0;
    return std::acos(std::clamp((ux * vx + uy * vy) / n, -1.0, 1.0)) * 180 / M_PI;
}

QString describe(const RoiStats &s, const QString &unit)
{
    // A UCUM code (from an SR or a report) is shown as the reader writes it.
    const QString text = dicom::unitText(unit);
    const QString u = text.isEmpty() ? QString() : QLatin1Char(' ') + text;
    return QStringLiteral("mean %1%5, SD %2, min %3, max %4, area %6 mm²")
        .arg(s.mean, 0, 'f', 1)
        .arg(s.sd, 0, 'f', 1)
        .arg(s.min, 0, 'f', 0)
        .arg(s.max, 0, 'f', 0)
        .arg(u)
        .arg(s.areaMm2, 0, 'f', 1);
}

} // namespace kilima::imaging
