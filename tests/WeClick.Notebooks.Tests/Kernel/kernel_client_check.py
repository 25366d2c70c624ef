"""Drives a running kernel with the real Jupyter client (jupyter_client.BlockingKernelClient, pyzmq) and checks
its answers. Usage: kernel_client_check.py CONNECTION_FILE. Prints one JSON object on stdout: {"ok": true, ...observed
values...} or {"ok": false, "failed": "<what>"} with exit code 1. Every wait has a timeout."""
import json
import os
import sys
import time

import zmq
from jupyter_client import BlockingKernelClient
from jupyter_client.session import Session

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from jupyter_checks import CheckFailed, check, report, shell_reply as reply_within  # noqa: E402

TIMEOUT = 5
observed = {}


def shell_reply(kc, msg_id, get_msg=None):
    return reply_within(kc, msg_id, TIMEOUT, get_msg)


def iopub_until_idle(kc, msg_id):
    """The iopub messages parented to msg_id, up to and including status idle."""
    seen = []
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        msg = kc.get_iopub_msg(timeout=max(0.01, deadline - time.monotonic()))
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        seen.append(msg)
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return seen
    raise CheckFailed(f"no status idle for {msg_id} within {TIMEOUT} s; saw {[m['msg_type'] for m in seen]}")


def sequence(messages):
    return [m["msg_type"] if m["msg_type"] != "status" else "status:" + m["content"]["execution_state"] for m in messages]


def execute(kc, code):
    msg_id = kc.execute(code)
    return iopub_until_idle(kc, msg_id), shell_reply(kc, msg_id)


def raw_shell_send(info, frames_from_session, wait_ms=2000):
    """Sends a message on a raw DEALER socket and reports whether any reply came within wait_ms."""
    context = zmq.Context.instance()
    dealer = context.socket(zmq.DEALER)
    dealer.linger = 0
    dealer.connect(f"tcp://{info['ip']}:{info['shell_port']}")
    frames_from_session(dealer)
    answered = dealer.poll(wait_ms) != 0
    dealer.close()
    return answered


def main(connection_file):
    with open(connection_file) as f:
        info = json.load(f)
    kc = BlockingKernelClient(connection_file=connection_file)
    kc.load_connection_file()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=10)

        # kernel_info, with busy/idle around it.
        msg_id = kc.kernel_info()
        reply = shell_reply(kc, msg_id)
        content = reply["content"]
        observed["kernel_info"] = content
        observed["reply_header"] = reply["header"]
        check(sequence(iopub_until_idle(kc, msg_id)) == ["status:busy", "status:idle"], "kernel_info: busy/idle on iopub")

        # is_complete.
        observed["is_complete"] = {}
        for code in ["int x = 1;", "if (x) {", "}"]:
            msg_id = kc.is_complete(code)
            observed["is_complete"][code] = shell_reply(kc, msg_id)["content"]

        # An execute with a result.
        messages, reply = execute(kc, "result")
        observed["result_sequence"] = sequence(messages)
        observed["result_messages"] = [m["content"] for m in messages]
        observed["result_reply"] = reply["content"]

        # display and update_display.
        messages, reply = execute(kc, "display")
        observed["display_messages"] = [{"type": m["msg_type"], "content": m["content"]} for m in messages if "display" in m["msg_type"]]

        # An error cell.
        messages, reply = execute(kc, "fail")
        observed["error_sequence"] = sequence(messages)
        observed["error_output"] = [m["content"] for m in messages if m["msg_type"] == "error"]
        observed["error_reply"] = reply["content"]

        # Console input: an input_request on stdin when allowed, an error when not.
        msg_id = kc.execute("input", allow_stdin=True)
        request = kc.get_stdin_msg(timeout=TIMEOUT)
        observed["input_request"] = {"type": request["msg_type"], "content": request["content"],
                                     "parent": request["parent_header"].get("msg_id") == msg_id}
        kc.input("hello from the frontend")
        observed["input_streams"] = [m["content"]["text"] for m in iopub_until_idle(kc, msg_id) if m["msg_type"] == "stream"]
        observed["input_reply"] = shell_reply(kc, msg_id)["content"]
        msg_id = kc.execute("input", allow_stdin=False)
        observed["input_refused_reply"] = shell_reply(kc, msg_id)["content"]
        iopub_until_idle(kc, msg_id)

        # A failing cell with another queued behind it ("run all"): the queued one is aborted, not run. The kernel
        # answers the queued one before the failed one (so nothing sent after the failure is seen can be aborted):
        # collect both replies in whatever order they come.
        failing = kc.execute("slowfail")
        queued = kc.execute("result")
        replies = {}
        deadline = time.monotonic() + TIMEOUT
        while len(replies) < 2 and time.monotonic() < deadline:
            msg = kc.get_shell_msg(timeout=max(0.01, deadline - time.monotonic()))
            if msg["parent_header"].get("msg_id") in (failing, queued):
                replies[msg["parent_header"]["msg_id"]] = msg["content"]
        check(len(replies) == 2, f"replies to the failing and the queued cell: got {list(replies)}")
        observed["slowfail_reply"] = replies[failing]
        observed["queued_reply"] = replies[queued]
        iopub_until_idle(kc, queued)

        # complete (positions in code points: the emoji is one code point, two UTF-16 units), inspect, comm_info.
        msg_id = kc.complete("\U0001F600x.L", 4)
        observed["complete_reply"] = shell_reply(kc, msg_id)["content"]
        msg_id = kc.inspect("s.Length", 3)
        observed["inspect_reply"] = shell_reply(kc, msg_id)["content"]
        on_control = kc.session.msg("complete_request", {"code": "s.L", "cursor_pos": 3})
        kc.control_channel.send(on_control)
        msg_id = kc.comm_info()
        observed["comm_info_reply"] = shell_reply(kc, msg_id)["content"]

        # Messages signed with the wrong key, unsigned, or malformed: no reply, nothing run.
        wrong = Session(key=b"not-the-key", username="intruder")
        unsigned = Session(key=b"", username="intruder")
        observed["bad_signature_answered"] = raw_shell_send(
            info, lambda s: wrong.send(s, "execute_request", {"code": "bad-signature", "silent": False}))
        observed["missing_signature_answered"] = raw_shell_send(
            info, lambda s: unsigned.send(s, "execute_request", {"code": "missing-signature", "silent": False}), 1000)
        observed["malformed_answered"] = raw_shell_send(info, lambda s: s.send_multipart([b"<IDS|MSG>", b"x"]), 500)
        observed["bad_json_answered"] = raw_shell_send(
            info, lambda s: s.send_multipart([b"<IDS|MSG>", kc.session.sign([b"{", b"{}", b"{}", b"{}"]), b"{", b"{}", b"{}", b"{}"]), 500)
        unknown = kc.session.msg("no_such_request", {})
        kc.shell_channel.send(unknown)
        msg_id = kc.kernel_info()
        observed["alive_after_rejections"] = shell_reply(kc, msg_id)["content"]["status"]

        # A long cell: heartbeat still answers, interrupt on control ends it with an error.
        msg_id = kc.execute("loop")
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            msg = kc.get_iopub_msg(timeout=TIMEOUT)
            if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream":
                break
        context = zmq.Context.instance()
        heartbeat = context.socket(zmq.REQ)
        heartbeat.linger = 0
        heartbeat.connect(f"tcp://{info['ip']}:{info['hb_port']}")
        heartbeat.send(b"ping")
        observed["heartbeat_during_cell"] = heartbeat.recv().decode() if heartbeat.poll(2000) else None
        heartbeat.close()
        started = time.monotonic()
        interrupt = kc.session.msg("interrupt_request", {})
        kc.control_channel.send(interrupt)
        observed["interrupt_reply"] = shell_reply(kc, interrupt["header"]["msg_id"], kc.get_control_msg)["content"]
        observed["loop_reply"] = shell_reply(kc, msg_id)["content"]
        observed["interrupt_seconds"] = time.monotonic() - started

        # Polyglot Notebooks cells: an F# cell is skipped (status ok, one stderr line naming it, nothing run); a #!csharp
        # cell runs, its selector line blanked.
        messages, reply = execute(kc, "#!fsharp\nlet x = 42\nx")
        observed["fsharp_sequence"] = sequence(messages)
        observed["fsharp_streams"] = [m["content"] for m in messages if m["msg_type"] == "stream"]
        observed["fsharp_reply"] = reply["content"]
        messages, reply = execute(kc, "#!csharp\nresult")
        observed["csharp_streams"] = [m["content"]["text"] for m in messages if m["msg_type"] == "stream"]
        observed["csharp_reply"] = reply["content"]

        # Shutdown on control: reply, then the kernel exits (the C# side times Run's return).
        shutdown = kc.session.msg("shutdown_request", {"restart": False})
        kc.control_channel.send(shutdown)
        observed["shutdown_reply"] = shell_reply(kc, shutdown["header"]["msg_id"], kc.get_control_msg)["content"]
    finally:
        kc.stop_channels()


if __name__ == "__main__":
    sys.exit(report(lambda: main(sys.argv[1]), observed))
