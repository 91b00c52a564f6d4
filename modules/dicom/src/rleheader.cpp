#include <kilima/dicom/rleheader.h>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcpxitem.h>
#include <dcmtk/dcmdata/dcxfer.h>

namespace kilima::dicom {

namespace {

uint32_t le32(const uint8_t *p) { return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24; }

} // namespace

core::Status checkRleFragment(const uint8_t *data, size_t size)
{
    constexpr size_t kHeader = 64;
    if (!data || size < kHeader)
        return core::Error{QStringLiteral("RLE fragment of %1 bytes is shorter than its 64-byte header").arg(size)};
    const uint32_t segments = le32(data);
    if (segments < 1 || segments > 15)
        return core::Error{QStringLiteral("RLE header declares %1 segments (1 to 15 allowed)").arg(segments)};
    uint32_t previous = 0;
    for (uint32_t i = 0; i < segments; ++i) {
        const uint32_t offset = le32(data + 4 + 4 * i);
        if (i == 0 && offset != kHeader)
            return core::Error{QStringLiteral("RLE segment 1 starts at byte %1, not 64").arg(offset)};
        if (offset < previous || offset >= size)
            return core::Error{QStringLiteral("RLE segment %1 starts at byte %2, outside the %3-byte fragment")
                                   .arg(i + 1)
                                   .arg(offset)
                                   .arg(size)};
        previous = offset;
    }
    return {};
}

core::Status checkRlePixelData(DcmDataset &dataset)
{
    DcmElement *element = nullptr;
    if (dataset.findAndGetElement(DCM_PixelData, element).bad() || !element)
        return {};
    auto *pixelData = dynamic_cast<DcmPixelData *>(element);
    if (!pixelData)
        return {};
    E_TransferSyntax xfer = EXS_Unknown;
    const DcmRepresentationParameter *param = nullptr;
    pixelData->getCurrentRepresentationKey(xfer, param);
    if (xfer != EXS_RLELossless)
        return {};
    DcmPixelSequence *fragments = nullptr;
    if (pixelData->getEncapsulatedRepresentation(xfer, param, fragments).bad() || !fragments)
        return core::Error{QStringLiteral("RLE pixel data has no fragments")};
    // Item 0 is the Basic Offset Table; then one fragment per frame. Walk
    // the list rather than index it (getItem(i) seeks from the start).
    int frame = 0;
    for (DcmObject *o = fragments->nextInContainer(nullptr); o; o = fragments->nextInContainer(o), ++frame) {
        if (frame == 0)
            continue;
        auto *item = static_cast<DcmPixelItem *>(o);
        Uint8 *bytes = nullptr;
        if (item->getLength() > 0 && (item->getUint8Array(bytes).bad() || !bytes))
            return core::Error{QStringLiteral("RLE frame %1: the fragment cannot be read").arg(frame)};
        const core::Status ok = checkRleFragment(bytes, item->getLength());
        if (!ok.ok())
            return core::Error{QStringLiteral("RLE frame %1: %2").arg(frame).arg(ok.error())};
    }
    return {};
}

} // namespace kilima::dicom
