"""A tiny text generator served over HTTP on 127.0.0.1, for the inference test.

The model is built here with python3-torch (random weights, seeded; nothing is
downloaded): an embedding, a few dense layers and an output layer over a 64-token
vocabulary, generating one token per forward pass, so a request's cost grows with the
tokens it asks for. GET /generate?tokens=N&prompt=TEXT answers with the tokens; GET
/metrics exposes vLLM-named Prometheus counters (vllm:request_success_total,
vllm:generation_tokens_total, vllm:prompt_tokens_total); each request also appends
"served output_tokens=N input_tokens=M" to the log file given. SIGTERM stops it.

usage: inference_server.py PORT LOGFILE"""

import http.server
import signal
import sys
import threading
import urllib.parse

import torch

torch.set_num_threads(1)
torch.manual_seed(0)
VOCAB, WIDTH, LAYERS = 64, 768, 4
model = torch.nn.Sequential(
    torch.nn.Embedding(VOCAB, WIDTH),
    *[m for _ in range(LAYERS) for m in (torch.nn.Linear(WIDTH, WIDTH), torch.nn.Tanh())],
    torch.nn.Linear(WIDTH, VOCAB),
).eval()

lock = threading.Lock()
counters = {"requests": 0, "output": 0, "prompt": 0}


@torch.no_grad()
def generate(prompt, tokens):
    token = torch.tensor([sum(map(ord, prompt)) % VOCAB])
    out = []
    for _ in range(tokens):
        token = model(token).argmax(dim=-1)
        out.append(int(token))
    return out


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def _send(self, body, content_type="text/plain"):
        data = body.encode()
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        url = urllib.parse.urlparse(self.path)
        if url.path == "/metrics":
            with lock:
                c = dict(counters)
            self._send("# TYPE vllm:request_success_total counter\n"
                       f'vllm:request_success_total{{finished_reason="length",model_name="tiny"}} {c["requests"]}\n'
                       f'vllm:generation_tokens_total{{model_name="tiny"}} {c["output"]}\n'
                       f'vllm:prompt_tokens_total{{model_name="tiny"}} {c["prompt"]}\n')
            return
        if url.path != "/generate":
            self.send_error(404)
            return
        query = urllib.parse.parse_qs(url.query)
        tokens = int(query.get("tokens", ["8"])[0])
        prompt = query.get("prompt", ["hello"])[0]
        out = generate(prompt, tokens)
        with lock:
            counters["requests"] += 1
            counters["output"] += len(out)
            counters["prompt"] += len(prompt.split())
            with open(LOG, "a") as log:
                log.write(f"served output_tokens={len(out)} input_tokens={len(prompt.split())}\n")
        self._send(" ".join(map(str, out)))


if __name__ == "__main__":
    PORT, LOG = int(sys.argv[1]), sys.argv[2]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", PORT), Handler)
    signal.signal(signal.SIGTERM, lambda *a: threading.Thread(target=server.shutdown).start())
    server.serve_forever()
