// Generated test series, written through DCMTK, with known geometry and
// values, so tests pass without any external data.
#pragma once

#include <QString>
#include <QStringList>

namespace kilima::test {

struct CtPhantom {
    int slices = 20;
    int rows = 64;
    int columns = 64;
    double pixelSpacing = 0.5;     // mm, row and column
    double sliceSpacing = 2.0;     // mm along the normal
    double originZ = -100.0;       // mm, first slice position
    QString patientName = QStringLiteral("PHANTOM^CT");
    QString patientId = QStringLiteral("PH0001");
    QString studyDate = QStringLiteral("20240115");
    QString studyUid;              // generated when empty
    QString seriesUid;             // generated when empty
    QString modality = QStringLiteral("CT");
    // Air (-1000 HU) outside a water cylinder (0 HU) of radius rows/3 with
    // a bone rod (1000 HU) of radius rows/10 at its centre. Stored values
    // are HU + 1024 (RescaleIntercept -1024, slope 1), unsigned 16-bit.
    static int expectedHu(int row, int column, int rows, int columns);
};

// Writes the series as Explicit VR Little Endian Part 10 files named
// slice_NNN.dcm into `dir`, instance numbers in reverse order of position
// (so tests catch sorting by instance number). Returns the file paths.
QStringList writeCtPhantom(const QString &dir, const CtPhantom &phantom = {});

// A fresh UID under Kilima's test root.
QString newUid();

} // namespace kilima::test
