#include "phantom.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <QDir>
#include <cmath>
#include <vector>

namespace kilima::test {

QString newUid()
{
    char buf[100];
    dcmGenerateUniqueIdentifier(buf, SITE_INSTANCE_UID_ROOT);
    return QString::fromLatin1(buf);
}

int CtPhantom::expectedHu(int row, int column, int rows, int columns)
{
    const double cy = (rows - 1) / 2.0, cx = (columns - 1) / 2.0;
    const double r = std::hypot(row - cy, column - cx);
    if (r <= rows / 10.0)
        return 1000;
    if (r <= rows / 3.0)
        return 0;
    return -1000;
}

QStringList writeCtPhantom(const QString &dir, const CtPhantom &p)
{
    QDir().mkpath(dir);
    const QString studyUid = p.studyUid.isEmpty() ? newUid() : p.studyUid;
    const QString seriesUid = p.seriesUid.isEmpty() ? newUid() : p.seriesUid;
    const QString frameUid = newUid();
    std::vector<Uint16> pixels(size_t(p.rows) * p.columns);
    for (int y = 0; y < p.rows; ++y)
        for (int x = 0; x < p.columns; ++x)
            pixels[size_t(y) * p.columns + x] = Uint16(CtPhantom::expectedHu(y, x, p.rows, p.columns) + 1024);

    QStringList files;
    for (int i = 0; i < p.slices; ++i) {
        DcmFileFormat ff;
        DcmDataset *ds = ff.getDataset();
        const QString sop = newUid();
        const double z = p.originZ + i * p.sliceSpacing;
        auto put = [ds](const DcmTagKey &tag, const QString &v) { ds->putAndInsertString(tag, v.toUtf8().constData()); };
        put(DCM_SpecificCharacterSet, QStringLiteral("ISO_IR 192"));
        put(DCM_SOPClassUID, QString::fromLatin1(UID_CTImageStorage));
        put(DCM_SOPInstanceUID, sop);
        put(DCM_StudyInstanceUID, studyUid);
        put(DCM_SeriesInstanceUID, seriesUid);
        put(DCM_FrameOfReferenceUID, frameUid);
        put(DCM_PatientName, p.patientName);
        put(DCM_PatientID, p.patientId);
        put(DCM_PatientBirthDate, QStringLiteral("19700101"));
        put(DCM_PatientSex, QStringLiteral("O"));
        put(DCM_StudyDate, p.studyDate);
        put(DCM_StudyTime, QStringLiteral("101500"));
        put(DCM_AccessionNumber, QStringLiteral("ACC") + p.patientId);
        put(DCM_StudyID, QStringLiteral("1"));
        put(DCM_StudyDescription, QStringLiteral("Phantom study"));
        put(DCM_ReferringPhysicianName, QStringLiteral("REF^DOCTOR"));
        put(DCM_Modality, p.modality);
        put(DCM_SeriesNumber, QStringLiteral("1"));
        put(DCM_SeriesDescription, QStringLiteral("Phantom axial"));
        put(DCM_InstanceNumber, QString::number(p.slices - i));
        put(DCM_ImageType, QStringLiteral("ORIGINAL\\PRIMARY\\AXIAL"));
        put(DCM_ImagePositionPatient, QStringLiteral("%1\\%2\\%3")
                                          .arg(-p.columns * p.pixelSpacing / 2)
                                          .arg(-p.rows * p.pixelSpacing / 2)
                                          .arg(z));
        put(DCM_ImageOrientationPatient, QStringLiteral("1\\0\\0\\0\\1\\0"));
        put(DCM_PixelSpacing, QStringLiteral("%1\\%1").arg(p.pixelSpacing));
        put(DCM_SliceThickness, QString::number(p.sliceSpacing));
        put(DCM_SliceLocation, QString::number(z));
        put(DCM_RescaleIntercept, QStringLiteral("-1024"));
        put(DCM_RescaleSlope, QStringLiteral("1"));
        put(DCM_RescaleType, QStringLiteral("HU"));
        put(DCM_WindowCenter, QStringLiteral("40"));
        put(DCM_WindowWidth, QStringLiteral("400"));
        put(DCM_PhotometricInterpretation, QStringLiteral("MONOCHROME2"));
        ds->putAndInsertUint16(DCM_SamplesPerPixel, 1);
        ds->putAndInsertUint16(DCM_Rows, Uint16(p.rows));
        ds->putAndInsertUint16(DCM_Columns, Uint16(p.columns));
        ds->putAndInsertUint16(DCM_BitsAllocated, 16);
        ds->putAndInsertUint16(DCM_BitsStored, 12);
        ds->putAndInsertUint16(DCM_HighBit, 11);
        ds->putAndInsertUint16(DCM_PixelRepresentation, 0);
        ds->putAndInsertUint16Array(DCM_PixelData, pixels.data(), unsigned(pixels.size()));
        const QString path = QStringLiteral("%1/slice_%2.dcm").arg(dir).arg(i, 3, 10, QLatin1Char('0'));
        const OFCondition cond = ff.saveFile(path.toLocal8Bit().constData(), EXS_LittleEndianExplicit);
        if (cond.bad())
            qFatal("cannot write phantom slice %s: %s", qPrintable(path), cond.text());
        files << path;
    }
    return files;
}

} // namespace kilima::test
