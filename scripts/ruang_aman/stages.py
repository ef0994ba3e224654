"""Stages that run on the staged site after MkDocs, in order. Each returns False to stop.

Order matters: the search index reads the pages before they are minified; the service worker's cache
version hashes the finished files; the offline bundle zips the finished site (without the service worker).
"""

from __future__ import annotations

from .minify import minify_stage
from .offline import offline_bundle_stage, service_worker_stage
from .posters.stage import posters_stage
from .privacy.stage import privacy_stage
from .search_index import search_stage
from .sitecheck import site_check_stage

STAGES: list = [
    posters_stage,
    search_stage,
    minify_stage,
    service_worker_stage,
    offline_bundle_stage,
    site_check_stage,
    privacy_stage,
]
