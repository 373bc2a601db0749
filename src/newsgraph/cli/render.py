"""Readable rich rendering of one Article for `extract --format pretty` and `demo`."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from newsgraph.model import Article

TOP_ENTITIES = 12


def _name(article: Article, entity_id: str | None) -> str:
    entity = article.entity(entity_id)
    return entity.name if entity else "—"


def render_provenance(console: Console, article: Article) -> None:
    """The page read, the original it names, the credited sources and any sign of translation."""
    meta = article.meta
    read = meta.page_url or meta.input_path or meta.source_url
    original = meta.source_url if meta.source_url and meta.source_url != read else None
    console.print(
        f"read from {escape(read or '—')} · original {escape(original or '—')}"
        f" · credited {escape(', '.join(meta.credited_sources) or '—')}"
    )
    translation = meta.translation
    if translation is None:
        console.print("translation: no sign")
        return
    console.print(f"[bold]translation[/] from {translation.original_lang or 'unknown language'}:")
    for sign in translation.evidence:
        console.print(f"  · {escape(sign)}")


def render_article(console: Console, article: Article) -> None:
    """Print metadata, entities, quotes, times and events of one article."""
    meta = article.meta
    title = meta.title or article.text[:80].replace("\n", " ")
    console.rule(f"[bold]{escape(title)}")
    console.print(
        f"id {article.id} · lang [bold]{article.lang}[/] · published [bold]{meta.published}[/]"
        f" ({meta.published_from}) · publisher {meta.publisher} · authors {', '.join(meta.authors)}"
        f" · credited {', '.join(meta.credited_sources)}"
    )
    render_provenance(console, article)
    leftovers = [r.text.strip() for r in meta.removed if r.text.strip()]
    blank_runs = len(meta.removed) - len(leftovers)
    console.print(
        f"captions {len(meta.captions)} · removed: "
        + ", ".join(escape(repr(text[:40])) for text in leftovers)
        + (f" + {blank_runs} runs of blank lines" if blank_runs else "")
    )
    entities = sorted(article.entities, key=lambda e: -len(e.mentions))[:TOP_ENTITIES]
    if entities:
        table = Table("entity", "type", "country", "titles", "mentions", title="Entities")
        for entity in entities:
            titles = ", ".join(t.text for t in entity.titles)
            table.add_row(
                escape(entity.name),
                entity.type,
                entity.country or "",
                titles,
                str(len(entity.mentions)),
            )
        console.print(table)
    if article.quotes:
        table = Table("speaker", "kind", "quote", "to", title="Quotes")
        for quote in article.quotes:
            to = _name(article, quote.addressee) if quote.addressee else ""
            table.add_row(
                escape(_name(article, quote.speaker)),
                quote.kind,
                escape(quote.text[:90]),
                escape(to),
            )
        console.print(table)
    if article.times:
        table = Table("expression", "type", "value", title="Times")
        for time in article.times:
            table.add_row(escape(time.text), time.type, time.value)
        console.print(table)
    if article.events:
        table = Table(
            "type", "mode", "actors", "countries", "where", "date", "confidence", title="Events"
        )
        for event in article.events:
            actors = ", ".join(_name(article, a) for a in event.actors)
            where = event.location.name if event.location else ""
            table.add_row(
                event.type,
                event.mode or "",
                actors,
                "+".join(event.countries),
                where,
                event.date,
                event.confidence_level or "",
            )
        console.print(table)
    for failure in article.failures:
        console.print(f"[red]stage {failure.stage} failed:[/] {failure.message}")
