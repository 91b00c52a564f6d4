// Writes a SEG over CT files with pydicom (tests/viewer/makeseg.py): the
// oracle for Kilima's SEG reader and overlay. Empty result + reason when
// /usr/bin/python3 with pydicom and numpy is not there.
#pragma once

#include <QFile>
#include <QProcess>
#include <QStringList>

namespace kilima::test {

inline QString writeSeg(const QString &out, int cx, int cy, int radius, const QList<int> &instances,
                        const QStringList &ctFiles, QString *why)
{
    const QString python = QStringLiteral("/usr/bin/python3");
    if (!QFile::exists(python)) {
        *why = QStringLiteral("no /usr/bin/python3");
        return {};
    }
    QStringList inst;
    for (int i : instances)
        inst.append(QString::number(i));
    QStringList args{QStringLiteral(KILIMA_MAKESEG), out, QString::number(cx), QString::number(cy), QString::number(radius),
                     inst.join(QLatin1Char(','))};
    args += ctFiles;
    QProcess p;
    p.start(python, args);
    if (!p.waitForFinished(120000) || p.exitCode() != 0) {
        *why = QStringLiteral("makeseg.py (pydicom) failed: ") + QString::fromUtf8(p.readAllStandardError()).right(300);
        return {};
    }
    return out;
}

} // namespace kilima::test
