#include <kilima/reporting/report.h>

#include <QJsonArray>

namespace kilima::reporting {

QString toString(ReportStatus status)
{
    switch (status) {
    case ReportStatus::Draft: return QStringLiteral("draft");
    case ReportStatus::Preliminary: return QStringLiteral("preliminary");
    case ReportStatus::Final: return QStringLiteral("final");
    }
    return QStringLiteral("draft");
}

bool reportStatusFromString(const QString &text, ReportStatus *status)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("draft"))
        *status = ReportStatus::Draft;
    else if (t == QLatin1String("preliminary"))
        *status = ReportStatus::Preliminary;
    else if (t == QLatin1String("final"))
        *status = ReportStatus::Final;
    else
        return false;
    return true;
}

QString sectionTitle(const QString &key)
{
    if (key == QLatin1String("clinical"))
        return QStringLiteral("Clinical information");
    if (key == QLatin1String("technique"))
        return QStringLiteral("Technique");
    if (key == QLatin1String("findings"))
        return QStringLiteral("Findings");
    if (key == QLatin1String("impression"))
        return QStringLiteral("Impression");
    if (key == QLatin1String("recommendation"))
        return QStringLiteral("Recommendation");
    return key;
}

QString toString(MeasurementKind kind)
{
    switch (kind) {
    case MeasurementKind::Length: return QStringLiteral("length");
    case MeasurementKind::Area: return QStringLiteral("area");
    case MeasurementKind::Angle: return QStringLiteral("angle");
    case MeasurementKind::Mean: return QStringLiteral("mean");
    case MeasurementKind::Other: return QStringLiteral("other");
    }
    return QStringLiteral("other");
}

MeasurementKind measurementKindFromString(const QString &text)
{
    const QString t = text.toLower();
    if (t == QLatin1String("length") || t == QLatin1String("distance"))
        return MeasurementKind::Length;
    if (t == QLatin1String("area"))
        return MeasurementKind::Area;
    if (t == QLatin1String("angle"))
        return MeasurementKind::Angle;
    if (t == QLatin1String("mean"))
        return MeasurementKind::Mean;
    return MeasurementKind::Other;
}

QString StudyFields::displayName(const QString &pn)
{
    // Only the alphabetic group; components family^given^middle^prefix^suffix.
    const QString alpha = pn.section(QLatin1Char('='), 0, 0);
    QStringList parts = alpha.split(QLatin1Char('^'));
    while (!parts.isEmpty() && parts.last().trimmed().isEmpty())
        parts.removeLast();
    if (parts.isEmpty())
        return QString();
    if (parts.size() == 1)
        return parts.first().trimmed();
    QStringList rest;
    for (int i = 1; i < parts.size(); ++i) {
        if (!parts.at(i).trimmed().isEmpty())
            rest.append(parts.at(i).trimmed());
    }
    return parts.first().trimmed() + QStringLiteral(", ") + rest.join(QLatin1Char(' '));
}

QString StudyFields::fullDisplayName(const QString &pn)
{
    const QStringList groups = pn.split(QLatin1Char('='));
    QString first = displayName(groups.value(0));
    QStringList others;
    for (int i = 1; i < groups.size(); ++i) {
        // Ideographic and phonetic groups read as "family given" without a comma.
        QStringList parts;
        for (const QString &c : groups.at(i).split(QLatin1Char('^'))) {
            if (!c.trimmed().isEmpty())
                parts.append(c.trimmed());
        }
        if (!parts.isEmpty())
            others.append(parts.join(QLatin1Char(' ')));
    }
    if (others.isEmpty())
        return first;
    if (first.isEmpty())
        return others.join(QStringLiteral(", "));
    return first + QStringLiteral(" (") + others.join(QStringLiteral(", ")) + QLatin1Char(')');
}

QString StudyFields::displayDate(const QString &da)
{
    if (da.size() == 8)
        return da.left(4) + QLatin1Char('-') + da.mid(4, 2) + QLatin1Char('-') + da.mid(6, 2);
    return da;
}

QJsonObject StudyFields::toJson() const
{
    return QJsonObject{{QStringLiteral("patientName"), patientName},
                       {QStringLiteral("patientId"), patientId},
                       {QStringLiteral("patientBirthDate"), patientBirthDate},
                       {QStringLiteral("patientSex"), patientSex},
                       {QStringLiteral("studyUid"), studyUid},
                       {QStringLiteral("studyDate"), studyDate},
                       {QStringLiteral("studyTime"), studyTime},
                       {QStringLiteral("studyDescription"), studyDescription},
                       {QStringLiteral("modality"), modality},
                       {QStringLiteral("referringPhysician"), referringPhysician},
                       {QStringLiteral("accessionNumber"), accessionNumber},
                       {QStringLiteral("studyId"), studyId},
                       {QStringLiteral("institution"), institution},
                       {QStringLiteral("bodyPart"), bodyPart},
                       {QStringLiteral("descriptions"), QJsonArray::fromStringList(descriptions)},
                       {QStringLiteral("procedureCodes"), QJsonArray::fromStringList(procedureCodes)}};
}

StudyFields StudyFields::fromJson(const QJsonObject &o)
{
    StudyFields s;
    s.patientName = o.value(QStringLiteral("patientName")).toString();
    s.patientId = o.value(QStringLiteral("patientId")).toString();
    s.patientBirthDate = o.value(QStringLiteral("patientBirthDate")).toString();
    s.patientSex = o.value(QStringLiteral("patientSex")).toString();
    s.studyUid = o.value(QStringLiteral("studyUid")).toString();
    s.studyDate = o.value(QStringLiteral("studyDate")).toString();
    s.studyTime = o.value(QStringLiteral("studyTime")).toString();
    s.studyDescription = o.value(QStringLiteral("studyDescription")).toString();
    s.modality = o.value(QStringLiteral("modality")).toString();
    s.referringPhysician = o.value(QStringLiteral("referringPhysician")).toString();
    s.accessionNumber = o.value(QStringLiteral("accessionNumber")).toString();
    s.studyId = o.value(QStringLiteral("studyId")).toString();
    s.institution = o.value(QStringLiteral("institution")).toString();
    s.bodyPart = o.value(QStringLiteral("bodyPart")).toString();
    for (const QJsonValue &v : o.value(QStringLiteral("descriptions")).toArray())
        s.descriptions.append(v.toString());
    for (const QJsonValue &v : o.value(QStringLiteral("procedureCodes")).toArray())
        s.procedureCodes.append(v.toString());
    return s;
}

Report::Report()
{
    for (const QString &k : sectionKeys())
        sections.append(Section{k, QString(), QString()});
}

Report Report::forStudy(const StudyFields &study)
{
    Report r;
    r.study = study;
    r.studyUid = study.studyUid;
    return r;
}

Section &Report::section(const QString &key)
{
    for (Section &s : sections) {
        if (s.key == key)
            return s;
    }
    sections.append(Section{key, QString(), QString()});
    return sections.last();
}

const Section *Report::section(const QString &key) const
{
    for (const Section &s : sections) {
        if (s.key == key)
            return &s;
    }
    return nullptr;
}

void Report::setSectionText(const QString &key, const QString &text, const QString &html)
{
    Section &s = section(key);
    s.text = text;
    s.html = html;
}

QString Report::sectionBody(const QString &key) const
{
    const Section *s = section(key);
    QString body = s ? s->text.trimmed() : QString();
    for (const StructuredItem &item : items) {
        if (item.section != key || item.value.trimmed().isEmpty())
            continue;
        if (!body.isEmpty())
            body += QLatin1Char('\n');
        body += item.name + QStringLiteral(": ") + item.value.trimmed();
    }
    return body;
}

QString Report::plainText() const
{
    QStringList blocks;
    for (const Section &s : sections) {
        const QString body = sectionBody(s.key);
        if (!body.isEmpty())
            blocks.append(sectionTitle(s.key) + QStringLiteral(":\n") + body);
    }
    return blocks.join(QStringLiteral("\n\n"));
}

bool Report::isEmpty() const
{
    for (const Section &s : sections) {
        if (!sectionBody(s.key).isEmpty())
            return false;
    }
    return true;
}

namespace {

QString iso(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime fromIso(const QJsonValue &v)
{
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    if (t.isValid())
        t = t.toUTC();
    return t;
}

} // namespace

QJsonObject Report::toJson() const
{
    QJsonArray secs;
    for (const Section &s : sections) {
        QJsonObject o{{QStringLiteral("key"), s.key}, {QStringLiteral("text"), s.text}};
        if (!s.html.isEmpty())
            o.insert(QStringLiteral("html"), s.html);
        secs.append(o);
    }
    QJsonArray its;
    for (const StructuredItem &i : items)
        its.append(QJsonObject{{QStringLiteral("section"), i.section}, {QStringLiteral("name"), i.name}, {QStringLiteral("value"), i.value}});
    QJsonArray ms;
    for (const Measurement &m : measurements)
        ms.append(QJsonObject{{QStringLiteral("label"), m.label}, {QStringLiteral("kind"), toString(m.kind)},
                              {QStringLiteral("value"), m.value}, {QStringLiteral("unit"), m.unit},
                              {QStringLiteral("seriesUid"), m.seriesUid}, {QStringLiteral("sopInstanceUid"), m.sopInstanceUid},
                              {QStringLiteral("sopClassUid"), m.sopClassUid}, {QStringLiteral("frame"), m.frame}});
    QJsonArray ks;
    for (const KeyImage &k : keyImages)
        ks.append(QJsonObject{{QStringLiteral("seriesUid"), k.seriesUid}, {QStringLiteral("sopInstanceUid"), k.sopInstanceUid},
                              {QStringLiteral("sopClassUid"), k.sopClassUid}, {QStringLiteral("frame"), k.frame},
                              {QStringLiteral("windowCenter"), k.windowCenter}, {QStringLiteral("windowWidth"), k.windowWidth},
                              {QStringLiteral("description"), k.description}});
    QJsonArray ads;
    for (const Addendum &a : addenda)
        ads.append(QJsonObject{{QStringLiteral("text"), a.text}, {QStringLiteral("author"), a.author},
                               {QStringLiteral("signedAt"), iso(a.signedAt)}, {QStringLiteral("srSopInstanceUid"), a.srSopInstanceUid},
                               {QStringLiteral("pdfSopInstanceUid"), a.pdfSopInstanceUid}});
    return QJsonObject{{QStringLiteral("id"), double(id)},
                       {QStringLiteral("studyUid"), studyUid},
                       {QStringLiteral("status"), toString(status)},
                       {QStringLiteral("templateId"), templateId},
                       {QStringLiteral("study"), study.toJson()},
                       {QStringLiteral("sections"), secs},
                       {QStringLiteral("items"), its},
                       {QStringLiteral("measurements"), ms},
                       {QStringLiteral("keyImages"), ks},
                       {QStringLiteral("author"), author},
                       {QStringLiteral("authorDisplayName"), authorDisplayName},
                       {QStringLiteral("createdAt"), iso(createdAt)},
                       {QStringLiteral("updatedAt"), iso(updatedAt)},
                       {QStringLiteral("preliminaryAt"), iso(preliminaryAt)},
                       {QStringLiteral("signedAt"), iso(signedAt)},
                       {QStringLiteral("signedBy"), signedBy},
                       {QStringLiteral("addenda"), ads},
                       {QStringLiteral("pdfSeriesUid"), pdfSeriesUid},
                       {QStringLiteral("srSeriesUid"), srSeriesUid},
                       {QStringLiteral("kosSeriesUid"), kosSeriesUid},
                       {QStringLiteral("pdfSopInstanceUid"), pdfSopInstanceUid},
                       {QStringLiteral("srSopInstanceUid"), srSopInstanceUid},
                       {QStringLiteral("kosSopInstanceUid"), kosSopInstanceUid}};
}

Report Report::fromJson(const QJsonObject &o)
{
    Report r;
    r.id = qint64(o.value(QStringLiteral("id")).toDouble());
    r.studyUid = o.value(QStringLiteral("studyUid")).toString();
    reportStatusFromString(o.value(QStringLiteral("status")).toString(), &r.status);
    r.templateId = o.value(QStringLiteral("templateId")).toString();
    r.study = StudyFields::fromJson(o.value(QStringLiteral("study")).toObject());
    for (const QJsonValue &v : o.value(QStringLiteral("sections")).toArray()) {
        const QJsonObject s = v.toObject();
        r.setSectionText(s.value(QStringLiteral("key")).toString(), s.value(QStringLiteral("text")).toString(),
                         s.value(QStringLiteral("html")).toString());
    }
    for (const QJsonValue &v : o.value(QStringLiteral("items")).toArray()) {
        const QJsonObject i = v.toObject();
        r.items.append({i.value(QStringLiteral("section")).toString(), i.value(QStringLiteral("name")).toString(),
                        i.value(QStringLiteral("value")).toString()});
    }
    for (const QJsonValue &v : o.value(QStringLiteral("measurements")).toArray()) {
        const QJsonObject m = v.toObject();
        Measurement x;
        x.label = m.value(QStringLiteral("label")).toString();
        x.kind = measurementKindFromString(m.value(QStringLiteral("kind")).toString());
        x.value = m.value(QStringLiteral("value")).toDouble();
        x.unit = m.value(QStringLiteral("unit")).toString();
        x.seriesUid = m.value(QStringLiteral("seriesUid")).toString();
        x.sopInstanceUid = m.value(QStringLiteral("sopInstanceUid")).toString();
        x.sopClassUid = m.value(QStringLiteral("sopClassUid")).toString();
        x.frame = m.value(QStringLiteral("frame")).toInt();
        r.measurements.append(x);
    }
    for (const QJsonValue &v : o.value(QStringLiteral("keyImages")).toArray()) {
        const QJsonObject k = v.toObject();
        KeyImage x;
        x.seriesUid = k.value(QStringLiteral("seriesUid")).toString();
        x.sopInstanceUid = k.value(QStringLiteral("sopInstanceUid")).toString();
        x.sopClassUid = k.value(QStringLiteral("sopClassUid")).toString();
        x.frame = k.value(QStringLiteral("frame")).toInt();
        x.windowCenter = k.value(QStringLiteral("windowCenter")).toDouble();
        x.windowWidth = k.value(QStringLiteral("windowWidth")).toDouble();
        x.description = k.value(QStringLiteral("description")).toString();
        r.keyImages.append(x);
    }
    r.author = o.value(QStringLiteral("author")).toString();
    r.authorDisplayName = o.value(QStringLiteral("authorDisplayName")).toString();
    r.createdAt = fromIso(o.value(QStringLiteral("createdAt")));
    r.updatedAt = fromIso(o.value(QStringLiteral("updatedAt")));
    r.preliminaryAt = fromIso(o.value(QStringLiteral("preliminaryAt")));
    r.signedAt = fromIso(o.value(QStringLiteral("signedAt")));
    r.signedBy = o.value(QStringLiteral("signedBy")).toString();
    for (const QJsonValue &v : o.value(QStringLiteral("addenda")).toArray()) {
        const QJsonObject a = v.toObject();
        r.addenda.append({a.value(QStringLiteral("text")).toString(), a.value(QStringLiteral("author")).toString(),
                          fromIso(a.value(QStringLiteral("signedAt"))), a.value(QStringLiteral("srSopInstanceUid")).toString(),
                          a.value(QStringLiteral("pdfSopInstanceUid")).toString()});
    }
    r.pdfSeriesUid = o.value(QStringLiteral("pdfSeriesUid")).toString();
    r.srSeriesUid = o.value(QStringLiteral("srSeriesUid")).toString();
    r.kosSeriesUid = o.value(QStringLiteral("kosSeriesUid")).toString();
    r.pdfSopInstanceUid = o.value(QStringLiteral("pdfSopInstanceUid")).toString();
    r.srSopInstanceUid = o.value(QStringLiteral("srSopInstanceUid")).toString();
    r.kosSopInstanceUid = o.value(QStringLiteral("kosSopInstanceUid")).toString();
    return r;
}

} // namespace kilima::reporting
