"""What the Jupyter checks share (Kernel/kernel_client_check.py drives the kernel in the test process,
Platform/real_kernel_check.py the installed kernel, Platform/live_session_check.py a Notebook 6 page): a failed check,
waiting for a condition or for the reply to one request, and the one JSON line the C# tests read."""
import json
import time


class CheckFailed(Exception):
    pass


def check(condition, what):
    if not condition:
        raise CheckFailed(what)


def wait_for(what, condition, timeout, interval=0.25):
    """Polls condition() until it returns a true value (returned); fails naming what (a text, or a function that gives
    it then) after timeout seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            check(False, f"{what() if callable(what) else what} (waited {timeout} s)")
        time.sleep(interval)


def shell_reply(kc, msg_id, timeout, get_msg=None):
    """The reply to msg_id (on shell, or on the channel get_msg reads); other messages are skipped."""
    get_msg = get_msg or kc.get_shell_msg
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        msg = get_msg(timeout=max(0.01, deadline - time.monotonic()))
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg
    raise CheckFailed(f"no reply to {msg_id} within {timeout} s")


def report(run, observed):
    """Runs run(); prints {"ok": true, ...observed} or {"ok": false, "failed": ..., ...observed}; returns the exit code."""
    try:
        run()
        print(json.dumps({"ok": True, **observed}, default=str))
        return 0
    except Exception as e:  # a failed check, a timeout in get_msg (queue.Empty) and the like: all reported as JSON
        failed = str(e) if isinstance(e, CheckFailed) else f"{type(e).__name__}: {e}"
        print(json.dumps({"ok": False, "failed": failed, **observed}, default=str))
        return 1
