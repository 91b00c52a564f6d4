// Private to the series loader: what the header pass reads from one file
// (scanFile(), seriesheader.cpp), grouped into volumes by seriesloader.cpp
// and decoded into voxels by seriesdecode.cpp. Not installed.
#pragma once

#include <kilima/imaging/volume.h>

#include <QList>
#include <QLoggingCategory>
#include <QString>
#include <QVector>
#include <memory>

Q_DECLARE_LOGGING_CATEGORY(lcLoader)

namespace kilima::imaging::detail {

// One 2D image as the header describes it (a frame, or a mosaic tile).
struct FrameHeader {
    QString path;
    int frame = 0;
    int tile = -1;
    int objectFrames = 1;
    QString sopUid, sopClass, seriesUid, studyUid, forUid, modality, seriesDescription;
    QString patientName, patientId, studyDate, studyDescription;
    int seriesNumber = 0, instanceNumber = 0, stackKey = 0;
    double temporal = 0;      // ordering key within a repeated position
    bool localizer = false;
    int rows = 0, columns = 0, spp = 1, bitsAllocated = 16, bitsStored = 16;
    bool isSigned = false;
    QString photometric;
    bool hasIop = false, hasIpp = false, hasSpacing = false;
    double iop[6] = {1, 0, 0, 0, 1, 0};
    Vec3 ipp;
    double spacing[2] = {1, 1};
    double thickness = 0;
    double slope = 1, intercept = 0;
    std::shared_ptr<const dicom::ModalityLut> modalityLut;   // replaces slope/intercept when set
    QString modalityLutProblem;   // why the file's Modality LUT Sequence is not used
    QVector<double> wc, ww;
    std::shared_ptr<VoiLut> voiLut;
    bool presentationInverse = false;
};

// The frames of one file, or why it shows nothing.
struct FileScan {
    QList<FrameHeader> frames;
    QString problem;
};

// Header pass over one file (no pixel data read). Thread safe.
FileScan scanFile(const QString &path);

} // namespace kilima::imaging::detail
