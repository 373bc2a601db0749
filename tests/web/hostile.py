"""A hand-written article whose text, title, names and URL carry HTML and script (XSS tests)."""

from __future__ import annotations

from archive.builders import Happening, Person, Story, build

from newsgraph.model import Article

SCRIPT = "<script>window.pwned = 1</script>"
IMAGE = '<img src="x" onerror="window.pwned = 2">'
LINK = '<a href="javascript:window.pwned = 3">click</a>'
NAME = "Evil <b onmouseover=alert(4)>Tag</b>"

HOSTILE = Story(
    text=(
        f"Officials from Norway met {NAME} in Oslo on Monday. {SCRIPT} The minister said "
        f'"we will not accept {IMAGE} at all" after the talks. Readers were told to {LINK} now.'
    ),
    url="javascript:window.pwned=5",
    lang="en",
    published="2024-10-14",
    title=f"Talks in Oslo {SCRIPT}",
    publisher="example.net",
    people=(
        Person("p1", NAME, "PER", "NOR", NAME, (NAME,)),
        Person("g1", "Norway", "GPE", "NOR", "Norway", ("Norway",)),
        Person("g2", "Oslo", "GPE", "NOR", "Oslo", ("Oslo",)),
    ),
    quotes=((f"we will not accept {IMAGE} at all", "p1"),),
    times=(("Monday", "2024-10-14"),),
    events=(
        Happening(
            "CONSULT",
            ("g1", "p1"),
            ("NOR",),
            "2024-10-14",
            f"Officials from Norway met {NAME} in Oslo on Monday.",
        ),
    ),
)


def hostile_article() -> Article:
    """The hostile article, fully layered."""
    return build(HOSTILE)
