"""The web UI: server-rendered pages over the same service calls as the API.

Templates are Jinja2 with autoescaping on, so every value from an article is written as text;
pages carry no inline script (the Content-Security-Policy forbids it) and draw charts, the map
and the network as SVG on the server. Filters in the forms are the API's filters.
"""

from __future__ import annotations

from importlib import resources
from typing import Any, TypeVar
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from pydantic import BaseModel, ValidationError

from newsgraph.errors import FilterError
from newsgraph.service import (
    ArchiveService,
    ArticleRequest,
    EntityRequest,
    EventRequest,
    QuoteRequest,
    SearchRequest,
)
from newsgraph.service.models import Page
from newsgraph.web import views
from newsgraph.web.world import world_paths

Model = TypeVar("Model", bound=BaseModel)
router = APIRouter(include_in_schema=False)
_environment = Environment(
    loader=FileSystemLoader(str(resources.files("newsgraph.web").joinpath("templates"))),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
_environment.globals["project"] = views.project
_environment.globals["quad_of"] = views.quad_of


def render(name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """A template rendered to a response."""
    return HTMLResponse(_environment.get_template(name).render(**context), status_code=status)


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    """The page shown for a bad filter (400), a missing item (404) or an unreadable archive."""
    return render("error.html", status, status_code=status, message=message, page="")


def _service(request: Request) -> ArchiveService:
    service: ArchiveService = request.app.state.service
    return service


def _form(request: Request, model: type[Model], **defaults: Any) -> Model:
    """A request model from the page's query string (empty form fields left out)."""
    values: dict[str, Any] = dict(defaults)
    for key in set(request.query_params):
        if key not in model.model_fields:
            raise FilterError(key, key, f"filters: {', '.join(model.model_fields)}")
        given = [v for v in request.query_params.getlist(key) if v.strip()]
        if not given:
            continue
        annotation = str(model.model_fields[key].annotation)
        values[key] = given if annotation.startswith("list") else given[-1]
    try:
        return model(**values)
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(part) for part in first["loc"]) or "query"
        raise FilterError(field, str(first.get("input", "")), str(first["msg"])) from error


def _query(request: Request, **changes: Any) -> str:
    """The current query string with some parameters replaced (for the next page link)."""
    params = {k: request.query_params.getlist(k) for k in request.query_params}
    params.update({k: [str(v)] for k, v in changes.items()})
    return urlencode([(k, v) for k, values in params.items() for v in values])


def _next_query(request: Request, next_offset: int | None) -> str | None:
    """The query string of a list's next page, or None on its last page."""
    return _query(request, offset=next_offset) if next_offset else None


def _list_page(
    request: Request, name: str, key: str, found: Page[Any], **context: Any
) -> HTMLResponse:
    """A list page (`name`.html) with its items under `key` and the link to its next page."""
    context[key] = found
    context["next_query"] = _next_query(request, found.next_offset)
    return render(f"{name}.html", page=name, **context)


@router.get("/", response_class=HTMLResponse)
def overview(request: Request) -> HTMLResponse:
    """Counts, languages, categories and stories per month."""
    found = _service(request).overview()
    months = views.bars([(m.month, m.count) for m in found.months])
    return render("overview.html", page="overview", overview=found, months=months)


@router.get("/stories", response_class=HTMLResponse)
def stories(request: Request) -> HTMLResponse:
    """Stories with their filters."""
    query = _form(request, EventRequest, limit=25)
    found = _service(request).events(query)
    return _list_page(
        request, "stories", "stories", found, query=query, choices=_service(request).choices()
    )


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story(request: Request, story_id: str) -> HTMLResponse:
    """One story: its reports across languages and why each joined."""
    return render("story.html", page="stories", story=_service(request).story(story_id))


@router.get("/timeline", response_class=HTMLResponse)
def timeline(request: Request) -> HTMLResponse:
    """Stories of a country pair, country or actor per month, cooperative vs conflictual."""
    query = _form(request, EventRequest, limit=50, reports=False)
    service = _service(request)
    months = [(m.month, m.cooperation, m.conflict) for m in service.timeline(query)]
    top = max((a + b for _, a, b in months), default=1) or 1
    return render(
        "timeline.html",
        page="timeline",
        query=query,
        stories=service.events(query),
        months=months,
        top=top,
        choices=service.choices(),
    )


@router.get("/map", response_class=HTMLResponse)
def event_map(request: Request) -> HTMLResponse:
    """Where the matching stories' events happened."""
    query = _form(request, EventRequest, limit=200, reports=False)
    places = _service(request).places(query)
    top = max((p.reports for p in places), default=1)
    return render(
        "map.html",
        page="map",
        query=query,
        places=places,
        top=top,
        land=world_paths(),
        choices=_service(request).choices(),
    )


@router.get("/network", response_class=HTMLResponse)
def actor_network(request: Request) -> HTMLResponse:
    """Countries and actors linked by shared stories, cooperative vs conflictual."""
    query = _form(request, EventRequest, limit=200, reports=False)
    found = _service(request).events(query)
    actors = _service(request).story_actors([story.story_id for story in found.items])
    nodes, edges = views.network(found.items, actors)
    return render(
        "network.html",
        page="network",
        query=query,
        nodes=nodes,
        edges=edges,
        choices=_service(request).choices(),
    )


@router.get("/quotes", response_class=HTMLResponse)
def quotes(request: Request) -> HTMLResponse:
    """The quote explorer."""
    query = _form(request, QuoteRequest, limit=50)
    found = _service(request).quotes(query)
    return _list_page(request, "quotes", "quotes", found, query=query)


@router.get("/entities", response_class=HTMLResponse)
def entities(request: Request) -> HTMLResponse:
    """Entities by name prefix."""
    query = _form(request, EntityRequest, limit=50)
    found = _service(request).entities(query)
    return _list_page(request, "entities", "entities", found, query=query)


@router.get("/entities/{name}", response_class=HTMLResponse)
def entity(request: Request, name: str) -> Response:
    """One entity's page, keyed by canonical id: a name redirects to its id's page."""
    profile = _service(request).entity(name)
    if profile.id != name:
        return RedirectResponse("/entities/" + quote(profile.id, safe=":"), status_code=307)
    months = views.bars([(p.month, p.articles) for p in profile.timeline], height=100)
    return render("entity.html", page="entities", entity=profile, months=months)


@router.get("/search", response_class=HTMLResponse)
def search(request: Request) -> HTMLResponse:
    """Full-text search."""
    q = request.query_params.get("q", "").strip()
    if not q:
        return render("search.html", page="search", q="", hits=None, next_query=None)
    query = _form(request, SearchRequest, limit=20)
    found = _service(request).search(query)
    return _list_page(request, "search", "hits", found, q=q)


@router.get("/articles", response_class=HTMLResponse)
def articles(request: Request) -> HTMLResponse:
    """Articles, newest first."""
    query = _form(request, ArticleRequest, limit=50)
    found = _service(request).articles(query)
    return _list_page(request, "articles", "articles", found, query=query)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: str) -> HTMLResponse:
    """An article with entities, quotes, times and event evidence highlighted."""
    detail = _service(request).article(article_id)
    found = detail.article
    names = {e.id: e.name for e in found.entities}
    return render(
        "article.html",
        page="articles",
        detail=detail,
        article=found,
        segments=views.segments(found),
        names=names,
        entity_key=views.entity_key,
        stories={link.event_id: link for link in detail.stories},
    )
