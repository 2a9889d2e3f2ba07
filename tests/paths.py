"""Where the tests find the project and its seed referater: one definition for every module."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"  # the five real referater (2020–2026), the project's test data
SEEDS = sorted(FIXTURES.glob("*.txt"))
