// Routing rules: which instances go where. Parsed from the configuration's
// "routing" section (docs/routing.md) and validated on load with messages
// that name the rule and the field. Matching is pure: attributes of one
// instance, its sender and the time it arrived in, a yes or no out.
#pragma once

#include <kilima/core/result.h>

#include <QJsonObject>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QTime>
#include <memory>

namespace kilima::routing {

// What a rule looks at, taken from the stored object and its sender.
struct InstanceFacts {
    QString modality;
    QString bodyPart;
    QString callingAe;
    QString institution;
    QString referringPhysician;
    QString stationName;
    QString studyDescription;
    QString seriesDescription;
    QString priority;           // Requested Procedure / Study Priority, e.g. STAT
    QTime arrival;              // local time of day it arrived
    int arrivalWeekday = 1;     // 1 = Monday .. 7 = Sunday
};

// One pattern: a wildcard (*, ?; case-insensitive) or a /regex/ (with an
// optional trailing i for case-insensitive).
class Pattern {
public:
    static core::Result<Pattern> parse(const QString &text);
    bool matches(const QString &value) const;
    QString text() const { return m_text; }

private:
    QString m_text;
    QRegularExpression m_regex;
};

struct Condition {
    enum class Kind { All, Any, Not, Field, TimeOfDay, Weekdays };
    Kind kind = Kind::All;
    QList<Condition> children;        // All, Any, Not (one child)
    QString field;                    // Field: modality, bodyPart, ...
    QList<Pattern> patterns;          // Field: any of these
    QTime from, to;                   // TimeOfDay: [from, to), wrapping midnight when from > to
    QList<int> weekdays;              // Weekdays: 1..7
    bool matches(const InstanceFacts &facts) const;
};

enum class Trigger { Instance, StableStudy };

struct Rule {
    QString name;
    bool enabled = true;
    Condition condition;              // an empty All matches everything
    QStringList destinations;
    Trigger trigger = Trigger::Instance;
    int stableSeconds = 60;           // StableStudy: no new instance for this long
    int priority = 0;                 // queue order (higher first); "priority": "STAT" rules default to 10
};

struct Destination {
    enum class Type { Dicom, DicomWeb, S3 };
    QString name;
    Type type = Type::Dicom;
    int parallelism = 1;
    // Dicom: a known node by name, or aeTitle/host/port given here.
    QString node;
    QString aeTitle, host;
    int port = 104;
    bool tls = false;
    // DicomWeb: STOW-RS base URL (…/dicom-web); optional bearer token env var.
    QString url;
    QString tokenEnv;
    // S3: endpoint and bucket (credentials as for the cloud tier).
    QString endpoint, bucket, region = QStringLiteral("us-east-1"), prefix;
    bool pathStyle = false;
};

struct RetryPolicy {
    int initialSeconds = 10;
    int maxSeconds = 3600;
    int maxAttempts = 12;
    // Delay before attempt n + 1 after n failures: initial * 2^(n-1), capped.
    int delaySeconds(int failures) const;
};

struct RoutingConfig {
    QList<Rule> rules;
    QList<Destination> destinations;
    RetryPolicy retry;
    const Destination *destination(const QString &name) const;
    bool isEmpty() const { return rules.isEmpty(); }

    // Validates everything; the message names the rule and the field
    // ("rule \"ct-after-hours\": conditions.all[1].timeOfDay: ...").
    static core::Result<RoutingConfig> fromJson(const QJsonObject &json);
};

} // namespace kilima::routing
