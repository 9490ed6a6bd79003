"""A small OpenID Connect provider for tests, on 127.0.0.1: discovery, authorize (a sign-in form), token (an RS256
ID token signed with joserfc, Authlib's JOSE library) and JWKS. Run: python -m tests.oidc_provider PORT CONFIG.json
where CONFIG holds client_id, client_secret and users {login: claims}."""

from __future__ import annotations

import html
import json
import secrets
import sys
import time
from urllib.parse import urlencode

import uvicorn
from joserfc import jwt
from joserfc.jwk import KeySet, RSAKey
from starlette.applications import Starlette
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse
from starlette.routing import Route


def build(port: int, config: dict) -> Starlette:
    issuer = f"http://127.0.0.1:{port}"
    key = RSAKey.generate_key(2048, parameters={"kid": "test-key", "use": "sig", "alg": "RS256"})
    codes: dict[str, dict] = {}

    async def discovery(request):
        return JSONResponse(
            {
                "issuer": issuer,
                "authorization_endpoint": f"{issuer}/authorize",
                "token_endpoint": f"{issuer}/token",
                "jwks_uri": f"{issuer}/jwks",
                "response_types_supported": ["code"],
                "subject_types_supported": ["public"],
                "id_token_signing_alg_values_supported": ["RS256"],
                "scopes_supported": ["openid", "email", "profile"],
                "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
                "claims_supported": ["sub", "email", "name", "dashboard_role", "dashboard_units"],
            }
        )

    async def jwks(request):
        return JSONResponse(KeySet([key]).as_dict(private=False))

    async def authorize(request):
        params = dict(request.query_params) if request.method == "GET" else dict(await request.form())
        if params.get("client_id") != config["client_id"] or params.get("response_type", "code") != "code":
            return JSONResponse({"error": "unauthorized_client"}, status_code=400)
        if request.method == "GET":
            hidden = "".join(
                f'<input type="hidden" name="{html.escape(k)}" value="{html.escape(v)}">' for k, v in params.items()
            )
            return HTMLResponse(
                f"<!doctype html><title>Test IdP</title><form method='post' action='/authorize'>{hidden}"
                "<label>login <input name='login' id='login'></label><button type='submit'>Sign in</button></form>"
            )
        login = params.get("login", "")
        if login not in config["users"]:
            return HTMLResponse("unknown user", status_code=401)
        code = secrets.token_urlsafe(16)
        codes[code] = {"login": login, "nonce": params.get("nonce"), "redirect_uri": params["redirect_uri"]}
        query = urlencode({"code": code, "state": params.get("state", "")})
        return RedirectResponse(f"{params['redirect_uri']}?{query}", status_code=303)

    async def token(request):
        form = dict(await request.form())
        client_id, client_secret = form.get("client_id"), form.get("client_secret")
        if "authorization" in request.headers:
            import base64

            scheme, _, value = request.headers["authorization"].partition(" ")
            if scheme.lower() == "basic":
                client_id, _, client_secret = base64.b64decode(value).decode().partition(":")
        if (client_id, client_secret) != (config["client_id"], config["client_secret"]):
            return JSONResponse({"error": "invalid_client"}, status_code=401)
        grant = codes.pop(form.get("code", ""), None)
        if grant is None or grant["redirect_uri"] != form.get("redirect_uri"):
            return JSONResponse({"error": "invalid_grant"}, status_code=400)
        now = int(time.time())
        claims = {
            "iss": issuer,
            "aud": client_id,
            "iat": now,
            "exp": now + 600,
            "sub": grant["login"],
            **config["users"][grant["login"]],
        }
        if grant["nonce"]:
            claims["nonce"] = grant["nonce"]
        id_token = jwt.encode({"alg": "RS256", "kid": "test-key"}, claims, key)
        return JSONResponse(
            {"access_token": secrets.token_urlsafe(16), "token_type": "Bearer", "expires_in": 600, "id_token": id_token}
        )

    return Starlette(
        routes=[
            Route("/.well-known/openid-configuration", discovery),
            Route("/jwks", jwks),
            Route("/authorize", authorize, methods=["GET", "POST"]),
            Route("/token", token, methods=["POST"]),
        ]
    )


if __name__ == "__main__":
    port = int(sys.argv[1])
    with open(sys.argv[2], encoding="utf-8") as file:
        settings = json.load(file)
    uvicorn.run(build(port, settings), host="127.0.0.1", port=port, log_level="warning")
