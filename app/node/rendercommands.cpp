// render: one frame of an archived instance as an 8-bit PNG, through the
// viewer's own loader and display pipeline (imaging: Modality LUT, VOI,
// Presentation LUT, colour), so that what a script or a test sees is what a
// reader sees. Headless: QImage (Qt Gui) writes the PNG; no widgets, no VTK.
#include "cli.h"

#include <kilima/archive/archive.h>
#include <kilima/imaging/image2d.h>
#include <kilima/imaging/seriesloader.h>

#include <QFileInfo>
#include <QImage>
#include <QSaveFile>
#include <QThreadPool>

namespace kilima::node_cli {
namespace {

constexpr const char *kUsage = "usage: kilima-node [--data-dir DIR] render SOP_INSTANCE_UID [--frame N] "
                               "[--window CENTER,WIDTH] --out FILE.png";

struct RenderArgs {
    QString uid, out;
    int frame = 1;
    bool hasWindow = false;
    imaging::WindowLevel window;
};

// "CENTER,WIDTH" → window; false when it is not two numbers with width >= 1.
bool parseWindow(const QString &text, imaging::WindowLevel *w)
{
    const QStringList parts = text.split(QLatin1Char(','));
    if (parts.size() != 2)
        return false;
    bool okC = false, okW = false;
    const double c = parts[0].trimmed().toDouble(&okC), width = parts[1].trimmed().toDouble(&okW);
    if (!okC || !okW || !std::isfinite(c) || !std::isfinite(width) || width < 1)
        return false;
    *w = {c, width};
    return true;
}

// Empty on success, else the usage problem.
QString parseArgs(const QStringList &args, RenderArgs *r)
{
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        // Values may start with '-' (a negative window centre): an option's
        // value is the next argument whatever it looks like.
        auto value = [&](const char *name, QString *v) -> bool {
            const QString opt = QLatin1String(name);
            if (a == opt) {
                if (i + 1 >= args.size())
                    return false;
                *v = args.at(++i);
                return true;
            }
            if (a.startsWith(opt + QLatin1Char('='))) {
                *v = a.mid(opt.size() + 1);
                return true;
            }
            return false;
        };
        QString v;
        if (value("--out", &v)) {
            r->out = v;
        } else if (value("--frame", &v)) {
            bool ok = false;
            r->frame = v.toInt(&ok);
            if (!ok || r->frame < 1)
                return QStringLiteral("--frame needs a frame number from 1, not \"%1\"").arg(v);
        } else if (value("--window", &v)) {
            if (!parseWindow(v, &r->window))
                return QStringLiteral("--window needs CENTER,WIDTH with WIDTH >= 1 (e.g. --window=-600,1500), not \"%1\"").arg(v);
            r->hasWindow = true;
        } else if (a == QLatin1String("--out") || a == QLatin1String("--frame") || a == QLatin1String("--window")) {
            return QStringLiteral("%1 needs a value").arg(a);
        } else if (a.startsWith(QLatin1Char('-'))) {
            return QStringLiteral("unknown option %1").arg(a);
        } else if (r->uid.isEmpty()) {
            r->uid = a;
        } else {
            return QStringLiteral("one SOP Instance UID only");
        }
    }
    if (r->uid.isEmpty())
        return QStringLiteral("a SOP Instance UID is needed");
    if (r->out.isEmpty())
        return QStringLiteral("--out FILE.png is needed");
    return {};
}

// 0xffRRGGBB pixels → 8-bit grey or RGB image at the stored matrix.
QImage toImage(const std::vector<quint32> &px, int width, int height, bool colour)
{
    QImage img(width, height, colour ? QImage::Format_RGB888 : QImage::Format_Grayscale8);
    for (int y = 0; y < height; ++y) {
        uchar *line = img.scanLine(y);
        const quint32 *src = px.data() + size_t(y) * size_t(width);
        for (int x = 0; x < width; ++x) {
            const quint32 p = src[x];
            if (colour) {
                line[3 * x] = uchar(p >> 16);
                line[3 * x + 1] = uchar(p >> 8);
                line[3 * x + 2] = uchar(p);
            } else {
                line[x] = uchar(p); // grey: R = G = B
            }
        }
    }
    return img;
}

int runRender(const Context &ctx, const QStringList &args)
{
    RenderArgs r;
    if (const QString why = parseArgs(args, &r); !why.isEmpty()) {
        err() << "kilima-node render: " << why << "\n" << kUsage << Qt::endl;
        return kExitUsage;
    }
    auto archive = openArchive(ctx, "render");
    if (!archive)
        return kExitProblems;
    auto files = archive->instanceFiles(archive::Level::Instance, r.uid);
    if (!files) {
        err() << "kilima-node render: " << files.error() << Qt::endl;
        return kExitProblems;
    }
    if (files.value().isEmpty()) {
        err() << "kilima-node render: no instance " << r.uid << " in the archive" << Qt::endl;
        return kExitProblems;
    }
    const QString path = files.value().front();
    const imaging::ScanResult scan = imaging::scanFiles({path}, 1);
    if (scan.volumes.empty()) {
        err() << "kilima-node render: instance " << r.uid << " is not displayable: "
              << scan.notDisplayable.join(QLatin1String("; ")) << Qt::endl;
        return kExitProblems;
    }
    // The loader may split one object's frames over several stacks
    // (phases, orientations): find the one that holds the frame.
    imaging::VolumePtr volume;
    int slice = -1, frames = 0;
    bool mosaic = false;
    for (const imaging::VolumePtr &v : scan.volumes) {
        for (int k = 0; k < v->slices(); ++k) {
            const imaging::SliceSource &s = v->sources[size_t(k)];
            frames = std::max(frames, s.frame + 1);
            mosaic = mosaic || s.tile >= 0;
            if (s.frame == r.frame - 1 && s.tile < 0 && !volume) {
                volume = v;
                slice = k;
            }
        }
    }
    if (mosaic) {
        err() << "kilima-node render: instance " << r.uid
              << " is a Siemens mosaic, which the viewer shows as separate slices; render one of them from the viewer"
              << Qt::endl;
        return kExitProblems;
    }
    if (!volume) {
        err() << "kilima-node render: frame " << r.frame << " is out of range: instance " << r.uid << " has " << frames
              << " frame(s)" << Qt::endl;
        return kExitProblems;
    }
    QThreadPool pool;
    pool.setMaxThreadCount(1);
    imaging::decode(volume, &pool, slice);
    volume->waitUntilComplete();
    if (const QString why = volume->sliceError(slice); !why.isEmpty()) {
        err() << "kilima-node render: frame " << r.frame << " cannot be decoded: " << why << Qt::endl;
        return kExitProblems;
    }

    const imaging::Image2D image = imaging::sliceImage(*volume, slice);
    imaging::DisplayOptions opt;
    opt.invert = volume->invertGrey();
    QString voi;
    const QVector<imaging::WindowLevel> fileWindows = imaging::fileWindows(*volume, slice);
    if (r.hasWindow) {
        opt.window = r.window;
        voi = QStringLiteral("window %1/%2 (given)").arg(r.window.center).arg(r.window.width);
    } else if (!fileWindows.isEmpty()) {
        opt.window = fileWindows.front();
        voi = QStringLiteral("window %1/%2 (file)").arg(opt.window.center).arg(opt.window.width);
    } else if (const imaging::VoiLut *lut = imaging::voiLutFor(*volume, slice)) {
        opt.voiLut = lut;
        opt.volume = volume.get();
        voi = QStringLiteral("VOI LUT (file)");
    } else {
        opt.window = imaging::autoWindow(image);
        voi = QStringLiteral("window %1/%2 (automatic: the file has none)").arg(opt.window.center).arg(opt.window.width);
    }
    const bool colour = image.samplesPerPixel == 3;
    const QImage png = toImage(imaging::render(image, opt), image.width, image.height, colour);
    QSaveFile file(r.out);
    if (!file.open(QIODevice::WriteOnly) || !png.save(&file, "PNG") || !file.commit()) {
        err() << "kilima-node render: cannot write " << r.out << ": " << file.errorString() << Qt::endl;
        return kExitProblems;
    }
    out() << "wrote " << r.out << ": frame " << r.frame << " of " << frames << ", " << image.width << "x" << image.height
          << (colour ? " RGB" : QStringLiteral(" grey, %1").arg(voi))
          << (!colour && opt.invert ? ", inverted (MONOCHROME1 / Presentation LUT INVERSE)" : "") << Qt::endl;
    return kExitOk;
}

const CommandRegistrar k_render{Command{"render",
    "  render SOP_INSTANCE_UID [--frame N] [--window CENTER,WIDTH] --out FILE.png\n"
    "        Write one frame (1-based, default 1) of an archived instance as an\n"
    "        8-bit grey or RGB PNG at its stored matrix (Rows x Columns, no\n"
    "        aspect correction, no overlays), through the viewer's display\n"
    "        pipeline: Modality LUT (rescale), then the given linear window,\n"
    "        else the frame's first Window Center/Width, else its VOI LUT,\n"
    "        else an automatic window; MONOCHROME1 and Presentation LUT Shape\n"
    "        INVERSE are shown inverted; colour as RGB. A negative centre:\n"
    "        --window=-600,1500. Exit 2 for bad options, 1 for an unknown UID,\n"
    "        a frame out of range or an image that cannot be decoded.\n",
    &runRender, 125}};

} // namespace
} // namespace kilima::node_cli
