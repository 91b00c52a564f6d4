// Burned-in annotation on /rendered and /thumbnail (PS3.18 8.3.5.1.1):
// text appears in the corners the request names and nowhere else, the image
// without annotation is untouched, the text follows the image size, reads
// over bright images too (outline), names in Greek (ISO_IR 126) and Japanese
// (ISO_IR 192) draw their glyphs, and a patient-annotated image is audited.
// Against the server in process over raw sockets; PNGs decoded by QImage.
#include "annotation_p.h"
#include "phantom.h"
#include "rawhttp.h"

#include <kilima/archive/archive.h>
#include <kilima/archive/auditlog.h>
#include <kilima/core/datadir.h>
#include <kilima/dicomweb/server.h>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>

#include <QFile>
#include <QImage>
#include <QRect>
#include <QTemporaryDir>
#include <QTest>

using namespace kilima;

namespace {

struct Stored {
    QString study, series, sop;
};

// Pixels that differ between two images of the same size, as a box.
QRect changedBox(const QImage &a, const QImage &b, const QRect &area)
{
    QRect box;
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x)
            if (a.pixel(x, y) != b.pixel(x, y))
                box |= QRect(x, y, 1, 1);
    return box;
}

} // namespace

class TestAnnotation : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    std::unique_ptr<archive::Archive> m_archive;
    std::unique_ptr<dicomweb::DicomWebServer> m_server;
    quint16 m_port = 0;
    QByteArray m_auth;
    Stored m_ct, m_greek, m_japanese, m_questionMarks;

    // One phantom slice, its patient name stored as `nameBytes` in `charset`.
    Stored store(const QString &dir, const QByteArray &charset, const QByteArray &nameBytes)
    {
        test::CtPhantom p;
        p.slices = 1;
        p.rows = p.columns = 64;
        p.patientId = QStringLiteral("ANNOT-") + dir;
        const QString file = test::writeCtPhantom(m_tmp.filePath(dir), p).constFirst();
        DcmFileFormat ff;
        if (ff.loadFile(file.toLocal8Bit().constData()).bad())
            return {};
        ff.loadAllDataIntoMemory();   // it is written back to the same file
        DcmDataset *ds = ff.getDataset();
        if (!charset.isEmpty()) {
            ds->putAndInsertString(DCM_SpecificCharacterSet, charset.constData());
            ds->putAndInsertString(DCM_PatientName, nameBytes.constData());
        }
        ds->putAndInsertString(DCM_PatientBirthDate, "19700101");
        ds->putAndInsertString(DCM_PatientSex, "F");
        ds->putAndInsertString(DCM_SeriesDescription, "AXIAL 5mm");
        if (ff.saveFile(file.toLocal8Bit().constData(), EXS_LittleEndianExplicit).bad())
            return {};
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly) || !m_archive->ingest({f.readAll(), QStringLiteral("test")}).success())
            return {};
        OFString study, series, sop;
        ds->findAndGetOFString(DCM_StudyInstanceUID, study);
        ds->findAndGetOFString(DCM_SeriesInstanceUID, series);
        ds->findAndGetOFString(DCM_SOPInstanceUID, sop);
        return {QString::fromLatin1(study.c_str()), QString::fromLatin1(series.c_str()), QString::fromLatin1(sop.c_str())};
    }

    QByteArray get(const Stored &s, const QString &what, const QByteArray &accept = "image/png", QByteArray *headers = nullptr)
    {
        const QString path = QStringLiteral("/dicom-web/studies/%1/series/%2/instances/%3/%4").arg(s.study, s.series, s.sop, what);
        test::RawClient c(m_port);
        c.send("GET " + path.toLatin1() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nAuthorization: " + m_auth +
               "\r\nAccept: " + accept + "\r\n\r\n");
        const QByteArray r = c.readAll(20000);
        const int end = r.indexOf("\r\n\r\n");
        if (headers)
            *headers = test::statusOf(r) == 200 ? r.left(end) : r;
        return test::statusOf(r) == 200 && !r.left(end).toLower().contains("transfer-encoding: chunked") ? r.mid(end + 4)
                                                                                                       : QByteArray();
    }

    QImage image(const Stored &s, const QString &what)
    {
        QByteArray headers;
        const QByteArray png = get(s, what, "image/png", &headers);
        [&] { QVERIFY2(png.startsWith("\x89PNG"), headers.constData()); }();
        return QImage::fromData(png, "PNG").convertToFormat(QImage::Format_RGB32);
    }

private Q_SLOTS:
    void initTestCase()
    {
        core::Config config;
        config.node.bindAddress = QStringLiteral("127.0.0.1");
        config.node.httpPort = 0;
        config.http.threads = 2;
        auto a = archive::Archive::open(core::DataDir(m_tmp.filePath(QStringLiteral("data"))), config);
        QVERIFY2(a.ok(), qPrintable(a.error()));
        m_archive = std::move(a.value());
        m_ct = store(QStringLiteral("latin"), {}, {});
        // ΠΑΠΑΔΟΠΟΥΛΟΥ^ΕΛΕΝΗ in ISO 8859-7 bytes.
        m_greek = store(QStringLiteral("greek"), "ISO_IR 126", "\xD0\xC1\xD0\xC1\xC4\xCF\xD0\xCF\xD5\xCB\xCF\xD5^\xC5\xCB\xC5\xCD\xC7");
        m_japanese = store(QStringLiteral("japanese"), "ISO_IR 192", QStringLiteral("山田^太郎").toUtf8());
        m_questionMarks = store(QStringLiteral("questions"), "ISO_IR 192", "????????????^?????");
        QVERIFY(!m_ct.sop.isEmpty() && !m_greek.sop.isEmpty() && !m_japanese.sop.isEmpty() && !m_questionMarks.sop.isEmpty());
        m_server = std::make_unique<dicomweb::DicomWebServer>(*m_archive, config);
        const auto started = m_server->start();
        QVERIFY2(started.ok(), qPrintable(started.error()));
        m_port = m_server->port();
        m_auth = "Basic " + QByteArray("admin:" + m_server->initialAdminPassword().toUtf8()).toBase64();
    }

    void cleanupTestCase()
    {
        m_server.reset();
        m_archive.reset();
    }

    void withoutAnnotation_theImageIsUnchanged_andHasNoWarning()
    {
        QByteArray headers;
        const QByteArray first = get(m_ct, QStringLiteral("rendered?viewport=512,512"), "image/png", &headers);
        QVERIFY(!first.isEmpty());
        QCOMPARE(get(m_ct, QStringLiteral("rendered?viewport=512,512")), first);
        get(m_ct, QStringLiteral("rendered?annotation=patient"), "image/png", &headers);
        QVERIFY2(!headers.contains("Warning"), headers.constData());   // drawn now, not warned about
    }

    void patientAndTechnique_areDrawnInTheirCorners_only()
    {
        const QImage plain = image(m_ct, QStringLiteral("rendered?viewport=512,512"));
        QCOMPARE(plain.size(), QSize(512, 512));
        const QRect left(0, 0, 256, 160), right(256, 0, 256, 160), rest(0, 160, 512, 352);
        const QImage patient = image(m_ct, QStringLiteral("rendered?viewport=512,512&annotation=patient"));
        const QImage technique = image(m_ct, QStringLiteral("rendered?viewport=512,512&annotation=technique"));
        const QImage both = image(m_ct, QStringLiteral("rendered?viewport=512,512&annotation=patient,technique"));
        QVERIFY(!changedBox(plain, patient, left).isEmpty());
        QVERIFY(changedBox(plain, patient, right).isEmpty());
        QVERIFY(!changedBox(plain, technique, right).isEmpty());
        QVERIFY(changedBox(plain, technique, left).isEmpty());
        QVERIFY(!changedBox(plain, both, left).isEmpty() && !changedBox(plain, both, right).isEmpty());
        // The rest of the image is the same pixels (PNG: lossless).
        for (const QImage &annotated : {patient, technique, both})
            QVERIFY(changedBox(plain, annotated, rest).isEmpty());
        // JPEG too, and the thumbnail.
        QVERIFY(get(m_ct, QStringLiteral("rendered?annotation=patient"), "image/jpeg") != get(m_ct, QStringLiteral("rendered"), "image/jpeg"));
        const QImage thumb = image(m_ct, QStringLiteral("thumbnail?annotation=technique"));
        QVERIFY(!changedBox(image(m_ct, QStringLiteral("thumbnail")), thumb, thumb.rect()).isEmpty());
    }

    void text_isScaledWithTheViewport_andOutlined()
    {
        const QImage small = image(m_ct, QStringLiteral("rendered?viewport=160,160&annotation=patient"));
        const QImage large = image(m_ct, QStringLiteral("rendered?viewport=1024,1024&annotation=patient"));
        const QRect smallBox = changedBox(image(m_ct, QStringLiteral("rendered?viewport=160,160")), small, small.rect());
        const QRect largeBox = changedBox(image(m_ct, QStringLiteral("rendered?viewport=1024,1024")), large, large.rect());
        QVERIFY(!smallBox.isEmpty());
        QVERIFY2(largeBox.height() > 2 * smallBox.height(), qPrintable(QStringLiteral("%1 vs %2").arg(largeBox.height()).arg(smallBox.height())));
        // Over a white image the text shows by its dark outline.
        const QString white = QStringLiteral("rendered?viewport=512,512&window=-3000,10");
        const QImage plain = image(m_ct, white), annotated = image(m_ct, white + QStringLiteral("&annotation=patient"));
        QCOMPARE(qGray(plain.pixel(5, 5)), 255);
        int dark = 0;
        for (int y = 0; y < 160; ++y)
            for (int x = 0; x < 256; ++x)
                dark += qGray(annotated.pixel(x, y)) < 64;
        QVERIFY2(dark > 50, qPrintable(QString::number(dark)));
    }

    void nonLatinNames_drawTheirGlyphs()
    {
        // The name is decoded with the dataset's Specific Character Set.
        DcmDataset ds;
        ds.putAndInsertString(DCM_SpecificCharacterSet, "ISO_IR 126");
        ds.putAndInsertString(DCM_PatientName, "\xD0\xC1\xD0\xC1\xC4\xCF\xD0\xCF\xD5\xCB\xCF\xD5^\xC5\xCB\xC5\xCD\xC7");
        const dicomweb::AnnotationLines lines = dicomweb::annotationLines(ds, true, false, {});
        QCOMPARE(lines.patient.value(0), QStringLiteral("ΠΑΠΑΔΟΠΟΥΛΟΥ, ΕΛΕΝΗ"));

        const QString q = QStringLiteral("rendered?viewport=512,512&annotation=patient");
        const QRect nameLine(0, 0, 256, 30);
        const QImage unknown = image(m_questionMarks, q);
        for (const Stored *s : {&m_greek, &m_japanese}) {
            const QImage plain = image(*s, QStringLiteral("rendered?viewport=512,512")), named = image(*s, q);
            int ink = 0;
            for (int y = nameLine.top(); y <= nameLine.bottom(); ++y)
                for (int x = nameLine.left(); x <= nameLine.right(); ++x)
                    ink += named.pixel(x, y) != plain.pixel(x, y);
            QVERIFY2(ink > 40, qPrintable(QString::number(ink)));
            // Not the '?' a missing glyph would fall back to.
            QVERIFY(!changedBox(unknown, named, nameLine).isEmpty());
        }
    }

    void patientAnnotation_isAuditedAsADisclosure()
    {
        QVERIFY(!get(m_ct, QStringLiteral("rendered?annotation=patient")).isEmpty());
        m_archive->auditLog().flush();
        archive::AuditFilter filter;
        filter.studyUid = m_ct.study;
        const auto records = m_archive->auditLog().list(filter);
        QVERIFY2(records.ok(), qPrintable(records.error()));
        bool found = false;
        for (const archive::AuditRecord &r : records.value())
            found = found || (r.action == QLatin1String("WADO-RS rendered") && r.outcome == QLatin1String("success") &&
                              r.actor == QLatin1String("admin") && r.detail.contains(QLatin1String("patient identity")));
        QVERIFY(found);
    }
};

QTEST_GUILESS_MAIN(TestAnnotation)
#include "tst_annotation.moc"
