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


class YamlSyntaxError(Exception):
    """A YAML file that cannot be parsed at all, with the position of the fault."""

    def __init__(self, message: str, line: int, col: int):
        super().__init__(message)
        self.line, self.col = line, col


def _mark(node: yaml.Node, line_offset: int) -> tuple[int, int]:
    return (node.start_mark.line + 1 + line_offset, node.start_mark.column + 1)


def load_positioned(text: str, line_offset: int = 0) -> Positioned:
    """Parse one YAML document; raise YamlSyntaxError with a position if it is malformed."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 + line_offset) if mark else 1 + line_offset
        col = (mark.column + 1) if mark else 1
        raise YamlSyntaxError(f"{exc.problem or exc.context}", line, col) from None
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
