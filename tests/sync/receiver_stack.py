"""The receiver as docs/receiver.md deploys it, on loopback: `migrate`, then `serve` with N
workers under /bpa-mottak, behind Debian's nginx ending TLS with packaging/receiver's own site
file (a self-signed certificate made here). Used by the proxy tests and, as a command, by .ci/run
to start the receiver that the end-to-end and browser tests then use:

    python -m tests.sync.receiver_stack up --db URL --state DIR [--receiver-bin PATH] [--workers 4]
    python -m tests.sync.receiver_stack down --state DIR

`up` prints shell `export` lines (BPA_TEST_RECEIVER_URL, _DB, _LOG, _CA) for the tests.
"""

from __future__ import annotations

import argparse
import datetime
import ipaddress
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[2]
SITE_FILE = REPO / "packaging" / "receiver" / "nginx-bpa-receiver.conf"
ROOT_PATH = "/bpa-mottak"
TEST_KEY_SECRET = "test-only-receiver-key-secret"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"  # /usr/sbin is not on every PATH


def make_certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 and localhost (cryptography), valid for a day."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "bpa-receiver test")])
    now = datetime.datetime.now(datetime.timezone.utc)
    certificate = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5)).not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([
            x509.IPAddress(ipaddress.ip_address("127.0.0.1")), x509.DNSName("localhost")]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    key_path.chmod(0o600)
    return cert_path, key_path


def site_config(*, upstream_port: int, https_port: int, http_port: int, cert: Path, key: Path) -> str:
    """packaging/receiver/nginx-bpa-receiver.conf with this machine's ports and certificate."""
    text = SITE_FILE.read_text()
    for old, new in (
        ("server 127.0.0.1:8765;", f"server 127.0.0.1:{upstream_port};"),
        ("listen 80;", f"listen 127.0.0.1:{http_port};"),
        ("listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl http2;"),
        ("/etc/ssl/bpa-receiver/fullchain.pem", str(cert)),
        ("/etc/ssl/bpa-receiver/privkey.pem", str(key)),
    ):
        assert old in text, f"{SITE_FILE.name} no longer has {old!r}"
        text = text.replace(old, new)
    return text


def nginx_config(folder: Path, site: str, *, daemon: bool) -> Path:
    (folder / "site.conf").write_text(site)
    user = "user root;\n" if os.geteuid() == 0 else ""
    conf = folder / "nginx.conf"
    conf.write_text(f"""{user}daemon {'on' if daemon else 'off'};
worker_processes 2;
pid {folder}/nginx.pid;
error_log {folder}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log {folder}/nginx-access.log;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    include {folder}/site.conf;
}}
""")
    return conf


def free_ports(count: int) -> list[int]:
    import socket

    sockets = [socket.socket() for _ in range(count)]
    try:
        for sock in sockets:
            sock.bind(("127.0.0.1", 0))
        return [sock.getsockname()[1] for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


def receiver_bin_command(receiver_bin: str | None) -> list[str]:
    """`bpa-receiver` of the receiver's own install, or this checkout's `bpa receiver`."""
    if receiver_bin:
        return [receiver_bin]
    return [sys.executable, "-m", "bpa_desktop.cli", "receiver"]


def wait_healthy(url: str, *, verify, process: subprocess.Popen | None = None, log: Path | None = None,
                 seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while True:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"exited early:\n{log.read_text() if log else ''}")
        try:
            if httpx.get(url, timeout=2, verify=verify).status_code == 200:
                return
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"{url} did not answer in {seconds} s:\n{log.read_text() if log else ''}")
        time.sleep(0.2)


@dataclass
class Stack:
    base_url: str  # https://127.0.0.1:<port>/bpa-mottak
    direct_url: str  # http://127.0.0.1:<port> (the receiver without the proxy)
    db_url: str
    ca_file: Path
    log_path: Path
    receiver: subprocess.Popen | None
    nginx: subprocess.Popen | None


def start_receiver(command: list[str], db_url: str, port: int, workers: int, log_path: Path,
                   *, detach: bool = False, extra_env: dict | None = None) -> subprocess.Popen:
    migrate = subprocess.run([*command, "migrate", "--db", db_url], capture_output=True, text=True, timeout=120)
    if migrate.returncode != 0:
        raise RuntimeError(migrate.stderr)
    log = open(log_path, "ab")
    return subprocess.Popen(
        [*command, "serve", "--db", db_url, "--port", str(port), "--workers", str(workers),
         "--root-path", ROOT_PATH, "--forwarded-allow-ips", "127.0.0.1", "--secure-cookies"],
        stdout=log, stderr=subprocess.STDOUT, start_new_session=detach,
        # bpa-sync/2 needs the secret that seals the receiver's signing key (a test-only one here).
        env={"BPA_RECEIVER_KEY_SECRET": TEST_KEY_SECRET, **os.environ, "PYTHONUNBUFFERED": "1", **(extra_env or {})},
    )


def stop_process(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextmanager
def running_stack(db_url: str, folder: Path, *, workers: int = 4, receiver_bin: str | None = None):
    """The whole stack for one test module; stopped afterwards."""
    receiver_port, https_port, http_port = free_ports(3)
    cert, key = make_certificate(folder)
    log_path = folder / "receiver.log"
    receiver = start_receiver(receiver_bin_command(receiver_bin), db_url, receiver_port, workers, log_path)
    nginx = None
    try:
        wait_healthy(f"http://127.0.0.1:{receiver_port}/v1/health", verify=True, process=receiver, log=log_path)
        conf = nginx_config(folder, site_config(upstream_port=receiver_port, https_port=https_port,
                                                http_port=http_port, cert=cert, key=key), daemon=False)
        nginx = subprocess.Popen([NGINX, "-c", str(conf)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        base_url = f"https://127.0.0.1:{https_port}{ROOT_PATH}"
        wait_healthy(f"{base_url}/v1/health", verify=str(cert), process=nginx)
        yield Stack(base_url, f"http://127.0.0.1:{receiver_port}", db_url, cert, log_path, receiver, nginx)
    finally:
        if nginx is not None:
            stop_process(nginx)
        stop_process(receiver)


def _up(args: argparse.Namespace) -> int:
    state = Path(args.state)
    state.mkdir(parents=True, exist_ok=True)
    receiver_port, https_port, http_port = free_ports(3)
    cert, key = make_certificate(state)
    log_path = state / "receiver.log"
    receiver = start_receiver(receiver_bin_command(args.receiver_bin), args.db, receiver_port, args.workers,
                              log_path, detach=True)
    wait_healthy(f"http://127.0.0.1:{receiver_port}/v1/health", verify=True, process=receiver, log=log_path)
    conf = nginx_config(state, site_config(upstream_port=receiver_port, https_port=https_port, http_port=http_port,
                                           cert=cert, key=key), daemon=True)
    subprocess.run([NGINX, "-c", str(conf)], check=True)
    base_url = f"https://127.0.0.1:{https_port}{ROOT_PATH}"
    wait_healthy(f"{base_url}/v1/health", verify=str(cert))
    (state / "stack.json").write_text(json.dumps({"receiver_pid": receiver.pid, "nginx_conf": str(conf)}))
    for name, value in (("URL", base_url), ("DB", args.db), ("LOG", str(log_path)), ("CA", str(cert))):
        print(f"export BPA_TEST_RECEIVER_{name}='{value}'")
    return 0


def _down(args: argparse.Namespace) -> int:
    state = Path(args.state) / "stack.json"
    if not state.exists():
        return 0
    info = json.loads(state.read_text())
    subprocess.run([NGINX, "-c", info["nginx_conf"], "-s", "stop"], check=False)
    try:
        os.killpg(info["receiver_pid"], signal.SIGTERM)  # its own session: the parent and its workers
    except ProcessLookupError:
        pass
    state.unlink()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    actions = parser.add_subparsers(dest="action", required=True)
    up = actions.add_parser("up")
    up.add_argument("--db", required=True)
    up.add_argument("--state", required=True)
    up.add_argument("--workers", type=int, default=4)
    up.add_argument("--receiver-bin")
    up.set_defaults(handler=_up)
    down = actions.add_parser("down")
    down.add_argument("--state", required=True)
    down.set_defaults(handler=_down)
    args = parser.parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    raise SystemExit(main())
