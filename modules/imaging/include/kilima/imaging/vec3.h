// Small 3-vector for patient coordinates (mm, LPS as DICOM defines them).
#pragma once

#include <cmath>

namespace kilima::imaging {

struct Vec3 {
    double x = 0, y = 0, z = 0;
    Vec3 operator+(const Vec3 &o) const { return {x + o.x, y + o.y, z + o.z}; }
    Vec3 operator-(const Vec3 &o) const { return {x - o.x, y - o.y, z - o.z}; }
    Vec3 operator*(double s) const { return {x * s, y * s, z * s}; }
    double dot(const Vec3 &o) const { return x * o.x + y * o.y + z * o.z; }
    Vec3 cross(const Vec3 &o) const { return {y * o.z - z * o.y, z * o.x - x * o.z, x * o.y - y * o.x}; }
    double norm() const { return std::sqrt(dot(*this)); }
    Vec3 normalized() const
    {
        const double n = norm();
        return n > 0 ? Vec3{x / n, y / n, z / n} : Vec3{};
    }
};

} // namespace kilima::imaging
