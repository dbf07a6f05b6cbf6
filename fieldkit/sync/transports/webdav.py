"""A WebDAV target (Nextcloud or any WebDAV server), with the standard library only.

Files live under ``<url>/fieldkit-sync/<device id>/``. An upload goes to a
hidden ``.NAME.partial`` file first and is then MOVEd to its name, so a
dropped connection never leaves a file that looks complete.
"""

from __future__ import annotations

import base64
import http.client
import logging
import ssl
import xml.etree.ElementTree as ET
from urllib.parse import quote, unquote, urlsplit

from fieldkit.i18n import _
from fieldkit.sync.errors import SyncError, TargetUnreachable
from fieldkit.sync.transports import Entry, is_bundle_name

log = logging.getLogger(__name__)

ROOT = "fieldkit-sync"
DAV = "{DAV:}"
PROPFIND_BODY = (
    b'<?xml version="1.0" encoding="utf-8"?>'
    b'<d:propfind xmlns:d="DAV:"><d:prop><d:resourcetype/></d:prop></d:propfind>'
)


class WebDAVTransport:
    """A WebDAV collection reached over HTTP(S), optionally with Basic auth."""

    def __init__(
        self, url: str, username: str | None = None, password: str | None = None, timeout=30.0
    ):
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise SyncError(
                _("“%(url)s” is not a WebDAV address (expected https://server/path/).")
                % {"url": url}
            )
        self.url = url
        self.scheme = parts.scheme
        self.host = parts.hostname
        self.port = parts.port
        self.base = parts.path.rstrip("/") + "/" + ROOT + "/"
        self.timeout = timeout
        self.headers: dict[str, str] = {}
        if username:
            token = base64.b64encode(f"{username}:{password or ''}".encode()).decode()
            self.headers["Authorization"] = f"Basic {token}"

    # --- HTTP ------------------------------------------------------------------

    def _connection(self, timeout: float | None = None) -> http.client.HTTPConnection:
        if self.scheme == "https":
            return http.client.HTTPSConnection(
                self.host,
                self.port,
                timeout=timeout or self.timeout,
                context=ssl.create_default_context(),
            )
        return http.client.HTTPConnection(self.host, self.port, timeout=timeout or self.timeout)

    def _request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
        timeout: float | None = None,
    ) -> tuple[int, bytes]:
        conn = self._connection(timeout)
        try:
            conn.request(
                method,
                quote(path, safe="/%:@"),
                body=body,
                headers={**self.headers, **(headers or {})},
            )
            response = conn.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException) as exc:
            log.info("WebDAV %s failed: %s", method, type(exc).__name__)
            raise TargetUnreachable(
                _(
                    "The server %(host)s could not be reached or dropped the connection "
                    "(%(error)s). Nothing incomplete was kept; try again when online."
                )
                % {"host": self.host, "error": type(exc).__name__}
            ) from exc
        finally:
            conn.close()
        if response.status in (401, 403):
            raise SyncError(
                _(
                    "The server %(host)s refused the user name or password (HTTP %(status)d). "
                    "Check them and sync again."
                )
                % {"host": self.host, "status": response.status}
            )
        return response.status, data

    def _fail(self, method: str, status: int) -> SyncError:
        return SyncError(
            _("The server %(host)s answered %(method)s with HTTP %(status)d; try again later.")
            % {"host": self.host, "method": method, "status": status}
        )

    def _propfind(self, path: str) -> list[tuple[str, bool]] | None:
        """(name, is_collection) of each child of ``path``; None if it does not exist."""
        status, data = self._request(
            "PROPFIND",
            path,
            PROPFIND_BODY,
            {"Depth": "1", "Content-Type": "application/xml; charset=utf-8"},
        )
        if status == 404:
            return None
        if status != 207:
            raise self._fail("PROPFIND", status)
        try:
            tree = ET.fromstring(data)
        except ET.ParseError:
            raise self._fail("PROPFIND", status) from None
        out = []
        own = path.rstrip("/")
        for response in tree.iter(f"{DAV}response"):
            href = unquote(urlsplit(response.findtext(f"{DAV}href") or "").path).rstrip("/")
            if href == own or not href:
                continue
            is_dir = response.find(f".//{DAV}resourcetype/{DAV}collection") is not None
            out.append((href.rsplit("/", 1)[-1], is_dir))
        return out

    # --- transport -------------------------------------------------------------------

    def reachable(self) -> bool:
        try:
            status, _data = self._request(
                "PROPFIND", self.base.rsplit(ROOT, 1)[0], PROPFIND_BODY, {"Depth": "0"}, timeout=5
            )
        except TargetUnreachable:
            return False
        except SyncError:
            return True  # it answers; the credentials are another matter
        return status < 500

    def list(self) -> list[Entry]:
        folders = self._propfind(self.base)
        if folders is None:
            return []
        out = []
        for folder, is_dir in sorted(folders):
            if not is_dir or folder.startswith("."):
                continue
            files = self._propfind(self.base + folder + "/") or []
            out += [
                Entry(folder, name) for name, d in sorted(files) if not d and is_bundle_name(name)
            ]
        return out

    def get(self, entry: Entry) -> bytes:
        status, data = self._request("GET", self.base + entry.key)
        if status != 200:
            raise self._fail("GET", status)
        return data

    def _mkcol(self, path: str) -> None:
        status, _data = self._request("MKCOL", path)
        if status not in (201, 405):  # 405: it exists already
            raise self._fail("MKCOL", status)

    def put(self, folder: str, name: str, data: bytes) -> None:
        self._mkcol(self.base)
        self._mkcol(self.base + folder + "/")
        partial = f"{self.base}{folder}/.{name}.partial"
        status, _data = self._request(
            "PUT", partial, data, {"Content-Type": "application/octet-stream"}
        )
        if status not in (200, 201, 204):
            raise self._fail("PUT", status)
        destination = f"{self.scheme}://{self.host}{f':{self.port}' if self.port else ''}"
        destination += quote(f"{self.base}{folder}/{name}")
        status, _data = self._request(
            "MOVE", partial, headers={"Destination": destination, "Overwrite": "T"}
        )
        if status not in (200, 201, 204):
            raise self._fail("MOVE", status)
