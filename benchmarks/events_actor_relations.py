"""How each side of a judged event was found, tabulated against the judges' verdicts.

    .venv/bin/python benchmarks/events_actor_relations.py --sheet PATH ... [--out PATH]

Codes the pages of the judged sheets again (as `events_precision.py recode` does) and, for every
judged item still coded, describes each participant of the matching event by how it stands to
the trigger in the dependency parse: the relation of the participant's phrase to the trigger
(`nsubj`, `obj`, `obl:<preposition>`, `nmod:<preposition>`, `nmod:poss`, `compound`, `appos`,
`far` when it hangs two or more steps below the trigger, `clause` when it lies in another clause,
`outside` when no mention of it stands in the trigger's sentence), its role in the event
(source/target/other), its entity type and the distance in words. It prints, per feature value,
how many items with a participant of that kind were judged right and wrong, per language group
(Nordic, English, German/French), and, for the items judged wrong as `non-party actor`, which
participant the judge named (the participant's name occurs in the reason). It prints only
counts; `--out` also writes each row with its trigger's sentence and the judge's reason, for
reading: write it outside the repository (the sheets store no page text).
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from events_precision import _judged_page_text, coded_like

from newsgraph.api import Extractor
from newsgraph.model import Article, Event, Token
from newsgraph.settings import load_settings

CLAUSE_DEPS = ("ccomp", "advcl", "acl:relcl", "parataxis", "csubj", "acl")
LANGUAGE_GROUPS = {"nb": "nordic", "nn": "nordic", "da": "nordic", "sv": "nordic", "en": "en"}


def _sentence_tokens(article: Article, start: int, end: int) -> list[Token]:
    return [t for t in article.tokens if t.start >= start and t.end <= end]


def _head_of(tokens: list[Token], span: set[int]) -> int:
    """The token of a span whose head lies outside it."""
    for i in sorted(span):
        if tokens[i].head not in span or tokens[i].head == i:
            return i
    return min(span)


def _ancestors(tokens: list[Token], index: int) -> list[int]:
    chain = [index]
    while tokens[chain[-1]].head != chain[-1] and len(chain) < 40:
        chain.append(tokens[chain[-1]].head)
    return chain


def _case_word(tokens: list[Token], index: int) -> str:
    found = [t.text.lower() for t in tokens if t.head == index and t.dep in ("case", "mark")]
    return "_".join(found) if found else "-"


def relation(tokens: list[Token], mention: set[int], trigger: set[int]) -> str:
    """How a mention's phrase stands to the trigger in the parse."""
    if mention & trigger:
        return "inside"
    head = _head_of(tokens, mention)
    up = _ancestors(tokens, head)
    trigger_chain = {a for t in trigger for a in _ancestors(tokens, t)}
    below = next((n for n, a in enumerate(up) if a in trigger), None)
    if below is not None:
        path = up[:below]
        dep = tokens[path[-1]].dep if path else "?"
        base = dep.split(":")[0]
        if base in ("obl", "nmod") and dep != "nmod:poss":
            dep = f"{base}:{_case_word(tokens, path[-1])}"
        crosses = any(tokens[p].dep in CLAUSE_DEPS for p in path)
        if crosses:
            return "clause-below"
        if len(path) >= 3:
            return f"far({tokens[path[0]].dep.split(':')[0]})"
        if len(path) == 2:
            return f"{dep}>{tokens[path[0]].dep.split(':')[0]}"
        return dep
    # The trigger hangs below the mention or both below a common verb.
    common = next((a for a in up if a in trigger_chain), None)
    if common is None:
        return "unrelated"
    trigger_path = []
    for t in trigger:
        chain = _ancestors(tokens, t)
        if common in chain:
            trigger_path = chain[: chain.index(common)]
            break
    mention_path = up[: up.index(common)]
    if any(tokens[p].dep in CLAUSE_DEPS for p in trigger_path + mention_path):
        return "clause"
    if not mention_path:
        return "trigger-below-mention"
    top = tokens[mention_path[-1]].dep
    base = top.split(":")[0]
    if base in ("obl", "nmod") and top != "nmod:poss":
        top = f"{base}:{_case_word(tokens, mention_path[-1])}"
    return f"sibling:{top}" + ("" if len(mention_path) == 1 else "+")


def describe(article: Article, event: Event) -> list[dict[str, Any]]:
    """Each participant of an event with its relation to the trigger."""
    if event.trigger is None:
        return []
    sentence = next((s for s in article.sentences if s.start <= event.trigger.start < s.end), None)
    if sentence is None:
        return []
    tokens = _sentence_tokens(article, sentence.start, sentence.end)
    if not tokens or not any(t.dep for t in tokens):
        return []
    base = tokens[0].i
    local = [t.model_copy(update={"head": t.head - base, "i": t.i - base}) for t in tokens]
    trigger = {
        n
        for n, t in enumerate(tokens)
        if t.start < event.trigger.end and event.trigger.start < t.end
    }
    entities = {e.id: e for e in article.entities}
    described = []
    for actor in event.actors:
        entity = entities.get(actor)
        role = "source" if actor in event.source else "target" if actor in event.target else "other"
        found: list[tuple[int, set[int]]] = []
        for span in entity.mentions if entity else []:
            if sentence.start <= span.start < sentence.end:
                words = {
                    n for n, t in enumerate(tokens) if t.start < span.end and span.start < t.end
                }
                if words:
                    distance = min(abs(a - b) for a in words for b in trigger)
                    found.append((distance, words))
        kind = entity.type if entity else "?"
        political = bool(entity and (entity.titles or entity.sector))
        if not found:
            rel, distance = "outside", -1
        else:
            distance, words = min(found, key=lambda f: f[0])
            rel = relation(local, words, trigger)
        described.append(
            {
                "name": entity.name if entity else actor,
                "role": role,
                "rel": rel,
                "distance": distance,
                "kind": kind + ("+title" if political and kind == "PER" else ""),
                "before": bool(found) and min(min(w) for _, w in found) < min(trigger),
            }
        )
    return described


def _marked(article: Article, event: Event) -> str:
    """The trigger's sentence with the trigger in brackets (for the --out file, kept outside the
    repository)."""
    if event.trigger is None:
        return ""
    t0, t1 = event.trigger.start, event.trigger.end
    sentence = next((s for s in article.sentences if s.start <= t0 < s.end), None)
    s0, s1 = (sentence.start, sentence.end) if sentence else (t0, t1)
    return f"{article.text[s0:t0]}[[{article.text[t0:t1]}]]{article.text[t1:s1]}"


def _bucket(distance: int) -> str:
    if distance < 0:
        return "none"
    return "1-3" if distance <= 3 else "4-8" if distance <= 8 else "9+"


def main() -> None:
    paths = [Path(sys.argv[n + 1]) for n, a in enumerate(sys.argv[:-1]) if a == "--sheet"]
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else None
    extractor = Extractor(load_settings())
    rows: list[dict[str, Any]] = []
    for path in paths:
        sheet = json.loads(path.read_text(encoding="utf-8"))
        pages: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for item in sheet["sample"]:
            pages[item["page"]].append(item)
        for page, items in pages.items():
            article = _judged_page_text(extractor, sheet["source"], page, items[0]["lang"])
            if article is None:
                continue
            for item in items:
                same = coded_like(article, item)
                if not same or item.get("verdict") not in ("correct", "wrong"):
                    continue
                reason = item.get("reason", "")
                nonparty = reason.lower().startswith("non-party")
                for side in describe(article, same[0]):
                    side["named_in_reason"] = nonparty and side["name"].lower() in reason.lower()
                    rows.append(
                        {
                            "sheet": path.name,
                            "page": page,
                            "lang": item["lang"],
                            "type": item["type"],
                            "verdict": item["verdict"],
                            "nonparty": nonparty,
                            "reason": reason,
                            "text": _marked(article, same[0]),
                            **side,
                        }
                    )
    if out is not None:
        out.write_text(json.dumps(rows, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    report(rows)


def report(rows: list[dict[str, Any]]) -> None:
    """Right/wrong counts of participants per feature value, per language group."""
    for feature in ("rel", "role", "kind", "distance"):
        table: dict[str, Counter[str]] = defaultdict(Counter)
        for row in rows:
            value = _bucket(row["distance"]) if feature == "distance" else row[feature]
            group = LANGUAGE_GROUPS.get(row["lang"], "de/fr")
            verdict = "ok" if row["verdict"] == "correct" else "bad"
            table[value][f"{group}:{verdict}"] += 1
            table[value][verdict] += 1
            table[value]["flagged"] += row["named_in_reason"]
        print(f"\n{feature:<24} right wrong rate | nordic  en  de/fr | flagged-nonparty")
        for value, c in sorted(table.items(), key=lambda kv: -(kv[1]["ok"] + kv[1]["bad"])):
            total = c["ok"] + c["bad"]
            parts = "  ".join(
                f"{c[g + ':ok']}/{c[g + ':ok'] + c[g + ':bad']}" for g in ("nordic", "en", "de/fr")
            )
            print(
                f"{value:<24} {c['ok']:>5} {c['bad']:>5} {c['ok'] / total:.2f} | {parts} | "
                f"{c['flagged']}"
            )


if __name__ == "__main__":
    if "--from" in sys.argv:
        report(json.loads(Path(sys.argv[sys.argv.index("--from") + 1]).read_text()))
    else:
        main()
