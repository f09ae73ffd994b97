"""The spaCy side: lazy import, the `writer_figures` factory reachable through the entry point."""

from __future__ import annotations

import subprocess
import sys


def test_importing_the_check_does_not_import_spacy():
    code = "import sys, writer.check, writer.cli; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "False"


def test_factory_through_entry_point_without_importing_writer():
    code = (
        "import spacy\n"
        "nlp = spacy.blank('en'); nlp.add_pipe('sentencizer'); nlp.add_pipe('writer_figures')\n"
        "doc = nlp('According to CoinAnk, longs lost about $1.361 billion. Shorts lost $90 million.')\n"
        "print([s.text for s in doc.spans['writer_figures']], [s.label_ for s in doc.spans['writer_phrases']], len(list(doc.sents)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "['$1.361 billion', '$90 million'] ['attribution'] 2"


def test_pipeline_components():
    from writer.check.nlp import build_pipeline

    nlp = build_pipeline()
    assert nlp.pipe_names == ["writer_figures"]
    doc = nlp("Longs lost approx. $5M in the U.S. market, est. by CoinAnk. Then “it ended.” The $1.45 billion total\n\nheld")
    assert [doc.text[s:e] for s, e in doc._.writer_sentences] == [
        "Longs lost approx. $5M in the U.S. market, est. by CoinAnk.", "Then “it ended.”", "The $1.45 billion total", "held"]
    assert [s.text for s in doc.sents][:2] == ["Longs lost approx. $5M in the U.S. market, est. by CoinAnk.", "Then “it ended.”"]
    assert [f.text for f in doc._.writer_figures] == ["$5M", "$1.45 billion"]
    assert [t.text for t in nlp.tokenizer("$92,000-$94,000 (94%), CoinAnk's")] == ["$", "92,000", "-", "$", "94,000", "(", "94", "%", ")", ",", "CoinAnk", "'s"]
