// Routing rules: parsing, validation messages that name the rule and the
// field, and matching (wildcards, regex, all/any/not, time windows).
#include <kilima/routing/rules.h>

#include <QJsonDocument>
#include <QTest>

using namespace kilima::routing;

namespace {

QJsonObject json(const char *text)
{
    QJsonParseError e;
    const QJsonDocument d = QJsonDocument::fromJson(text, &e);
    if (e.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(e.errorString()));
    return d.object();
}

const char *kDestinations = "\"destinations\": {\n"
"    \"pacs\": {\"type\": \"dicom\", \"aeTitle\": \"PACS\", \"host\": \"127.0.0.1\", \"port\": 104},\n"
"    \"web\": {\"type\": \"dicomweb\", \"url\": \"http://127.0.0.1:8042/dicom-web\"},\n"
"    \"bucket\": {\"type\": \"s3\", \"endpoint\": \"http://127.0.0.1:9000\", \"bucket\": \"b\"}}";

QJsonObject withRules(const QByteArray &rules)
{
    const QByteArray text = QByteArray("{") + kDestinations + ", \"rules\": " + rules + "}";
    return json(text.constData());
}

InstanceFacts ct()
{
    InstanceFacts f;
    f.modality = QStringLiteral("CT");
    f.bodyPart = QStringLiteral("CHEST");
    f.callingAe = QStringLiteral("CT_SCANNER_1");
    f.stationName = QStringLiteral("CTSTATION");
    f.studyDescription = QStringLiteral("CT Thorax with contrast");
    f.arrival = QTime(14, 0);
    f.arrivalWeekday = 3;
    return f;
}

} // namespace

class TestRules : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void combinedConditions_matchAsWritten()
    {
        auto c = RoutingConfig::fromJson(withRules("[{\"name\": \"chest-ct\", \"destinations\": [\"pacs\", \"bucket\"],\n"
"            \"conditions\": {\"all\": [{\"modality\": \"CT\"}, {\"any\": [{\"bodyPart\": \"CHEST\"}, {\"studyDescription\": \"/thorax/i\"}]},\n"
"                                   {\"not\": {\"callingAe\": \"TEST*\"}}]}}]"));
        QVERIFY2(c.ok(), qPrintable(c.error()));
        const Rule &r = c.value().rules.first();
        QCOMPARE(r.destinations, (QStringList{QStringLiteral("pacs"), QStringLiteral("bucket")}));
        InstanceFacts f = ct();
        QVERIFY(r.condition.matches(f));
        f.bodyPart = QStringLiteral("HEAD");
        QVERIFY(r.condition.matches(f));          // the description still says thorax
        f.studyDescription = QStringLiteral("CT Head");
        QVERIFY(!r.condition.matches(f));
        f = ct();
        f.callingAe = QStringLiteral("TESTBENCH");
        QVERIFY(!r.condition.matches(f));         // not
        f = ct();
        f.modality = QStringLiteral("MR");
        QVERIFY(!r.condition.matches(f));
    }

    void wildcards_areCaseInsensitiveAndAnchored()
    {
        auto p = Pattern::parse(QStringLiteral("CT_SCANNER_?"));
        QVERIFY(p.ok());
        QVERIFY(p.value().matches(QStringLiteral("ct_scanner_2")));
        QVERIFY(!p.value().matches(QStringLiteral("CT_SCANNER_12")));
        auto star = Pattern::parse(QStringLiteral("*Hospital*"));
        QVERIFY(star.value().matches(QStringLiteral("St. Mary hospital East")));
        QVERIFY(!star.value().matches(QStringLiteral("Clinic")));
        // Multi-valued attributes match on any value.
        QVERIFY(Pattern::parse(QStringLiteral("PT")).value().matches(QStringLiteral("CT\\PT")));
        // A regex is a regex (unanchored, case-sensitive unless /i).
        QVERIFY(Pattern::parse(QStringLiteral("/^CT.*Thorax/")).value().matches(QStringLiteral("CT Thorax")));
        QVERIFY(!Pattern::parse(QStringLiteral("/thorax/")).value().matches(QStringLiteral("CT Thorax")));
    }

    void timeOfDay_wrapsMidnightForAfterHours()
    {
        auto c = RoutingConfig::fromJson(withRules("[{\"name\": \"after-hours\", \"destinations\": \"pacs\",\n"
"            \"conditions\": {\"timeOfDay\": \"18:00-07:00\", \"weekdays\": [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\"]}}]"));
        QVERIFY2(c.ok(), qPrintable(c.error()));
        const Condition &cond = c.value().rules.first().condition;
        InstanceFacts f = ct();
        f.arrival = QTime(23, 30);
        QVERIFY(cond.matches(f));
        f.arrival = QTime(6, 59);
        QVERIFY(cond.matches(f));
        f.arrival = QTime(7, 0);
        QVERIFY(!cond.matches(f));
        f.arrival = QTime(12, 0);
        QVERIFY(!cond.matches(f));
        f.arrival = QTime(23, 30);
        f.arrivalWeekday = 6;   // Saturday
        QVERIFY(!cond.matches(f));
    }

    void statPriority_ordersTheQueue()
    {
        auto c = RoutingConfig::fromJson(withRules("[{\"name\": \"stat\", \"priority\": \"STAT\", \"destinations\": \"pacs\",\n"
"            \"conditions\": {\"priority\": \"STAT\"}}, {\"name\": \"rest\", \"destinations\": \"pacs\"}]"));
        QVERIFY2(c.ok(), qPrintable(c.error()));
        QCOMPARE(c.value().rules.at(0).priority, 10);
        QCOMPARE(c.value().rules.at(1).priority, 0);
        InstanceFacts f = ct();
        QVERIFY(!c.value().rules.at(0).condition.matches(f));
        f.priority = QStringLiteral("STAT");
        QVERIFY(c.value().rules.at(0).condition.matches(f));
        QVERIFY(c.value().rules.at(1).condition.matches(f));   // no conditions: everything
    }

    void stableStudyTrigger_isParsed()
    {
        auto c = RoutingConfig::fromJson(withRules("[{\"name\": \"s\", \"destinations\": \"web\", \"trigger\": \"study-stable\", \"stableSeconds\": 90}]"));
        QVERIFY2(c.ok(), qPrintable(c.error()));
        QCOMPARE(c.value().rules.first().trigger, Trigger::StableStudy);
        QCOMPARE(c.value().rules.first().stableSeconds, 90);
    }

    void errors_nameTheRuleAndTheField_data()
    {
        QTest::addColumn<QByteArray>("rules");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown destination") << QByteArray("[{\"name\": \"r1\", \"destinations\": [\"nowhere\"]}]")
                                             << QStringLiteral("rule \"r1\": destinations: \"nowhere\" is not defined");
        QTest::newRow("bad time") << QByteArray("[{\"name\": \"night\", \"destinations\": \"pacs\", \"conditions\": {\"all\": [{\"modality\": \"CT\"}, {\"timeOfDay\": \"25:00-07:00\"}]}}]")
                                  << QStringLiteral("rule \"night\": conditions.all[1].timeOfDay");
        QTest::newRow("bad regex") << QByteArray("[{\"name\": \"rx\", \"destinations\": \"pacs\", \"conditions\": {\"studyDescription\": \"/(unclosed/\"}}]")
                                   << QStringLiteral("rule \"rx\": conditions.studyDescription: invalid regular expression");
        QTest::newRow("unknown field") << QByteArray("[{\"name\": \"f\", \"destinations\": \"pacs\", \"conditions\": {\"any\": [{\"modalty\": \"CT\"}]}}]")
                                       << QStringLiteral("rule \"f\": conditions.any[0].modalty: unknown condition");
        QTest::newRow("bad trigger") << QByteArray("[{\"name\": \"t\", \"destinations\": \"pacs\", \"trigger\": \"sometimes\"}]")
                                     << QStringLiteral("rule \"t\": trigger");
        QTest::newRow("no destinations") << QByteArray("[{\"name\": \"d\", \"conditions\": {\"modality\": \"CT\"}}]")
                                         << QStringLiteral("rule \"d\": destinations");
        QTest::newRow("duplicate name") << QByteArray("[{\"name\": \"x\", \"destinations\": \"pacs\"}, {\"name\": \"x\", \"destinations\": \"pacs\"}]")
                                        << QStringLiteral("rule \"x\": name");
        QTest::newRow("no name") << QByteArray("[{\"destinations\": \"pacs\"}]") << QStringLiteral("rules[0]: \"name\" is required");
    }
    void errors_nameTheRuleAndTheField()
    {
        QFETCH(QByteArray, rules);
        QFETCH(QString, expected);
        auto c = RoutingConfig::fromJson(withRules(rules));
        QVERIFY(!c.ok());
        QVERIFY2(c.error().contains(expected), qPrintable(c.error()));
    }

    void destinationErrors_nameTheDestination()
    {
        auto c = RoutingConfig::fromJson(json("{\"destinations\": {\"old-pacs\": {\"type\": \"dicom\", \"host\": \"10.0.0.1\"}}}"));
        QVERIFY(!c.ok());
        QVERIFY2(c.error().contains(QLatin1String("destination \"old-pacs\"")), qPrintable(c.error()));
        c = RoutingConfig::fromJson(json("{\"destinations\": {\"x\": {\"type\": \"ftp\"}}}"));
        QVERIFY(!c.ok());
        QVERIFY2(c.error().contains(QLatin1String("type must be")), qPrintable(c.error()));
    }

    void retryPolicy_backsOffExponentiallyUpToTheMaximum()
    {
        RetryPolicy p;
        p.initialSeconds = 5;
        p.maxSeconds = 60;
        QCOMPARE(p.delaySeconds(1), 5);
        QCOMPARE(p.delaySeconds(2), 10);
        QCOMPARE(p.delaySeconds(3), 20);
        QCOMPARE(p.delaySeconds(4), 40);
        QCOMPARE(p.delaySeconds(5), 60);
        QCOMPARE(p.delaySeconds(30), 60);
    }
};

QTEST_GUILESS_MAIN(TestRules)
#include "tst_rules.moc"
