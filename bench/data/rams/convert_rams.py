#!/usr/bin/env python3
"""Converts RAMS 1.0 dev/test (Conflict.Attack triggers only) into bench/data/rams/attack.jsonl.

Usage: python3 bench/data/rams/convert_rams.py /work/shared/data/rams bench/data/rams/attack.jsonl
Each output line: {"doc","split","url","text","sentences":[[s,e]...],"trigger":{"start","end","type","text"},
"args":[{"role","start","end","text"}]} with UTF-16 = code-point offsets (the text is ASCII-detokenised
English; offsets are Python str indices, identical to C# indices for BMP text).
"""
import json, sys

NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "]", "}", "%", "'s", "'S", "n't", "'re", "'ve", "'m", "'ll", "'d", "''", "'",
                   "\u2019s", "\u2019", "\u201d", "n\u2019t"}
NO_SPACE_AFTER = {"(", "[", "{", "$", "``", "#", "\u201c"}
QUOTES = {"``": '"', "''": '"'}


def detokenise(sentences):
    """Joins tokens with single spaces except around punctuation; returns text, token spans, sentence spans."""
    parts, spans, sent_spans, pos, prev = [], [], [], 0, None
    for sentence in sentences:
        sent_start = None
        for token in sentence:
            surface = QUOTES.get(token, token)
            glue = prev is None or token in NO_SPACE_BEFORE or prev in NO_SPACE_AFTER or token == "-" or prev == "-"
            if not glue:
                parts.append(" ")
                pos += 1
            if sent_start is None:
                sent_start = pos
            spans.append((pos, pos + len(surface)))
            parts.append(surface)
            pos += len(surface)
            prev = token
        sent_spans.append([sent_start, pos])
    return "".join(parts), spans, sent_spans


def main(src, out):
    rows = []
    for split in ("dev", "test"):
        for line in open(f"{src}/{split}.jsonlines", encoding="utf-8"):
            doc = json.loads(line)
            text, spans, sent_spans = detokenise(doc["sentences"])
            for start, end, types in doc["evt_triggers"]:
                etype = types[0][0]
                if not etype.startswith("conflict.attack"):
                    continue
                args = []
                for (ts, te), (a_s, a_e), role in doc["gold_evt_links"]:
                    if (ts, te) != (start, end):
                        continue
                    short = role[len("evtNNNargNN"):]
                    s, e = spans[a_s][0], spans[a_e][1]
                    args.append({"role": short, "start": s, "end": e, "text": text[s:e]})
                s, e = spans[start][0], spans[end][1]
                rows.append({"doc": doc["doc_key"], "split": split, "url": doc.get("source_url"), "text": text,
                             "sentences": sent_spans,
                             "trigger": {"start": s, "end": e, "type": etype, "text": text[s:e]}, "args": args})
    with open(out, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} Conflict.Attack triggers written to {out}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
