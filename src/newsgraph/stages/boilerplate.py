"""Language-independent page furniture: lines that are boilerplate by their shape, whatever the language.

The per-language rules (resources/<lang>/cleaning.toml) name known phrases. These checks look at
shape instead, so they also catch clutter in languages without rules:
- menus and breadcrumbs: short items joined by separators ("Home › World › Europe") and runs of
  short bulleted links outside the article body;
- teaser blocks: headlines each followed by the same short label ("Read more", 3+ times), and a
  teaser heading ("Most read", from the language rules) with the run of headline-like lines after it;
- outside the body (before its first or after its last prose line): link lines (mostly URLs or
  e-mail addresses), lines in another script than the article (a CJK or Cyrillic menu on a Latin
  page), a run of 3+ headline-like lines after the body (related articles), and the short lines of
  a page header caught between navigation lines (site name and tagline between skip links and menu),
  and a last line that announces a list the page no longer holds ("Read also:");
- copyright lines;
- site templates: non-prose lines that a site repeats on several of its pages (SiteTemplates).
Each finding carries its reason; the clean stage records it like any other removal.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, OrderedDict
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from functools import lru_cache

SENTENCE_END = (".", "!", "?", "»", '"', "”", ":", ";", "。", "！", "？")
# A prose line: a real sentence of the article, never removed by shape. Scripts written without
# spaces (CJK) count by characters instead of words.
PROSE_MIN_WORDS = 8
PROSE_ANY_WORDS = 20
PROSE_MIN_CHARS = 40
MENU_SEPARATOR = re.compile(r"\s+(?:[|•·›»>/]|::)\s+|\s*\|\s*")
MENU_MIN_ITEMS = 3
MENU_MAX_ITEM_WORDS = 4
MENU_MAX_ITEM_CHARS = 30
# A menu entry is words only: numbers, quotes or code make a list or table of the article.
MENU_ITEM = re.compile(r"[^\W\d_]+(?:[ '’&-]+[^\W\d_]+)*")
BULLET = re.compile(r"^[•·▪◦●*–-]\s*(?P<item>.+)$")
# A bulleted menu before or after the body: 3+ entries of words only, at most 4 words each and
# 2 on average (a list of the article's own has longer, more varied items).
BULLET_MAX_WORDS = 4
BULLET_MIN_RUN = 3
BULLET_MEAN_WORDS = 2.0
URL_OR_MAIL = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.-]+")
LINK_SHARE = 0.7
LINK_MIN_COUNT = 2
COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|\bcopyright\b", re.IGNORECASE)
MAX_FOOTER_CHARS = 300
TEASER_LABEL_MAX_WORDS = 4
TEASER_LABEL_MAX_CHARS = 30
TEASER_MIN_REPEATS = 3
TEASER_MAX_TITLE_WORDS = 20
# A related-articles run after the body: this many headline-like lines of at least this many words
# (this many on average), none with a digit: a list of dates, prices or scores is the article's own.
HEADLINE_RUN_MIN = 3
HEADLINE_MIN_WORDS = 4
HEADLINE_MEAN_WORDS = 5.0
LETTER_WORD = re.compile(r"^[^\W\d_]+(?:['’-][^\W\d_]+)*[,.:;!?]?$")
# A page-header line between navigation lines: short, as a site name or tagline is.
HEADER_MAX_CHARS = 80
# A last line that introduces a list ("Read also:"), whose links the extractor dropped; a longer
# one ("The report is here:", "Twitter was confused:") introduces an embed of the article.
DANGLING_MAX_WORDS = 3
# A heading announcing closing teasers ("More on this topic:").
CLOSING_HEADING_MAX_WORDS = 6
# Code, markup and list bullets are not headlines.
NOT_IN_HEADLINE = set("=(){}[]<>_#@|\\/*•")
# A text needs this many letters, this share in one script, before another script stands out.
SCRIPT_MIN_LETTERS = 200
SCRIPT_DOMINANCE = 0.8
SCRIPT_FOREIGN_SHARE = 0.9
SCRIPT_MAX_LINE_CHARS = 80
# Latin words are at home in CJK pages (names, brands, captions); the reverse is page furniture.
SCRIPTS_WITH_LATIN = {"CJK"}
MENU_PUNCTUATION = set("|•·›»/-–")
# Site templates: a non-prose line seen on this many earlier pages of the same site.
TEMPLATE_MIN_PAGES = 3
TEMPLATE_MAX_CHARS = 200
TEMPLATE_MAX_SITES = 500
TEMPLATE_MAX_LINES = 5000


def script_of(char: str) -> str | None:
    """The writing system of a letter (Latin, Cyrillic, Greek, Arabic, Hebrew, CJK, ...)."""
    # Called for every character of every page: ASCII answers at once, other letters are
    # looked up in the Unicode database once each.
    if char.isascii():
        return "Latin" if char.isalpha() else None
    return _script_of_letter(char)


@lru_cache(maxsize=16_384)
def _script_of_letter(char: str) -> str | None:
    if not char.isalpha():
        return None
    name = unicodedata.name(char, "")
    for prefix, script in (
        ("LATIN", "Latin"),
        ("CYRILLIC", "Cyrillic"),
        ("GREEK", "Greek"),
        ("ARABIC", "Arabic"),
        ("HEBREW", "Hebrew"),
        ("CJK", "CJK"),
        ("HIRAGANA", "CJK"),
        ("KATAKANA", "CJK"),
        ("HANGUL", "CJK"),
        ("THAI", "Thai"),
        ("DEVANAGARI", "Devanagari"),
    ):
        if name.startswith(prefix):
            return script
    return "other"


def script_counts(text: str) -> Counter[str]:
    """Letters per script (scripts in the order the text first uses them)."""
    # Characters are counted in C, then each distinct one is looked up once; the counter of
    # characters keeps first-use order, so the scripts arrive in it too.
    counts: Counter[str] = Counter()
    for char, count in Counter(text).items():
        script = script_of(char)
        if script:
            counts[script] += count
    return counts


def dominant_script(text: str) -> str | None:
    """The script of most letters, when it clearly dominates a long enough text."""
    counts = script_counts(text)
    total = sum(counts.values())
    if total < SCRIPT_MIN_LETTERS:
        return None
    script, count = counts.most_common(1)[0]
    return script if count / total >= SCRIPT_DOMINANCE else None


def words(line: str) -> list[str]:
    """Whitespace-separated words."""
    return line.split()


def is_prose(line: str) -> bool:
    """A sentence of running text: long enough and ending like a sentence, or simply long."""
    count = len(words(line))
    ends = line.rstrip().endswith(SENTENCE_END)
    return (
        count >= PROSE_ANY_WORDS
        or (count >= PROSE_MIN_WORDS and ends)
        or (len(line) >= PROSE_MIN_CHARS and ends and count < PROSE_MIN_WORDS / 2)
    )


def is_menu_line(line: str) -> bool:
    """Short items joined by separators: a navigation bar or breadcrumb trail."""
    if line.startswith("|") or line.endswith("|"):
        return False  # a table row
    items = [item.strip() for item in MENU_SEPARATOR.split(line) if item.strip()]
    if len(items) < MENU_MIN_ITEMS:
        return False
    return all(
        len(words(item)) <= MENU_MAX_ITEM_WORDS
        and len(item) <= MENU_MAX_ITEM_CHARS
        and MENU_ITEM.fullmatch(item) is not None
        for item in items
    )


def is_link_line(line: str) -> bool:
    """Two or more URLs or e-mail addresses and little else (one URL alone may be a reference)."""
    links = [m.group(0) for m in URL_OR_MAIL.finditer(line)]
    return len(links) >= LINK_MIN_COUNT and sum(map(len, links)) / len(line) >= LINK_SHARE


def is_foreign_script(line: str, script: str | None) -> str | None:
    """The other script a short line is almost wholly written in, if the article has a dominant
    script that does not mix with Latin as a matter of course."""
    if script is None or script in SCRIPTS_WITH_LATIN or len(line) > SCRIPT_MAX_LINE_CHARS:
        return None
    if not all(ch.isalpha() or ch.isspace() or ch in MENU_PUNCTUATION for ch in line):
        return None  # code, numbers or a sentence, not a menu
    counts = script_counts(line)
    total = sum(counts.values())
    if not total:
        return None
    other, count = counts.most_common(1)[0]
    if other != script and count / total >= SCRIPT_FOREIGN_SHARE:
        return other
    return None


def menu_entry(line: str) -> str | None:
    """The text of a bulleted menu entry: a few words, nothing else."""
    match = BULLET.match(line)
    if match is None:
        return None
    item = match["item"].strip()
    if len(words(item)) > BULLET_MAX_WORDS or MENU_ITEM.fullmatch(item) is None:
        return None
    return item


def body_span(lines: list[str]) -> tuple[int, int]:
    """Indices of the first and last prose line (the article body lies between them)."""
    prose = [i for i, line in enumerate(lines) if is_prose(line.strip())]
    return (prose[0], prose[-1]) if prose else (len(lines), -1)


def menu_runs(lines: list[str], first: int, last: int) -> dict[int, str]:
    """Runs of bulleted menu entries before or after the body (blank lines do not end a run)."""
    runs: list[list[tuple[int, str]]] = [[]]
    for index, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            continue
        entry = menu_entry(line)
        if entry is not None and not first <= index <= last:
            runs[-1].append((index, entry))
        elif runs[-1]:
            runs.append([])
    found: dict[int, str] = {}
    for run in runs:
        if len(run) < BULLET_MIN_RUN:
            continue
        if sum(len(words(entry)) for _, entry in run) / len(run) <= BULLET_MEAN_WORDS:
            found.update(dict.fromkeys((i for i, _ in run), "menu (run of short bulleted links)"))
    return found


def teaser_block(lines: list[str]) -> dict[int, str]:
    """Headlines each followed by the same short label ("Read more"), 3+ times, the label lines and
    the short heading above them, wherever they are (find_boilerplate keeps those inside the body)."""
    stripped = [line.strip() for line in lines]
    labels = Counter(
        line
        for line in stripped
        if line
        and len(words(line)) <= TEASER_LABEL_MAX_WORDS
        and len(line) <= TEASER_LABEL_MAX_CHARS
        and MENU_ITEM.fullmatch(line) is not None
    )
    found: dict[int, str] = {}
    for label, count in labels.items():
        if count < TEASER_MIN_REPEATS:
            continue
        titles = []
        for index, line in enumerate(stripped):
            if line != label:
                continue
            previous = next((i for i in range(index - 1, -1, -1) if stripped[i]), None)
            if previous is not None and _title_like(stripped[previous]):
                titles.append((previous, index))
        if len(titles) < TEASER_MIN_REPEATS:
            continue
        for title, label_index in titles:
            found[title] = f"teaser headline (followed by {label!r})"
            found[label_index] = "teaser link label"
        start = min(title for title, _ in titles)
        heading = next((i for i in range(start - 1, -1, -1) if stripped[i]), None)
        if heading is not None and len(words(stripped[heading])) <= TEASER_LABEL_MAX_WORDS:
            found[heading] = "teaser block heading"
    return found


def headed_teasers(lines: list[str], is_heading: Callable[[str], bool]) -> dict[int, str]:
    """A teaser heading ("Most read") and the headline-like lines after it, up to the first line
    of running text."""
    found: dict[int, str] = {}
    for index, raw in enumerate(lines):
        if not is_heading(raw.strip()):
            continue
        found[index] = "teaser block heading"
        for after in range(index + 1, len(lines)):
            line = lines[after].strip()
            if not line:
                continue
            if is_prose(line) or not _title_like(line) or is_heading(line):
                break
            found[after] = "teaser headline (after a teaser heading)"
    return found


def headline_runs_after_body(lines: list[str], last: int) -> dict[int, str]:
    """Runs of 3+ headline-like lines after the last prose line: related-article lists."""
    run: list[int] = []
    runs: list[list[int]] = []
    for index in range(last + 1, len(lines)):
        line = lines[index].strip()
        if not line:
            continue
        if _headline(line):
            run.append(index)
        else:
            runs.append(run)
            run = []
    runs.append(run)
    return {
        index: "related headlines after the body"
        for found in runs
        if len(found) >= HEADLINE_RUN_MIN
        and sum(len(words(lines[i])) for i in found) / len(found) >= HEADLINE_MEAN_WORDS
        for index in found
    }


def closing_teasers(lines: list[str], last: int) -> dict[int, str]:
    """A short heading ending in a colon ("Read more on this:") after the body, followed only by
    headlines up to the end of the page."""
    headlines: list[int] = []
    for index in range(len(lines) - 1, last, -1):
        line = lines[index].strip()
        if not line:
            continue
        if line.endswith(":") and len(words(line)) <= CLOSING_HEADING_MAX_WORDS and headlines:
            found = dict.fromkeys(headlines, "teaser headline (after a closing heading)")
            return {index: "teaser block heading", **found}
        if not _headline(line, digits=True):
            return {}
        headlines.append(index)
    return {}


def _headline(line: str, digits: bool = False) -> bool:
    """A headline of a related article: title-like, nearly all words of letters (and no digits
    unless `digits`: a heading announcing the list makes a year in a headline safe)."""
    if not _title_like(line) or is_prose(line) or BULLET.match(line):
        return False
    if any(ch in NOT_IN_HEADLINE for ch in line):
        return False
    if not digits and any(ch.isdigit() for ch in line):
        return False
    lettered = [word for word in words(line) if LETTER_WORD.match(word)]
    return len(lettered) >= HEADLINE_MIN_WORDS and len(lettered) >= 0.8 * len(words(line))


def dangling_heading(lines: list[str], found: Collection[int]) -> dict[int, str]:
    """The page's last line when it announces a list that is not there ("Read also:")."""
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index].strip()
        if not line or index in found:
            continue
        if line.endswith(":") and len(words(line)) <= DANGLING_MAX_WORDS:
            return {index: "heading with nothing under it (end of the page)"}
        return {}
    return {}


def page_header(lines: list[str], first: int, navigation: Collection[int]) -> dict[int, str]:
    """Short lines before the body that sit between navigation lines (site name, tagline)."""
    before = sorted(index for index in navigation if index < first)
    if len(before) < 2:
        return {}
    found: dict[int, str] = {}
    for index in range(before[0] + 1, before[-1]):
        line = lines[index].strip()
        if (
            line
            and index not in navigation
            and len(line) <= HEADER_MAX_CHARS
            and not is_prose(line)
        ):
            found[index] = "page header (between navigation lines)"
    return found


def _title_like(line: str) -> bool:
    """A headline: short, and not ending like a sentence of running text (questions are fine)."""
    return 0 < len(words(line)) <= TEASER_MAX_TITLE_WORDS and not line.endswith((".", ":", ";"))


def find_boilerplate(
    lines: list[str],
    site_lines: set[str] | None = None,
    *,
    known: Collection[int] = (),
    is_teaser_heading: Callable[[str], bool] | None = None,
) -> dict[int, str]:
    """Line index -> reason, for every line of a page that is boilerplate by its shape.

    known: navigation lines the language rules remove (skip links), which with menu lines frame a
    page header; is_teaser_heading: the language rules' teaser headings.
    """
    script = dominant_script("".join(lines))
    # The body is where the prose is, not counting teaser headlines (one ending in "?" reads like a
    # sentence); label pairs inside the body are the article's own (a schedule, a menu plan).
    teasers = teaser_block(lines)
    found = headed_teasers(lines, is_teaser_heading) if is_teaser_heading else {}
    masked = [line if i not in teasers and i not in found else "" for i, line in enumerate(lines)]
    first, last = body_span(masked)
    found.update((i, reason) for i, reason in teasers.items() if not first <= i <= last)
    found.update(menu_runs(lines, first, last))
    found.update(headline_runs_after_body(lines, last))
    found.update(closing_teasers(lines, last))
    found.update(dangling_heading(lines, {*found, *known}))
    menus = {i for i, reason in found.items() if reason.startswith("menu")}
    for index, reason in page_header(lines, first, {*menus, *known}).items():
        found.setdefault(index, reason)
    for index, raw in enumerate(lines):
        line = raw.strip()
        if not line or index in found:
            continue
        outside = not first <= index <= last
        if site_lines and line in site_lines and not is_prose(line):
            found[index] = "site template line (repeated on the site's pages)"
        elif is_menu_line(line):
            found[index] = "menu or breadcrumb line"
        elif outside and is_link_line(line):
            found[index] = "link line"
        elif index < first and URL_OR_MAIL.fullmatch(line):
            found[index] = "link line (an address alone before the body)"
        elif (outside or len(MENU_SEPARATOR.split(line)) + len(words(line)) > 3) and (
            other := is_foreign_script(line, script)
        ):
            found[index] = f"line in another script ({other}) than the article ({script})"
        elif len(line) <= MAX_FOOTER_CHARS and COPYRIGHT.search(line) and not is_prose(line):
            found[index] = "copyright line"
    return found


@dataclass
class SiteTemplates:
    """Remembers the non-prose lines of each site's pages; a line met on several pages is template.

    Order matters: the first pages of a site keep their template lines. Memory is bounded (sites and
    lines per site are evicted oldest first).
    """

    min_pages: int = TEMPLATE_MIN_PAGES
    sites: OrderedDict[str, Counter[str]] = field(default_factory=OrderedDict)

    def template_lines(self, site: str | None) -> set[str]:
        """Lines already seen on at least min_pages pages of this site."""
        if not site or site not in self.sites:
            return set()
        return {line for line, pages in self.sites[site].items() if pages >= self.min_pages}

    def record(self, site: str | None, lines: list[str]) -> None:
        """Count each distinct short non-prose line of one page of a site."""
        if not site:
            return
        counts = self.sites.setdefault(site, Counter())
        self.sites.move_to_end(site)
        for line in {raw.strip() for raw in lines}:
            if line and len(line) <= TEMPLATE_MAX_CHARS and not is_prose(line):
                counts[line] += 1
        if len(counts) > TEMPLATE_MAX_LINES:
            for line, _ in counts.most_common()[TEMPLATE_MAX_LINES:]:
                del counts[line]
        while len(self.sites) > TEMPLATE_MAX_SITES:
            self.sites.popitem(last=False)
