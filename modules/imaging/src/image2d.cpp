#include <kilima/imaging/image2d.h>

#include <algorithm>

namespace kilima::imaging {

Image2D sliceImage(const Volume &v, int k)
{
    Image2D img;
    if (k < 0 || k >= v.slices())
        return img;
    img.width = v.columns;
    img.height = v.rows;
    img.samplesPerPixel = v.samplesPerPixel;
    img.pixelWidth = v.columnSpacing;
    img.pixelHeight = v.rowSpacing;
    const size_t n = v.sliceSamples();
    img.values.resize(n);
    const quint16 *src = v.sliceData(k);
    if (v.samplesPerPixel == 3) {
        img.rgbMax = v.bitsStored > 8 ? 65535 : 255;
        for (size_t i = 0; i < n; ++i)
            img.values[i] = float(src[i]);
        return img;
    }
    const SliceSource &s = v.sources[size_t(k)];
    if (s.modalityLut) {
        for (size_t i = 0; i < n; ++i)
            img.values[i] = float(s.modalityLut->map(v.isSigned ? qint64(qint16(src[i])) : qint64(src[i])));
        return img;
    }
    if (v.isSigned) {
        for (size_t i = 0; i < n; ++i)
            img.values[i] = float(double(qint16(src[i])) * s.slope + s.intercept);
    } else {
        for (size_t i = 0; i < n; ++i)
            img.values[i] = float(double(src[i]) * s.slope + s.intercept);
    }
    return img;
}

std::vector<quint32> render(const Image2D &img, const DisplayOptions &opt)
{
    std::vector<quint32> out(size_t(img.width) * size_t(img.height));
    render(img, opt, out.data());
    return out;
}

void render(const Image2D &img, const DisplayOptions &opt, quint32 *out)
{
    const size_t n = size_t(img.width) * size_t(img.height);
    std::fill(out, out + n, 0xff000000u);
    if (img.samplesPerPixel == 3) {
        const double k = 255.0 / img.rgbMax;
        for (size_t i = 0; i < n; ++i) {
            int r = int(img.values[3 * i] * k), g = int(img.values[3 * i + 1] * k), b = int(img.values[3 * i + 2] * k);
            if (opt.invert) {
                r = 255 - r;
                g = 255 - g;
                b = 255 - b;
            }
            out[i] = 0xff000000u | quint32(std::clamp(r, 0, 255)) << 16 | quint32(std::clamp(g, 0, 255)) << 8 |
                     quint32(std::clamp(b, 0, 255));
        }
        return;
    }
    // Table over the value range for speed: 1 entry per unit between min and max.
    float lo = INFINITY, hi = -INFINITY;
    for (float v : img.values) {
        if (!std::isnan(v)) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    }
    if (!(lo <= hi))
        return;
    const bool invert = opt.invert;
    auto grey = [&](double v) -> int {
        int g;
        if (opt.voiLut && !opt.voiLut->table.empty() && opt.volume) {
            // VOI LUT input is the modality value; output scaled by its bit depth.
            const int idx = std::clamp(int(std::lround(v)) - opt.voiLut->firstMapped, 0, int(opt.voiLut->table.size()) - 1);
            const double maxOut = double((1 << std::min(opt.voiLut->bits, 16)) - 1);
            g = int(std::lround(opt.voiLut->table[size_t(idx)] / maxOut * 255));
        } else {
            g = greyLevel(v, opt.window);
        }
        return invert ? 255 - g : g;
    };
    const bool integral = (hi - lo) < 70000 && std::all_of(img.values.begin(), img.values.begin() + std::min<size_t>(n, 64),
                                                          [](float v) { return std::isnan(v) || v == std::floor(v); });
    if (integral) {
        const int base = int(std::floor(lo));
        std::vector<quint32> lut(size_t(int(std::ceil(hi)) - base + 1));
        for (size_t i = 0; i < lut.size(); ++i) {
            const int g = grey(base + double(i));
            lut[i] = 0xff000000u | quint32(g) << 16 | quint32(g) << 8 | quint32(g);
        }
        for (size_t i = 0; i < n; ++i) {
            const float v = img.values[i];
            if (std::isnan(v))
                continue;
            if (v == std::floor(v)) {
                out[i] = lut[size_t(int(v) - base)];
            } else {
                const int g = grey(v);
                out[i] = 0xff000000u | quint32(g) << 16 | quint32(g) << 8 | quint32(g);
            }
        }
        return;
    }
    for (size_t i = 0; i < n; ++i) {
        const float v = img.values[i];
        if (std::isnan(v))
            continue;
        const int g = grey(v);
        out[i] = 0xff000000u | quint32(g) << 16 | quint32(g) << 8 | quint32(g);
    }
    return;
}

WindowLevel autoWindow(const Image2D &img)
{
    std::vector<float> v;
    v.reserve(img.values.size());
    for (float x : img.values) {
        if (!std::isnan(x))
            v.push_back(x);
    }
    if (v.empty())
        return {};
    const size_t lo = v.size() / 100, hi = v.size() - 1 - v.size() / 100;
    std::nth_element(v.begin(), v.begin() + lo, v.end());
    const double a = v[lo];
    std::nth_element(v.begin(), v.begin() + hi, v.end());
    const double b = v[hi];
    return {(a + b) / 2, std::max(1.0, b - a)};
}

QVector<WindowLevel> fileWindows(const Volume &v, int slice)
{
    QVector<WindowLevel> out;
    if (slice < 0 || slice >= int(v.sources.size()))
        return out;
    const SliceSource &s = v.sources[size_t(slice)];
    const int n = int(std::min(s.windowCenters.size(), s.windowWidths.size()));
    for (int i = 0; i < n; ++i) {
        if (s.windowWidths[i] > 0)
            out.append({s.windowCenters[i], s.windowWidths[i]});
    }
    return out;
}

WindowLevel defaultWindow(const Volume &v, int slice, const Image2D &img)
{
    const QVector<WindowLevel> windows = fileWindows(v, slice);
    if (!windows.isEmpty())
        return windows.front();
    return autoWindow(img);
}

const VoiLut *voiLutFor(const Volume &v, int slice)
{
    if (slice < 0 || slice >= int(v.sources.size()))
        return nullptr;
    const VoiLut *lut = v.sources[size_t(slice)].voiLut.get();
    return lut && !lut->table.empty() ? lut : nullptr;
}

WindowLevel defaultWindow(const Volume &v, const Image2D &img)
{
    if (!v.windowCenters.isEmpty() && !v.windowWidths.isEmpty() && v.windowWidths.front() > 0)
        return {v.windowCenters.front(), v.windowWidths.front()};
    return autoWindow(img);
}

} // namespace kilima::imaging
