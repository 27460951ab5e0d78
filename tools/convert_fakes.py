#!/usr/bin/env python3
"""Converts the FA-KES CSV (804 Syrian-war articles, CC BY 4.0) into Sitrep's JSONL input shape.

Usage: python3 tools/convert_fakes.py [SRC_CSV] [DEST_JSONL]
Stray Windows-1252 bytes in the source are decoded with replacement, as its SOURCE.md advises.
"""
import csv, json, sys
from datetime import datetime

src = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/fakes/FA-KES-Dataset.csv"
dest = sys.argv[2] if len(sys.argv) > 2 else "bench/data/fakes/fakes.jsonl"
seen = {}
with open(src, encoding="cp1252", errors="replace", newline="") as f, open(dest, "w", encoding="utf-8") as out:
    for row in csv.DictReader(f):
        try:
            published = datetime.strptime(row["date"].strip(), "%m/%d/%Y").strftime("%Y-%m-%d")
        except ValueError:
            published = None
        # A few unit ids repeat in the dataset: later copies get a suffix so ids stay unique.
        n = seen[row["unit_id"]] = seen.get(row["unit_id"], 0) + 1
        doc_id = f"fakes-{row['unit_id']}" + (f"-{n}" if n > 1 else "")
        doc = {"id": doc_id, "title": row["article_title"].strip(),
               "text": row["article_content"].replace("\r\n", "\n"), "outlet": row["source"].strip(),
               "published": published}
        out.write(json.dumps(doc, ensure_ascii=False) + "\n")
