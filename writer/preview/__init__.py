"""``writer preview``: an article with the provenance of every figure, as one self-contained HTML page.

    from writer.preview import preview_html
    html, watched = preview_html(Path("factbase/events/x.yaml"))

The model (:mod:`writer.preview.model`) gathers the figures and what backs
them; :mod:`writer.preview.render` writes the page; :mod:`writer.preview.watch`
re-renders when an input changes.
"""

from __future__ import annotations

from pathlib import Path

from writer.preview.model import PreviewData, from_article, from_event, is_event_file


def preview_data(path: Path, *, facts: Path | None = None, templates_dir: Path | None = None, sources: Path | None = None,
                 config=None, output: Path | None = None, text: str | None = None) -> PreviewData:
    """An event file is drafted; anything else is read as an article and checked."""
    path = Path(path)
    if is_event_file(path) and text is None:
        return from_event(path, templates_dir=templates_dir, sources=sources, config=config, output=output)
    return from_article(path, text=text, facts=facts, templates_dir=templates_dir, config=config)


def preview_html(path: Path, **options) -> tuple[str, list[Path]]:
    """(the page, the files whose change should re-render it)."""
    from writer.preview.render import render_page

    data = preview_data(path, **options)
    return render_page(data), data.watched


__all__ = ["PreviewData", "preview_data", "preview_html"]
