"""Folder and WebDAV targets against real folders and a real WsgiDAV server on 127.0.0.1."""

from __future__ import annotations

import socket
import threading

import pytest
from cheroot import wsgi
from test_sync_helpers import content, make_org
from wsgidav.wsgidav_app import WsgiDAVApp

from fieldkit.sync import credentials
from fieldkit.sync.engine import sync
from fieldkit.sync.errors import SyncError, TargetUnreachable
from fieldkit.sync.targets import Target, save_target, target_from_location, targets
from fieldkit.sync.transports.folder import FolderTransport
from fieldkit.sync.transports.webdav import WebDAVTransport


class DropMidUpload:
    """WSGI middleware: the ``at``-th PUT's connection (the first unless told) is cut after
    half of its body arrived."""

    def __init__(self, app, at: int = 1):
        self.app = app
        self.puts_left = at

    def __call__(self, environ, start_response):
        if environ["REQUEST_METHOD"] == "PUT":
            self.puts_left -= 1
        if self.puts_left == 0 and environ["REQUEST_METHOD"] == "PUT":
            length = int(environ.get("CONTENT_LENGTH") or 0)
            environ["wsgi.input"].read(length // 2)
            sock = _socket_of(environ["wsgi.input"])
            sock.shutdown(socket.SHUT_RDWR)
            raise ConnectionAbortedError("connection dropped mid-upload")
        return self.app(environ, start_response)


def _socket_of(stream) -> socket.socket:
    seen = set()
    todo = [stream]
    while todo:
        obj = todo.pop()
        if isinstance(obj, socket.socket):
            return obj
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        for name in ("rfile", "raw", "_sock", "sock", "conn", "socket"):
            child = getattr(obj, name, None)
            if child is not None:
                todo.append(child)
    raise RuntimeError("no socket found")


@pytest.fixture
def dav_server(tmp_path):
    """Start WsgiDAV servers; yields a factory (auth=True for Basic auth, drop=True to cut
    the first upload, drop=N the N-th)."""
    servers = []

    def start(*, auth: bool = False, drop: bool | int = False):
        root = tmp_path / f"dav{len(servers)}"
        root.mkdir()
        users = {"*": {"alice": {"password": "s3cret"}}} if auth else {"*": True}
        config = {
            "provider_mapping": {"/": str(root)},
            "simple_dc": {"user_mapping": users},
            "http_authenticator": {
                "accept_basic": True,
                "accept_digest": False,
                "default_to_digest": False,
                "trusted_auth_header": None,
            },
            "verbose": 0,
            "logging": {"enable": False},
            "lock_storage": True,
        }
        app = WsgiDAVApp(config)
        if drop:
            app = DropMidUpload(app, at=int(drop))
        server = wsgi.Server(("127.0.0.1", 0), app)
        server.prepare()
        thread = threading.Thread(target=server.serve, daemon=True)
        thread.start()
        servers.append(server)
        host, port = server.bind_addr[:2]
        return f"http://{host}:{port}/", root

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def org(tmp_path):
    hq, devices = make_org(tmp_path, "delhi")
    yield hq, devices[0]
    hq.close()
    devices[0].close()


def test_webdav_sync_without_auth(dav_server, org):
    hq, delhi = org
    url, root = dav_server()
    delhi.contacts.add({"name": "Shelter", "phone": "+91 11 2345 6789"})
    target = target_from_location(url)
    assert WebDAVTransport(url).reachable()
    up = sync(delhi, target)
    assert (up.exported, up.uploaded) == (1, 1)
    files = list((root / "fieldkit-sync" / delhi.device_id).iterdir())
    assert [f.name for f in files] == [f"{delhi.device_id}-0000000001-{delhi.store.dseq:010d}.fkb"]
    down = sync(hq, target)
    assert (down.fetched, down.applied, down.changes) == (1, 1, 1)
    assert content(hq)["contacts"] == content(delhi)["contacts"]
    assert sync(hq, target).applied == 0


def test_webdav_with_basic_auth_and_saved_password(dav_server, org):
    hq, delhi = org
    url, _root = dav_server(auth=True)
    delhi.contacts.add({"name": "Lawyer"})
    with pytest.raises(SyncError, match="refused the user name or password"):
        sync(delhi, Target("cloud", "webdav", url, "alice"), password="wrong")
    save_target(
        delhi, Target("cloud", "webdav", url, "alice", auto="background"), password="s3cret"
    )
    [saved] = targets(delhi)
    assert (saved.name, saved.auto, saved.username) == ("cloud", "background", "alice")
    # No system keyring here (keyrings.alt's plain-text file keyring, installed for the tests,
    # is not trusted): the password is stored encrypted, never in plain text.
    stored = delhi.store.meta("sync.secret.cloud")
    assert stored.startswith("fernet:") and "s3cret" not in stored
    assert b"s3cret" not in (delhi.path / "fieldkit.db").read_bytes()
    assert credentials.load_secret(delhi, "cloud") == "s3cret"
    assert sync(delhi, saved).uploaded == 1
    save_target(hq, Target("cloud", "webdav", url, "alice"), password="s3cret")
    assert sync(hq, targets(hq)[0]).changes == 1


def test_webdav_password_kept_in_the_system_keyring(dav_server, org, file_keyring):
    hq, delhi = org
    url, _root = dav_server(auth=True)
    delhi.contacts.add({"name": "Lawyer"})
    save_target(delhi, Target("cloud", "webdav", url, "alice"), password="s3cret")
    # The profile holds only a marker; the password is in the keyring, under this device.
    assert delhi.store.meta("sync.secret.cloud") == "keyring"
    assert b"s3cret" not in (delhi.path / "fieldkit.db").read_bytes()
    account = f"{delhi.device_id}:cloud"
    assert file_keyring.get_password(credentials.SERVICE, account) == "s3cret"
    [saved] = targets(delhi)
    assert sync(delhi, saved).uploaded == 1  # the password came back from the keyring
    save_target(hq, Target("cloud", "webdav", url, "alice"), password="s3cret")
    assert sync(hq, targets(hq)[0]).changes == 1
    credentials.forget_secret(delhi, "cloud")
    assert file_keyring.get_password(credentials.SERVICE, account) is None
    assert credentials.load_secret(delhi, "cloud") is None


def test_dropped_upload_never_looks_complete_and_the_retry_succeeds(dav_server, org):
    hq, delhi = org
    url, root = dav_server(drop=True)
    for n in range(200):
        delhi.contacts.add({"name": f"Contact {n}", "notes": "x" * 200})
    target = target_from_location(url)
    with pytest.raises(TargetUnreachable, match="dropped the connection"):
        sync(delhi, target)
    folder = root / "fieldkit-sync" / delhi.device_id
    assert not [f for f in folder.iterdir() if f.name.endswith(".fkb")]
    assert sync(hq, target).applied == 0  # nothing complete to see
    retry = sync(delhi, target)
    assert (retry.exported, retry.uploaded) == (0, 1)  # the bundle was cut once, sent again
    assert sync(hq, target).changes == 200


def test_a_damaged_outbox_bundle_is_rebuilt_and_headquarters_applies_it(dav_server, org, tmp_path):
    """An encrypted office's bundle went to a USB stick that never reached headquarters,
    then its file in the outbox was damaged: the sync with the server cuts it again."""
    from fieldkit.data.encryption import BLOB_MAGIC
    from fieldkit.profile import Profile
    from fieldkit.sync import org as O
    from fieldkit.sync.files import sync_dir

    hq, _delhi = org
    field = Profile.create(tmp_path / "field", device_name="field", passphrase="horse battery")
    O.join(field, O.issue_enrolment(hq, "field"))
    contact = field.contacts.add({"name": "Meena Das", "phone": "+91 98100 11111"})
    photo = field.attach_bytes(b"\x89PNG office photo", "photo.png", contact)
    (tmp_path / "usb").mkdir()
    assert sync(field, target_from_location(str(tmp_path / "usb"))).uploaded == 1
    [own] = sync_dir(field, "outbox").iterdir()
    damaged = bytearray(own.read_bytes())
    damaged[len(damaged) // 2] ^= 0xFF
    own.write_bytes(bytes(damaged))
    url, root = dav_server()
    cloud = Target("cloud", "webdav", url, options={"encrypt_to_hq": True})
    report = sync(field, cloud)
    assert (report.uploaded, report.refused) == (1, [])
    assert [name for name, _notice in report.rebuilt] == [own.name]
    assert "nothing needs to be done" in report.rebuilt[0][1]
    assert own.read_bytes().startswith(BLOB_MAGIC) and own.read_bytes() != bytes(damaged)
    [sent] = (root / "fieldkit-sync" / field.device_id).iterdir()
    assert sent.name == f"{own.name}.age"  # encrypted to headquarters, as the target asks
    at_hq = target_from_location(url)
    got = sync(hq, at_hq)
    assert (got.applied, got.changes, got.refused) == (1, 2, [])  # the contact and its photo
    assert hq.attachment_bytes(photo) == b"\x89PNG office photo"
    assert content(hq) == content(field)
    # Both ways from then on: the two hold the same.
    hq.contacts.add({"name": "Legal Aid Cell"})
    sync(hq, at_hq)
    assert sync(field, cloud).applied == 1
    assert content(field) == content(hq)
    field.close()


def test_a_sync_that_fails_after_a_rebuild_still_reports_it(dav_server, org, tmp_path):
    """An unencrypted office's damaged outbox file is made again and sent, then the server
    drops the next upload: the error carries the notice, and the file is not made twice."""
    import zipfile

    from fieldkit.sync.engine import report_of_failed
    from fieldkit.sync.files import sync_dir

    hq, delhi = org
    (tmp_path / "usb").mkdir()
    usb = target_from_location(str(tmp_path / "usb"))
    delhi.contacts.add({"name": "Meena Das"})
    sync(delhi, usb)
    delhi.contacts.add({"name": "Ravi Kumar"})
    sync(delhi, usb)  # the stick never reached headquarters
    first, second = sorted(sync_dir(delhi, "outbox").iterdir())
    with zipfile.ZipFile(first) as zf:  # one letter of its manifest changed
        entries = {name: zf.read(name) for name in zf.namelist()}
    entries["manifest.json"] = entries["manifest.json"].replace(b'"delhi"', b'"delhj"', 1)
    with zipfile.ZipFile(first, "w") as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    url, root = dav_server(drop=2)
    cloud = target_from_location(url)
    with pytest.raises(TargetUnreachable, match="dropped the connection") as failed:
        sync(delhi, cloud)
    done = report_of_failed(failed.value)
    assert done is not None and [name for name, _notice in done.rebuilt] == [first.name]
    assert "It was made again from the same changes" in done.rebuilt[0][1]
    sent = root / "fieldkit-sync" / delhi.device_id
    assert sorted(p.name for p in sent.iterdir() if p.name.endswith(".fkb")) == [first.name]
    retry = sync(delhi, cloud)
    assert (retry.uploaded, retry.rebuilt) == (1, [])
    got = sync(hq, cloud)
    assert (got.applied, got.changes, got.refused) == (2, 2, [])
    assert content(hq) == content(delhi)
    assert report_of_failed(ValueError()) is None


def test_unreachable_server(org):
    _hq, delhi = org
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}/"
    assert not WebDAVTransport(url, timeout=2).reachable()
    with pytest.raises(TargetUnreachable, match="could not be reached"):
        sync(delhi, target_from_location(url))


def test_folder_target_each_device_writes_only_its_own_subfolder(tmp_path, org):
    hq, delhi = org
    stick = tmp_path / "stick"
    stick.mkdir()
    delhi.contacts.add({"name": "From Delhi"})
    hq.contacts.add({"name": "From HQ"})
    target = target_from_location(str(stick))
    sync(delhi, target)
    sync(hq, target)
    sync(delhi, target)
    root = stick / "fieldkit-sync"
    assert sorted(p.name for p in root.iterdir()) == sorted([delhi.device_id, hq.device_id])
    for sub in root.iterdir():
        assert all(f.name.startswith(sub.name) for f in sub.iterdir())
    assert content(hq)["contacts"] == content(delhi)["contacts"]


def test_folder_partial_files_are_invisible_and_missing_stick_is_clear(tmp_path):
    transport = FolderTransport(tmp_path)
    (tmp_path / "fieldkit-sync" / "dev").mkdir(parents=True)
    (tmp_path / "fieldkit-sync" / "dev" / ".dev-1-2.fkb.partial").write_bytes(b"half")
    assert transport.list() == []
    transport.put("dev", "dev-0000000001-0000000002.fkb", b"whole")
    assert [e.key for e in transport.list()] == ["dev/dev-0000000001-0000000002.fkb"]
    gone = FolderTransport(tmp_path / "unplugged")
    assert not gone.reachable()
    with pytest.raises(TargetUnreachable, match="Plug in the USB stick"):
        gone.list()
