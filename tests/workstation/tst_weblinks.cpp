// The study list's "Share Link…" and "Open in Web Viewer": the dialog makes
// a link that the node's share table accepts for that study only, and both
// say why not when the node's web server is off or the viewer is missing.
#include "peers.h"
#include "phantom.h"

#include "weblinks.h"

#include <kilima/archive/archive.h>
#include <kilima/archive/auditlog.h>
#include <kilima/archive/importer.h>
#include <kilima/dicomweb/shares.h>

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace kilima;

class TestWebLinks : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_study;

    std::shared_ptr<archive::Archive> openArchive(const core::Config &config)
    {
        const QString data = m_tmp.filePath(QStringLiteral("data"));
        if (!core::DataDir(data).ensure())
            return {};
        auto opened = archive::Archive::open(core::DataDir(data), config);
        if (!opened)
            return {};
        return std::shared_ptr<archive::Archive>(std::move(opened).value().release());
    }

    core::Config configWithViewer()
    {
        core::Config config;
        config.node.httpPort = 18042;
        config.node.bindAddress = QStringLiteral("127.0.0.1");
        const QString viewer = m_tmp.filePath(QStringLiteral("ohif"));
        QDir().mkpath(viewer);
        QFile index(viewer + QStringLiteral("/index.html"));
        if (index.open(QIODevice::WriteOnly))
            index.write("<!doctype html><title>viewer</title>");
        config.http.viewerDir = viewer;
        return config;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        auto archive = openArchive(core::Config());
        QVERIFY(archive);
        test::CtPhantom ph;
        ph.slices = 3;
        ph.studyUid = test::newUid();
        m_study = ph.studyUid;
        const QString src = m_tmp.filePath(QStringLiteral("src"));
        QDir().mkpath(src);
        QCOMPARE(archive::Importer(*archive).run(test::writeCtPhantom(src, ph)).imported, 3);
    }

    void shareLinkDialog_CreatesALinkForThatStudyOnly()
    {
        auto archive = openArchive(configWithViewer());
        QVERIFY(archive);
        workstation::ShareLinkDialog dialog(archive, m_study, QStringLiteral("dr.reader"));
        dialog.show();
        QPushButton *createButton = nullptr;
        for (QPushButton *b : dialog.findChildren<QPushButton *>())
            if (b->text().remove(QLatin1Char('&')) == QLatin1String("Create Link"))
                createButton = b;
        QVERIFY(createButton);
        QTest::mouseClick(createButton, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.link().isEmpty(), 15000);

        const QString link = dialog.link();
        QVERIFY2(link.startsWith(QLatin1String("http://127.0.0.1:18042/share/")), qPrintable(link));
        const QString token = link.section(QLatin1Char('/'), -1);
        QVERIFY(token.size() >= 32);

        // The node's own share table accepts the token, for this study, as
        // made by the reader, for the chosen 7 days.
        dicomweb::Shares shares(archive->databasePath());
        const auto used = shares.use(token);
        QVERIFY2(used.ok(), qPrintable(used.error()));
        QCOMPARE(used.value().studyUid, m_study);
        QCOMPARE(used.value().createdBy, QStringLiteral("dr.reader"));
        const qint64 lifetime = used.value().createdAt.secsTo(used.value().expiresAt);
        QVERIFY2(qAbs(lifetime - 7 * 86400) < 5, qPrintable(QString::number(lifetime)));

        // The token itself is neither shown in the status line nor stored.
        for (QLabel *l : dialog.findChildren<QLabel *>())
            QVERIFY(!l->text().contains(token));
        QFile db(archive->databasePath());
        QVERIFY(db.open(QIODevice::ReadOnly));
        QVERIFY(!db.readAll().contains(token.toUtf8()));

        // The creation is in the audit log, under the reader.
        archive->auditLog().flush();
        archive::AuditFilter f;
        f.studyUid = m_study;
        const auto lines = archive->auditLog().list(f);
        QVERIFY2(lines.ok(), qPrintable(lines.error()));
        bool audited = false;
        for (const archive::AuditRecord &r : lines.value())
            audited = audited || (r.action == QLatin1String("share link created") && r.actor == QLatin1String("dr.reader"));
        QVERIFY(audited);
    }

    void shareLinkDialog_UnknownStudy_SaysSoAndMakesNoLink()
    {
        auto archive = openArchive(configWithViewer());
        QVERIFY(archive);
        workstation::ShareLinkDialog dialog(archive, QStringLiteral("1.2.3.4.5.999"), QStringLiteral("dr.reader"));
        for (QPushButton *b : dialog.findChildren<QPushButton *>())
            if (b->text().remove(QLatin1Char('&')) == QLatin1String("Create Link"))
                QTest::mouseClick(b, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (QLabel *l : dialog.findChildren<QLabel *>())
                    if (l->text().contains(QLatin1String("no study 1.2.3.4.5.999")))
                        return true;
                return false;
            }(),
            15000);
        QVERIFY(dialog.link().isEmpty());
    }

    void webViewer_Unavailable_SaysWhy()
    {
        core::Config off = configWithViewer();
        off.node.httpPort = 0;
        auto archive = openArchive(off);
        QVERIFY(archive);
        QVERIFY(workstation::webViewerUnavailable(*archive).contains(QLatin1String("web server is off")));

        core::Config missing = configWithViewer();
        missing.http.viewerDir = m_tmp.filePath(QStringLiteral("nowhere"));
        archive = openArchive(missing);
        QVERIFY(archive);
        QVERIFY(workstation::webViewerUnavailable(*archive).contains(QLatin1String("not installed")));

        archive = openArchive(configWithViewer());
        QVERIFY(archive);
        QCOMPARE(workstation::webViewerUnavailable(*archive), QString());
        QCOMPARE(dicomweb::viewerUrl(archive->config(), m_study),
                 QStringLiteral("http://127.0.0.1:18042/viewer/viewer?StudyInstanceUIDs=") + m_study);
    }
};

QTEST_MAIN(TestWebLinks)
#include "tst_weblinks.moc"
