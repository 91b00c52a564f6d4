// Helpers shared by SliceView's files (sliceview.cpp, measurementtools.cpp,
// sliceoverlays.cpp). Private to the viewer module.
#pragma once

#include <kilima/viewer/sliceview.h>

#include <QJsonArray>
#include <QJsonObject>

namespace kilima::viewer::detail {

inline const char *const kSeriesMime = "application/x-kilima-series";

inline QJsonArray pointsJson(const QVector<QPointF> &pts)
{
    QJsonArray a;
    for (const QPointF &p : pts)
        a.append(QJsonArray{p.x(), p.y()});
    return a;
}

inline QVector<QPointF> pointsOf(const QJsonObject &g)
{
    QVector<QPointF> out;
    for (const QJsonValue &v : g.value(QLatin1String("points")).toArray()) {
        const QJsonArray a = v.toArray();
        out.append(QPointF(a.at(0).toDouble(), a.at(1).toDouble()));
    }
    return out;
}

inline QString kindOf(Tool t)
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
// The unit of a volume's values as the reader expects it: the loader's
// rescale unit, "HU" for CT whatever the file's Rescale Type says.
inline QString valueUnit(const imaging::Volume *v)
{
    if (!v)
        return {};
    if (v->rescaleUnit.isEmpty() && v->modality == QLatin1String("CT"))
        return QStringLiteral("HU");
    return v->rescaleUnit;
}

} // namespace kilima::viewer::detail
