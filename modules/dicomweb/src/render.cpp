#include "render_p.h"

#include <kilima/dicom/codecs.h>
#include <kilima/dicom/dicomfile.h>
#include <kilima/dicom/pixeldata.h>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmimage/diregist.h>   // colour images
#include <dcmtk/dcmimage/dipipng.h>
#include <dcmtk/dcmimgle/dcmimage.h>
#include <dcmtk/dcmjpeg/dipijpeg.h>

#include <QFile>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>

namespace kilima::dicomweb {

core::Result<QByteArray> renderFile(const QString &path, const RenderOptions &o)
{
    dicom::registerCodecs();
    // Objects stored before the structural check existed get it here.
    auto file = dicom::DicomFile::loadStructure(path, QStringLiteral("the stored file"));
    if (!file)
        return core::Error{QStringLiteral("cannot read the stored file: %1").arg(file.error())};
    DcmFileFormat &ff = file.value().fileFormat();
    DcmDataset *ds = ff.getDataset();
    // Its codecs also fill only what a codestream's own header says and
    // report success: the frame must describe this image first.
    // (A frame that does not exist stays DicomImage's error.)
    const auto info = dicom::pixelInfo(*ds);
    if (info.ok() && o.frame >= 0 && o.frame < info.value().frames) {
        if (const core::Status frame = dicom::checkEncodedFrame(*ds, o.frame); !frame.ok())
            return core::Error{QStringLiteral("the frame cannot be decoded: %1").arg(frame.error())};
    }
    DicomImage image(&ff, ds->getOriginalXfer(), CIF_UsePartialAccessToPixelData, unsigned(o.frame), 1);
    if (image.getStatus() != EIS_Normal)
        return core::Error{QStringLiteral("the image cannot be rendered: %1")
                               .arg(QString::fromLatin1(DicomImage::getString(image.getStatus())))};
    if (image.isMonochrome()) {
        if (o.hasWindow) {
            image.setWindow(o.center, std::max(1.0, o.width));
            image.setVoiLutFunction(o.sigmoid ? EFV_Sigmoid : EFV_Linear);
        } else if (image.getWindowCount() > 0) {
            image.setWindow(0);
        } else {
            image.setMinMaxWindow();
        }
    }
    DicomImage *out = &image;
    std::unique_ptr<DicomImage> clipped, scaled;
    if (o.cropWidth > 0 && o.cropHeight > 0) {
        if (o.cropX < 0 || o.cropY < 0 || (unsigned long)(o.cropX + o.cropWidth) > image.getWidth() ||
            (unsigned long)(o.cropY + o.cropHeight) > image.getHeight())
            return core::Error{QStringLiteral("the viewport region lies outside the %1 x %2 image")
                                   .arg(image.getWidth()).arg(image.getHeight())};
        clipped.reset(image.createClippedImage(o.cropX, o.cropY, unsigned(o.cropWidth), unsigned(o.cropHeight)));
        if (!clipped || clipped->getStatus() != EIS_Normal)
            return core::Error{QStringLiteral("cannot cut the viewport region")};
        out = clipped.get();
    }
    const unsigned long cols = out->getWidth(), rows = out->getHeight();
    if ((o.viewportWidth > 0 || o.viewportHeight > 0) && cols > 0 && rows > 0) {
        const double sx = o.viewportWidth > 0 ? double(o.viewportWidth) / cols : 1e9;
        const double sy = o.viewportHeight > 0 ? double(o.viewportHeight) / rows : 1e9;
        const double s = std::min(sx, sy);
        const unsigned long w = std::max(1ul, (unsigned long)std::lround(cols * s));
        const unsigned long h = std::max(1ul, (unsigned long)std::lround(rows * s));
        if (w != cols || h != rows) {
            scaled.reset(out->createScaledImage(w, h, 1, 0));
            if (!scaled || scaled->getStatus() != EIS_Normal)
                return core::Error{QStringLiteral("cannot scale the image to %1 x %2").arg(w).arg(h)};
            out = scaled.get();
        }
    }

    char *buffer = nullptr;
    size_t size = 0;
    FILE *f = open_memstream(&buffer, &size);
    if (!f)
        return core::Error{QStringLiteral("out of memory")};
    int ok = 0;
    if (o.png) {
        DiPNGPlugin plugin;
        plugin.setInterlaceType(E_pngInterlaceNone);
        ok = out->writePluginFormat(&plugin, f, 0);
    } else {
        DiJPEGPlugin plugin;
        plugin.setQuality(unsigned(std::clamp(o.quality, 1, 100)));
        plugin.setSampling(ESS_444);
        ok = out->writePluginFormat(&plugin, f, 0);
    }
    fclose(f);
    QByteArray bytes(buffer, int(size));
    free(buffer);
    if (!ok || bytes.isEmpty())
        return core::Error{QStringLiteral("the %1 encoder failed").arg(o.png ? QStringLiteral("PNG") : QStringLiteral("JPEG"))};
    return bytes;
}

} // namespace kilima::dicomweb
