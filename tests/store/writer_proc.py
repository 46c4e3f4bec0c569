"""A separate process that writes to a store (used by the fault and concurrency tests; not a test itself).

    python writer_proc.py URL NAME COUNT MESSAGES [--hang-mid]

Each transaction writes one journal entry and one imported chat of MESSAGES messages, then prints
"committed NAME I". With --hang-mid, after COUNT commits it starts one more transaction, writes half of it,
flushes it to the database, prints "mid" and sleeps (to be killed).
"""

from __future__ import annotations

import sys
import time

from heartwork.store import chats, journal, open_store, users


def main() -> None:
    url, name, count, messages = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    hang = "--hang-mid" in sys.argv
    store = open_store(url)
    with store.session() as s:
        uid = users.local_user(s).id
    for i in range(count):
        with store.session() as s:
            journal.add_entry(s, uid, "letter", title=f"{name}-{i}", body=f"{name} entry {i}", data={"i": i})
            chats.import_chat(
                s,
                uid,
                f"{name}-chat-{i}",
                "test",
                ((None, name, f"{name} {i} message {j}") for j in range(messages)),
            )
        print(f"committed {name} {i}", flush=True)
    if hang:
        with store.session() as s:
            journal.add_entry(s, uid, "letter", title=f"{name}-partial", body="must not survive")
            chats.import_chat(
                s,
                uid,
                f"{name}-chat-partial",
                "test",
                ((None, name, f"half {j}") for j in range(messages // 2)),
            )
            s.flush()
            print("mid", flush=True)
            time.sleep(120)
    store.close()


if __name__ == "__main__":
    main()
