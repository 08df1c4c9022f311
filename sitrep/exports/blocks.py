"""The brief's Markdown as a plain tree of blocks and inline runs, for typesetting.

markdown-it-py parses the Markdown (CommonMark, GFM tables, raw HTML off); this
turns its token stream into lists and dicts of strings that a template lays out
as data. Nothing here is markup: a run of text is a string, whatever it holds.

Blocks: ``heading`` (level, inlines), ``para`` (inlines), ``list`` (ordered,
start, items: lists of blocks), ``table`` (head: cells, rows: lists of cells;
a cell is a list of inlines), ``figure`` (name, alt), ``rule``.
Inlines: ``text`` (s), ``strong``/``em`` (c: inlines), ``link`` (href, c),
``code`` (s), ``br``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from markdown_it.token import Token

Node = dict[str, Any]


def to_blocks(tokens: Sequence[Token], figures: dict[str, str]) -> list[Node]:
    """The block tree of a token stream; images whose src is a key of figures become figures."""
    blocks, _ = _blocks(list(tokens), 0, None, figures)
    return blocks


def _blocks(
    tokens: list[Token], i: int, until: str | None, figures: dict[str, str]
) -> tuple[list[Node], int]:
    out: list[Node] = []
    while i < len(tokens):
        token = tokens[i]
        kind = token.type
        if kind == until:
            return out, i + 1
        if kind == "heading_open":
            out.append({"t": "heading", "level": int(token.tag[1]), "c": _inline(tokens[i + 1])})
            i += 3
        elif kind == "paragraph_open":
            content = tokens[i + 1]
            figure = _figure(content, figures)
            out.append(figure or {"t": "para", "c": _inline(content)})
            i += 3
        elif kind in ("bullet_list_open", "ordered_list_open"):
            ordered = kind == "ordered_list_open"
            close = kind.replace("_open", "_close")
            items: list[list[Node]] = []
            i += 1
            while tokens[i].type != close:
                item, i = _blocks(tokens, i + 1, "list_item_close", figures)
                items.append(item)
            start = int(token.attrGet("start") or 1) if ordered else 1
            out.append({"t": "list", "ordered": ordered, "start": start, "items": items})
            i += 1
        elif kind == "table_open":
            table, i = _table(tokens, i + 1)
            out.append(table)
        elif kind == "hr":
            out.append({"t": "rule"})
            i += 1
        elif kind in ("fence", "code_block"):
            out.append({"t": "para", "c": [{"t": "code", "s": token.content}]})
            i += 1
        else:  # blockquotes and anything else the brief never writes: keep the text
            if kind == "inline":
                out.append({"t": "para", "c": _inline(token)})
            i += 1
    return out, i


def _figure(content: Token, figures: dict[str, str]) -> Node | None:
    children = content.children or []
    if len(children) == 1 and children[0].type == "image":
        src = str(children[0].attrGet("src"))
        if src in figures:
            alt = "".join(c.content for c in children[0].children or [])
            return {"t": "figure", "name": figures[src], "alt": alt}
    return None


def _table(tokens: list[Token], i: int) -> tuple[Node, int]:
    head: list[list[Node]] = []
    rows: list[list[list[Node]]] = []
    row: list[list[Node]] = []
    in_head = False
    while tokens[i].type != "table_close":
        kind = tokens[i].type
        if kind == "thead_open":
            in_head = True
        elif kind == "thead_close":
            in_head = False
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close":
            if in_head:
                head = row
            else:
                rows.append(row)
        elif kind == "inline":
            row.append(_inline(tokens[i]))
        i += 1
    return {"t": "table", "head": head, "rows": rows}, i + 1


def _inline(token: Token) -> list[Node]:
    root: list[Node] = []
    stack: list[list[Node]] = [root]
    for child in token.children or []:
        kind = child.type
        if kind == "text":
            _text(stack[-1], child.content)
        elif kind in ("softbreak",):
            _text(stack[-1], " ")
        elif kind == "hardbreak":
            stack[-1].append({"t": "br"})
        elif kind == "code_inline":
            stack[-1].append({"t": "code", "s": child.content})
        elif kind in ("strong_open", "em_open", "link_open"):
            node: Node = {"t": kind.removesuffix("_open"), "c": []}
            if kind == "link_open":
                node["href"] = str(child.attrGet("href") or "")
            stack[-1].append(node)
            stack.append(node["c"])
        elif kind in ("strong_close", "em_close", "link_close") and len(stack) > 1:
            stack.pop()
        elif kind == "image":
            _text(stack[-1], "".join(c.content for c in child.children or []))
        elif child.content:
            _text(stack[-1], child.content)
    return root


def _text(into: list[Node], s: str) -> None:
    if into and into[-1]["t"] == "text":
        into[-1]["s"] += s
    else:
        into.append({"t": "text", "s": s})
