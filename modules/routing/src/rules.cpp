#include <kilima/routing/rules.h>

#include <QJsonArray>

namespace kilima::routing {

namespace {

const QStringList &fieldNames()
{
    static const QStringList names{QStringLiteral("modality"),         QStringLiteral("bodyPart"),
                                   QStringLiteral("callingAe"),        QStringLiteral("institution"),
                                   QStringLiteral("referringPhysician"), QStringLiteral("stationName"),
                                   QStringLiteral("studyDescription"), QStringLiteral("seriesDescription"),
                                   QStringLiteral("priority")};
    return names;
}

QString factOf(const InstanceFacts &f, const QString &field)
{
    if (field == QLatin1String("modality")) return f.modality;
    if (field == QLatin1String("bodyPart")) return f.bodyPart;
    if (field == QLatin1String("callingAe")) return f.callingAe;
    if (field == QLatin1String("institution")) return f.institution;
    if (field == QLatin1String("referringPhysician")) return f.referringPhysician;
    if (field == QLatin1String("stationName")) return f.stationName;
    if (field == QLatin1String("studyDescription")) return f.studyDescription;
    if (field == QLatin1String("seriesDescription")) return f.seriesDescription;
    if (field == QLatin1String("priority")) return f.priority;
    return {};
}

bool parseClock(const QString &text, QTime *out)
{
    *out = QTime::fromString(text.trimmed(), QStringLiteral("HH:mm"));
    if (!out->isValid())
        *out = QTime::fromString(text.trimmed(), QStringLiteral("H:mm"));
    return out->isValid();
}

int weekdayOf(const QJsonValue &v)
{
    if (v.isDouble()) {
        const int d = v.toInt();
        return d >= 1 && d <= 7 ? d : 0;
    }
    static const QStringList names{QStringLiteral("mon"), QStringLiteral("tue"), QStringLiteral("wed"), QStringLiteral("thu"),
                                   QStringLiteral("fri"), QStringLiteral("sat"), QStringLiteral("sun")};
    const int i = int(names.indexOf(v.toString().left(3).toLower()));
    return i >= 0 ? i + 1 : 0;
}

core::Result<Condition> parseCondition(const QJsonValue &value, const QString &path);

core::Result<Condition> parseLeaf(const QString &key, const QJsonValue &v, const QString &path)
{
    Condition c;
    const QString where = path + QLatin1Char('.') + key;
    if (key == QLatin1String("all") || key == QLatin1String("any")) {
        if (!v.isArray() || v.toArray().isEmpty())
            return core::Error{where + QStringLiteral(": must be a non-empty array of conditions")};
        c.kind = key == QLatin1String("all") ? Condition::Kind::All : Condition::Kind::Any;
        const QJsonArray a = v.toArray();
        for (int i = 0; i < a.size(); ++i) {
            auto child = parseCondition(a.at(i), QStringLiteral("%1[%2]").arg(where).arg(i));
            if (!child)
                return core::Error{child.error()};
            c.children.append(child.value());
        }
        return c;
    }
    if (key == QLatin1String("not")) {
        auto child = parseCondition(v, where);
        if (!child)
            return core::Error{child.error()};
        c.kind = Condition::Kind::Not;
        c.children.append(child.value());
        return c;
    }
    if (key == QLatin1String("timeOfDay")) {
        const QStringList parts = v.toString().split(QLatin1Char('-'));
        c.kind = Condition::Kind::TimeOfDay;
        if (!v.isString() || parts.size() != 2 || !parseClock(parts.at(0), &c.from) || !parseClock(parts.at(1), &c.to) || c.from == c.to)
            return core::Error{where + QStringLiteral(": must be \"HH:MM-HH:MM\" (e.g. \"18:00-07:00\" for after hours), got %1")
                                           .arg(v.isString() ? QStringLiteral("\"%1\"").arg(v.toString()) : QStringLiteral("a non-string"))};
        return c;
    }
    if (key == QLatin1String("weekdays")) {
        c.kind = Condition::Kind::Weekdays;
        const QJsonArray a = v.toArray();
        if (!v.isArray() || a.isEmpty())
            return core::Error{where + QStringLiteral(": must be a non-empty array such as [\"sat\", \"sun\"]")};
        for (const QJsonValue &d : a) {
            const int day = weekdayOf(d);
            if (day == 0)
                return core::Error{where + QStringLiteral(": \"%1\" is not a weekday (mon..sun or 1..7)").arg(d.toVariant().toString())};
            c.weekdays.append(day);
        }
        return c;
    }
    if (!fieldNames().contains(key))
        return core::Error{where + QStringLiteral(": unknown condition (use all, any, not, timeOfDay, weekdays or one of: %1)")
                                       .arg(fieldNames().join(QStringLiteral(", ")))};
    c.kind = Condition::Kind::Field;
    c.field = key;
    QJsonArray values;
    if (v.isString())
        values.append(v);
    else if (v.isArray())
        values = v.toArray();
    if (values.isEmpty())
        return core::Error{where + QStringLiteral(": must be a pattern or an array of patterns (wildcards * ? or /regex/)")};
    for (const QJsonValue &p : values) {
        if (!p.isString())
            return core::Error{where + QStringLiteral(": patterns must be strings")};
        auto pattern = Pattern::parse(p.toString());
        if (!pattern)
            return core::Error{where + QStringLiteral(": ") + pattern.error()};
        c.patterns.append(pattern.value());
    }
    return c;
}

core::Result<Condition> parseCondition(const QJsonValue &value, const QString &path)
{
    if (!value.isObject())
        return core::Error{path + QStringLiteral(": must be an object such as {\"modality\": \"CT\"}")};
    const QJsonObject o = value.toObject();
    if (o.isEmpty())
        return core::Error{path + QStringLiteral(": an empty condition (leave \"conditions\" out to match everything)")};
    // Several keys in one object: all of them must hold.
    Condition all;
    all.kind = Condition::Kind::All;
    for (auto it = o.begin(); it != o.end(); ++it) {
        auto leaf = parseLeaf(it.key(), it.value(), path);
        if (!leaf)
            return leaf;
        if (o.size() == 1)
            return leaf;
        all.children.append(leaf.value());
    }
    return all;
}

QString ruleError(const QString &rule, const QString &message)
{
    return QStringLiteral("routing: rule \"%1\": %2").arg(rule, message);
}

} // namespace

core::Result<Pattern> Pattern::parse(const QString &text)
{
    Pattern p;
    p.m_text = text;
    if (text.size() >= 2 && text.startsWith(QLatin1Char('/')) && (text.endsWith(QLatin1Char('/')) || text.endsWith(QLatin1String("/i")))) {
        const bool ci = text.endsWith(QLatin1String("/i")) && text.size() >= 3;
        const QString body = text.mid(1, text.size() - (ci ? 3 : 2));
        p.m_regex = QRegularExpression(body, ci ? QRegularExpression::CaseInsensitiveOption : QRegularExpression::NoPatternOption);
        if (!p.m_regex.isValid())
            return core::Error{QStringLiteral("invalid regular expression %1: %2").arg(text, p.m_regex.errorString())};
        return p;
    }
    QString rx;
    for (const QChar ch : text) {
        if (ch == QLatin1Char('*'))
            rx += QStringLiteral(".*");
        else if (ch == QLatin1Char('?'))
            rx += QLatin1Char('.');
        else
            rx += QRegularExpression::escape(QString(ch));
    }
    p.m_regex = QRegularExpression(QRegularExpression::anchoredPattern(rx), QRegularExpression::CaseInsensitiveOption);
    return p;
}

bool Pattern::matches(const QString &value) const
{
    if (m_text.startsWith(QLatin1Char('/')))
        return m_regex.match(value).hasMatch();
    // Multi-valued attributes (CT\PT): any value may match.
    const QStringList values = value.split(QLatin1Char('\\'));
    for (const QString &v : values) {
        if (m_regex.match(v.trimmed()).hasMatch())
            return true;
    }
    return false;
}

bool Condition::matches(const InstanceFacts &facts) const
{
    switch (kind) {
    case Kind::All:
        for (const Condition &c : children) {
            if (!c.matches(facts))
                return false;
        }
        return true;
    case Kind::Any:
        for (const Condition &c : children) {
            if (c.matches(facts))
                return true;
        }
        return false;
    case Kind::Not:
        return !children.first().matches(facts);
    case Kind::Field: {
        const QString value = factOf(facts, field);
        for (const Pattern &p : patterns) {
            if (p.matches(value))
                return true;
        }
        return false;
    }
    case Kind::TimeOfDay:
        if (!facts.arrival.isValid())
            return false;
        return from < to ? (facts.arrival >= from && facts.arrival < to) : (facts.arrival >= from || facts.arrival < to);
    case Kind::Weekdays:
        return weekdays.contains(facts.arrivalWeekday);
    }
    return false;
}

int RetryPolicy::delaySeconds(int failures) const
{
    qint64 d = initialSeconds;
    for (int i = 1; i < failures && d < maxSeconds; ++i)
        d *= 2;
    return int(qMin<qint64>(d, maxSeconds));
}

const Destination *RoutingConfig::destination(const QString &name) const
{
    for (const Destination &d : destinations) {
        if (d.name == name)
            return &d;
    }
    return nullptr;
}

core::Result<RoutingConfig> RoutingConfig::fromJson(const QJsonObject &json)
{
    RoutingConfig config;
    static const QStringList sections{QStringLiteral("rules"), QStringLiteral("destinations"), QStringLiteral("retry")};
    for (const QString &k : json.keys()) {
        if (!sections.contains(k))
            return core::Error{QStringLiteral("routing: unknown key \"%1\" (expected rules, destinations, retry)").arg(k)};
    }

    const QJsonObject retry = json.value(QStringLiteral("retry")).toObject();
    auto intIn = [](const QJsonObject &o, const char *key, int &out, int min, int max, const QString &where) -> QString {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined())
            return {};
        if (!v.isDouble() || v.toDouble() != double(v.toInt()) || v.toInt() < min || v.toInt() > max)
            return QStringLiteral("%1.%2 must be an integer between %3 and %4").arg(where, QLatin1String(key)).arg(min).arg(max);
        out = v.toInt();
        return {};
    };
    for (const QString &e : {intIn(retry, "initialSeconds", config.retry.initialSeconds, 1, 86400, QStringLiteral("routing.retry")),
                             intIn(retry, "maxSeconds", config.retry.maxSeconds, 1, 7 * 86400, QStringLiteral("routing.retry")),
                             intIn(retry, "maxAttempts", config.retry.maxAttempts, 1, 1000, QStringLiteral("routing.retry"))}) {
        if (!e.isEmpty())
            return core::Error{e};
    }

    const QJsonValue destValue = json.value(QStringLiteral("destinations"));
    if (!destValue.isUndefined() && !destValue.isObject())
        return core::Error{QStringLiteral("routing.destinations must be an object of named destinations")};
    const QJsonObject dests = destValue.toObject();
    for (auto it = dests.begin(); it != dests.end(); ++it) {
        const QString where = QStringLiteral("routing: destination \"%1\"").arg(it.key());
        if (!it.value().isObject())
            return core::Error{where + QStringLiteral(": must be an object")};
        const QJsonObject o = it.value().toObject();
        Destination d;
        d.name = it.key();
        const QString type = o.value(QStringLiteral("type")).toString();
        auto str = [&](const char *key, QString &out) { out = o.value(QLatin1String(key)).toString(out); };
        if (const QString e = intIn(o, "parallelism", d.parallelism, 1, 32, where); !e.isEmpty())
            return core::Error{e};
        if (type == QLatin1String("dicom")) {
            d.type = Destination::Type::Dicom;
            str("node", d.node);
            str("aeTitle", d.aeTitle);
            str("host", d.host);
            d.tls = o.value(QStringLiteral("tls")).toBool();
            if (const QString e = intIn(o, "port", d.port, 1, 65535, where); !e.isEmpty())
                return core::Error{e};
            if (d.node.isEmpty() && (d.aeTitle.isEmpty() || d.host.isEmpty()))
                return core::Error{where + QStringLiteral(": a dicom destination needs \"node\" (a known node) or \"aeTitle\", \"host\" and \"port\"")};
        } else if (type == QLatin1String("dicomweb")) {
            d.type = Destination::Type::DicomWeb;
            str("url", d.url);
            str("tokenEnv", d.tokenEnv);
            if (!d.url.startsWith(QLatin1String("http://")) && !d.url.startsWith(QLatin1String("https://")))
                return core::Error{where + QStringLiteral(": url must be the DICOMweb base URL (http:// or https://)")};
        } else if (type == QLatin1String("s3")) {
            d.type = Destination::Type::S3;
            str("endpoint", d.endpoint);
            str("bucket", d.bucket);
            str("region", d.region);
            str("prefix", d.prefix);
            d.pathStyle = o.value(QStringLiteral("pathStyle")).toBool();
            if (d.endpoint.isEmpty() || d.bucket.isEmpty())
                return core::Error{where + QStringLiteral(": an s3 destination needs \"endpoint\" and \"bucket\"")};
        } else {
            return core::Error{where + QStringLiteral(": type must be \"dicom\", \"dicomweb\" or \"s3\"")};
        }
        config.destinations.append(d);
    }

    const QJsonValue rulesValue = json.value(QStringLiteral("rules"));
    if (!rulesValue.isUndefined() && !rulesValue.isArray())
        return core::Error{QStringLiteral("routing.rules must be an array")};
    const QJsonArray rules = rulesValue.toArray();
    QStringList names;
    for (int i = 0; i < rules.size(); ++i) {
        if (!rules.at(i).isObject())
            return core::Error{QStringLiteral("routing: rules[%1] must be an object").arg(i)};
        const QJsonObject o = rules.at(i).toObject();
        Rule r;
        r.name = o.value(QStringLiteral("name")).toString();
        if (r.name.isEmpty())
            return core::Error{QStringLiteral("routing: rules[%1]: \"name\" is required").arg(i)};
        if (names.contains(r.name))
            return core::Error{ruleError(r.name, QStringLiteral("name: another rule has this name"))};
        names << r.name;
        static const QStringList known{QStringLiteral("name"), QStringLiteral("enabled"), QStringLiteral("conditions"),
                                       QStringLiteral("destinations"), QStringLiteral("trigger"), QStringLiteral("stableSeconds"),
                                       QStringLiteral("priority")};
        for (const QString &k : o.keys()) {
            if (!known.contains(k))
                return core::Error{ruleError(r.name, QStringLiteral("%1: unknown field (expected %2)").arg(k, known.join(QStringLiteral(", "))))};
        }
        r.enabled = o.value(QStringLiteral("enabled")).toBool(true);
        if (o.contains(QStringLiteral("conditions"))) {
            auto c = parseCondition(o.value(QStringLiteral("conditions")), QStringLiteral("conditions"));
            if (!c)
                return core::Error{ruleError(r.name, c.error())};
            r.condition = c.value();
        }
        const QJsonValue dv = o.value(QStringLiteral("destinations"));
        QJsonArray da = dv.isString() ? QJsonArray{dv} : dv.toArray();
        if (da.isEmpty())
            return core::Error{ruleError(r.name, QStringLiteral("destinations: must name at least one destination"))};
        for (const QJsonValue &v : da) {
            if (!config.destination(v.toString()))
                return core::Error{ruleError(r.name, QStringLiteral("destinations: \"%1\" is not defined in routing.destinations").arg(v.toString()))};
            r.destinations << v.toString();
        }
        const QString trigger = o.value(QStringLiteral("trigger")).toString(QStringLiteral("instance"));
        if (trigger == QLatin1String("instance"))
            r.trigger = Trigger::Instance;
        else if (trigger == QLatin1String("study-stable"))
            r.trigger = Trigger::StableStudy;
        else
            return core::Error{ruleError(r.name, QStringLiteral("trigger: must be \"instance\" or \"study-stable\", got \"%1\"").arg(trigger))};
        if (const QString e = intIn(o, "stableSeconds", r.stableSeconds, 1, 86400, QStringLiteral("stableSeconds")); !e.isEmpty())
            return core::Error{ruleError(r.name, e)};
        const QJsonValue pv = o.value(QStringLiteral("priority"));
        if (pv.isString() && pv.toString().compare(QLatin1String("STAT"), Qt::CaseInsensitive) == 0)
            r.priority = 10;
        else if (!pv.isUndefined() && (!pv.isDouble() || pv.toInt() < 0 || pv.toInt() > 100))
            return core::Error{ruleError(r.name, QStringLiteral("priority: must be \"STAT\" or an integer 0-100"))};
        else if (pv.isDouble())
            r.priority = pv.toInt();
        config.rules.append(r);
    }
    return config;
}

} // namespace kilima::routing
