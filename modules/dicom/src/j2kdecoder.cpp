// JPEG 2000 through OpenJPEG's decompression API on a memory stream. Strict
// mode is on so that a truncated codestream fails instead of showing a
// partly grey image to a radiologist.
#include "j2kdecoder_p.h"

#include <openjpeg.h>

#include <QStringList>

#include <algorithm>
#include <cstring>
#include <memory>

namespace kilima::dicom::detail {

namespace {

struct MemoryStream {
    const std::uint8_t *data = nullptr;
    std::size_t size = 0;
    std::size_t pos = 0;
};

OPJ_SIZE_T readStream(void *buffer, OPJ_SIZE_T bytes, void *user)
{
    auto *s = static_cast<MemoryStream *>(user);
    if (s->pos >= s->size)
        return OPJ_SIZE_T(-1); // OpenJPEG's end-of-stream signal
    const std::size_t n = std::min<std::size_t>(bytes, s->size - s->pos);
    std::memcpy(buffer, s->data + s->pos, n);
    s->pos += n;
    return n;
}

OPJ_OFF_T skipStream(OPJ_OFF_T bytes, void *user)
{
    auto *s = static_cast<MemoryStream *>(user);
    if (bytes < 0) {
        const std::size_t back = std::min<std::size_t>(std::size_t(-bytes), s->pos);
        s->pos -= back;
        return -OPJ_OFF_T(back);
    }
    const std::size_t n = std::min<std::size_t>(std::size_t(bytes), s->size - s->pos);
    s->pos += n;
    return OPJ_OFF_T(n);
}

OPJ_BOOL seekStream(OPJ_OFF_T offset, void *user)
{
    auto *s = static_cast<MemoryStream *>(user);
    if (offset < 0 || std::size_t(offset) > s->size)
        return OPJ_FALSE;
    s->pos = std::size_t(offset);
    return OPJ_TRUE;
}

void collectMessage(const char *msg, void *user)
{
    auto *messages = static_cast<QStringList *>(user);
    const QString text = QString::fromLocal8Bit(msg).trimmed();
    if (!text.isEmpty() && !messages->contains(text))
        messages->append(text);
}

void ignoreMessage(const char *, void *) {}

struct CodecDeleter {
    void operator()(opj_codec_t *c) const { opj_destroy_codec(c); }
};
struct StreamDeleter {
    void operator()(opj_stream_t *s) const { opj_stream_destroy(s); }
};
struct ImageDeleter {
    void operator()(opj_image_t *i) const { opj_image_destroy(i); }
};

} // namespace

bool looksLikeJ2k(const std::uint8_t *d, std::size_t n)
{
    static const std::uint8_t jp2[] = {0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20};
    if (n >= 4 && d[0] == 0xFF && d[1] == 0x4F && d[2] == 0xFF && d[3] == 0x51)
        return true;
    return n >= sizeof jp2 && std::memcmp(d, jp2, sizeof jp2) == 0;
}

constexpr std::uint64_t kMaxJ2kTiles = 1024;

J2kResult decodeJ2kFrame(const std::uint8_t *data, std::size_t size, const J2kTarget &t, QByteArray &out)
{
    J2kResult r;
    if (size < 4) {
        r.error = QStringLiteral("fragment of %1 bytes holds no JPEG 2000 codestream").arg(size);
        return r;
    }
    // Some writers put a JP2 file, not a bare codestream, into the fragment.
    static const std::uint8_t jp2[] = {0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20};
    const bool isJp2 = size >= sizeof jp2 && std::memcmp(data, jp2, sizeof jp2) == 0;
    if (!isJp2 && !(data[0] == 0xFF && data[1] == 0x4F)) {
        r.error = QStringLiteral("data does not start with a JPEG 2000 codestream (bytes %1)")
                      .arg(QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(data), 4).toHex(' ')));
        return r;
    }

    QStringList errors;
    std::unique_ptr<opj_codec_t, CodecDeleter> codec(opj_create_decompress(isJp2 ? OPJ_CODEC_JP2 : OPJ_CODEC_J2K));
    if (!codec) {
        r.error = QStringLiteral("OpenJPEG could not create a decoder");
        return r;
    }
    opj_set_error_handler(codec.get(), collectMessage, &errors);
    opj_set_warning_handler(codec.get(), ignoreMessage, nullptr);
    opj_set_info_handler(codec.get(), ignoreMessage, nullptr);

    opj_dparameters_t params;
    opj_set_default_decoder_parameters(&params);
    auto failed = [&](const char *what) {
        r.error = errors.isEmpty() ? QString::fromLatin1(what) : errors.join(QStringLiteral("; "));
        return r;
    };
    if (!opj_setup_decoder(codec.get(), &params))
        return failed("OpenJPEG decoder setup failed");
    opj_decoder_set_strict_mode(codec.get(), OPJ_TRUE);

    MemoryStream mem{data, size, 0};
    std::unique_ptr<opj_stream_t, StreamDeleter> stream(opj_stream_create(OPJ_J2K_STREAM_CHUNK_SIZE, OPJ_TRUE));
    if (!stream)
        return failed("OpenJPEG could not create a stream");
    opj_stream_set_user_data(stream.get(), &mem, nullptr);
    opj_stream_set_user_data_length(stream.get(), size);
    opj_stream_set_read_function(stream.get(), readStream);
    opj_stream_set_skip_function(stream.get(), skipStream);
    opj_stream_set_seek_function(stream.get(), seekStream);

    opj_image_t *rawImage = nullptr;
    if (!opj_read_header(stream.get(), codec.get(), &rawImage)) {
        opj_image_destroy(rawImage);
        return failed("cannot read the JPEG 2000 header");
    }
    std::unique_ptr<opj_image_t, ImageDeleter> image(rawImage);
    // Judge the header before OpenJPEG allocates for it: an image of other
    // size than the DICOM one, or thousands of tiles (each costs OpenJPEG
    // about 150 KB before a byte is decoded; a 257-byte stream of 1 x 65284
    // pixels in 4-row tiles made it allocate 2.3 GB), is refused here.
    const std::uint64_t width = image->x1 - image->x0, height = image->y1 - image->y0;
    if (width != std::uint64_t(t.columns) || height != std::uint64_t(t.rows)) {
        r.error = QStringLiteral("the codestream is %1 x %2 but the image is %3 x %4 (columns x rows)")
                      .arg(width)
                      .arg(height)
                      .arg(t.columns)
                      .arg(t.rows);
        return r;
    }
    if (opj_codestream_info_v2_t *cstr = opj_get_cstr_info(codec.get())) {
        r.colorTransformed = cstr->m_default_tile_info.mct != 0;
        const std::uint64_t tiles = std::uint64_t(cstr->tw) * cstr->th;
        opj_destroy_cstr_info(&cstr);
        if (tiles > kMaxJ2kTiles) {
            r.error = QStringLiteral("the codestream has %1 tiles (at most %2 are decoded)").arg(tiles).arg(kMaxJ2kTiles);
            return r;
        }
    }
    if (!opj_decode(codec.get(), stream.get(), image.get()) || !opj_end_decompress(codec.get(), stream.get()))
        return failed("JPEG 2000 decoding failed");

    if (int(image->numcomps) < t.samplesPerPixel) {
        r.error = QStringLiteral("codestream has %1 component(s) but Samples per Pixel is %2")
                      .arg(image->numcomps)
                      .arg(t.samplesPerPixel);
        return r;
    }
    for (int c = 0; c < t.samplesPerPixel; ++c) {
        const opj_image_comp_t &comp = image->comps[c];
        if (!comp.data || int(comp.w) != t.columns || int(comp.h) != t.rows) {
            r.error = QStringLiteral("component %1 is %2 x %3 but the image is %4 x %5 (columns x rows)")
                          .arg(c)
                          .arg(comp.w)
                          .arg(comp.h)
                          .arg(t.columns)
                          .arg(t.rows);
            return r;
        }
        if (int(comp.prec) > t.bitsAllocated) {
            r.error = QStringLiteral("codestream has %1-bit samples but Bits Allocated is %2").arg(comp.prec).arg(t.bitsAllocated);
            return r;
        }
    }
    r.codestreamSigned = image->comps[0].sgnd != 0;
    r.precision = int(image->comps[0].prec);

    const int bytes = t.bitsAllocated / 8;
    const std::size_t pixels = std::size_t(t.rows) * std::size_t(t.columns);
    out.resize(qsizetype(pixels * t.samplesPerPixel * bytes));
    auto *dst = reinterpret_cast<std::uint8_t *>(out.data());
    for (int c = 0; c < t.samplesPerPixel; ++c) {
        const OPJ_INT32 *src = image->comps[c].data;
        std::uint8_t *p = dst + c * bytes;
        const std::size_t step = std::size_t(t.samplesPerPixel) * bytes;
        for (std::size_t i = 0; i < pixels; ++i, p += step) {
            const std::uint32_t v = std::uint32_t(src[i]);
            // Little-endian low bits; two's complement keeps negative values.
            for (int b = 0; b < bytes; ++b)
                p[b] = std::uint8_t(v >> (8 * b));
        }
    }
    return r;
}

} // namespace kilima::dicom::detail
