"""The line protocol shared by the PyTorch benchmark workers (driven by PyTorchWorker.cs).

One command per line on stdin, one JSON answer per line on stdout, so that the C# driver can alternate C# and
PyTorch rounds in one run. Built in: `threads N` -> {"threads": N, "version": "..."} and `quit`. Every other
command goes to its handler with the remaining words; an exception is answered as {"error": "..."} instead of
ending the worker, and the C# side turns it into an error message.
"""
import json
import sys

import torch


def serve(handlers):
    """Answers stdin lines until `quit` or end of input; `handlers` maps a command to a function of its words."""
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        if words[0] == "quit":
            break
        try:
            if words[0] == "threads":
                torch.set_num_threads(int(words[1]))
                answer = {"threads": torch.get_num_threads(), "version": f"python {sys.version.split()[0]}, torch {torch.__version__}"}
            elif words[0] in handlers:
                answer = handlers[words[0]](words[1:])
            else:
                answer = {"error": f"unknown command {words[0]}"}
        except Exception as e:  # report, do not die
            answer = {"error": f"{type(e).__name__}: {e}"}
        print(json.dumps(answer), flush=True)
