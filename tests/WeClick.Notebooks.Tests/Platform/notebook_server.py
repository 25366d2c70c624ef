"""Jupyter Notebook 6 (Debian's jupyter-notebook) on loopback for live_session_check.py: a free port, a random token, its
own process group, and a stop that leaves no kernel behind. JUPYTER_PATH, JUPYTER_RUNTIME_DIR etc. come from the caller."""
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from jupyter_checks import check, wait_for  # noqa: E402


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """jupyter notebook in its own process group, so that stopping it reaches everything it started."""

    def __init__(self, folder):
        self.port = free_port()
        self.token = secrets.token_hex(24)
        self.log_path = os.path.join(folder, "..", "notebook-server.log")
        self.log = open(self.log_path, "w")
        self.process = subprocess.Popen(
            ["/usr/bin/jupyter", "notebook", "--no-browser", "--ip=127.0.0.1", f"--port={self.port}", "--port-retries=0",
             f"--NotebookApp.token={self.token}", f"--notebook-dir={folder}"]
            + (["--allow-root"] if os.geteuid() == 0 else []),  # CI and these machines run as root
            cwd=folder, stdout=self.log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
        self.base = f"http://127.0.0.1:{self.port}"

    def log_tail(self, lines=30):
        self.log.flush()
        with open(self.log_path) as f:
            return "".join(f.readlines()[-lines:])

    def wait_until_up(self, timeout=60):
        def up():
            check(self.process.poll() is None, f"jupyter notebook exited with {self.process.returncode}:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(f"{self.base}/api/status?token={self.token}", timeout=2) as r:
                    return r.status == 200
            except OSError:
                return False
        wait_for(lambda: f"jupyter notebook did not answer on {self.base}:\n{self.log_tail()}", up, timeout)

    def kernel_pids(self):
        """Processes started with a connection file from this server's runtime folder (its kernels)."""
        runtime = os.environ.get("JUPYTER_RUNTIME_DIR", "/nonexistent")
        found = []
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                with open(f"/proc/{pid}/cmdline", "rb") as f:
                    if runtime.encode() in f.read():
                        found.append(int(pid))
            except OSError:
                pass
        return found

    def stop(self):
        """SIGTERM to the group (the server then shuts its kernels down), SIGKILL to whatever is left after 15 s."""
        kernels = self.kernel_pids()
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=5)
        left = wait_for_exit(kernels, 10)
        for pid in left:  # a kernel runs in a session of its own (jupyter_client starts it so): end it by its id
            os.kill(pid, signal.SIGKILL)
        self.log.close()
        return left


def wait_for_exit(pids, timeout):
    deadline = time.monotonic() + timeout
    while True:
        left = [pid for pid in pids if os.path.exists(f"/proc/{pid}") and not zombie(pid)]
        if not left or time.monotonic() > deadline:
            return left
        time.sleep(0.2)


def zombie(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True
