#include <kilima/imaging/mpr.h>

#include <QThread>
#include <QtConcurrent>
#include <algorithm>
#include <cmath>
#include <numeric>
#include <type_traits>
#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
#include <immintrin.h>
#endif

namespace kilima::imaging {

namespace {

#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
#define KILIMA_SLAB_AVX2 1
struct SlabKernel {
    const quint16 *base;   // slice 0; slices are contiguous
    int sliceStride, w, maxX, maxY, maxZ;
    float nx, ny, nz, slope, intercept;
    int samples;
};

// One slab pixel per lane: trilinear samples along the normal combined in a
// register. Each 32-bit gather reads a voxel and its right neighbour.
template <bool Signed, SlabMode M>
__attribute__((target("avx2"))) void slabAvx2(const SlabKernel &k, const float *x0, const float *y0,
                                               const float *z0, float *out)
{
    const __m256 xs = _mm256_load_ps(x0), ys = _mm256_load_ps(y0), zs = _mm256_load_ps(z0);
    const __m256 nx = _mm256_set1_ps(k.nx), ny = _mm256_set1_ps(k.ny), nz = _mm256_set1_ps(k.nz);
    const __m256i maxX = _mm256_set1_epi32(k.maxX), maxY = _mm256_set1_epi32(k.maxY), maxZ = _mm256_set1_epi32(k.maxZ);
    const __m256i w = _mm256_set1_epi32(k.w), stride = _mm256_set1_epi32(k.sliceStride);
    const __m256 slope = _mm256_set1_ps(k.slope), intercept = _mm256_set1_ps(k.intercept);
    const int *base = reinterpret_cast<const int *>(k.base);
    __m256 acc = _mm256_set1_ps(M == SlabMode::Mip ? -INFINITY : M == SlabMode::MinIp ? INFINITY : 0.0f);
    // (Lambdas would not inherit the target attribute: macros.)
#define KILIMA_LO(g) _mm256_cvtepi32_ps(Signed ? _mm256_srai_epi32(_mm256_slli_epi32(g, 16), 16) \
                                               : _mm256_and_si256(g, _mm256_set1_epi32(0xffff)))
#define KILIMA_HI(g) _mm256_cvtepi32_ps(Signed ? _mm256_srai_epi32(g, 16) : _mm256_srli_epi32(g, 16))
#define KILIMA_LERP(a, b, f) _mm256_add_ps(a, _mm256_mul_ps(_mm256_sub_ps(b, a), f))
    for (int s = 0; s < k.samples; ++s) {
        const __m256 sf = _mm256_set1_ps(float(s));
        const __m256 xf = _mm256_add_ps(xs, _mm256_mul_ps(sf, nx));
        const __m256 yf = _mm256_add_ps(ys, _mm256_mul_ps(sf, ny));
        const __m256 zf = _mm256_add_ps(zs, _mm256_mul_ps(sf, nz));
        const __m256i ix = _mm256_min_epi32(_mm256_cvttps_epi32(xf), maxX);
        const __m256i iy = _mm256_min_epi32(_mm256_cvttps_epi32(yf), maxY);
        const __m256i iz = _mm256_min_epi32(_mm256_cvttps_epi32(zf), maxZ);
        const __m256 fx = _mm256_sub_ps(xf, _mm256_cvtepi32_ps(ix));
        const __m256 fy = _mm256_sub_ps(yf, _mm256_cvtepi32_ps(iy));
        const __m256 fz = _mm256_sub_ps(zf, _mm256_cvtepi32_ps(iz));
        const __m256i off = _mm256_add_epi32(_mm256_add_epi32(_mm256_mullo_epi32(iz, stride), _mm256_mullo_epi32(iy, w)), ix);
        const __m256i offB = _mm256_add_epi32(off, stride);
        // Byte offsets = element offsets * 2 (scale 2).
        const __m256i ga = _mm256_i32gather_epi32(base, off, 2);
        const __m256i gaw = _mm256_i32gather_epi32(base, _mm256_add_epi32(off, w), 2);
        const __m256i gb = _mm256_i32gather_epi32(base, offB, 2);
        const __m256i gbw = _mm256_i32gather_epi32(base, _mm256_add_epi32(offB, w), 2);
        const __m256 a0 = KILIMA_LERP(KILIMA_LO(ga), KILIMA_HI(ga), fx), a1 = KILIMA_LERP(KILIMA_LO(gaw), KILIMA_HI(gaw), fx);
        const __m256 b0 = KILIMA_LERP(KILIMA_LO(gb), KILIMA_HI(gb), fx), b1 = KILIMA_LERP(KILIMA_LO(gbw), KILIMA_HI(gbw), fx);
        const __m256 av = KILIMA_LERP(a0, a1, fy), bv = KILIMA_LERP(b0, b1, fy);
        const __m256 val = _mm256_add_ps(_mm256_mul_ps(KILIMA_LERP(av, bv, fz), slope), intercept);
        // std::max(acc, v) is (acc < v) ? v : acc: max_ps(v, acc) returns acc when equal/unordered.
        if (M == SlabMode::Mip)
            acc = _mm256_max_ps(val, acc);
        else if (M == SlabMode::MinIp)
            acc = _mm256_min_ps(val, acc);
        else
            acc = _mm256_add_ps(acc, val);
    }
    if (M == SlabMode::Average)
        acc = _mm256_div_ps(acc, _mm256_set1_ps(float(k.samples)));
    _mm256_storeu_ps(out, acc);
}
#undef KILIMA_LO
#undef KILIMA_HI
#undef KILIMA_LERP
#else
#define KILIMA_SLAB_AVX2 0
#endif

// Per-volume helper: maps patient points to voxel indices quickly by
// walking slice intervals incrementally.
struct Sampler {
    const Volume &v;
    std::vector<double> dist;      // slice distance along the normal
    std::vector<double> offU, offV;// in-plane offset of each slice's origin (tilt), in voxels
    Vec3 p0;
    int n;
    explicit Sampler(const Volume &vol) : v(vol), n(vol.slices())
    {
        p0 = vol.positions[0];
        for (int k = 0; k < n; ++k) {
            dist.push_back(vol.sliceDistance(k));
            const Vec3 d = vol.positions[size_t(k)] - p0;
            offU.push_back(d.dot(vol.rowDir) / vol.columnSpacing);
            offV.push_back(d.dot(vol.colDir) / vol.rowSpacing);
        }
    }
    // Returns NaN outside. `hint` is the last slice interval used.
    float sample(const Vec3 &p, int &hint) const
    {
        const double d = p.dot(v.normal);
        double kf;
        double ou, ov;
        if (n == 1) {
            const double half = std::max(v.sliceThickness, 1.0) / 2;
            if (std::abs(d - dist[0]) > half)
                return NAN;
            kf = 0;
            ou = 0;
            ov = 0;
            hint = 0;
        } else {
            if (d < dist[0] - 1e-6 || d > dist[size_t(n - 1)] + 1e-6)
                return NAN;
            int lo = std::clamp(hint, 0, n - 2);
            while (lo > 0 && d < dist[size_t(lo)])
                --lo;
            while (lo < n - 2 && d > dist[size_t(lo + 1)])
                ++lo;
            hint = lo;
            const double span = dist[size_t(lo + 1)] - dist[size_t(lo)];
            const double t = span > 0 ? std::clamp((d - dist[size_t(lo)]) / span, 0.0, 1.0) : 0.0;
            kf = lo + t;
            ou = offU[size_t(lo)] + (offU[size_t(lo + 1)] - offU[size_t(lo)]) * t;
            ov = offV[size_t(lo)] + (offV[size_t(lo + 1)] - offV[size_t(lo)]) * t;
        }
        const Vec3 q = p - p0;
        const double x = q.dot(v.rowDir) / v.columnSpacing - ou;
        const double y = q.dot(v.colDir) / v.rowSpacing - ov;
        if (x < -0.5 || y < -0.5 || x > v.columns - 0.5 || y > v.rows - 0.5)
            return NAN;
        const double xc = std::clamp(x, 0.0, double(v.columns - 1));
        const double yc = std::clamp(y, 0.0, double(v.rows - 1));
        const int x0 = std::min(int(xc), v.columns - 2 < 0 ? 0 : v.columns - 2);
        const int y0 = std::min(int(yc), v.rows - 2 < 0 ? 0 : v.rows - 2);
        const int x1 = std::min(x0 + 1, v.columns - 1), y1 = std::min(y0 + 1, v.rows - 1);
        const double fx = xc - x0, fy = yc - y0;
        const int k0 = int(kf), k1 = std::min(k0 + 1, n - 1);
        const double fz = kf - k0;
        auto plane = [&](int k) {
            if (!v.isSliceReady(k))
                return double(NAN);
            const quint16 *s = v.sliceData(k);
            const size_t w = size_t(v.columns);
            double a, b, c, e;
            if (v.isSigned) {
                a = qint16(s[y0 * w + x0]); b = qint16(s[y0 * w + x1]);
                c = qint16(s[y1 * w + x0]); e = qint16(s[y1 * w + x1]);
            } else {
                a = s[y0 * w + x0]; b = s[y0 * w + x1];
                c = s[y1 * w + x0]; e = s[y1 * w + x1];
            }
            const SliceSource &src = v.sources[size_t(k)];
            if (src.modalityLut) {
                // A LUT is not linear: interpolate its outputs, not the stored samples.
                a = src.modalityValue(a);
                b = src.modalityValue(b);
                c = src.modalityValue(c);
                e = src.modalityValue(e);
                return (a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + e * fx) * fy;
            }
            const double raw = (a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + e * fx) * fy;
            return raw * src.slope + src.intercept;
        };
        const double v0 = plane(k0);
        if (fz < 1e-9 || k1 == k0)
            return float(v0);
        const double v1 = plane(k1);
        return float(v0 * (1 - fz) + v1 * fz);
    }
};

// Fast path for the common case (uniform spacing, no tilt, one rescale,
// every slice decoded): voxel coordinates are affine along a row, so they
// advance by a constant step and the rescale is applied once per sample.
struct FastRow {
    const Volume &v;
    bool usable = false;
    Vec3 p0;
    double invS = 1;
    double slope = 1, intercept = 0;
    std::vector<const quint16 *> slices;
    explicit FastRow(const Volume &vol) : v(vol)
    {
        if (vol.slices() < 2 || !vol.isComplete() || !vol.uniformSpacing(1e-3) || vol.tiltDegrees() > 0.01 ||
            !vol.rescaleUniform())
            return;
        usable = true;
        p0 = vol.positions[0];
        invS = 1.0 / (vol.sliceDistance(1) - vol.sliceDistance(0));
        slope = vol.sources[0].slope;
        intercept = vol.sources[0].intercept;
        for (int k = 0; k < vol.slices(); ++k)
            slices.push_back(vol.sliceData(k));
        sliceStride = vol.sliceSamples();
#if KILIMA_SLAB_AVX2
        // Gathers use 32-bit element offsets.
        avx2 = __builtin_cpu_supports("avx2") && sliceStride * size_t(vol.slices()) < (size_t(1) << 31);
#endif
    }
    size_t sliceStride = 0;
    bool avx2 = false;
    void voxelOf(const Vec3 &p, double *x, double *y, double *z) const
    {
        const Vec3 q = p - p0;
        *x = q.dot(v.rowDir) / v.columnSpacing;
        *y = q.dot(v.colDir) / v.rowSpacing;
        *z = q.dot(v.normal) * invS;
    }
    // Raw trilinear value of the cell whose corners start at a (slice k)
    // and b (slice k + 1); every path uses these float operations in this
    // order, so they agree with each other and with the AVX2 kernel.
    template <typename T>
    static float trilinear(const T *a, const T *b, size_t w, float fx, float fy, float fz)
    {
        const float a0 = float(a[0]) + (float(a[1]) - float(a[0])) * fx;
        const float a1 = float(a[w]) + (float(a[w + 1]) - float(a[w])) * fx;
        const float b0 = float(b[0]) + (float(b[1]) - float(b[0])) * fx;
        const float b1 = float(b[w]) + (float(b[w + 1]) - float(b[w])) * fx;
        const float av = a0 + (a1 - a0) * fy, bv = b0 + (b1 - b0) * fy;
        return av + (bv - av) * fz;
    }
    // Trilinear interpolation at float voxel coordinates strictly inside
    // the grid (no bounds checks), rescaled.
    template <typename T>
    float insideSample(const T *const *sl, float xf, float yf, float zf, float fs, float fi) const
    {
        const int W = v.columns, H = v.rows, D = v.slices();
        const size_t w = size_t(W);
        const int ix = std::min(int(xf), W - 2), iy = std::min(int(yf), H - 2), iz = std::min(int(zf), D - 2);
        const T *a = sl[iz] + size_t(iy) * w + size_t(ix);
        const T *b = sl[iz + 1] + size_t(iy) * w + size_t(ix);
        return trilinear(a, b, w, xf - ix, yf - iy, zf - iz) * fs + fi;
    }
    // The same near or past the border, with the exact sampler's rules
    // (half a pixel beyond the edge, clamped); false outside.
    template <typename T>
    bool checkedSample(double xi, double yi, double zi, float *value) const
    {
        const int W = v.columns, H = v.rows, D = v.slices();
        if (xi < -0.5 || yi < -0.5 || zi < -1e-6 || xi > W - 0.5 || yi > H - 0.5 || zi > D - 1 + 1e-6)
            return false;
        const double xc = std::clamp(xi, 0.0, double(W - 1)), yc = std::clamp(yi, 0.0, double(H - 1)),
                     zc = std::clamp(zi, 0.0, double(D - 1));
        const int ix = std::min(int(xc), W - 2), iy = std::min(int(yc), H - 2), iz = std::min(int(zc), D - 2);
        const size_t w = size_t(W);
        const T *a = reinterpret_cast<const T *>(slices[size_t(iz)]) + size_t(iy) * w + size_t(ix);
        const T *b = reinterpret_cast<const T *>(slices[size_t(iz + 1)]) + size_t(iy) * w + size_t(ix);
        *value = float(trilinear(a, b, w, float(xc - ix), float(yc - iy), float(zc - iz)) * slope + intercept);
        return true;
    }
    // Narrows [lo, hi] to the steps t at which x0 + d*t lies inside
    // [min, max] (by `eps` on each side); hi < lo when none does.
    static void narrowInside(double x0, double d, double min, double max, double eps, int &lo, int &hi)
    {
        if (std::abs(d) < 1e-12) {
            if (x0 < min || x0 > max)
                hi = -1;
            return;
        }
        double t1 = (min - x0) / d, t2 = (max - x0) / d;
        if (t1 > t2)
            std::swap(t1, t2);
        lo = std::max(lo, int(std::ceil(t1 + eps)));
        hi = std::min(hi, int(std::floor(t2 - eps)));
    }
    template <SlabMode M>
    static float slabStart()
    {
        return M == SlabMode::Mip ? -INFINITY : M == SlabMode::MinIp ? INFINITY : 0.0f;
    }
    template <SlabMode M>
    static void accumulate(float &acc, float value)
    {
        if (M == SlabMode::Mip)
            acc = std::max(acc, value);
        else if (M == SlabMode::MinIp)
            acc = std::min(acc, value);
        else
            acc += value;
    }
    template <typename T, typename Combine>
    void run(const Vec3 &start, const Vec3 &step, int n, Combine combine) const
    {
        double x, y, z, x1, y1, z1;
        voxelOf(start, &x, &y, &z);
        voxelOf(start + step, &x1, &y1, &z1);
        const double dx = x1 - x, dy = y1 - y, dz = z1 - z;
        const int W = v.columns, H = v.rows, D = v.slices();
        // Pixels whose sample lies strictly inside the grid need no bounds
        // checks: find that index range analytically, check only the rest.
        int inLo = 0, inHi = n - 1;
        narrowInside(x, dx, 0, W - 1, 1e-9, inLo, inHi);
        narrowInside(y, dy, 0, H - 1, 1e-9, inLo, inHi);
        narrowInside(z, dz, 0, D - 1, 1e-9, inLo, inHi);
        auto checked = [&](int i) {
            float value;
            if (checkedSample<T>(x + dx * i, y + dy * i, z + dz * i, &value))
                combine(i, value);
        };
        if (inHi < inLo) {
            for (int i = 0; i < n; ++i)
                checked(i);
            return;
        }
        for (int i = 0; i < inLo; ++i)
            checked(i);
        const float fs = float(slope), fi = float(intercept);
        const T *const *sl = reinterpret_cast<const T *const *>(slices.data());
        float xf = float(x + dx * inLo), yf = float(y + dy * inLo), zf = float(z + dz * inLo);
        const float dxf = float(dx), dyf = float(dy), dzf = float(dz);
        for (int i = inLo; i <= inHi; ++i, xf += dxf, yf += dyf, zf += dzf)
            combine(i, insideSample(sl, xf, yf, zf, fs, fi));
        for (int i = inHi + 1; i < n; ++i)
            checked(i);
    }

    // Thick slab, one pixel at a time: the `samples` points of pixel i are
    // start + step*i + nstep*s. The accumulator stays in a register and the
    // samples of neighbouring pixels share cache lines; pixels whose whole
    // segment lies inside the grid (both ends inside, the grid is convex) are
    // sampled without bounds checks, by incremental float stepping along the
    // normal. Pixels with no sample inside are NaN.
    template <typename T, SlabMode M>
    void runSlab(const Vec3 &start, const Vec3 &step, const Vec3 &nstep, int n, int samples, float *out) const
    {
        double x, y, z, x1, y1, z1, xn, yn, zn;
        voxelOf(start, &x, &y, &z);
        voxelOf(start + step, &x1, &y1, &z1);
        voxelOf(start + nstep, &xn, &yn, &zn);
        const double dx = x1 - x, dy = y1 - y, dz = z1 - z;
        const double nx = xn - x, ny = yn - y, nz = zn - z;
        const double last = samples - 1;
        const int W = v.columns, H = v.rows, D = v.slices();
        int inLo = 0, inHi = n - 1;
        // Both ends of every pixel's segment strictly inside [0, size-1].
        narrowInside(x, dx, 0, W - 1, 1e-9, inLo, inHi);
        narrowInside(y, dy, 0, H - 1, 1e-9, inLo, inHi);
        narrowInside(z, dz, 0, D - 1, 1e-9, inLo, inHi);
        narrowInside(x + nx * last, dx, 0, W - 1, 1e-9, inLo, inHi);
        narrowInside(y + ny * last, dy, 0, H - 1, 1e-9, inLo, inHi);
        narrowInside(z + nz * last, dz, 0, D - 1, 1e-9, inLo, inHi);
        const float fs = float(slope), fi = float(intercept);
        const T *const *sl = reinterpret_cast<const T *const *>(slices.data());
        const float nxf = float(nx), nyf = float(ny), nzf = float(nz);
        // Sample s of a pixel starting at (x0f, y0f, z0f), strictly inside.
        auto fastSample = [&](float x0f, float y0f, float z0f, int s) {
            const float sf = float(s);
            return insideSample(sl, x0f + sf * nxf, y0f + sf * nyf, z0f + sf * nzf, fs, fi);
        };
        auto checkedPixel = [&](int i) {
            float acc = slabStart<M>();
            int count = 0;
            // Samples strictly inside the grid (found analytically, with a
            // margin) take the fast float formula; only those near or past the
            // border are checked one by one.
            const double px = x + dx * i, py = y + dy * i, pz = z + dz * i;
            int sLo = 0, sHi = samples - 1;
            narrowInside(px, nx, 1e-3, W - 1 - 1e-3, 1e-6, sLo, sHi);
            narrowInside(py, ny, 1e-3, H - 1 - 1e-3, 1e-6, sLo, sHi);
            narrowInside(pz, nz, 1e-3, D - 1 - 1e-3, 1e-6, sLo, sHi);
            if (sHi >= sLo) {
                const float x0f = float(px), y0f = float(py), z0f = float(pz);
                for (int s = sLo; s <= sHi; ++s)
                    accumulate<M>(acc, fastSample(x0f, y0f, z0f, s));
                count = sHi - sLo + 1;
            } else {
                sLo = samples;
                sHi = samples - 1;
            }
            for (int s = 0; s < samples; ++s) {
                if (s == sLo) {
                    s = sHi;
                    continue;
                }
                float value;
                if (!checkedSample<T>(x + dx * i + nx * s, y + dy * i + ny * s, z + dz * i + nz * s, &value))
                    continue;
                accumulate<M>(acc, value);
                ++count;
            }
            out[i] = count == 0 ? NAN : M == SlabMode::Average ? acc / float(count) : acc;
        };
        if (inHi < inLo) {
            for (int i = 0; i < n; ++i)
                checkedPixel(i);
            return;
        }
        for (int i = 0; i < inLo; ++i)
            checkedPixel(i);
        int i = inLo;
#if KILIMA_SLAB_AVX2
        // 8 pixels at a time with AVX2 gathers (same float operations in
        // the same order as the scalar loop below, so identical values).
        if (avx2 && inHi - inLo + 1 >= 8) {
            alignas(32) float xs[8], ys[8], zs[8];
            const SlabKernel k{slices[0], int(sliceStride), W, W - 2, H - 2, D - 2, nxf, nyf, nzf, fs, fi, samples};
            for (; i + 7 <= inHi; i += 8) {
                for (int l = 0; l < 8; ++l) {
                    xs[l] = float(x + dx * (i + l));
                    ys[l] = float(y + dy * (i + l));
                    zs[l] = float(z + dz * (i + l));
                }
                slabAvx2<std::is_signed<T>::value, M>(k, xs, ys, zs, out + i);
            }
        }
#endif
        for (; i <= inHi; ++i) {
            const float x0f = float(x + dx * i), y0f = float(y + dy * i), z0f = float(z + dz * i);
            float acc = slabStart<M>();
            for (int s = 0; s < samples; ++s)
                accumulate<M>(acc, fastSample(x0f, y0f, z0f, s));
            out[i] = M == SlabMode::Average ? acc / float(samples) : acc;
        }
        for (int i = inHi + 1; i < n; ++i)
            checkedPixel(i);
    }
};

} // namespace

Vec3 volumeCenter(const Volume &vol)
{
    if (vol.slices() == 0)
        return {};
    return vol.voxelToPatient((vol.columns - 1) / 2.0, (vol.rows - 1) / 2.0, (vol.slices() - 1) / 2.0);
}

Plane standardPlane(const Volume &vol, Orientation o, const Vec3 &center)
{
    Plane p;
    p.center = center;
    // LPS: x to patient left, y to posterior, z to head.
    switch (o) {
    case Orientation::Axial:     // seen from the feet: screen right = patient left, down = posterior
        p.u = {1, 0, 0};
        p.v = {0, 1, 0};
        break;
    case Orientation::Coronal:   // seen from the front: right = patient left, down = feet
        p.u = {1, 0, 0};
        p.v = {0, 0, -1};
        break;
    case Orientation::Sagittal:  // seen from the patient's left: right = posterior, down = feet
        p.u = {0, 1, 0};
        p.v = {0, 0, -1};
        break;
    }
    p.pixelSize = std::min(vol.columnSpacing, vol.rowSpacing);
    // Cover the volume's extent: project the 8 corners on u and v.
    double umax = 0, vmax = 0;
    const double cs[2] = {0, double(vol.columns - 1)}, rs[2] = {0, double(vol.rows - 1)},
                 ks[2] = {0, double(std::max(0, vol.slices() - 1))};
    for (double c : cs)
        for (double r : rs)
            for (double k : ks) {
                const Vec3 d = vol.voxelToPatient(c, r, k) - center;
                umax = std::max(umax, std::abs(d.dot(p.u)));
                vmax = std::max(vmax, std::abs(d.dot(p.v)));
            }
    // Odd sizes: the centre point falls on a pixel centre.
    p.width = 2 * int(std::ceil(umax / p.pixelSize - 1e-9)) + 1;
    p.height = 2 * int(std::ceil(vmax / p.pixelSize - 1e-9)) + 1;
    return p;
}

Plane rotated(const Plane &p, const Vec3 &axisIn, double degrees)
{
    const Vec3 a = axisIn.normalized();
    const double t = degrees * M_PI / 180, c = std::cos(t), s = std::sin(t);
    auto rot = [&](const Vec3 &x) { return x * c + a.cross(x) * s + a * (a.dot(x) * (1 - c)); };
    Plane r = p;
    r.u = rot(p.u).normalized();
    r.v = rot(p.v).normalized();
    return r;
}

double sampleAt(const Volume &vol, const Vec3 &p)
{
    if (vol.slices() == 0 || vol.samplesPerPixel != 1)
        return NAN;
    Sampler s(vol);
    int hint = 0;
    return s.sample(p, hint);
}

Image2D reslice(const Volume &vol, const Plane &plane, const SlabOptions &slab, int threads)
{
    Image2D img;
    reslice(vol, plane, slab, threads, &img);
    return img;
}

void reslice(const Volume &vol, const Plane &plane, const SlabOptions &slab, int threads, Image2D *out)
{
    Image2D &img = *out;
    if (vol.slices() == 0 || vol.samplesPerPixel != 1) {
        img = Image2D();
        return;
    }
    img.samplesPerPixel = 1;
    img.rgbMax = 255;
    img.width = plane.width;
    img.height = plane.height;
    img.pixelWidth = img.pixelHeight = plane.pixelSize;
    img.values.assign(size_t(plane.width) * size_t(plane.height), NAN);
    const Sampler sampler(vol);
    const Vec3 n = plane.normal();
    const double step = std::min({vol.sliceSpacing(), vol.columnSpacing, vol.rowSpacing});
    const int samples = slab.thickness > step ? int(std::ceil(slab.thickness / step)) + 1 : 1;
    const double first = samples > 1 ? -slab.thickness / 2 : 0;
    const double ds = samples > 1 ? slab.thickness / (samples - 1) : 0;
    const FastRow fast(vol);
    auto doRows = [&](int y0, int y1) {
        for (int y = y0; y < y1; ++y) {
            float *out = img.values.data() + size_t(y) * size_t(plane.width);
            const Vec3 rowStart = plane.pointAt(0, y);
            const Vec3 du = plane.u * plane.pixelSize;
            if (fast.usable && samples > 1 && !slab.referencePath) {
                const Vec3 base = rowStart + n * first;
                const Vec3 nstep = n * ds;
                switch (slab.mode) {
                case SlabMode::Mip:
                    vol.isSigned ? fast.runSlab<qint16, SlabMode::Mip>(base, du, nstep, plane.width, samples, out)
                                 : fast.runSlab<quint16, SlabMode::Mip>(base, du, nstep, plane.width, samples, out);
                    break;
                case SlabMode::MinIp:
                    vol.isSigned ? fast.runSlab<qint16, SlabMode::MinIp>(base, du, nstep, plane.width, samples, out)
                                 : fast.runSlab<quint16, SlabMode::MinIp>(base, du, nstep, plane.width, samples, out);
                    break;
                case SlabMode::Average:
                    vol.isSigned ? fast.runSlab<qint16, SlabMode::Average>(base, du, nstep, plane.width, samples, out)
                                 : fast.runSlab<quint16, SlabMode::Average>(base, du, nstep, plane.width, samples, out);
                    break;
                }
                continue;
            }
            if (fast.usable && !slab.referencePath) {
                auto pass = [&](auto combine) {
                    for (int s = 0; s < samples; ++s) {
                        const Vec3 base = rowStart + n * (first + s * ds);
                        if (vol.isSigned)
                            fast.run<qint16>(base, du, plane.width, combine);
                        else
                            fast.run<quint16>(base, du, plane.width, combine);
                    }
                };
                // Branch-free combining: start from ±infinity, mark untouched pixels NaN after.
                if (samples == 1) {
                    pass([out](int x, float v) { out[x] = v; });
                } else if (slab.mode == SlabMode::Mip) {
                    std::fill(out, out + plane.width, -INFINITY);
                    pass([out](int x, float v) { out[x] = std::max(out[x], v); });
                } else if (slab.mode == SlabMode::MinIp) {
                    std::fill(out, out + plane.width, INFINITY);
                    pass([out](int x, float v) { out[x] = std::min(out[x], v); });
                } else {
                    std::vector<int> counts(size_t(plane.width), 0);
                    std::fill(out, out + plane.width, 0.0f);
                    int *c = counts.data();
                    pass([out, c](int x, float v) { out[x] += v; ++c[x]; });
                    for (int x = 0; x < plane.width; ++x)
                        out[x] = c[x] > 0 ? out[x] / float(c[x]) : NAN;
                }
                if (samples > 1 && slab.mode != SlabMode::Average) {
                    for (int x = 0; x < plane.width; ++x) {
                        if (std::isinf(out[x]))
                            out[x] = NAN;
                    }
                }
                continue;
            }
            for (int s = 0; s < samples; ++s) {
                const Vec3 base = rowStart + n * (first + s * ds);
                int hint = 0;
                for (int x = 0; x < plane.width; ++x) {
                    const float v = sampler.sample(base + du * x, hint);
                    if (std::isnan(v))
                        continue;
                    float &o = out[x];
                    if (s == 0 || std::isnan(o)) {
                        o = v;
                        continue;
                    }
                    switch (slab.mode) {
                    case SlabMode::Mip: o = std::max(o, v); break;
                    case SlabMode::MinIp: o = std::min(o, v); break;
                    case SlabMode::Average: o += v; break;
                    }
                }
            }
            if (samples > 1 && slab.mode == SlabMode::Average) {
                // Average over the samples that fell inside: recount per pixel.
                for (int x = 0; x < plane.width; ++x) {
                    if (std::isnan(out[x]))
                        continue;
                    int inside = 0;
                    int hint = 0;
                    for (int s = 0; s < samples; ++s)
                        inside += !std::isnan(sampler.sample(rowStart + du * x + n * (first + s * ds), hint));
                    out[x] /= float(std::max(1, inside));
                }
            }
        }
    };
    const int nThreads = threads > 0 ? threads : std::max(1, QThread::idealThreadCount());
    if (nThreads == 1 || plane.height < 8) {
        doRows(0, plane.height);
        return;
    }
    const int chunk = (plane.height + nThreads * 4 - 1) / (nThreads * 4);
    QList<int> starts;
    for (int y = 0; y < plane.height; y += chunk)
        starts.append(y);
    QtConcurrent::blockingMap(starts, [&](int y) { doRows(y, std::min(plane.height, y + chunk)); });
}

UniformGrid resampleUniform(const Volume &vol, int maxDim, int threads)
{
    UniformGrid g;
    if (vol.slices() == 0 || vol.samplesPerPixel != 1)
        return g;
    const double s = vol.sliceSpacing();
    const double depth = vol.slices() > 1 ? vol.sliceDistance(vol.slices() - 1) - vol.sliceDistance(0) : 0;
    const int nz0 = vol.slices() > 1 ? int(std::floor(depth / s + 1e-6)) + 1 : 1;
    const int biggest = std::max({vol.columns, vol.rows, nz0});
    const int f = std::max(1, (biggest + maxDim - 1) / std::max(1, maxDim));
    g.dims[0] = std::max(1, vol.columns / f);
    g.dims[1] = std::max(1, vol.rows / f);
    g.dims[2] = std::max(1, vol.slices() > 1 ? int(std::floor(depth / (s * f) + 1e-6)) + 1 : 1);
    g.spacing[0] = vol.columnSpacing * vol.columns / g.dims[0];
    g.spacing[1] = vol.rowSpacing * vol.rows / g.dims[1];
    g.spacing[2] = s * f;
    g.axes[0] = vol.rowDir;
    g.axes[1] = vol.colDir;
    g.axes[2] = vol.normal;
    // Cell-centred in plane so a downsampled grid covers the same extent.
    g.origin = vol.positions[0] + vol.rowDir * ((g.spacing[0] - vol.columnSpacing) / 2) +
               vol.colDir * ((g.spacing[1] - vol.rowSpacing) / 2);
    g.values.assign(size_t(g.dims[0]) * size_t(g.dims[1]) * size_t(g.dims[2]), 0);
    const Sampler sampler(vol);
    const qint16 outside = vol.modality == QLatin1String("CT") ? qint16(-1024) : qint16(0);
    const bool direct = f == 1 && vol.uniformSpacing() && vol.tiltDegrees() < 0.01 && g.dims[2] == vol.slices();
    auto doSlices = [&](int z) {
        qint16 *out = g.values.data() + size_t(z) * size_t(g.dims[0]) * size_t(g.dims[1]);
        if (direct) {
            const quint16 *src = vol.sliceData(z);
            const SliceSource &ss = vol.sources[size_t(z)];
            for (size_t i = 0, n = size_t(g.dims[0]) * size_t(g.dims[1]); i < n; ++i) {
                const double raw = vol.isSigned ? double(qint16(src[i])) : double(src[i]);
                out[i] = qint16(std::clamp(ss.modalityValue(raw), -32768.0, 32767.0));
            }
            return;
        }
        // Stay inside the first/last slice despite rounding.
        const double zz = std::min(z * g.spacing[2], depth);
        for (int y = 0; y < g.dims[1]; ++y) {
            int hint = 0;
            const Vec3 row = g.origin + g.axes[1] * (y * g.spacing[1]) + g.axes[2] * zz;
            for (int x = 0; x < g.dims[0]; ++x) {
                // Shift the in-plane start by the slice's own tilt offset.
                Vec3 p = row + g.axes[0] * (x * g.spacing[0]);
                const float v = sampler.sample(p, hint);
                out[size_t(y) * size_t(g.dims[0]) + size_t(x)] =
                    std::isnan(v) ? outside : qint16(std::clamp(double(v), -32768.0, 32767.0));
            }
        }
    };
    QList<int> zs;
    for (int z = 0; z < g.dims[2]; ++z)
        zs.append(z);
    if (threads == 1) {
        for (int z : zs)
            doSlices(z);
    } else {
        QtConcurrent::blockingMap(zs, doSlices);
    }
    g.minValue = 32767;
    g.maxValue = -32768;
    for (qint16 v : g.values) {
        g.minValue = std::min(g.minValue, double(v));
        g.maxValue = std::max(g.maxValue, double(v));
    }
    return g;
}

} // namespace kilima::imaging
