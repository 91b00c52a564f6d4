// Region statistics and distances in real units on an Image2D: pixels
// whose centres lie inside the region count; area = count × pixel area.
#pragma once

#include <kilima/imaging/image2d.h>

#include <QPointF>
#include <QVector>

namespace kilima::imaging {

struct RoiStats {
    int pixels = 0;
    double mean = 0, sd = 0, min = 0, max = 0;
    double areaMm2 = 0;
};

// Polygon in image pixel coordinates (x = column, y = row; pixel centres at integers).
RoiStats polygonStats(const Image2D &img, const QVector<QPointF> &polygon);
// Axis-aligned ellipse inscribed in the rectangle from a to b.
RoiStats ellipseStats(const Image2D &img, QPointF a, QPointF b);
RoiStats rectangleStats(const Image2D &img, QPointF a, QPointF b);

// Distance in mm between two pixel positions.
double distanceMm(const Image2D &img, QPointF a, QPointF b);
// Angle at vertex b (degrees) between b→a and b→c, in real units.
double angleDegrees(const Image2D &img, QPointF a, QPointF b, QPointF c);

// "mean 35.2 HU, SD 4.1, min .., max .., area 120.0 mm²"
QString describe(const RoiStats &s, const QString &unit);

} // namespace kilima::imaging
