// Burned-in annotation of rendered images (PS3.18 8.3.5.1.1: annotation=
// patient and/or technique). Text is drawn with FreeType on fonts fontconfig
// picks per character (Latin, Greek, CJK...), white with a black outline so
// that it reads over any image, sized from the rendered image. No Qt Gui:
// the module is headless and kilima-node serve has no QGuiApplication.
// Thread safe (one drawing at a time); never logs the text (it is PHI).
#pragma once

#include <kilima/core/result.h>

#include <QByteArray>
#include <QStringList>

class DcmDataset;

namespace kilima::dicomweb {

struct AnnotationLines {
    QStringList patient;     // top left
    QStringList technique;   // top right, right-aligned
    bool isEmpty() const { return patient.isEmpty() && technique.isEmpty(); }
};

struct AnnotationFacts {
    int frame = 0;            // 0-based
    int frames = 1;
    double windowCenter = 0, windowWidth = 0;
    bool hasWindow = false;   // monochrome images only
};

// The lines asked for, values decoded from the dataset's Specific Character
// Set to UTF-8. The dataset is not changed.
AnnotationLines annotationLines(DcmDataset &ds, bool patient, bool technique, const AnnotationFacts &facts);

// Draws `lines` into 8-bit interleaved pixels (`samples` 1 or 3 per pixel).
core::Status burnAnnotation(QByteArray &pixels, int width, int height, int samples, const AnnotationLines &lines);

} // namespace kilima::dicomweb
