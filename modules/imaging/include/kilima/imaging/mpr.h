// Multiplanar reformatting: a plane in patient coordinates sampled from a
// Volume (trilinear, exact for non-uniform spacing and tilt), optionally as
// a thick slab (MIP, MinIP, average) along the plane normal. Pure maths, no
// rendering; reslice() splits rows over the given number of threads.
#pragma once

#include <kilima/imaging/image2d.h>
#include <kilima/imaging/volume.h>

namespace kilima::imaging {

enum class SlabMode { Mip, MinIp, Average };

// Pixel (x, y) of the plane is at centre + u*(x - (width-1)/2)*pixelSize
// + v*(y - (height-1)/2)*pixelSize.
struct Plane {
    Vec3 center;
    Vec3 u{1, 0, 0};   // screen right
    Vec3 v{0, 1, 0};   // screen down
    double pixelSize = 1;
    int width = 256, height = 256;
    Vec3 normal() const { return u.cross(v).normalized(); }
    Vec3 pointAt(double x, double y) const
    {
        return center + u * ((x - (width - 1) / 2.0) * pixelSize) + v * ((y - (height - 1) / 2.0) * pixelSize);
    }
    // Inverse of pointAt for a point on (or projected onto) the plane.
    void pixelOf(const Vec3 &p, double *x, double *y) const
    {
        const Vec3 d = p - center;
        *x = d.dot(u) / pixelSize + (width - 1) / 2.0;
        *y = d.dot(v) / pixelSize + (height - 1) / 2.0;
    }
};

enum class Orientation { Axial, Coronal, Sagittal };

// The standard radiological planes through `center` covering the volume:
// axial seen from the feet (patient left on screen right), coronal from the
// front, sagittal from the patient's left; head up. Pixel size is the
// volume's finest in-plane spacing.
Plane standardPlane(const Volume &vol, Orientation o, const Vec3 &center);
// Centre of the volume in patient coordinates.
Vec3 volumeCenter(const Volume &vol);
// Rotates the plane's u/v about axis (unit) by `degrees` (oblique MPR).
Plane rotated(const Plane &p, const Vec3 &axis, double degrees);

struct SlabOptions {
    double thickness = 0;      // mm; 0 = single plane
    SlabMode mode = SlabMode::Mip;
    // Tests only: sample through the general (exact, slow) sampler instead
    // of the fast paths, to compare the two.
    bool referencePath = false;
};

// Grey volumes only. Pixels outside the volume are NaN.
Image2D reslice(const Volume &vol, const Plane &plane, const SlabOptions &slab = {}, int threads = 0);
// The same into *out, reusing its pixel buffer when it is large enough (a
// viewport reslicing every frame allocates nothing).
void reslice(const Volume &vol, const Plane &plane, const SlabOptions &slab, int threads, Image2D *out);

// Trilinear modality value at a patient point; NaN outside.
double sampleAt(const Volume &vol, const Vec3 &p);

} // namespace kilima::imaging

namespace kilima::imaging {

// A regular grid resampled from a volume for 3D rendering: axes are the
// volume's row, column and normal directions, spacing uniform along each
// (non-uniform slice gaps and tilt resampled exactly). Values are modality
// units clamped to int16. The largest dimension is at most maxDim.
struct UniformGrid {
    int dims[3] = {0, 0, 0};
    double spacing[3] = {1, 1, 1};
    Vec3 origin;
    Vec3 axes[3] = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    std::vector<qint16> values;
    double minValue = 0, maxValue = 0;
};
UniformGrid resampleUniform(const Volume &vol, int maxDim, int threads = 0);

} // namespace kilima::imaging
