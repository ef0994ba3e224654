"""Ruang Aman: multilingual content pipeline (content_src/ -> site/, posters, privacy guard).

The languages are data: content_src/site.yml declares them (model.Language); nothing here names one.
"""
