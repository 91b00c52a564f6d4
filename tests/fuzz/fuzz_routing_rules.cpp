// Fuzz target: the configuration's "routing" section (docs/routing.md), as
// an administrator or a configuration tool writes it: parsed and validated,
// then every rule matched against facts taken from the same bytes, and the
// retry schedule computed for every failure count.
#include "fuzzreplay.h"

#include <kilima/routing/rules.h>

#include <QJsonDocument>

#include <cstdint>

using namespace kilima;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QJsonDocument document = QJsonDocument::fromJson(bytes);
    if (!document.isObject())
        return 0;
    auto config = routing::RoutingConfig::fromJson(document.object());
    if (!config.ok())
        return 0;
    const routing::RoutingConfig &c = config.value();
    // Facts from the strings in the document, so patterns meet values that
    // look like what they were written for.
    routing::InstanceFacts facts;
    const QString text = QString::fromUtf8(bytes.left(256));
    facts.modality = text.left(2);
    facts.bodyPart = text.mid(2, 8);
    facts.callingAe = text.mid(10, 16);
    facts.institution = text;
    facts.studyDescription = text.mid(3);
    facts.priority = QStringLiteral("STAT");
    facts.arrival = QTime(size % 24, size % 60);
    facts.arrivalWeekday = 1 + int(size % 7);
    for (const routing::Rule &rule : c.rules) {
        (void)rule.condition.matches(facts);
        for (const QString &name : rule.destinations)
            (void)c.destination(name);
    }
    for (int failures = 0; failures < 80; ++failures)
        (void)c.retry.delaySeconds(failures);
    return 0;
}

#ifdef KILIMA_FUZZ_REPLAY
namespace kilima::fuzz {

std::vector<HostileCase> hostileCases()
{
    std::vector<HostileCase> cases;
    // Conditions nested as deep as Qt's JSON parser allows.
    for (int depth : {100, 1000}) {
        QByteArray open, close;
        for (int i = 0; i < depth; ++i) {
            open += i % 2 ? R"({"not":)" : R"({"all":[)";
            close.prepend(i % 2 ? "}" : "]}");
        }
        cases.push_back({QStringLiteral("conditions nested %1 deep").arg(depth),
                         R"({"destinations":{"pacs":{"type":"dicom","aeTitle":"P","host":"h","port":104}},)"
                         R"("rules":[{"name":"deep","destinations":["pacs"],"conditions":)"
                         + open + R"({"modality":"CT"})" + close + "}]}"});
    }
    // Retry figures at the edges of int.
    cases.push_back({QStringLiteral("retry edges"),
                     R"({"retry":{"initialSeconds":2147483647,"maxSeconds":2147483647,"maxAttempts":2147483647},)"
                     R"("destinations":{"pacs":{"type":"dicom","aeTitle":"P","host":"h","port":104}},)"
                     R"("rules":[{"name":"r","destinations":["pacs"]}]})"});
    return cases;
}

} // namespace kilima::fuzz
#endif
