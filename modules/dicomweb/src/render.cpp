#include "render_p.h"
#include "annotation_p.h"

#include <kilima/dicom/codecs.h>
#include <kilima/dicom/dicomfile.h>
#include <kilima/dicom/pixeldata.h>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmdata/dcxfer.h>
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

namespace {

// One frame decoded by dicom::decodeFrame, in a copy of the dataset that
// describes it as native explicit VR little endian (one frame, interleaved,
// the photometric the decoder gives: pixeldata.h).
core::Result<std::unique_ptr<DcmFileFormat>> nativeFrameCopy(DcmDataset &ds, int frame)
{
    // decodeFrames, not decodeFrame: its info says what the codec gave
    // (RGB for a YBR JPEG), so colour is never converted twice.
    auto decoded = dicom::decodeFrames(ds, frame, 1);
    if (!decoded)
        return core::Error{decoded.error()};
    const dicom::PixelInfo &info = decoded.value().info;
    auto copy = std::make_unique<DcmFileFormat>();
    DcmDataset *out = copy->getDataset();
    // Everything but the pixels and the per-frame sequences of the other
    // frames is kept, so that window, rescale and palette still apply.
    for (unsigned long i = 0; i < ds.card(); ++i) {
        DcmElement *e = ds.getElement(i);
        if (e->getTag() == DCM_PixelData)
            continue;
        out->insert(static_cast<DcmElement *>(e->clone()), true);
    }
    QString photometric = info.photometric.trimmed();
    // OpenJPEG applies the inverse component transform (pixeldata.h).
    if (photometric == QLatin1String("YBR_RCT") || photometric == QLatin1String("YBR_ICT"))
        photometric = QStringLiteral("RGB");
    out->putAndInsertUint16(DCM_BitsAllocated, Uint16(info.bitsAllocated));
    out->putAndInsertString(DCM_PhotometricInterpretation, photometric.toLatin1().constData());
    out->putAndInsertUint16(DCM_PlanarConfiguration, 0);
    if (info.samplesPerPixel == 1)
        out->findAndDeleteElement(DCM_PlanarConfiguration);
    out->putAndInsertString(DCM_NumberOfFrames, "1");
    out->putAndInsertUint16(DCM_HighBit, Uint16(info.bitsStored - 1));
    const QByteArray data = std::move(decoded.value().data);
    if (info.bitsAllocated > 8)
        out->putAndInsertUint16Array(DCM_PixelData, reinterpret_cast<const Uint16 *>(data.constData()),
                                     static_cast<unsigned long>(data.size() / 2));
    else
        out->putAndInsertUint8Array(DCM_PixelData, reinterpret_cast<const Uint8 *>(data.constData()),
                                    static_cast<unsigned long>(data.size()));
    // Per-frame functional groups: only this frame's item stays (item 0).
    DcmSequenceOfItems *perFrame = nullptr;
    if (out->findAndGetSequence(DCM_PerFrameFunctionalGroupsSequence, perFrame).good() && perFrame &&
        perFrame->card() > unsigned(frame)) {
        DcmItem *mine = perFrame->remove(unsigned(frame));
        while (perFrame->card() > 0)
            delete perFrame->remove(0ul);
        perFrame->insert(mine);
    }
    out->chooseRepresentation(EXS_LittleEndianExplicit, nullptr);
    copy->getMetaInfo()->putAndInsertString(DCM_TransferSyntaxUID, UID_LittleEndianExplicitTransferSyntax);
    out->updateOriginalXfer();
    return copy;
}

// The displayed 8-bit image with the text burned in, as a new DicomImage
// (MONOCHROME2 or RGB, 8 bits, no window: values pass through unchanged) so
// that the same encoders write it; `data` holds its dataset.
core::Result<std::unique_ptr<DicomImage>> annotatedImage(DicomImage &shown, const AnnotationLines &lines,
                                                         std::unique_ptr<DcmDataset> *data)
{
    const int width = int(shown.getWidth()), height = int(shown.getHeight());
    const int samples = shown.isMonochrome() ? 1 : 3;
    const void *rendered = shown.getOutputData(8, 0, 0);
    if (!rendered)
        return core::Error{QStringLiteral("the image cannot be rendered for annotation")};
    QByteArray pixels(static_cast<const char *>(rendered), width * height * samples);
    if (const core::Status st = burnAnnotation(pixels, width, height, samples, lines); !st)
        return core::Error{st.error()};
    auto ds = std::make_unique<DcmDataset>();
    ds->putAndInsertUint16(DCM_Rows, Uint16(height));
    ds->putAndInsertUint16(DCM_Columns, Uint16(width));
    ds->putAndInsertUint16(DCM_SamplesPerPixel, Uint16(samples));
    ds->putAndInsertString(DCM_PhotometricInterpretation, samples == 1 ? "MONOCHROME2" : "RGB");
    if (samples == 3)
        ds->putAndInsertUint16(DCM_PlanarConfiguration, 0);
    ds->putAndInsertUint16(DCM_BitsAllocated, 8);
    ds->putAndInsertUint16(DCM_BitsStored, 8);
    ds->putAndInsertUint16(DCM_HighBit, 7);
    ds->putAndInsertUint16(DCM_PixelRepresentation, 0);
    ds->putAndInsertUint8Array(DCM_PixelData, reinterpret_cast<const Uint8 *>(pixels.constData()), unsigned(pixels.size()));
    auto image = std::make_unique<DicomImage>(ds.get(), EXS_LittleEndianExplicit);
    if (image->getStatus() != EIS_Normal)
        return core::Error{QStringLiteral("the annotated image cannot be encoded: %1")
                               .arg(QString::fromLatin1(DicomImage::getString(image->getStatus())))};
    *data = std::move(ds);
    return image;
}

} // namespace

core::Result<QByteArray> renderFile(const QString &path, const RenderOptions &o)
{
    dicom::registerCodecs();
    // Objects stored before the structural check existed get it here.
    auto file = dicom::DicomFile::loadStructure(path, QStringLiteral("the stored file"));
    if (!file)
        return core::Error{QStringLiteral("cannot read the stored file: %1").arg(file.error())};
    DcmFileFormat &ff = file.value().fileFormat();
    DcmDataset *ds = ff.getDataset();
    const auto info = dicom::pixelInfo(*ds);
    if (!info)
        return core::Error{QStringLiteral("the object has no image to render: %1").arg(info.error())};
    if (o.frame < 0 || o.frame >= info.value().frames)
        return core::Error{QStringLiteral("the object has no frame %1 (it has %2)").arg(o.frame + 1).arg(info.value().frames)};
    // Compressed frames are decoded by the same decoder as /frames and the
    // viewer (every syntax, the frame checked against the image, the buffer
    // whole, colour converted once) into a native one-frame copy that
    // DicomImage then windows and scales. DCMTK's own partial access finds
    // no frame boundaries in fragments without an offset table, and its
    // codecs report success on frames they filled only in part.
    std::unique_ptr<DcmFileFormat> nativeCopy;
    if (DcmXfer(ds->getOriginalXfer()).isEncapsulated()) {
        auto native = nativeFrameCopy(*ds, o.frame);
        if (!native)
            return core::Error{QStringLiteral("the frame cannot be decoded: %1").arg(native.error())};
        nativeCopy = native.take();
    }
    DcmFileFormat &source = nativeCopy ? *nativeCopy : ff;
    auto image = std::make_unique<DicomImage>(&source, source.getDataset()->getOriginalXfer(), CIF_UsePartialAccessToPixelData,
                                              nativeCopy ? 0 : unsigned(o.frame), 1);
    if (image->getStatus() != EIS_Normal)
        return core::Error{QStringLiteral("the image cannot be rendered: %1")
                               .arg(QString::fromLatin1(DicomImage::getString(image->getStatus())))};
    if (image->isMonochrome()) {
        if (o.hasWindow) {
            image->setWindow(o.center, std::max(1.0, o.width));
            image->setVoiLutFunction(o.sigmoid ? EFV_Sigmoid : EFV_Linear);
        } else if (image->getWindowCount() > 0) {
            image->setWindow(0);
        } else {
            image->setMinMaxWindow();
        }
    }
    DicomImage *out = image.get();
    std::unique_ptr<DicomImage> clipped, scaled;
    if (o.cropWidth > 0 && o.cropHeight > 0) {
        if (o.cropX < 0 || o.cropY < 0 || (unsigned long)(o.cropX + o.cropWidth) > image->getWidth() ||
            (unsigned long)(o.cropY + o.cropHeight) > image->getHeight())
            return core::Error{QStringLiteral("the viewport region lies outside the %1 x %2 image")
                                   .arg(image->getWidth()).arg(image->getHeight())};
        clipped.reset(image->createClippedImage(o.cropX, o.cropY, unsigned(o.cropWidth), unsigned(o.cropHeight)));
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
    std::unique_ptr<DcmDataset> annotatedData;
    std::unique_ptr<DicomImage> annotated;
    if (o.annotatePatient || o.annotateTechnique) {
        AnnotationFacts facts;
        facts.frame = o.frame;
        facts.frames = info.value().frames;
        facts.hasWindow = image->isMonochrome() && image->getWindow(facts.windowCenter, facts.windowWidth);
        auto burned = annotatedImage(*out, annotationLines(*ds, o.annotatePatient, o.annotateTechnique, facts), &annotatedData);
        if (!burned)
            return core::Error{burned.error()};
        annotated = burned.take();
        out = annotated.get();
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
