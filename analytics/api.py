"""HTTP API for the systems around the dashboard (portal, lobby screen, scheduler): read-only JSON with the CLI's
keys and the generated reports, filtered like the dashboard's links, served beside the dashboard (asgi.py). A caller
with `Authorization: Bearer <token>` acts as that account (its unit scope and name scope); a loopback caller without
one is the operator, as on the command line; anyone else gets 401 (docs/stores.md)."""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from analytics import cli, exports, metrics
from analytics.contract import vocab
from analytics.filters import Filters
from analytics.i18n import t
from analytics.store import accounts, connection
from analytics.store.throttle import FAILED_SIGN_INS, Throttled
from analytics.store.tree import UnknownUnitError, resolve_units, subtree, within_scope

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


class OutsideScope(BadRequest):
    """A unit the caller's account may not see: 403."""


class Unauthorized(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


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
    principal = request.state.principal
    if principal.scoped:
        allowed = subtree(con, principal.units)
        outside = [unit for unit in units if unit not in allowed]
        if outside:
            raise OutsideScope(
                t("api.outside_scope", lang, units="、".join(outside), scope="、".join(principal.units)),
                outside=outside,
                scope=list(principal.units),
            )
    chosen = Filters(
        units=units,
        year_from=year_from,
        year_to=year_to,
        programs=tuple(query.getlist("program")),
        categories=tuple(query.getlist("category")),
    )
    # A scoped account without a unit asked for sees its own units, as the dashboard shows it; never the group.
    return within_scope(chosen, principal.units, allowed) if principal.scoped else chosen


def _is_local(request: Request) -> bool:
    host = request.client.host if request.client else ""
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _bearer(request: Request) -> str | None:
    """The token of an `Authorization: Bearer <token>` header, "" for another or an empty scheme, None without one."""
    header = request.headers.get("authorization")
    if header is None:
        return None
    scheme, _, token = header.strip().partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


def _caller(con, request: Request, lang: str) -> accounts.Principal:
    """Who asks: the token's account; without a token, the operator when on this machine. Raises Unauthorized."""
    host = request.client.host if request.client else ""
    token = _bearer(request)
    if token is None:
        if _is_local(request):
            return accounts.operator(source=host)
        raise Unauthorized(t("api.needs_token", lang))
    store = str(connection.db_path())
    FAILED_SIGN_INS.check(store, host)  # before the lookup: a flood of guesses writes no audit row, no copy
    try:
        return accounts.principal_by_token(con, token, source=host)
    except accounts.SignInRefused as exc:
        FAILED_SIGN_INS.failed(store, host)
        raise Unauthorized(t(exc.key, lang)) from None


def _unauthorized(message: str) -> Response:
    return JSONResponse({"error": message}, 401, headers={"WWW-Authenticate": 'Bearer realm="api"'})


def _endpoint(handler: Callable[[object, Request, str], Response]):
    """A sync Starlette endpoint (run in its thread pool): a token's account or a local operator, one cursor,
    errors as JSON."""

    def endpoint(request: Request) -> Response:
        # Messages before the language is checked (a refused token) are in the asked language when it is a known one.
        lang = request.query_params.get("lang", "zh")
        lang = lang if lang in LANG.allowed else "zh"
        try:
            con = _cursor()
            try:
                request.state.principal = _caller(con, request, lang)
                _lang(request)
                return handler(con, request, lang)
            finally:
                con.close()
        except Unauthorized as exc:
            return _unauthorized(exc.message)
        except Throttled as exc:
            return JSONResponse(
                {"error": t(exc.key, lang, **exc.params)}, 429, headers={"Retry-After": str(exc.retry_after)}
            )
        except OutsideScope as exc:
            return JSONResponse(exc.details, 403)
        except accounts.Forbidden as exc:
            return JSONResponse({"error": t(exc.key, lang, **exc.params)}, 403)
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
    """Upload batches, oldest first, the rows `python -m analytics batches --json` prints (analyst and above, as the
    dashboard's 批次 page)."""
    _filters(con, request, lang)  # no filters apply; unknown parameters are still refused
    accounts.require(con, request.state.principal, "analyst", "batch", target="GET /api/batches")
    return JSONResponse(cli.batch_rows(con))


def report(con, request: Request, lang: str) -> Response:
    """The generated report (deck, workbook, PDF, or a zip of chart images), as `python -m analytics report`."""
    fmt = request.path_params["format"]
    if fmt not in exports.FORMATS:
        raise BadRequest(f"format: one of {', '.join(exports.FORMATS)}")
    filters = _filters(con, request, lang)
    # Names only where the caller's account may see them; the local operator sees every name, as on the CLI.
    data = exports.build(con, filters, fmt, lang, names=accounts.name_scope(con, request.state.principal))
    name = exports.file_name(filters, fmt, lang)
    disposition = f"attachment; filename=report.{exports.FORMATS[fmt].extension}; filename*=UTF-8''{quote(name)}"
    return Response(data, media_type=exports.FORMATS[fmt].mime, headers={"Content-Disposition": disposition})


def openapi(con, request: Request, lang: str) -> Response:
    """The OpenAPI document: asked for like any endpoint (a token, or from this machine)."""
    _filters(con, request, lang)  # no filters apply; unknown parameters are still refused
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
MESSAGE_SCHEMA = {"type": "object", "properties": {"error": {"type": "string"}}, "required": ["error"]}
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
        message = {"content": {"application/json": {"schema": MESSAGE_SCHEMA}}}
        errors = {"description": "a bad parameter or an unknown unit", **message}
        paths[PREFIX + item.path] = {
            "get": {
                "summary": item.handler.__doc__,
                "operationId": item.handler.__name__,
                "parameters": parameters,
                "responses": {
                    "200": item.response,
                    "400": errors,
                    "401": {"description": "no token from another machine, or a token not valid", **message},
                    "403": {"description": "a unit outside the token account's scope, or a role too low", **message},
                },
                # A token, or none from this machine (the operator, as on the command line).
                "security": [{"bearer": []}, {}],
            }
        }
    return {
        "openapi": "3.1.0",
        "info": {"title": "创新成效看板 API", "version": API_VERSION},
        "components": {
            "securitySchemes": {
                "bearer": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "a per-user token an admin issues: python -m analytics user token NAME",
                }
            }
        },
        "paths": paths,
    }


def routes() -> list[Route]:
    """The API's routes, for st.App(routes=…) in asgi.py."""
    found = [Route(PREFIX + item.path, _endpoint(item.handler), methods=["GET"]) for item in ENDPOINTS]
    found.append(Route(PREFIX + "/openapi.json", _endpoint(openapi), methods=["GET"]))
    return found
