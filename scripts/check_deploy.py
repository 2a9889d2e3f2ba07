"""Check the deployment files without a Docker engine (CI runs this).

    python scripts/check_deploy.py build PYTHON      # the Dockerfile's build-time Django step
    python scripts/check_deploy.py compose SCHEMA    # docker-compose.yml against the compose spec

`build` runs the Dockerfile's collectstatic line — its build key, DEBUG=0 — with PYTHON, a clean
virtualenv where the project was installed as the Dockerfile installs it (`pip install .`).
`compose` validates docker-compose.yml against the Compose specification's JSON schema
(compose_spec.json) and checks that web and worker share the originals' volume and have
healthchecks.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build(python: str) -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    joined = dockerfile.replace("\\\n", " ")
    line = next(
        row for row in joined.splitlines() if "collectstatic" in row and row.startswith("RUN")
    )
    key = re.search(r"SECRET_KEY=(\S+)", line)[1]
    env = dict(os.environ, DEBUG="0", SECRET_KEY=key)
    env.pop("DATABASE_URL", None)
    with tempfile.TemporaryDirectory() as static:
        env["STATIC_ROOT"] = static
        subprocess.run(
            [python, "manage.py", "collectstatic", "--noinput"], cwd=ROOT, env=env, check=True
        )
        count = sum(1 for _ in Path(static).rglob("*") if _.is_file())
    print(f"Dockerfile build step: collectstatic with DEBUG=0 wrote {count} files")


def compose(schema_path: str) -> None:
    import jsonschema
    import yaml

    document = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    schema = json.loads(Path(schema_path).read_text())
    errors = [e.message for e in jsonschema.Draft7Validator(schema).iter_errors(document)]
    if errors:
        sys.exit("docker-compose.yml is not a valid Compose file:\n  " + "\n  ".join(errors))
    services = document["services"]
    for name in ("web", "worker"):
        assert "originals:/data/media" in services[name]["volumes"], f"{name} lacks originals"
        assert services[name].get("healthcheck"), f"{name} has no healthcheck"
    assert services["worker"]["command"][-1] == "ingest_worker"
    print("docker-compose.yml: valid against the Compose specification; web and worker share "
          "the originals and have healthchecks")


if __name__ == "__main__":
    {"build": build, "compose": compose}[sys.argv[1]](sys.argv[2])
