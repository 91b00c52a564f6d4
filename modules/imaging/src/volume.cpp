#include <kilima/imaging/volume.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <new>
#include <sys/mman.h>

namespace kilima::imaging {

double Volume::sliceSpacing() const
{
    if (slices() < 2)
        return sliceThickness > 0 ? sliceThickness : 1.0;
    std::vector<double> gaps;
    for (int k = 1; k < slices(); ++k)
        gaps.push_back(sliceDistance(k) - sliceDistance(k - 1));
    std::nth_element(gaps.begin(), gaps.begin() + gaps.size() / 2, gaps.end());
    const double g = gaps[gaps.size() / 2];
    return g > 1e-6 ? g : (sliceThickness > 0 ? sliceThickness : 1.0);
}

bool Volume::uniformSpacing(double tolerance) const
{
    const double s = sliceSpacing();
    for (int k = 1; k < slices(); ++k) {
        if (std::abs(sliceDistance(k) - sliceDistance(k - 1) - s) > tolerance * std::max(1.0, s))
            return false;
    }
    return true;
}

double Volume::tiltDegrees() const
{
    if (slices() < 2)
        return 0;
    const Vec3 d = (positions.back() - positions.front()).normalized();
    const double c = std::clamp(std::abs(d.dot(normal)), 0.0, 1.0);
    return std::acos(c) * 180.0 / M_PI;
}

Vec3 Volume::patientToVoxel(const Vec3 &p) const
{
    const int n = slices();
    if (n == 0)
        return {};
    double k = 0;
    Vec3 origin = positions[0];
    if (n > 1) {
        const double d = p.dot(normal);
        // Slices are sorted by distance; find the bracketing pair (extrapolate at the ends).
        int hi = int(std::lower_bound(positions.begin(), positions.end(), d,
                                      [this](const Vec3 &a, double v) { return a.dot(normal) < v; }) -
                     positions.begin());
        hi = std::clamp(hi, 1, n - 1);
        const int lo = hi - 1;
        const double d0 = sliceDistance(lo), d1 = sliceDistance(hi);
        const double t = d1 != d0 ? (d - d0) / (d1 - d0) : 0.0;
        k = lo + t;
        origin = positions[size_t(lo)] + (positions[size_t(hi)] - positions[size_t(lo)]) * t;
    }
    const Vec3 q = p - origin;
    return {q.dot(rowDir) / columnSpacing, q.dot(colDir) / rowSpacing, k};
}

Vec3 Volume::voxelToPatient(double column, double row, double slice) const
{
    const int n = slices();
    Vec3 origin;
    if (n == 1) {
        origin = positions[0] + normal * (slice * sliceSpacing());
    } else if (n > 1) {
        const int lo = std::clamp(int(std::floor(slice)), 0, n - 2);
        const double t = slice - lo;
        origin = positions[size_t(lo)] + (positions[size_t(lo + 1)] - positions[size_t(lo)]) * t;
    }
    return origin + rowDir * (column * columnSpacing) + colDir * (row * rowSpacing);
}

bool Volume::rescaleUniform() const
{
    for (const SliceSource &s : sources) {
        if (s.modalityLut || s.slope != sources.front().slope || s.intercept != sources.front().intercept)
            return false;
    }
    return true;
}

void Volume::FreeDeleter::operator()(quint16 *p) const
{
    std::free(p);
}

void Volume::allocate()
{
    m_voxelCount = sliceSamples() * size_t(slices());
    const size_t bytes = std::max<size_t>(1, m_voxelCount * sizeof(quint16));
    void *p = nullptr;
    // 2 MiB aligned so the kernel can back it with huge pages (fewer faults).
    if (posix_memalign(&p, size_t(2) << 20, bytes) != 0)
        p = nullptr;
    if (p)
        madvise(p, bytes, MADV_HUGEPAGE);
    m_voxels.reset(static_cast<quint16 *>(p));
    if (!p)
        throw std::bad_alloc();
    m_ready.reset(new std::atomic<bool>[size_t(slices())]);
    for (int k = 0; k < slices(); ++k)
        m_ready[size_t(k)].store(false);
    m_readyCount = 0;
    std::lock_guard<std::mutex> lock(m_mutex);
    m_errors = QStringList();
    for (int k = 0; k < slices(); ++k)
        m_errors.append(QString());
}

QString Volume::sliceError(int k) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_errors.value(k);
}

void Volume::markSliceReady(int k, const QString &error)
{
    if (!error.isEmpty())
        std::memset(sliceData(k), 0, sliceSamples() * sizeof(quint16));   // shown black, never garbage
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (!error.isEmpty())
            m_errors[k] = error;
        m_ready[size_t(k)].store(true, std::memory_order_release);
        ++m_readyCount;
    }
    if (m_readyCount.load() == slices())
        m_done.notify_all();
}

void Volume::waitUntilComplete() const
{
    std::unique_lock<std::mutex> lock(m_mutex);
    m_done.wait(lock, [this] { return m_readyCount.load() == slices(); });
}

} // namespace kilima::imaging
