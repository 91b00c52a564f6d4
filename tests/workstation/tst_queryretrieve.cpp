// Query/retrieve driven through the real panel with mouse and keys: a
// second `kilima-node serve` on its own data directory is the remote node.
// The search lists the peer's studies with the typed filter; C-GET brings
// one study into the local archive; C-MOVE sends another to this
// workstation's embedded node; an unreachable node is explained plainly.
#include "peers.h"
#include "phantom.h"

#include <kilima/archive/archive.h>
#include <kilima/archive/importer.h>
#include <kilima/archive/knownnodes.h>
#include <kilima/archive/users.h>
#include <kilima/browser/queryretrievepanel.h>
#include <kilima/node/node.h>

#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QSignalSpy>
#include <QTest>

using namespace kilima;
using browser::QueryRetrievePanel;

namespace {

const QString kLocalAe = QStringLiteral("KILIMA_WS");

int nodeCli(const QString &data, const QStringList &args)
{
    QString out;
    const int rc = test::runTool(QStringLiteral(KILIMA_NODE_BIN), QStringList{QStringLiteral("--data-dir"), data} + args, &out);
    if (rc != 0)
        qWarning("%s", qPrintable(out));
    return rc;
}

qint64 localInstances(archive::Archive &a, const QString &studyUid)
{
    auto files = a.instanceFiles(archive::Level::Study, studyUid);
    return files ? files.value().size() : -1;
}

int rowOf(QStandardItemModel *m, const QString &patientId)
{
    for (int r = 0; r < m->rowCount(); ++r)
        if (m->item(r, QueryRetrievePanel::IdColumn)->text() == patientId)
            return r;
    return -1;
}

} // namespace

class TestQueryRetrieve : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_peerData;
    quint16 m_peerPort = 0;
    quint16 m_localPort = 0;
    test::Peer m_peer;
    QString m_alphaUid, m_betaUid, m_gammaUid;
    quint16 m_httpPort = 0;
    std::shared_ptr<archive::Archive> m_local;
    std::unique_ptr<node::Node> m_node;

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("KilimaTest"));
        qputenv("XDG_CONFIG_HOME", m_tmp.filePath(QStringLiteral("xdg")).toUtf8());
        m_peerData = m_tmp.filePath(QStringLiteral("peer"));
        m_localPort = test::freePort();
        // The remote holds two patients; it knows this workstation.
        {
            auto peer = archive::Archive::open(core::DataDir(m_peerData), {});
            QVERIFY2(peer.ok(), qPrintable(peer.error()));
            test::CtPhantom a;
            a.slices = 6;
            a.rows = a.columns = 16;
            a.patientName = QStringLiteral("REMOTE^ALPHA");
            a.patientId = QStringLiteral("RA100");
            a.studyDate = QStringLiteral("20250301");
            a.studyUid = m_alphaUid = test::newUid();
            test::CtPhantom b = a;
            b.slices = 4;
            b.patientName = QStringLiteral("REMOTE^BETA");
            b.patientId = QStringLiteral("RB200");
            b.studyDate = QStringLiteral("20250302");
            b.studyUid = m_betaUid = test::newUid();
            b.seriesUid.clear();
            b.modality = QStringLiteral("MR");
            test::CtPhantom c = b;
            c.slices = 3;
            c.patientName = QStringLiteral("REMOTE^GAMMA");
            c.patientId = QStringLiteral("RC300");
            c.modality = QStringLiteral("US");
            c.studyUid = m_gammaUid = test::newUid();
            QStringList files = test::writeCtPhantom(m_tmp.filePath(QStringLiteral("a")), a);
            files += test::writeCtPhantom(m_tmp.filePath(QStringLiteral("b")), b);
            files += test::writeCtPhantom(m_tmp.filePath(QStringLiteral("c")), c);
            QCOMPARE(archive::Importer(*peer.value()).run(files).imported, 13);
            // A DICOMweb user on the peer.
            archive::Users users(peer.value()->databasePath());
            QVERIFY(users.add(QStringLiteral("reader"), archive::Role::Viewer, QStringLiteral("correct horse 42")).ok());
        }
        QCOMPARE(nodeCli(m_peerData, {QStringLiteral("nodes"), QStringLiteral("add"), QStringLiteral("workstation"),
                                      QStringLiteral("--aet"), kLocalAe, QStringLiteral("--host"),
                                      QStringLiteral("127.0.0.1"), QStringLiteral("--port"), QString::number(m_localPort),
                                      QStringLiteral("--allow"), QStringLiteral("echo,find,move,get")}),
                 0);
        m_peerPort = test::freePort();
        m_httpPort = test::freePort();
        QVERIFY(m_peer.start(QStringLiteral(KILIMA_NODE_BIN),
                             {QStringLiteral("--data-dir"), m_peerData, QStringLiteral("serve"), QStringLiteral("--aet"),
                              QStringLiteral("REMOTEPACS"), QStringLiteral("--dicom-port"), QString::number(m_peerPort),
                              QStringLiteral("--bind"), QStringLiteral("127.0.0.1"), QStringLiteral("--http-port"),
                              QString::number(m_httpPort)}));
        QVERIFY2(test::waitForPort(m_peerPort), qPrintable(m_peer.output()));
        QVERIFY2(test::waitForPort(m_httpPort), qPrintable(m_peer.output()));

        // The workstation: its archive, its embedded node (C-MOVE target),
        // the remote in its known nodes, and a node nobody listens on.
        core::Config config;
        config.node.aeTitle = kLocalAe;
        config.node.bindAddress = QStringLiteral("127.0.0.1");
        config.node.dicomPort = m_localPort;
        config.node.httpPort = 0;
        auto local = archive::Archive::open(core::DataDir(m_tmp.filePath(QStringLiteral("local"))), config);
        QVERIFY2(local.ok(), qPrintable(local.error()));
        m_local = std::shared_ptr<archive::Archive>(local.take());
        archive::KnownNode remote{QStringLiteral("remote"), QStringLiteral("REMOTEPACS"), QStringLiteral("127.0.0.1"),
                                  m_peerPort, false, {QStringLiteral("echo"), QStringLiteral("store"), QStringLiteral("find")}};
        QVERIFY(m_local->knownNodes().put(remote).ok());
        archive::KnownNode gone{QStringLiteral("gone"), QStringLiteral("GONE"), QStringLiteral("127.0.0.1"),
                                test::freePort(), false, {QStringLiteral("echo")}};
        QVERIFY(m_local->knownNodes().put(gone).ok());
        m_node = std::make_unique<node::Node>(*m_local, config);
        const core::Status started = m_node->start();
        QVERIFY2(started.ok(), qPrintable(started.error()));
    }

    void cleanupTestCase()
    {
        if (m_node)
            m_node->stop();
        m_peer.terminate();
    }

    void searchFiltersAndRetrievesWithGet()
    {
        QueryRetrievePanel panel(m_local, kLocalAe);
        panel.resize(1200, 600);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTRY_COMPARE(panel.nodeCombo()->count(), 2);
        panel.nodeCombo()->setCurrentIndex(panel.nodeCombo()->findData(QStringLiteral("remote")));
        QVERIFY(panel.nodeCombo()->currentIndex() >= 0);

        QTest::mouseClick(panel.echoButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(panel.statusText().contains(QStringLiteral("answered")), 20000);

        // Typing a name part and pressing Enter lists only that patient.
        QTest::keyClicks(panel.filterEdit(), QStringLiteral("alpha"));
        QTest::keyClick(panel.filterEdit(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isBusy() && panel.statusText().contains(QStringLiteral("on remote")), 20000);
        QCOMPARE(panel.results()->rowCount(), 1);
        QCOMPARE(panel.results()->item(0, QueryRetrievePanel::IdColumn)->text(), QStringLiteral("RA100"));
        QCOMPARE(panel.results()->item(0, QueryRetrievePanel::ImagesColumn)->text(), QStringLiteral("6"));

        // The modality filter alone: only the MR study.
        panel.filterEdit()->clear();
        panel.modalityCombo()->setCurrentIndex(panel.modalityCombo()->findData(QStringLiteral("MR")));
        QTest::mouseClick(panel.searchButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isBusy() && panel.results()->rowCount() == 1 &&
                                     panel.results()->item(0, QueryRetrievePanel::IdColumn)->text() == QStringLiteral("RB200"),
                                 20000);

        // Everything, then retrieve ALPHA with C-GET.
        panel.modalityCombo()->setCurrentIndex(0);
        QTest::mouseClick(panel.searchButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isBusy() && panel.results()->rowCount() == 3, 20000);
        const int row = rowOf(panel.results(), QStringLiteral("RA100"));
        QVERIFY(row >= 0);
        QCOMPARE(localInstances(*m_local, m_alphaUid), 0);
        panel.methodCombo()->setCurrentIndex(panel.methodCombo()->findData(int(browser::RetrieveMethod::Get)));
        panel.resultView()->selectRow(row);
        QSignalSpy retrieved(&panel, &QueryRetrievePanel::studyRetrieved);
        QTest::mouseClick(panel.retrieveButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(retrieved.count(), 1, 30000);
        QCOMPARE(retrieved.at(0).at(0).toString(), m_alphaUid);
        QCOMPARE(localInstances(*m_local, m_alphaUid), 6);
        QCOMPARE(panel.results()->item(row, QueryRetrievePanel::StateColumn)->text(), QStringLiteral("Done: 6 images"));
    }

    void retrievesWithMoveToTheEmbeddedNode()
    {
        QueryRetrievePanel panel(m_local, kLocalAe);
        panel.show();
        QTRY_COMPARE(panel.nodeCombo()->count(), 2);
        panel.nodeCombo()->setCurrentIndex(panel.nodeCombo()->findData(QStringLiteral("remote")));
        QTest::keyClicks(panel.filterEdit(), QStringLiteral("RB2"));
        QTest::keyClick(panel.filterEdit(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isBusy() && panel.results()->rowCount() == 1, 20000);
        panel.methodCombo()->setCurrentIndex(panel.methodCombo()->findData(int(browser::RetrieveMethod::Move)));
        panel.resultView()->selectRow(0);
        QSignalSpy retrieved(&panel, &QueryRetrievePanel::studyRetrieved);
        panel.resultView()->setFocus();
        QTest::mouseClick(panel.retrieveButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(retrieved.count(), 1, 30000);
        QCOMPARE(localInstances(*m_local, m_betaUid), 4);
    }

    void dicomwebSearchAndWadoRetrieve()
    {
        browser::WebServer server;
        server.name = QStringLiteral("webpacs");
        server.baseUrl = QStringLiteral("http://127.0.0.1:%1/dicom-web").arg(m_httpPort);
        server.user = QStringLiteral("reader");
        QueryRetrievePanel::setWebServers({server});
        QString password = QStringLiteral("wrong password");
        QueryRetrievePanel::setPasswordProvider([&password](const QString &name) {
            return name == QStringLiteral("webpacs") ? password : QString();
        });

        QueryRetrievePanel panel(m_local, kLocalAe);
        panel.show();
        QTRY_COMPARE(panel.nodeCombo()->count(), 3);
        panel.nodeCombo()->setCurrentIndex(panel.nodeCombo()->findData(QStringLiteral("web:webpacs")));

        // A wrong password is named as such.
        QTest::mouseClick(panel.echoButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isBusy() && !panel.statusText().startsWith(QStringLiteral("Testing")), 20000);
        QVERIFY2(panel.statusText().contains(QStringLiteral("refused the user name or password")),
                 qPrintable(panel.statusText()));

        password = QStringLiteral("correct horse 42");
        QTest::keyClicks(panel.filterEdit(), QStringLiteral("gamma"));
        QTest::keyClick(panel.filterEdit(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isBusy() && panel.results()->rowCount() == 1, 20000);
        QCOMPARE(panel.results()->item(0, QueryRetrievePanel::IdColumn)->text(), QStringLiteral("RC300"));
        QCOMPARE(localInstances(*m_local, m_gammaUid), 0);
        panel.resultView()->selectRow(0);
        QSignalSpy retrieved(&panel, &QueryRetrievePanel::studyRetrieved);
        QTest::mouseClick(panel.retrieveButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(retrieved.count(), 1, 30000);
        QCOMPARE(localInstances(*m_local, m_gammaUid), 3);
        QueryRetrievePanel::setPasswordProvider({});
        QueryRetrievePanel::setWebServers({});
    }

    void unreachableNodeIsExplained()
    {
        QueryRetrievePanel panel(m_local, kLocalAe);
        panel.show();
        QTRY_COMPARE(panel.nodeCombo()->count(), 2);
        panel.nodeCombo()->setCurrentIndex(panel.nodeCombo()->findData(QStringLiteral("gone")));
        QTest::mouseClick(panel.echoButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isBusy() && !panel.statusText().startsWith(QStringLiteral("Testing")), 30000);
        QVERIFY2(panel.statusText().contains(QStringLiteral("did not answer")), qPrintable(panel.statusText()));
        QVERIFY(panel.statusText().contains(QStringLiteral("Check that the node runs")));
    }
};

QTEST_MAIN(TestQueryRetrieve)
#include "tst_queryretrieve.moc"
