"""Stages that run on the staged site after MkDocs, in order. Each returns False to stop."""

from __future__ import annotations

STAGES: list = []
