// Registers DCMTK's decoders (JPEG, JPEG-LS, RLE) once per process.
// Thread safe; call before decoding or transcoding.
#pragma once

namespace kilima::dicom {

void registerCodecs();

} // namespace kilima::dicom
