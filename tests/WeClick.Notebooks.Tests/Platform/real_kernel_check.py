"""Starts the installed weclick-csharp kernel the way Jupyter does (jupyter_client.KernelManager, kernelspec found through
JUPYTER_PATH), runs real C# through it, and checks kernel_info, is_complete, a rejected bad signature, interrupt of a
running loop, Console.ReadLine through input_request, completion, restart (a fresh process and state) and a clean shutdown with no process left. Usage: real_kernel_check.py WORKING_DIR. Prints one JSON object:
{"ok": true, ...} or {"ok": false, "failed": "..."} (exit code 1). Every wait has a timeout."""
import json
import os
import sys
import time

import zmq
from jupyter_client import KernelManager
from jupyter_client.session import Session

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from jupyter_checks import check, report, shell_reply as reply_within  # noqa: E402

observed = {}


def run_cell(kc, code, timeout=60):
    """Executes code; returns (reply content, outputs as (msg_type, content))."""
    outputs = []
    reply = kc.execute_interactive(code, timeout=timeout, output_hook=lambda m: outputs.append((m["msg_type"], m["content"])))
    return reply["content"], outputs


def shell_reply(kc, msg_id, timeout=10):
    return reply_within(kc, msg_id, timeout)["content"]


def processes_mentioning(text):
    found = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                if text.encode() in f.read():
                    found.append(int(pid))
        except OSError:
            pass
    return found


def main(working_dir):
    km = KernelManager(kernel_name="weclick-csharp")
    km.start_kernel(cwd=working_dir)
    process = km.provisioner.process
    connection_file = km.connection_file
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=120)

        info = kc.kernel_info(reply=True, timeout=10)["content"]
        observed["language"] = info["language_info"]["name"]
        observed["implementation"] = info["implementation"]
        check(info["status"] == "ok" and observed["language"] == "csharp", f"kernel_info: {info}")

        observed["is_complete"] = [shell_reply(kc, kc.is_complete(code))["status"] for code in ("var x = 1;", "if (true) {")]
        check(observed["is_complete"] == ["complete", "incomplete"], f"is_complete: {observed['is_complete']}")

        reply, outputs = run_cell(kc, 'var greeting = "hello"; Console.WriteLine(greeting); greeting.Length')
        results = [c["data"]["text/plain"] for t, c in outputs if t == "execute_result"]
        streams = [c["text"] for t, c in outputs if t == "stream"]
        check(reply["status"] == "ok" and results == ["5"] and "".join(streams) == "hello\n", f"execute: {reply} {outputs}")

        # Polyglot Notebooks cells: #!fsharp is skipped (ok, one stderr line); after #!csharp a compile error keeps the
        # lines as typed, in .NET Interactive's form.
        reply, outputs = run_cell(kc, "#!fsharp\nlet x = 1")
        observed["fsharp_skipped"] = [reply["status"]] + [c["text"] for t, c in outputs if t == "stream"]
        reply, outputs = run_cell(kc, '#!csharp\nvar ok = greeting;\nint wrong = "x";')
        observed["csharp_error"] = [reply["status"], reply.get("ename"), reply.get("evalue")]

        # TorchSharp in the kernel process: its libtorch natives load (from the kernel's deps.json), `torch` is a default
        # import, and a tensor shows as PyTorch prints it, with an HTML table.
        reply, outputs = run_cell(kc, "var t = arange(6).reshape(2, 3);\n"
                                      "var conv = nn.functional.conv2d(ones(1, 1, 3, 3), ones(1, 1, 3, 3)).item<float>();\n"
                                      "Console.WriteLine($\"conv {conv}\");\nt", timeout=120)
        shown = [c["data"] for t, c in outputs if t == "execute_result"]
        observed["tensor_text"] = shown[0]["text/plain"] if shown else None
        observed["tensor_html"] = "<td>5</td>" in shown[0].get("text/html", "") if shown else False
        observed["tensor_stream"] = "".join(c["text"] for t, c in outputs if t == "stream")
        check(reply["status"] == "ok" and observed["tensor_html"], f"tensor cell: {reply} {outputs}")

        # Console.ReadLine in a C# cell asks the frontend (input_request) when the request allows stdin, and fails
        # with a clear error when it does not (nbconvert, papermill).
        prompts = []

        def answer(msg):
            prompts.append(msg["msg_type"])
            kc.input("typed by the frontend")

        outputs = []
        reply = kc.execute_interactive('var typed = Console.ReadLine(); typed == "typed by the frontend"', timeout=60,
                                       allow_stdin=True, stdin_hook=answer,
                                       output_hook=lambda m: outputs.append((m["msg_type"], m["content"])))["content"]
        observed["input_prompts"] = prompts
        observed["input_result"] = [c["data"]["text/plain"] for t, c in outputs if t == "execute_result"]
        check(reply["status"] == "ok" and observed["input_result"] == ["True"], f"input: {reply} {outputs}")
        reply = shell_reply(kc, kc.execute("Console.ReadLine()", allow_stdin=False), timeout=60)
        observed["input_refused"] = reply.get("evalue", "")
        check(reply["status"] == "error", f"input without allow_stdin: {reply}")

        # A request signed with the wrong key must be dropped: no reply, and its code never runs.
        marker = os.path.join(working_dir, "bad-signature-ran.txt")
        info_json = json.load(open(connection_file))
        dealer = zmq.Context.instance().socket(zmq.DEALER)
        dealer.linger = 0
        dealer.connect(f"tcp://{info_json['ip']}:{info_json['shell_port']}")
        Session(key=b"not-the-key", username="intruder").send(
            dealer, "execute_request", {"code": f'File.WriteAllText(@"{marker}", "ran");', "silent": False})
        observed["bad_signature_answered"] = dealer.poll(2000) != 0
        dealer.close()
        reply, _ = run_cell(kc, "1 + 1")  # shell is serial: had the bad request run, it would have run by now
        observed["bad_signature_ran"] = os.path.exists(marker)
        check(not observed["bad_signature_answered"] and not observed["bad_signature_ran"], "a badly signed request was served")

        # Interrupt a tight loop in a cell (no library call in it).
        msg_id = kc.execute("long spins = 0; while (true) { spins++; }")
        time.sleep(1.5)
        started = time.monotonic()
        km.interrupt_kernel()
        reply = shell_reply(kc, msg_id, timeout=15)
        observed["interrupt_seconds"] = round(time.monotonic() - started, 2)
        observed["interrupt_ename"] = reply.get("ename")
        check(reply["status"] == "error" and "Cancel" in reply.get("ename", ""), f"interrupt reply: {reply}")
        reply, outputs = run_cell(kc, "spins > 0")
        check(reply["status"] == "ok" and [c["data"]["text/plain"] for t, c in outputs if t == "execute_result"] == ["True"],
              f"after the interrupt: {reply} {outputs}")

        # Completion of a variable's members, from the real engine's state.
        completion = shell_reply(kc, kc.complete("greeting.Le", len("greeting.Le")))
        observed["completion"] = [m for m in completion["matches"] if m == "Length"]
        check(completion["status"] == "ok" and observed["completion"] == ["Length"] and completion["cursor_start"] == len("greeting."),
              f"complete: {completion}")

        # Restart: a new kernel process with a fresh state (jupyter_client shuts the old one down and starts another).
        old_process = process
        km.restart_kernel(now=False)
        process = km.provisioner.process
        kc.wait_for_ready(timeout=120)
        observed["restart_old_exit_code"] = old_process.poll()
        reply, _ = run_cell(kc, "greeting")
        observed["after_restart"] = reply.get("ename")
        observed["after_restart_evalue"] = reply.get("evalue")
        check(observed["restart_old_exit_code"] == 0 and process.pid != old_process.pid and reply["status"] == "error",
              f"restart: old exit {observed['restart_old_exit_code']}, reply {reply}")
    except BaseException:
        kc.stop_channels()
        km.shutdown_kernel(now=True)  # never leave a kernel behind when a check fails
        raise
    kc.stop_channels()

    started = time.monotonic()
    km.shutdown_kernel(now=False)
    observed["shutdown_seconds"] = round(time.monotonic() - started, 2)
    observed["exit_code"] = process.poll()
    observed["left_behind"] = processes_mentioning(connection_file)
    check(observed["exit_code"] == 0, f"kernel exit code {observed['exit_code']} (not a clean exit)")
    check(observed["left_behind"] == [], f"processes still running: {observed['left_behind']}")


if __name__ == "__main__":
    sys.exit(report(lambda: main(sys.argv[1]), observed))
