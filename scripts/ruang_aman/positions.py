"""YAML reading that keeps where every value and key came from (line and column)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

Loc = tuple[int | str, ...]


@dataclass
class Positioned:
    """Plain YAML data plus the position of every key and value, looked up by path."""

    data: Any
    values: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    duplicates: list[tuple[Loc, int, int]] = field(default_factory=list)

    def find(self, loc: Loc, prefer_key: bool = False) -> tuple[int, int]:
        """Best position for a path: the node itself, else its nearest known parent."""
        loc = tuple(loc)
        while True:
            table = (self.keys, self.values) if prefer_key else (self.values, self.keys)
            for positions in table:
                if loc in positions:
                    return positions[loc]
            if not loc:
                return (1, 1)
            loc = loc[:-1]


# Content never needs deeper nesting than a list of records holding lists of texts; a file nested deeper
# (e.g. thousands of '[') would only exhaust the parser's recursion.
MAX_DEPTH = 20
TOO_DEEP = f"the data is nested more than {MAX_DEPTH} levels deep."
ALIAS_HINT = "write the value out in full where it is needed; content files never need to repeat a value by reference."
TOO_DEEP_HINT = "content is a list of entries holding texts and short lists; check the brackets and indentation."


class YamlSyntaxError(Exception):
    """A YAML file that cannot be parsed at all, with the position of the fault."""

    code = "yaml-syntax"
    hint = ("check the indentation and that every 'key: value' has a space after the colon; "
            "quote text that contains ': '.")

    def __init__(self, message: str, line: int, col: int):
        super().__init__(message)
        self.line, self.col = line, col


class YamlRefused(YamlSyntaxError):
    """Valid YAML that content may not use: anchors and aliases (an alias bomb), or nesting too deep."""

    def __init__(self, code: str, message: str, hint: str, mark: yaml.Mark, line_offset: int):
        super().__init__(message, mark.line + 1 + line_offset, mark.column + 1)
        self.code, self.hint = code, hint


# LibYAML (C) when PyYAML was built with it: content is read on every check and every preview save.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_OPENS = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSES = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def _refuse_aliases_and_depth(text: str, line_offset: int) -> None:
    """Read the YAML events once, before any node is built: an anchor or alias, or nesting deeper than
    MAX_DEPTH, is refused at its position. Nine nested aliases would otherwise expand into hundreds of millions
    of values (an "alias bomb"), and deep nesting would exhaust the composer's recursion."""
    loader = _LOADER(text)
    depth = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                what = f"anchors and aliases ('&{event.anchor}', '*{event.anchor}') are not allowed in content."
                raise YamlRefused("yaml-alias", what, ALIAS_HINT, event.start_mark, line_offset)
            if isinstance(event, _OPENS):
                depth += 1
                if depth > MAX_DEPTH:
                    raise YamlRefused("yaml-too-deep", TOO_DEEP, TOO_DEEP_HINT, event.start_mark, line_offset)
            elif isinstance(event, _CLOSES):
                depth -= 1
    finally:
        loader.dispose()


def compose(text: str, line_offset: int = 0) -> yaml.Node | None:
    """The node tree of one YAML document of content; YamlSyntaxError (positioned) if malformed or refused."""
    try:
        _refuse_aliases_and_depth(text, line_offset)
        return yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if mark and "nesting depth" in str(exc.problem):    # LibYAML's own limit, met while scanning ahead
            raise YamlRefused("yaml-too-deep", TOO_DEEP, TOO_DEEP_HINT, mark, line_offset) from None
        line = (mark.line + 1 + line_offset) if mark else 1 + line_offset
        col = (mark.column + 1) if mark else 1
        raise YamlSyntaxError(f"{exc.problem or exc.context}", line, col) from None


def load_plain(text: str) -> Any:
    """Plain data of one content YAML file (no positions), with the same refusals as load_positioned."""
    return load_positioned(text).data


def _mark(node: yaml.Node, line_offset: int) -> tuple[int, int]:
    return (node.start_mark.line + 1 + line_offset, node.start_mark.column + 1)


def load_positioned(text: str, line_offset: int = 0) -> Positioned:
    """Parse one YAML document; raise YamlSyntaxError with a position if it is malformed or refused."""
    root = compose(text, line_offset)
    out = Positioned(data=None)
    if root is None:
        out.data = {}
        return out
    constructor = yaml.SafeLoader("")

    def walk(node: yaml.Node, loc: Loc) -> Any:
        out.values[loc] = _mark(node, line_offset)
        if isinstance(node, yaml.MappingNode):
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = constructor.construct_object(key_node, deep=True)
                key = key if isinstance(key, (str, int)) else str(key)
                if key in result:
                    out.duplicates.append((loc + (key,), *_mark(key_node, line_offset)))
                out.keys[loc + (key,)] = _mark(key_node, line_offset)
                result[key] = walk(value_node, loc + (key,))
            return result
        if isinstance(node, yaml.SequenceNode):
            return [walk(child, loc + (i,)) for i, child in enumerate(node.value)]
        return constructor.construct_object(node, deep=True)

    out.data = walk(root, ())
    return out
