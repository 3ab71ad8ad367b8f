"""Debian's python3-websockets (10.4, the asyncio API) as a client of our server, driven by a script.

    /usr/bin/python3 client.py SCRIPT.json

The file holds {"url": "ws://127.0.0.1:PORT/echo", "compression": "deflate" | null, "steps": [...]}. It
connects, runs the steps in order and prints every event as one JSON line; it ends with {"event": "done"}
(exit 0) or {"event": "failure"} (exit 1) when a step could not finish.

Steps (the same as test/interop/node/ws-client.mjs, less fragments and raw frames):
    {"send": {"text": ".."} | {"hex": ".."} | {"generate": {"bytes": N, "pattern": "..", "binary": B}}}
    {"ping": "payload"}   the pong is reported when it arrives
    {"close": {"code": N, "reason": ".."}}   the closing handshake, then the close is reported
    {"await": "message" | "pong" | "close"}
"""
import asyncio
import base64
import hashlib
import json
import os
import sys

import websockets

AWAIT_SECONDS = 20
SHORT_TEXT = 512
PHRASE = "Mensa today: pasta with tomato sauce, salad bar, apple strudel. "


def report(event):
    sys.stdout.write(json.dumps(event) + "\n")
    sys.stdout.flush()


def describe(data):
    binary = isinstance(data, (bytes, bytearray))
    raw = bytes(data) if binary else data.encode("utf-8")
    description = {"binary": binary, "length": len(raw), "sha256": hashlib.sha256(raw).hexdigest()}
    if not binary and len(raw) <= SHORT_TEXT:
        description["text"] = data
    return description


def generate(spec):
    size, pattern = spec["bytes"], spec["pattern"]
    if pattern == "random":
        data = os.urandom(size)
    elif pattern == "letters":
        data = base64.b64encode(os.urandom(size))[:size]
    elif pattern == "repeat":
        data = (PHRASE * (size // len(PHRASE) + 1))[:size].encode("ascii")
    elif pattern == "blocks":
        block = base64.b64encode(os.urandom(2250))
        data = (block * (size // len(block) + 1))[:size]
    else:
        raise ValueError(f"unknown pattern {pattern}")
    return data if spec.get("binary") else data.decode("ascii")


class Events:
    """Received events by kind, so that a step can wait for the next one not awaited yet."""

    def __init__(self):
        self.queues = {}

    def queue(self, kind):
        return self.queues.setdefault(kind, asyncio.Queue())

    def emit(self, kind, event):
        report(event)
        self.queue(kind).put_nowait(event)

    async def next(self, kind):
        try:
            return await asyncio.wait_for(self.queue(kind).get(), AWAIT_SECONDS)
        except asyncio.TimeoutError:
            raise RuntimeError(f"no {kind} within {AWAIT_SECONDS} s") from None


async def receive(ws, events):
    try:
        async for message in ws:
            events.emit("message", {"event": "message", **describe(message)})
    except websockets.ConnectionClosed:
        pass
    events.emit("close", {"event": "close", "code": ws.close_code, "reason": ws.close_reason})


async def pong(waiter, payload, events):
    await waiter
    events.emit("pong", {"event": "pong", "text": payload})


async def run(script):
    events = Events()
    ws = await websockets.connect(script["url"], compression=script.get("compression"),
                                  max_size=64 * 1024 * 1024, ping_interval=None, open_timeout=10)
    report({"event": "open", "protocol": ws.subprotocol,
            "extensions": ws.response_headers.get("Sec-WebSocket-Extensions")})
    receiver = asyncio.create_task(receive(ws, events))
    background = []
    for step in script.get("steps", []):
        if "send" in step:
            send = step["send"]
            if "text" in send:
                data = send["text"]
            elif "hex" in send:
                data = bytes.fromhex(send["hex"])
            else:
                data = generate(send["generate"])
            await ws.send(data)
            report({"event": "sent", **describe(data)})
        elif "ping" in step:
            waiter = await ws.ping(step["ping"].encode("latin-1"))
            background.append(asyncio.create_task(pong(waiter, step["ping"], events)))
        elif "close" in step:
            await ws.close(code=step["close"]["code"], reason=step["close"]["reason"])
        elif "await" in step:
            await events.next(step["await"])
        else:
            raise ValueError(f"unknown step {step}")
    await ws.close()
    await asyncio.wait_for(receiver, AWAIT_SECONDS)
    for task in background:
        task.cancel()
    report({"event": "done", "websockets": websockets.__version__})


def main():
    with open(sys.argv[1], encoding="utf-8") as file:
        script = json.load(file)
    try:
        asyncio.run(asyncio.wait_for(run(script), 120))
    except Exception as error:  # the JUnit side reads the reason from the last line
        report({"event": "failure", "message": f"{type(error).__name__}: {error}"})
        sys.exit(1)


if __name__ == "__main__":
    main()
