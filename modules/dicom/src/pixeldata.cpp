#include <kilima/dicom/pixeldata.h>

namespace kilima::dicom {

core::Result<PixelInfo> pixelInfo(DcmDataset &) { return core::Error{QStringLiteral("not implemented")}; }
core::Result<DecodedPixels> decodePixels(DcmDataset &) { return core::Error{QStringLiteral("not implemented")}; }
core::Result<QByteArray> decodeFrame(DcmDataset &, int) { return core::Error{QStringLiteral("not implemented")}; }
core::Result<std::vector<double>> modalityValues(DcmDataset &, const QByteArray &, const PixelInfo &)
{
    return core::Error{QStringLiteral("not implemented")};
}

} // namespace kilima::dicom
