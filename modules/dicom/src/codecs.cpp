#include <kilima/dicom/codecs.h>

#include <dcmtk/dcmdata/dcrledrg.h>
#include <dcmtk/dcmjpeg/djdecode.h>
#include <dcmtk/dcmjpls/djdecode.h>

#include <mutex>

namespace kilima::dicom {

void registerCodecs()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // Colour by pixel on output: DcmPixelData::getUncompressedFrame()
        // does not report the planar configuration it produced, so pixel
        // decoding relies on JPEG and JPEG-LS always giving interleaved
        // samples (RLE follows the dataset's Planar Configuration). YBR
        // JPEG is converted to RGB as the photometric interpretation says.
        DJDecoderRegistration::registerCodecs(EDC_photometricInterpretation, EUC_default, EPC_colorByPixel);
        DJLSDecoderRegistration::registerCodecs(EJLSUC_default, EJLSPC_colorByPixel);
        DcmRLEDecoderRegistration::registerCodecs();
    });
}

} // namespace kilima::dicom
