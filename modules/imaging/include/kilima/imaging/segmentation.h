// A DICOM Segmentation (SEG) read for display over its referenced series:
// binary or fractional segments, each frame placed on a slice of the
// referenced Volume by its Source Image (SOP Instance UID) or, failing
// that, its Plane Position; segment colours from Recommended Display
// CIELab Value (converted to sRGB) or a fixed palette. Headless: blending
// works on 0xffRRGGBB words, no Qt Gui. Thread safe once loaded; never
// throws, a malformed SEG gives an error a person can act on.
#pragma once

#include <kilima/core/result.h>
#include <kilima/imaging/volume.h>

#include <QString>
#include <memory>
#include <vector>

namespace kilima::imaging {

struct Rgb {
    quint8 r = 0, g = 0, b = 0;
};

struct Segment {
    int number = 0;
    QString label;
    Rgb color;
};

struct SegmentationFrame {
    int segment = -1;          // index into Segmentation::segments
    QString sourceSopUid;      // Derivation Image → Source Image
    int sourceFrame = 0;       // 0-based frame of the source image
    bool hasPosition = false;
    Vec3 position;             // Plane Position (Patient)
    std::vector<quint8> mask;  // rows×columns opacity 0..255 (binary: 0 or 255)
};

struct Segmentation {
    QString sopUid, seriesUid, referencedSeriesUid, frameOfReferenceUid, seriesDescription;
    int rows = 0, columns = 0;
    bool fractional = false;
    std::vector<Segment> segments;
    std::vector<SegmentationFrame> frames;
};
using SegmentationPtr = std::shared_ptr<const Segmentation>;

core::Result<SegmentationPtr> loadSegmentation(const QString &path);

// DICOM CIELab (PS3.3 C.10.7.1.1: L 0..65535 ↔ 0..100, a/b 0..65535 ↔
// -128..127) → sRGB (D65), clamped.
Rgb cielabToRgb(quint16 l, quint16 a, quint16 b);

// For each slice of `v`, the indices of the SEG frames lying on it (empty
// when the SEG does not belong to `v`'s grid: other size or no match).
std::vector<std::vector<int>> framesPerSlice(const Segmentation &seg, const Volume &v);

// Blends the frames `frames` of `seg` over `pixels` (columns×rows
// 0xffRRGGBB words, the rendered slice) with `opacity` (0..1) scaled by
// each pixel's mask value.
void blendSegmentation(const Segmentation &seg, const std::vector<int> &frames, double opacity, quint32 *pixels);

} // namespace kilima::imaging
