// A 2D image in modality units (HU for CT) ready for display: a native
// slice of a Volume or an MPR reslice. Windowing turns it into 32-bit
// 0xAARRGGBB pixels (QImage::Format_RGB32 layout) without Qt Gui, so the
// headless tier can render too.
#pragma once

#include <kilima/imaging/volume.h>

#include <QString>
#include <QVector>
#include <cmath>
#include <vector>

namespace kilima::imaging {

struct Image2D {
    int width = 0, height = 0;
    int samplesPerPixel = 1;        // 3: RGB samples (0..maxRgb) in values
    double pixelWidth = 1, pixelHeight = 1;   // mm per pixel (x, y)
    std::vector<float> values;      // row-major; NaN = outside the volume
    double rgbMax = 255;
    bool isValid() const { return width > 0 && height > 0; }
    float at(int x, int y) const { return values[size_t(y) * size_t(width) + size_t(x)]; }
};

// The stored slice k as modality values (grey) or RGB samples.
Image2D sliceImage(const Volume &v, int k);

struct WindowLevel {
    double center = 40;
    double width = 400;
};

struct DisplayOptions {
    WindowLevel window;
    bool invert = false;            // reader's invert, XOR MONOCHROME1
    const VoiLut *voiLut = nullptr; // applied instead of the window when set
    const Volume *volume = nullptr; // for the VOI LUT's input domain (stored values)
};

// Grey level (0..255) a reader sees for modality value `v` with the DICOM
// linear window function (PS3.3 C.11.2.1.2).
inline int greyLevel(double v, const WindowLevel &w)
{
    const double c = w.center - 0.5, width = std::max(1.0, w.width) - 1;
    if (v <= c - width / 2)
        return 0;
    if (v > c + width / 2)
        return 255;
    // x > 0 here; lround(x) (half away from zero) without the libm call,
    // exact: truncation is floor for x >= 0 and x - floor(x) is exact.
    const double x = ((v - c) / std::max(width, 1e-9) + 0.5) * 255;
    const long t = long(x);
    return int(t) + (x - double(t) >= 0.5 ? 1 : 0);
}

// Renders to 0xffRRGGBB pixels, width*height of them.
std::vector<quint32> render(const Image2D &img, const DisplayOptions &opt);
// The same into out (width*height words, e.g. a QImage::Format_RGB32's bits):
// a viewport rendering every frame allocates nothing.
void render(const Image2D &img, const DisplayOptions &opt, quint32 *out);

// A window that shows the image well when the file has none: 1st to 99th percentile.
WindowLevel autoWindow(const Image2D &img);

// The window the file gives the displayed image: the first Window Center/
// Width of slice `slice` (its own attributes, or its frame's Frame VOI LUT
// functional group), else autoWindow(img). Slices of one series may differ.
WindowLevel defaultWindow(const Volume &v, int slice, const Image2D &img);
// Every window the file gives slice `slice` (empty when none).
QVector<WindowLevel> fileWindows(const Volume &v, int slice);
// The VOI LUT of slice `slice` (first VOI LUT Sequence item), null when it has none.
const VoiLut *voiLutFor(const Volume &v, int slice);

// The first slice's window: for callers without a slice (MPR planes, 3D).
WindowLevel defaultWindow(const Volume &v, const Image2D &img);

} // namespace kilima::imaging
