// /rendered and /thumbnail at every level (PS3.18 8.3.5 / 10.4 and 8.3.6),
// and WADO-URI (PS3.18 9). Parameters are checked here; the pixels come
// from render.cpp. Study and series /rendered stream one rendered image per
// instance (multipart/related), never holding the series in memory.
#include "render_p.h"
#include "service_p.h"
#include "transcode_p.h"

#include <kilima/archive/archive.h>
#include <kilima/dicom/deidentify.h>
#include <kilima/dicom/dicomfile.h>
#include <kilima/dicomweb/mediatype.h>
#include <kilima/dicomweb/multipart.h>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dcostrmb.h>
#include <dcmtk/dcmdata/dcwcache.h>
#include <dcmtk/dcmdata/dcxfer.h>

#include <QLoggingCategory>

namespace kilima::dicomweb {

using archive::Level;

namespace {

Q_LOGGING_CATEGORY(lcRender, "kilima.dicomweb.render")

// Parses "a,b[,...]" into doubles; false on junk.
bool parseNumbers(const QString &text, QList<double> *out)
{
    for (const QString &p : text.split(QLatin1Char(','))) {
        bool ok = false;
        const double v = p.trimmed().toDouble(&ok);
        if (!ok)
            return false;
        *out << v;
    }
    return true;
}

struct ImageChoice {
    bool png = false;
    bool multipart = false;
};

// image/jpeg (default) or image/png, plain or inside multipart/related.
bool chooseImage(const QByteArray &accept, ImageChoice *c)
{
    const QList<MediaType> ranges = parseAccept(accept);
    if (ranges.isEmpty())
        return true;
    for (const MediaType &m : ranges) {
        QByteArray type = m.type;
        bool multipart = false;
        if (m.is("multipart/related") || m.is("multipart/*")) {
            type = m.param("type").toLower();
            multipart = true;
            if (type.isEmpty())
                type = "image/jpeg";
        }
        if (type == "image/jpeg" || type == "image/*" || type == "*/*") {
            c->multipart = multipart;
            return true;
        }
        if (type == "image/png") {
            c->png = true;
            c->multipart = multipart;
            return true;
        }
    }
    return false;
}

// The rendering parameters of PS3.18 8.3.5.1; empty when all are valid.
QString parseRenderParameters(const HttpRequest &req, RenderOptions *o)
{
    if (hasQuery(req, "window")) {
        const QStringList w = queryValue(req, "window").split(QLatin1Char(','));
        QList<double> nums;
        if (w.size() < 2 || w.size() > 3 || !parseNumbers(w.mid(0, 2).join(QLatin1Char(',')), &nums) || nums.at(1) <= 0)
            return QStringLiteral("window is center,width[,linear|sigmoid] with width > 0");
        o->hasWindow = true;
        o->center = nums.at(0);
        o->width = nums.at(1);
        if (w.size() == 3) {
            const QString fn = w.at(2).trimmed().toLower();
            if (fn != QLatin1String("linear") && fn != QLatin1String("sigmoid"))
                return QStringLiteral("window function must be linear or sigmoid");
            o->sigmoid = fn == QLatin1String("sigmoid");
        }
    }
    if (hasQuery(req, "viewport")) {
        QList<double> v;
        if (!parseNumbers(queryValue(req, "viewport"), &v) || (v.size() != 2 && v.size() != 6) || v.at(0) < 1 || v.at(1) < 1 ||
            v.at(0) > 8192 || v.at(1) > 8192)
            return QStringLiteral("viewport is vw,vh[,sx,sy,sw,sh] (vw and vh 1 to 8192 pixels)");
        o->viewportWidth = int(v.at(0));
        o->viewportHeight = int(v.at(1));
        if (v.size() == 6) {   // source region sx,sy,sw,sh
            if (v.at(2) < 0 || v.at(3) < 0 || v.at(4) < 1 || v.at(5) < 1)
                return QStringLiteral("viewport region sx,sy,sw,sh must be inside the image, sw and sh >= 1");
            o->cropX = int(v.at(2));
            o->cropY = int(v.at(3));
            o->cropWidth = int(v.at(4));
            o->cropHeight = int(v.at(5));
        }
    }
    if (hasQuery(req, "quality")) {
        bool ok = false;
        o->quality = queryValue(req, "quality").toInt(&ok);
        if (!ok || o->quality < 1 || o->quality > 100)
            return QStringLiteral("quality is 1 to 100");
    }
    if (hasQuery(req, "annotation")) {
        // PS3.18 8.3.5.1.1: "patient" and/or "technique", burned into the
        // pixels (annotation_p.h).
        for (const QString &a : queryValue(req, "annotation").split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QString v = a.trimmed().toLower();
            if (v == QLatin1String("patient"))
                o->annotatePatient = true;
            else if (v == QLatin1String("technique"))
                o->annotateTechnique = true;
            else
                return QStringLiteral("annotation is patient and/or technique");
        }
    }
    return {};
}

int renderErrorStatus(const QString &error, int frame)
{
    if (error.contains(QLatin1String("viewport region")))
        return 400;
    if (error.startsWith(QLatin1String("cannot read the stored file")))
        return 500;
    // A frame beyond the object is not there; anything else about the
    // pixels (a codec, a malformed frame) cannot be served as an image.
    if (frame > 0 && error.contains(QLatin1String("no frame")))
        return 404;
    return 406;
}

} // namespace

HttpReply WebService::rendered(const HttpRequest &req, Level level, const QString &studyUid, const QString &seriesUid,
                               const QString &sopUid, int frame, bool thumbnail)
{
    RenderOptions o;
    if (thumbnail)
        o.viewportWidth = o.viewportHeight = 128;
    ImageChoice choice;
    if (!chooseImage(req.accept, &choice))
        return HttpReply::error(406, QStringLiteral("rendered images are served as image/jpeg or image/png "
                                                    "(multipart/related of those for studies and series)"));
    o.png = choice.png;
    if (const QString bad = parseRenderParameters(req, &o); !bad.isEmpty())
        return HttpReply::error(400, bad);
    HttpReply reply;
    const QStringList files = filesOf(level, studyUid, seriesUid, sopUid, &reply);
    if (files.isEmpty())
        return reply;
    const QByteArray imageType = o.png ? "image/png" : "image/jpeg";
    o.frame = frame;
    const QString action = thumbnail ? QStringLiteral("WADO-RS thumbnail") : QStringLiteral("WADO-RS rendered");
    // Every rendered image is audited like a retrieve; one with the patient
    // annotation discloses identity in its pixels, and the record says so.
    const QString annotated = o.annotatePatient ? QStringLiteral(", annotated with patient identity")
                              : o.annotateTechnique ? QStringLiteral(", annotated with technique") : QString();

    // Rendered study or series: every instance, one part each, streamed.
    if (!thumbnail && level != Level::Instance) {
        const QByteArray boundary = newBoundary();
        reply.contentType = "multipart/related; type=\"" + imageType + "\"; boundary=" + boundary;
        reply.stream = [files, o, boundary, imageType](const Sink &sink) {
            for (const QString &file : files) {
                auto image = renderFile(file, o);
                if (!image) {
                    // Objects without pixels (SR, PDF) or that cannot be
                    // rendered are left out of a series' images.
                    qCDebug(lcRender).noquote() << "left out of a rendered series:" << image.error();
                    continue;
                }
                const QByteArray head = partHeader(boundary, imageType);
                if (!sink(head.constData(), head.size()) || !sink(image.value().constData(), image.value().size()) ||
                    !sink("\r\n", 2))
                    return false;
            }
            const QByteArray end = closingDelimiter(boundary);
            return sink(end.constData(), end.size());
        };
        audit(req, action, studyUid, QStringLiteral("success"),
              QStringLiteral("%1 level, %2 instances%3").arg(archive::toString(level).toLower()).arg(files.size()).arg(annotated));
        return reply;
    }

    // A study's or series' thumbnail is its middle instance's.
    const QString file = files.at(files.size() / 2);
    auto image = renderFile(file, o);
    if (!image) {
        audit(req, action, studyUid, QStringLiteral("failure"), image.error());
        HttpReply e = HttpReply::error(renderErrorStatus(image.error(), frame), image.error());
        return e;
    }
    audit(req, action, studyUid, QStringLiteral("success"),
          QStringLiteral("%1 level%2").arg(archive::toString(level).toLower(), annotated));
    if (choice.multipart) {
        const QByteArray boundary = newBoundary();
        reply.contentType = "multipart/related; type=\"" + imageType + "\"; boundary=" + boundary;
        reply.body = partHeader(boundary, imageType) + image.value() + "\r\n" + closingDelimiter(boundary);
    } else {
        reply.contentType = imageType;
        reply.body = image.take();
    }
    return reply;
}

namespace {

// WADO-URI anonymize=yes (PS3.18 9.1.2.2.5): the stored object
// de-identified with the Basic Profile, in explicit VR little endian (or as
// stored with transferSyntax=*), built in memory: one instance.
core::Result<QByteArray> anonymizedObject(const QString &path, const QString &ts)
{
    DcmFileFormat ff;
    const OFCondition loaded = ff.loadFile(path.toLocal8Bit().constData());
    if (loaded.bad())
        return core::Error{QStringLiteral("cannot read the stored file: %1").arg(QString::fromLatin1(loaded.text()))};
    DcmDataset *ds = ff.getDataset();
    dicom::Deidentifier deidentifier;
    if (const core::Status st = deidentifier.apply(*ds); !st)
        return core::Error{QStringLiteral("the object cannot be de-identified: %1").arg(st.error())};
    E_TransferSyntax xfer = ds->getOriginalXfer();
    if (ts != QLatin1String("*")) {
        xfer = DcmXfer(ts.toLatin1().constData()).getXfer();
        if (ds->chooseRepresentation(xfer, nullptr).bad() || !ds->canWriteXfer(xfer))
            return core::Error{QStringLiteral("the object cannot be converted to transfer syntax %1").arg(ts)};
    }
    // The meta header must name the new SOP Instance UID and syntax.
    ff.getMetaInfo()->clear();
    ff.validateMetaInfo(xfer);
    auto out = dicom::writePart10(ff, xfer);
    if (!out)
        return core::Error{QStringLiteral("cannot write the de-identified object: %1").arg(out.error())};
    return out;
}

} // namespace

HttpReply WebService::wadoUri(const HttpRequest &req)
{
    if (queryValue(req, "requestType") != QLatin1String("WADO"))
        return HttpReply::error(400, QStringLiteral("requestType=WADO is required"));
    const QString study = queryValue(req, "studyUID"), series = queryValue(req, "seriesUID"), object = queryValue(req, "objectUID");
    if (!isValidUid(study) || !isValidUid(series) || !isValidUid(object))
        return HttpReply::error(400, QStringLiteral("studyUID, seriesUID and objectUID must be valid UIDs"));
    bool anonymize = false;
    if (hasQuery(req, "anonymize")) {
        if (queryValue(req, "anonymize") != QLatin1String("yes"))
            return HttpReply::error(400, QStringLiteral("anonymize takes the value yes"));
        anonymize = true;
    }
    QStringList types = queryValue(req, "contentType").split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (QString &t : types)
        t = t.trimmed().toLower();
    if (types.isEmpty())
        types << QStringLiteral("image/jpeg");
    for (const QString &t : types) {
        if (t == QLatin1String("application/dicom")) {
            QString ts = queryValue(req, "transferSyntax");
            if (ts.isEmpty())
                ts = QString::fromLatin1(kExplicitLittleEndian);
            if (anonymize) {
                if (ts != QLatin1String("*") && ts != QLatin1String(kExplicitLittleEndian) &&
                    ts != QLatin1String("1.2.840.10008.1.2"))
                    return HttpReply::error(406, QStringLiteral("a de-identified object is sent as stored (transferSyntax=*) or "
                                                                "in 1.2.840.10008.1.2.1 or 1.2.840.10008.1.2"));
                HttpReply reply;
                const QStringList files = filesOf(Level::Instance, study, series, object, &reply);
                if (files.isEmpty())
                    return reply;
                auto bytes = anonymizedObject(files.constFirst(), ts);
                if (!bytes) {
                    audit(req, QStringLiteral("WADO-URI anonymized"), study, QStringLiteral("failure"), bytes.error());
                    return HttpReply::error(bytes.error().startsWith(QLatin1String("cannot read")) ? 500 : 406, bytes.error());
                }
                audit(req, QStringLiteral("WADO-URI anonymized"), study, QStringLiteral("success"), QStringLiteral("instance level"));
                reply.contentType = "application/dicom";
                reply.body = bytes.take();
                return reply;
            }
            HttpRequest r = req;
            r.accept = QByteArray("application/dicom; transfer-syntax=") + ts.toLatin1();
            return retrieve(r, Level::Instance, study, series, object);
        }
        if (t == QLatin1String("image/jpeg") || t == QLatin1String("image/png") || t == QLatin1String("*/*") ||
            t == QLatin1String("image/*")) {
            // PS3.18 9.1.2.2.5: anonymize applies to application/dicom only.
            if (anonymize)
                return HttpReply::error(400, QStringLiteral("anonymize=yes is only served with contentType=application/dicom"));
            HttpRequest r = req;
            r.accept = t == QLatin1String("image/png") ? "image/png" : "image/jpeg";
            r.query.clear();
            const QString rows = queryValue(req, "rows"), cols = queryValue(req, "columns");
            if (!rows.isEmpty() || !cols.isEmpty())
                r.query.append({QStringLiteral("viewport"), (cols.isEmpty() ? QStringLiteral("8192") : cols) + QLatin1Char(',') +
                                                                   (rows.isEmpty() ? QStringLiteral("8192") : rows)});
            if (hasQuery(req, "windowCenter") || hasQuery(req, "windowWidth"))
                r.query.append({QStringLiteral("window"), queryValue(req, "windowCenter") + QLatin1Char(',') + queryValue(req, "windowWidth")});
            if (hasQuery(req, "imageQuality"))
                r.query.append({QStringLiteral("quality"), queryValue(req, "imageQuality")});
            int frame = 0;
            if (hasQuery(req, "frameNumber")) {
                bool ok = false;
                frame = queryValue(req, "frameNumber").toInt(&ok) - 1;
                if (!ok || frame < 0)
                    return HttpReply::error(400, QStringLiteral("frameNumber is a positive integer"));
            }
            return rendered(r, Level::Instance, study, series, object, frame, false);
        }
    }
    return HttpReply::error(406, QStringLiteral("WADO-URI serves application/dicom, image/jpeg and image/png"));
}

} // namespace kilima::dicomweb
