"""Fails when a translation of the desktop app is incomplete or would break a string.

English files (the sources' language) hold the plural messages only, and must hold all of them.

For every .ts file given: each message has a finished, non-empty translation; it keeps the
source's placeholders (%1..%99, %L1, %n) and its keyboard mnemonic (one '&'); it keeps the
leading and trailing spaces the code relies on when it joins strings; and plural messages have
as many forms as the language has (German 2, Chinese 1). Prints every problem, then a count.
"""
import re
import sys
import xml.etree.ElementTree as ET

PLACEHOLDER = re.compile(r"%L?(?:[1-9][0-9]?|n)")
PLURAL_FORMS = {"de": 2, "zh": 1, "en": 2}
# English is the sources' language: its file holds only the plural messages, and all of them.
PLURALS_ONLY = {"en"}


def mnemonics(text):
    # '&&' is a literal ampersand in Qt's labels, not a mnemonic.
    return len(re.findall(r"&(?!&)", text.replace("&&", "")))


def edge_spaces(text):
    return (len(text) - len(text.lstrip(" ")), len(text) - len(text.rstrip(" ")))


def check(path):
    root = ET.parse(path).getroot()
    language = root.get("language", "")
    forms_expected = PLURAL_FORMS.get(language.split("_")[0])
    if forms_expected is None:
        return [f"{path}: language '{language}' has no plural rule in this check"], 0
    problems, count = [], 0
    plurals_only = language.split("_")[0] in PLURALS_ONLY
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            count += 1
            source = message.findtext("source") or ""
            where = f"{path}: [{name}] {source[:60]!r}"
            if plurals_only and message.get("numerus") != "yes":
                problems.append(f"{where}: not a plural message; this file holds plural forms only")
                continue
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
                problems.append(f"{where}: not translated")
                continue
            if message.get("numerus") == "yes":
                texts = [form.text or "" for form in translation.findall("numerusform")]
                if len(texts) != forms_expected:
                    problems.append(f"{where}: {len(texts)} plural forms, {language} needs {forms_expected}")
            else:
                texts = [translation.text or ""]
            wanted = sorted(set(PLACEHOLDER.findall(source)))
            for text in texts:
                if not text.strip():
                    problems.append(f"{where}: empty translation")
                    continue
                found = sorted(set(PLACEHOLDER.findall(text)))
                if found != wanted:
                    problems.append(f"{where}: placeholders {found} instead of {wanted}")
                if mnemonics(text) != mnemonics(source):
                    problems.append(f"{where}: {mnemonics(text)} keyboard mnemonics instead of {mnemonics(source)}")
                if edge_spaces(text) != edge_spaces(source):
                    problems.append(f"{where}: leading/trailing spaces differ from the source")
    return problems, count


def plural_messages(path):
    root = ET.parse(path).getroot()
    return {(c.findtext("name"), m.findtext("source"))
            for c in root.iter("context") for m in c.iter("message") if m.get("numerus") == "yes"}


def main(paths):
    all_problems = []
    for path in paths:
        problems, count = check(path)
        all_problems += problems
        print(f"{path}: {count} messages, {len(problems)} problems")
    # The plurals-only files hold every plural message the full translations have.
    full = [p for p in paths if ET.parse(p).getroot().get("language", "").split("_")[0] not in PLURALS_ONLY]
    wanted = set().union(*(plural_messages(p) for p in full)) if full else set()
    for path in paths:
        if path in full:
            continue
        for context, source in sorted(wanted - plural_messages(path)):
            all_problems.append(f"{path}: [{context}] {source[:60]!r}: plural message missing")
    for problem in all_problems:
        print(problem)
    return 1 if all_problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
