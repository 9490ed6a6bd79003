"""HTTP API for the systems around the dashboard (portal, lobby screen, scheduler): read-only JSON with the CLI's
keys and the generated reports, filtered like the dashboard's links, served beside the dashboard (asgi.py).
Localhost only until per-user tokens exist (docs/stores.md)."""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from analytics import cli, exports, metrics
from analytics.contract import vocab
from analytics.contract.access import EVERY_UNIT
from analytics.filters import Filters
from analytics.i18n import t
from analytics.store import connection
from analytics.store.tree import UnknownUnitError, resolve_units

PREFIX = "/api"
API_VERSION = "1"


@dataclass(frozen=True)
class Param:
    name: str
    description: str
    repeatable: bool = False
    kind: str = "string"
    allowed: tuple = ()


# The dashboard's link parameters (ui/filters.py): ?unit=A&unit=B&year=2022-2024&program=…&category=…
FILTER_PARAMS = (
    Param("unit", "unit name, its units below included (repeatable)", repeatable=True),
    Param("year", "a year or a range: 2024 or 2022-2024"),
    Param("program", "programme (repeatable)", repeatable=True, allowed=tuple(vocab.PROGRAMS)),
    Param("category", "project category (repeatable)", repeatable=True, allowed=tuple(vocab.CATEGORIES)),
)
LANG = Param("lang", "language of names and messages", allowed=("zh", "en"))


class BadRequest(ValueError):
    def __init__(self, message: str, **details):
        super().__init__(message)
        self.details = {"error": message, **details}


_READERS: dict[Path, connection.Reader] = {}


def _cursor():
    """A cursor on the newest published copy of the store the server serves ($DASHBOARD_DB)."""
    path = connection.db_path()
    reader = _READERS.get(path)
    if reader is None:
        reader = _READERS.setdefault(path, connection.Reader(path))
    return reader.connection().cursor()


def _lang(request: Request) -> str:
    lang = request.query_params.get("lang", "zh")
    if lang not in LANG.allowed:
        raise BadRequest(f"lang must be one of {', '.join(LANG.allowed)}")
    return lang


def _filters(con, request: Request, lang: str) -> Filters:
    query = request.query_params
    known = {param.name for param in (*FILTER_PARAMS, *ENDPOINT_PARAMS, LANG)}
    unknown = sorted(set(query) - known)
    if unknown:
        raise BadRequest(f"unknown parameter: {', '.join(unknown)}")
    for param in FILTER_PARAMS:
        wrong = [value for value in query.getlist(param.name) if param.allowed and value not in param.allowed]
        if wrong:
            raise BadRequest(f"{param.name}: not one of the allowed values: {'、'.join(wrong)}", allowed=param.allowed)
    year_from = year_to = None
    if "year" in query:
        try:
            year_from, year_to = cli.parse_years(query["year"])
        except Exception:  # argparse's ArgumentTypeError: the text is the CLI's own
            raise BadRequest(f"year: not a year or range: {query['year']}") from None
    try:
        units = resolve_units(con, query.getlist("unit"))
    except UnknownUnitError as exc:
        suggestions = "、".join(exc.suggestions) or t("cli.none", lang)
        raise BadRequest(
            t("cli.unknown_unit", lang, name=exc.name, suggestions=suggestions), suggestions=list(exc.suggestions)
        ) from None
    return Filters(
        units=units,
        year_from=year_from,
        year_to=year_to,
        programs=tuple(query.getlist("program")),
        categories=tuple(query.getlist("category")),
    )


def _is_local(request: Request) -> bool:
    host = request.client.host if request.client else ""
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _endpoint(handler: Callable[[object, Request, str], Response]):
    """A sync Starlette endpoint (run in its thread pool): local callers only, one cursor, errors as JSON."""

    def endpoint(request: Request) -> Response:
        if not _is_local(request) and not os.environ.get("DASHBOARD_API_PUBLIC"):
            return JSONResponse({"error": "the API answers only on this machine until per-user tokens exist"}, 403)
        try:
            lang = _lang(request)
            con = _cursor()
            try:
                return handler(con, request, lang)
            finally:
                con.close()
        except BadRequest as exc:
            return JSONResponse(exc.details, 400)
        except connection.StoreBusy:
            return JSONResponse({"error": "the store is not readable yet; try again shortly"}, 503)

    endpoint.__name__ = handler.__name__
    endpoint.__doc__ = handler.__doc__
    return endpoint


def kpis(con, request: Request, lang: str) -> Response:
    """Headline figures, the object `python -m analytics kpis --json` prints."""
    return JSONResponse(metrics.kpis(con, _filters(con, request, lang)))


def studios(con, request: Request, lang: str) -> Response:
    """Studio verdicts (ok, warning, delisted), the rows `python -m analytics studios --json` prints."""
    try:
        delist_years = int(request.query_params.get("delist_years", 2))
    except ValueError:
        raise BadRequest("delist_years: a whole number") from None
    return JSONResponse(cli.studio_rows(con, _filters(con, request, lang), delist_years))


def batches(con, request: Request, lang: str) -> Response:
    """Upload batches, oldest first, the rows `python -m analytics batches --json` prints."""
    _filters(con, request, lang)  # no filters apply; unknown parameters are still refused
    return JSONResponse(cli.batch_rows(con))


def report(con, request: Request, lang: str) -> Response:
    """The generated report (deck, workbook, PDF, or a zip of chart images), as `python -m analytics report`."""
    fmt = request.path_params["format"]
    if fmt not in exports.FORMATS:
        raise BadRequest(f"format: one of {', '.join(exports.FORMATS)}")
    filters = _filters(con, request, lang)
    # The API answers only on this machine (no per-user tokens yet): its caller is the operator, as on the CLI.
    data = exports.build(con, filters, fmt, lang, names=EVERY_UNIT)
    name = exports.file_name(filters, fmt, lang)
    disposition = f"attachment; filename=report.{exports.FORMATS[fmt].extension}; filename*=UTF-8''{quote(name)}"
    return Response(data, media_type=exports.FORMATS[fmt].mime, headers={"Content-Disposition": disposition})


def openapi(request: Request) -> Response:
    if not _is_local(request) and not os.environ.get("DASHBOARD_API_PUBLIC"):
        return JSONResponse({"error": "the API answers only on this machine until per-user tokens exist"}, 403)
    return JSONResponse(openapi_document())


ENDPOINT_PARAMS = (Param("delist_years", "consecutive missed years that delist a studio", kind="integer"),)


@dataclass(frozen=True)
class Endpoint:
    path: str
    handler: Callable
    params: tuple[Param, ...]
    response: dict  # an OpenAPI response object for 200


def _json(schema: dict) -> dict:
    return {"description": "OK", "content": {"application/json": {"schema": schema}}}


KPI_SCHEMA = {
    "type": "object",
    "properties": {
        "projects": {"type": "integer"},
        "by_category": {"type": "object", "additionalProperties": {"type": "integer"}},
        "by_program": {"type": "object", "additionalProperties": {"type": "integer"}},
        "participation_rate": {"type": ["number", "null"]},
        "branch_coverage": {"type": ["number", "null"]},
        "savings_wan": {"type": "number"},
        "patents": {"type": "object", "additionalProperties": {"type": "integer"}},
        "software_copyrights": {"type": "integer"},
        "awards": {
            "type": "object",
            "properties": {
                "declared": {"type": "integer"},
                "awarded": {"type": "integer"},
                "rate": {"type": ["number", "null"]},
            },
        },
        "completion_rate": {"type": ["number", "null"]},
    },
}
STUDIO_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "properties": {
            "studio": {"type": "string"},
            "unit": {"type": "string"},
            "year": {"type": "integer"},
            "met": {"type": "boolean"},
            "verdict": {"type": "string", "enum": ["ok", "warning", "delisted"]},
        },
    },
}
BATCH_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "file": {"type": "string"},
            "content_hash": {"type": "string"},
            "by": {"type": ["string", "null"]},
            "at": {"type": "string", "format": "date-time"},
            "rows_added": {"type": "integer"},
            "rows_updated": {"type": "integer"},
            "undone_at": {"type": ["string", "null"], "format": "date-time"},
        },
    },
}
ENDPOINTS = (
    Endpoint("/kpis", kpis, FILTER_PARAMS, _json(KPI_SCHEMA)),
    Endpoint("/studios", studios, (*FILTER_PARAMS, *ENDPOINT_PARAMS), _json(STUDIO_SCHEMA)),
    Endpoint("/batches", batches, (), _json(BATCH_SCHEMA)),
    Endpoint(
        "/reports/{format}",
        report,
        FILTER_PARAMS,
        {
            "description": "the file",
            "content": {
                fmt.mime: {"schema": {"type": "string", "format": "binary"}} for fmt in exports.FORMATS.values()
            },
        },
    ),
)


def _parameter(param: Param) -> dict:
    schema: dict = {"type": param.kind}
    if param.allowed:
        schema["enum"] = list(param.allowed)
    if param.repeatable:
        schema = {"type": "array", "items": schema}
    return {
        "name": param.name,
        "in": "query",
        "description": param.description,
        "schema": schema,
        "style": "form",
        "explode": True,
    }


def openapi_document() -> dict:
    """The OpenAPI 3.1 description, derived from the endpoint table above (the one place each is declared)."""
    paths = {}
    for item in ENDPOINTS:
        parameters = [_parameter(param) for param in (*item.params, LANG)]
        if "{format}" in item.path:
            parameters.insert(
                0, {"name": "format", "in": "path", "required": True, "schema": {"enum": list(exports.FORMATS)}}
            )
        errors = {"description": "a bad parameter or an unknown unit", "content": {"application/json": {}}}
        paths[PREFIX + item.path] = {
            "get": {
                "summary": item.handler.__doc__,
                "operationId": item.handler.__name__,
                "parameters": parameters,
                "responses": {"200": item.response, "400": errors, "403": {"description": "not from this machine"}},
            }
        }
    return {
        "openapi": "3.1.0",
        "info": {"title": "创新成效看板 API", "version": API_VERSION},
        "paths": paths,
    }


def routes() -> list[Route]:
    """The API's routes, for st.App(routes=…) in asgi.py."""
    found = [Route(PREFIX + item.path, _endpoint(item.handler), methods=["GET"]) for item in ENDPOINTS]
    found.append(Route(PREFIX + "/openapi.json", openapi, methods=["GET"]))
    return found
