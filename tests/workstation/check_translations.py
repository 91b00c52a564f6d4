#!/usr/bin/env python3
# Every user-visible string of the workstation is translated into sw, fr,
# es and pt: runs lupdate over today's sources into temporary copies of the
# catalogs (the real ones stay untouched) and fails on any string that is
# new, unfinished or empty in one of them, or whose translation drops a %1
# placeholder or the & of an accelerator, or whose context is not the
# class's qualified name (then tr() never finds it). The sources are globbed when the
# test runs, so strings added after the last configure are caught too.
# Names that come from data files (window and rendering presets in
# resources/presets, built-in report templates in resources/templates) must
# be in the catalogs too, under the context the code translates them with.
#
#   check_translations.py LUPDATE SOURCE_ROOT TS_DIR DIR [DIR...]
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

LANGUAGES = ["sw", "fr", "es", "pt"]
# (context, data files, how to read the names of one file)
DATA_NAMES = [
    ("kilima::viewer::Presets", "resources/presets/*.json", lambda d: [p["name"] for p in d.get("presets", [])]),
    ("kilima::reportui::Templates", "resources/templates/*.json", lambda d: [d["name"]] if "name" in d else []),
]
PLACEHOLDER = re.compile(r"%(?:L?[1-9])")
ACCEL = re.compile(r"&(?!&)[^\s&]")


def texts(message):
    tr = message.find("translation")
    if tr is None:
        return tr, []
    forms = tr.findall("numerusform")
    return tr, [f.text or "" for f in forms] if forms else [tr.text or ""]


def main():
    if len(sys.argv) < 5:
        print(__doc__)
        return 2
    lupdate, root, ts_dir, dirs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    # The modules' public headers: without them lupdate cannot see that
    # StudyViewer is kilima::viewer::StudyViewer, and the catalog's context
    # would never match the one tr() asks for at run time.
    includes = []
    for d in sorted(glob.glob(os.path.join(root, "modules", "*", "include"))):
        includes += ["-I", d]
    sources = []
    for d in dirs:
        sources += sorted(glob.glob(os.path.join(root, d, "*.cpp")))
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        listing = os.path.join(tmp, "sources.txt")
        with open(listing, "w") as f:
            f.write("\n".join(sources))
        for lang in LANGUAGES:
            ts = os.path.join(tmp, "kilima_%s.ts" % lang)
            shutil.copy(os.path.join(ts_dir, "kilima_%s.ts" % lang), ts)
            run = subprocess.run([lupdate, "-no-obsolete", "-locations", "none"] + includes + ["@" + listing, "-ts", ts],
                                 capture_output=True, text=True)
            if run.returncode != 0:
                print(run.stdout, run.stderr)
                return 1
            translated = set()
            for context in ET.parse(ts).getroot().iter("context"):
                name = context.findtext("name")
                for message in context.iter("message"):
                    tr, forms = texts(message)
                    if tr is not None and tr.get("type") is None and all(forms):
                        translated.add((name, message.findtext("source") or ""))
                # All our classes live in kilima:: namespaces: a bare class
                # name is a context tr() never asks for.
                if "::" not in name and name not in ("QObject", "main"):
                    problems.append("%s: context %r is not the class's full name (kilima::...): its strings "
                                    "would show in English" % (lang, name))
                for message in context.iter("message"):
                    source = message.findtext("source") or ""
                    tr, forms = texts(message)
                    where = "%s [%s] %r" % (lang, name, source)
                    if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete") or not all(forms):
                        problems.append(where + ": not translated")
                        continue
                    wanted = sorted(set(PLACEHOLDER.findall(source)))
                    for form in forms:
                        if sorted(set(PLACEHOLDER.findall(form))) != wanted:
                            problems.append(where + ": placeholders %s, translated %r" % (wanted, form))
                        if ACCEL.search(source) and not ACCEL.search(form) and "<" not in source:
                            problems.append(where + ": the accelerator (&) is missing in %r" % form)
            for context, pattern, names in DATA_NAMES:
                for path in sorted(glob.glob(os.path.join(root, pattern))):
                    with open(path, encoding="utf-8") as f:
                        for n in names(json.load(f)):
                            if (context, n) not in translated:
                                problems.append("%s [%s] %r from %s: not in the catalog (list it in the code's "
                                                "QT_TRANSLATE_NOOP table) or not translated"
                                                % (lang, context, n, os.path.relpath(path, root)))
    for p in problems:
        print(p)
    if problems:
        print("\n%d problem(s). Update the catalogs with\n"
              "  cmake --build BUILD --target update_translations\n"
              "then translate the new entries (Qt Linguist, or edit translations/kilima_<lang>.ts)."
              % len(problems))
        return 1
    print("%d source files: every string translated into %s." % (len(sources), ", ".join(LANGUAGES)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
