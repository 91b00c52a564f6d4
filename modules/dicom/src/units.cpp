#include <kilima/dicom/units.h>

namespace kilima::dicom {

QString unitText(const QString &unit)
{
    const QString u = unit.trimmed();
    if (u == QLatin1String("[hnsf'U]"))
        return QStringLiteral("HU");
    if (u == QLatin1String("mm2"))
        return QStringLiteral("mm²");
    if (u == QLatin1String("cm2"))
        return QStringLiteral("cm²");
    if (u == QLatin1String("mm3"))
        return QStringLiteral("mm³");
    if (u == QLatin1String("cm3"))
        return QStringLiteral("cm³");
    if (u == QLatin1String("deg"))
        return QStringLiteral("°");
    if (u == QLatin1String("1"))
        return QString();
    // UCUM annotations ({ratio}, {counts}) mean their text.
    if (u.size() > 2 && u.startsWith(QLatin1Char('{')) && u.endsWith(QLatin1Char('}')))
        return u.mid(1, u.size() - 2);
    return u;
}

} // namespace kilima::dicom
