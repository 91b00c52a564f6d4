// What the study viewer learns from a study's files on a worker thread,
// beyond the volumes: text summaries of objects without pixel data, SEGs
// placed on the series they segment (and taken out of the image list, where
// they would show as white images), Patient Orientation of projection
// images. Runs off the UI thread; reads headers and small objects only.
#pragma once

#include <kilima/dicom/srdocument.h>
#include <kilima/imaging/seriesloader.h>
#include <kilima/viewer/sliceview.h>

#include <QHash>
#include <QList>

namespace kilima::viewer {

struct StudyScan {
    imaging::ScanResult scan;   // SEG volumes removed
    QList<dicom::ObjectSummary> documents;
    QHash<const imaging::Volume *, QStringList> patientOrientation;
    QHash<const imaging::Volume *, QList<SegmentationOverlay>> segmentations;
};

StudyScan scanForReading(const QStringList &files);

} // namespace kilima::viewer
