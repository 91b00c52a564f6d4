// /rendered and /thumbnail: one frame of a stored image as JPEG or PNG,
// through DCMTK's dcmimgle/dcmimage (not QImage: the module is headless).
// Window: explicit centre/width/function, else the first window of the
// object, else min-max. Viewport: fits inside vw x vh keeping the aspect.
// Annotation: text burned in after scaling (annotation_p.h), so its size
// follows the image served.
#pragma once

#include <kilima/core/result.h>

#include <QByteArray>
#include <QString>

namespace kilima::dicomweb {

struct RenderOptions {
    bool png = false;           // else JPEG
    int quality = 90;           // JPEG quality 1-100
    bool hasWindow = false;
    double center = 0;
    double width = 0;
    bool sigmoid = false;       // VOI LUT function SIGMOID, else LINEAR
    int viewportWidth = 0;      // 0 = original size
    int viewportHeight = 0;
    int frame = 0;              // 0-based
    // Source region (viewport's sx,sy,sw,sh), in image pixels; sw = 0: all.
    int cropX = 0, cropY = 0, cropWidth = 0, cropHeight = 0;
    bool annotatePatient = false;     // name, ID, birth date and sex, study date
    bool annotateTechnique = false;   // modality, series, window, image/frame, spacing
};

core::Result<QByteArray> renderFile(const QString &path, const RenderOptions &options);

} // namespace kilima::dicomweb
