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


class _ContentLoader(yaml.SafeLoader):
    """PyYAML's safe loader that refuses anchors and aliases and deep nesting while composing, before any value
    is built: nine nested aliases would otherwise expand into billions of values (an "alias bomb")."""

    line_offset = 0

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise YamlRefused(
                "yaml-alias", f"anchors and aliases ('&{event.anchor}', '*{event.anchor}') are not allowed in content.",
                "write the value out in full where it is needed; content files never need to repeat a value by reference.",
                event.start_mark, self.line_offset)
        self._depth = getattr(self, "_depth", 0) + 1
        try:
            if self._depth > MAX_DEPTH:
                raise YamlRefused(
                    "yaml-too-deep", f"the data is nested more than {MAX_DEPTH} levels deep.",
                    "content is a list of entries holding texts and short lists; check the brackets and indentation.",
                    event.start_mark, self.line_offset)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def compose(text: str, line_offset: int = 0) -> yaml.Node | None:
    """The node tree of one YAML document of content; YamlSyntaxError (positioned) if malformed or refused."""
    loader = _ContentLoader(text)
    loader.line_offset = line_offset
    try:
        return loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 + line_offset) if mark else 1 + line_offset
        col = (mark.column + 1) if mark else 1
        raise YamlSyntaxError(f"{exc.problem or exc.context}", line, col) from None
    finally:
        loader.dispose()


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
