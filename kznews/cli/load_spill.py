"""`python -m kznews load-spill FILE...`: load articles spilled to local files while MongoDB was down
(kznews.storage.spill); prints one JSON line per file. Idempotent. Exit status: 0 all loaded, 1 the database
failed or lines of a file could not be read (docs/operations.md), 2 no MONGO_URI or no such file."""

from __future__ import annotations

import json
import os
from pathlib import Path


def add_parser(commands) -> None:
    load_spill = commands.add_parser(
        "load-spill", help="load spill files into MongoDB (MONGO_URI, MONGO_DATABASE); idempotent"
    )
    load_spill.add_argument("files", nargs="+", help="spill files (.local/spill/*.jsonl)")
    load_spill.set_defaults(run=run)


def run(args) -> int:
    from kznews.settings.registry import BY_NAME, from_environment

    # Credentials only from the environment (MONGO_URI), never from the command line.
    given = from_environment(os.environ)
    uri = given.get("MONGO_URI", BY_NAME["MONGO_URI"].default)
    return load_files(args.files, uri, given.get("MONGO_DATABASE", BY_NAME["MONGO_DATABASE"].default))


def load_files(files: list[str], uri: str, database: str) -> int:
    from kznews.safety import install_log_filter, scrub, secrets_of
    from kznews.storage import ArticleStore, redact_uri
    from kznews.storage.spill import load_spill

    secrets = secrets_of(uri)
    install_log_filter(secrets)
    if not uri:
        print("MONGO_URI is empty: nowhere to load the spill file into", flush=True)
        return 2
    missing = [f for f in files if not Path(f).is_file()]
    if missing:
        print(f"no such file: {', '.join(missing)}", flush=True)
        return 2
    store = ArticleStore(uri, database)
    status = 0
    try:
        store.ensure_indexes()
        for name in files:
            result = load_spill(store, name)
            print(json.dumps(result, ensure_ascii=False), flush=True)
            if result["invalid_lines"]:  # lines that could not be read stay unloaded: not a success
                print(f"{name}: {result['invalid_lines']} lines could not be read and were not loaded", flush=True)
                status = 1
    except Exception as error:  # the database is down or refuses: say so without the credentials
        message = scrub(str(error), secrets)[:500]
        print(f"could not load into {redact_uri(uri)}: {type(error).__name__}: {message}", flush=True)
        status = 1
    finally:
        store.close()
    return status
