"""Runs each peer extractor over the article-extraction benchmark's pages, one process, one
core (the best of three passes), and writes one parallax-style report per tool ({"articles": [{"id", "body"}]}) so that
every tool is scored by the same scorer. Only the extraction call is timed: the pages are
read and decompressed first.

    python peers.py PAGES_DIR OUT_DIR
"""
import gzip, json, os, sys, time


def pages(folder):
    out = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".html.gz"):
            with gzip.open(os.path.join(folder, name), "rb") as f:
                out.append((name[: -len(".html.gz")], f.read()))
    return out


def trafilatura_tool():
    import trafilatura

    return lambda raw: trafilatura.extract(raw.decode("utf-8", "replace")) or ""


def readability_tool():
    from readability import Document
    import lxml.html

    def run(raw):
        summary = Document(raw.decode("utf-8", "replace")).summary(html_partial=True)
        return lxml.html.fromstring(summary).text_content() if summary.strip() else ""

    return run


def justext_tool():
    import justext

    stop = justext.get_stoplist("English")
    return lambda raw: "\n".join(
        p.text for p in justext.justext(raw, stop) if not p.is_boilerplate
    )


def resiliparse_tool():
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    return lambda raw: extract_plain_text(
        HTMLTree.parse_from_bytes(raw), main_content=True
    )


def goose_tool():
    from goose3 import Goose

    g = Goose()
    return lambda raw: g.extract(raw_html=raw.decode("utf-8", "replace")).cleaned_text or ""


def newsplease_tool():
    from newsplease import NewsPlease

    def run(raw):
        a = NewsPlease.from_html(raw.decode("utf-8", "replace"), url=None, fetch_images=False)
        return (a.maintext or "") if a else ""

    return run


TOOLS = {
    "trafilatura": trafilatura_tool,
    "readability-lxml": readability_tool,
    "justext": justext_tool,
    "resiliparse": resiliparse_tool,
    "goose3": goose_tool,
    "news-please": newsplease_tool,
}


def main():
    folder, out = sys.argv[1], sys.argv[2]
    data = pages(folder)
    megabytes = sum(len(r) for _, r in data) / 1e6
    for name, make in TOOLS.items():
        try:
            run = make()
        except Exception as e:  # a peer that does not install is reported, not fatal
            print(f"{name}: unavailable ({e})", file=sys.stderr)
            continue
        # The best of three passes, as for parallax, so that a moment of load on the
        # machine does not decide the rate.
        seconds = float("inf")
        for _ in range(3):
            articles, failed = [], 0
            started = time.perf_counter()
            for page_id, raw in data:
                try:
                    body = run(raw)
                except Exception:
                    body, failed = "", failed + 1
                articles.append({"id": page_id, "body": body})
            seconds = min(seconds, time.perf_counter() - started)
        with open(os.path.join(out, f"{name}.json"), "w", encoding="utf-8") as f:
            json.dump({"articles": articles}, f)
        print(f"{name} {len(data) / seconds:.0f} {megabytes / seconds:.1f} {failed}", flush=True)


if __name__ == "__main__":
    main()
