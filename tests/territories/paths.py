"""Test data of the territories app: small package-shaped folders, and the developer machine's shared data."""

from pathlib import Path

DATA = Path(__file__).parent / "data"  # v1: six real communes and their EPCI; v2: a later release of them
SHARED_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
